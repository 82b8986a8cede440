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

    /// - Parameter following: the bindings already followed, so one bound to itself ends.
    func explain(_ query: Query, in source: SourceFile, following: Set<String> = []) throws(Diagnostic) -> String {
        let (name, result, lineage) = try session.interpreter.lineage(of: query, in: source)
        // A binding made by a `let` is followed to the facts behind its query.
        let isBound = name.map { session.environment.catalog[$0] == nil && session.boundQueries[$0] != nil } ?? false
        guard let name, !isBound, let relation = session.environment.relation(named: name) else {
            return try explainBindings(in: query, of: source, result: result, following: following)
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

    /// A result computed from `let` bindings (`total - 1000`) came from the facts behind each.
    private func explainBindings(in query: Query, of source: SourceFile, result: QueryResult, following: Set<String>) throws(Diagnostic) -> String {
        var seen = following
        let names = Lexer.tokenize(SourceFile(name: source.name, text: source.text(of: query.range))).tokens.compactMap { token -> String? in
            guard case .identifier(let name) = token.kind, session.boundQueries[name] != nil, seen.insert(name).inserted else { return nil }
            return name
        }
        guard !names.isEmpty else { return "the result was computed from values in the statement, not from stored facts\n" }
        let shown = result.isBareValue ? (result.relation.columns[0].isNull(0) ? "NULL" : result.relation.columns[0][0].description) : "the result"
        var text = "\(shown) was computed from \(names.map { "'\($0)'" }.joined(separator: " and ")):\n"
        for name in names {
            guard let bound = session.boundQueries[name] else { continue }
            text += "'\(name)' is \(bound.source.text(of: bound.query.range)), and "
            text += try explain(bound.query, in: bound.source, following: seen)
        }
        return text
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
