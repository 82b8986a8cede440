import FactEngine
import FactFigures
import FactStore
import FactSyntax

/// `.why`: the stored facts behind a result, each with where it came from — a script's file
/// and line for curated facts, the article and its sentence (the number marked) for mentions.
struct Provenance {
    let session: Session
    /// How many facts are listed before the rest are only counted.
    static let limit = 30

    func explain(_ query: Query, in source: SourceFile) throws(Diagnostic) -> String {
        let (name, result, lineage) = try session.interpreter.lineage(of: query, in: source)
        guard let name, let relation = session.environment.relation(named: name) else {
            return "the result was computed from values in the statement, not from stored facts\n"
        }
        var seen = Set<Int32>()
        let rows = lineage.flatMap { $0 }.filter { seen.insert($0).inserted }.sorted()
        let shown =
            result.isBareValue
            ? (result.relation.columns[0].isNull(0) ? "NULL" : result.relation.columns[0][0].description) : "the result (\(result.relation.rowCount) \(result.relation.rowCount == 1 ? "row" : "rows"))"
        var lines = ["\(shown) came from \(rows.count) \(rows.count == 1 ? "fact" : "facts") in \(name):"]
        for row in rows.prefix(Self.limit) {
            lines.append("  " + describe(row: Int(row), of: relation))
            if FigureRefresh.readOnly[name] != nil {
                lines += figureLines(row: Int(row), of: relation).map { "    " + $0 }
            } else if let origin = relation.origins[Int(row)] {
                lines += originLines(origin, row: Int(row), of: relation, relationName: name).map { "    " + $0 }
            }
        }
        if rows.count > Self.limit { lines.append("  … and \(rows.count - Self.limit) more") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(row: Int, of relation: Relation) -> String {
        relation.fields.indices.compactMap { index in
            let column = relation.columns[index]
            guard !column.isNull(row) else { return nil }
            return "\(relation.fields[index].name)=\(column[row])"
        }.joined(separator: "  ")
    }

    /// For a figure, each of its mentions: the value, who gave it, and the sentence it is in.
    private func figureLines(row: Int, of figures: Relation) -> [String] {
        guard case .int(let id)? = figures.column(named: "id")?[row], let mentions = session.environment.catalog["mentions"],
            let figure = mentions.column(named: "figure")
        else { return [] }
        var lines: [String] = []
        for mention in 0..<mentions.rowCount where figure[mention] == .int(id) {
            let value = mentions.column(named: "value").map { $0[mention].description } ?? "?"
            let source = mentions.column(named: "attributed_to").flatMap { $0.isNull(mention) ? nil : $0[mention].description }
            lines.append(value + (source.map { " (\($0))" } ?? ""))
            if let origin = mentions.origins[mention] {
                lines += originLines(origin, row: mention, of: mentions, relationName: "mentions").map { "  " + $0 }
            }
        }
        return lines
    }

    /// For a mention, its sentence with the number marked; for anything else, the file and line.
    private func originLines(_ origin: RowOrigin, row: Int, of relation: Relation, relationName: String) -> [String] {
        guard relation.fieldIndex(named: "sentence") != nil, relation.fieldIndex(named: "article") != nil,
            let sentences = session.environment.catalog["sentences"],
            let articleColumn = sentences.column(named: "article"), let numberColumn = sentences.column(named: "n"),
            let textColumn = sentences.column(named: "text")
        else {
            return ["from \(origin.source):\(origin.line)"]
        }
        guard
            let sentenceRow = (0..<sentences.rowCount).first(where: {
                articleColumn[$0] == .string(origin.source) && numberColumn[$0] == .int(Int64(origin.line))
            }), case .string(let sentence) = textColumn[sentenceRow]
        else {
            return ["from article \(origin.source), sentence \(origin.line)"]
        }
        var marked = sentence
        if case .string(let phrase)? = relation.column(named: "text")?[row], !phrase.isEmpty, let range = sentence.firstRange(of: phrase) {
            let (open, close) = session.tableStyle.colored ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[", "]")
            marked = String(sentence[..<range.lowerBound]) + open + phrase + close + String(sentence[range.upperBound...])
        }
        return ["from article \(origin.source), sentence \(origin.line):", "“\(marked)”"]
    }
}
