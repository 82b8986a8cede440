import FactStore

/// A format whose text is written a batch of rows at a time (CSV, TSV, JSON, JSON Lines,
/// Markdown): the first rows of a big result reach the screen, the pipe or the file while
/// the later ones are still being turned into text, and the writing can stop between two
/// batches (Ctrl-C, a reader that closed the pipe) without ever holding the whole text.
protocol StreamingRenderer {
    /// What comes before the rows (a header line, `[`).
    func header(_ relation: Relation) -> String
    /// Some rows, in order; `rows.lowerBound == 0` for the first batch.
    func rows(_ rows: Range<Int>, of relation: Relation) -> String
    /// What comes after the rows (`]`).
    func footer(_ relation: Relation) -> String
}

extension StreamingRenderer {
    /// The rows turned into text between two writes.
    static var rowsPerBatch: Int { 4096 }

    /// The relation's text, handed to `write` a batch at a time; a `write` that throws stops it.
    func stream<Problem: Error>(_ relation: Relation, to write: (String) throws(Problem) -> Void) throws(Problem) {
        try write(header(relation))
        for start in stride(from: 0, to: relation.rowCount, by: Self.rowsPerBatch) {
            try write(rows(start..<min(start + Self.rowsPerBatch, relation.rowCount), of: relation))
        }
        try write(footer(relation))
    }

    /// The relation's whole text.
    func text(of relation: Relation) -> String {
        var text = ""
        stream(relation) { text += $0 }
        return text
    }

    func footer(_ relation: Relation) -> String { "" }
}
