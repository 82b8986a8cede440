import DataImport
import FactEngine
import FactSyntax
import FactStore
import SessionStore

extension Session {
    /// Runs `.name arguments`; errors point at the command's line.
    func runDotCommand(name: String, arguments: String, statement: Statement) throws {
        let words = DotCommand.words(arguments)
        func usageError(_ message: String? = nil) -> Diagnostic {
            let usage = DotCommand.named(name)?.usage ?? "." + name
            return Diagnostic(.syntax, message ?? "usage: \(usage)", in: statement.source, at: statement.range)
        }
        func fileError(_ failure: FileSystem.Failure) -> Diagnostic {
            Diagnostic(.io, failure.writeMessage, in: statement.source, at: statement.range)
        }
        switch name {
        case "help":
            try writeResult(HelpText.text(for: words.first))
        case "tables":
            try writeResult(render(QueryResult(relation: tablesRelation(), isGrouped: true)))
        case "schema":
            if let relationName = words.first {
                guard let relation = environment.relation(named: relationName) else { throw unknownRelation(relationName, statement) }
                try writeResult(Session.schemaLine(relationName, relation).escapingControlCharacters(keepingLayout: true))
            } else {
                try writeResult(environment.allNames.compactMap { name in environment.relation(named: name).map { Session.schemaLine(name, $0) } }.joined()
                    .escapingControlCharacters(keepingLayout: true))
            }
        case "load":
            // `types (field: type, ...)` comes last and has spaces of its own.
            var typeText: Substring?
            var plain = Substring(arguments)
            if let range = arguments.firstRange(of: /\btypes\s*\(/) {
                plain = arguments[..<range.lowerBound]
                typeText = arguments[range.upperBound...]
            }
            let words = DotCommand.words(String(plain))
            guard let path = words.first, words.count % 2 == 1 else { throw usageError() }
            var types: [String: ValueType] = [:]
            if let typeText {
                guard typeText.hasSuffix(")") else { throw usageError("'types' takes (field: type, ...): the ')' is missing") }
                for pair in typeText.dropLast().split(separator: ",") {
                    let parts = pair.split(separator: ":").map { $0.trimmingWhitespace }
                    guard parts.count == 2, let type = TypeInference.type(named: parts[1]) else {
                        throw usageError("'\(pair.trimmingWhitespace)' is not 'field: type' with a type of int, number, string, date, bool, quantity")
                    }
                    types[parts[0]] = type
                }
            }
            var alias: String?
            var date: Day?
            for pair in stride(from: 1, to: words.count, by: 2) {
                switch words[pair] {
                case "as": alias = words[pair + 1]
                case "date":
                    guard let day = Day(iso: words[pair + 1]) else { throw usageError("'\(words[pair + 1])' is not a day written YYYY-MM-DD") }
                    date = day
                default: throw usageError()
                }
            }
            try load(path, as: alias, date: date, types: types, from: statement)
        case "run":
            guard words.count == 1 else { throw usageError() }
            try runScript(at: words[0], from: statement)
        case "mode":
            guard words.count == 1, let mode = OutputFormat(rawValue: words[0].lowercased()) else {
                throw usageError(words.isEmpty ? "the mode is \(format.rawValue); usage: .mode table|csv|tsv|json|jsonl|markdown|line" : nil)
            }
            format = mode
        case "output", "once":
            if words.isEmpty, name == "output" {
                endRedirect()
            } else {
                guard words.count == 1 else { throw usageError() }
                do { try beginRedirect(to: words[0], once: name == "once") } catch { throw fileError(error) }
            }
        case "export":
            guard words.count == 2 else { throw usageError() }
            guard let relation = environment.relation(named: words[0]) else { throw unknownRelation(words[0], statement) }
            guard let text = Session.exportText(relation, path: words[1]) else {
                throw usageError("cannot tell the format of '\(words[1])': name it .csv, .tsv, .json, .jsonl or .md")
            }
            let path = FileSystem.expandingTilde(words[1])
            do {
                try FileSystem.writeAtomically(text, to: path)
                try Session.writeTypesSidecar(relation, besides: path)
            } catch {
                throw fileError(error)
            }
        case "save", "open":
            let replacing = name == "save" && words.count == 2 && words[1] == "replace"
            guard words.count == 1 || replacing else { throw usageError() }
            let path = FileSystem.expandingTilde(words[0])
            do {
                if name == "save" {
                    try SessionFile.save(environment, to: path, replacing: replacing)
                } else {
                    environment = try SessionFile.open(path)
                    lastQuery = nil
                    figuresAreStale = true
                }
            } catch {
                throw Diagnostic(.io, error.message, in: statement.source, at: statement.range)
            }
        case "timer":
            guard words.count == 1, words[0] == "on" || words[0] == "off" else { throw usageError() }
            timer = words[0] == "on"
        case "history":
            let count = words.first.flatMap { Int($0) } ?? history.count
            guard words.count <= 1, count >= 0 else { throw usageError() }
            let start = max(0, history.count - count)
            try writeResult(history[start...].enumerated().map { "\(start + $0 + 1)  \($1)\n" }.joined())
        case "drop":
            guard words.count == 1 else { throw usageError() }
            if let why = environment.readOnly[words[0]] {
                throw Diagnostic(.syntax, "'\(words[0])' is read-only: \(why)", in: statement.source, at: statement.range)
            }
            if environment.catalog.remove(words[0]) == nil {
                guard environment.bindings[words[0]] != nil else { throw unknownRelation(words[0], statement) }
                environment.unbind(words[0])
            }
        case "explain":
            try explain(arguments, statement: statement)
        case "sql":
            // `.sql --postgresql QUERY`: the flag is blanked out, so positions in the query stay right.
            var text = arguments
            var dialect = SQLTranslator.Dialect.sqlite
            if let flagged = SQLTranslator.Dialect.allCases.first(where: { arguments.hasPrefix("--\($0.rawValue) ") }) {
                dialect = flagged
                text = String(repeating: " ", count: flagged.rawValue.count + 2) + arguments.dropFirst(flagged.rawValue.count + 2)
            }
            let (query, source) = try queryArgument(text, statement: statement, usage: ".sql [--postgresql] QUERY")
            do {
                try writeResult(try SQLTranslator(environment: environment, source: source, dialect: dialect).translate(query) + ";\n")
            } catch let unsupported as SQLTranslator.Unsupported {
                throw Diagnostic(.syntax, unsupported.message, in: statement.source, at: statement.range)
            }
        case "why":
            guard words.isEmpty else { throw usageError() }
            guard let last = lastQuery else {
                throw Diagnostic(.syntax, "no query has run yet: .why explains the last result", in: statement.source, at: statement.range)
            }
            try writeResult(try Provenance(session: self).explain(last.query, in: last.source).escapingControlCharacters(keepingLayout: true))
        case "quit", "exit":
            exitRequested = true
        default:
            throw Diagnostic(.unknownName, "unknown command '.\(name)'", in: statement.source, at: statement.range,
                             help: NameSuggester.suggestion(for: name, among: DotCommand.all.map(\.name)).map { "did you mean '.\($0)'?" }
                                ?? "type .help for the list of commands")
        }
    }

    func unknownRelation(_ name: String, _ statement: Statement) -> Diagnostic {
        Diagnostic(.unknownName, "unknown relation '\(name)'", in: statement.source, at: statement.range,
                   help: NameSuggester.help(for: name, among: environment.allNames))
    }

    /// `.tables` as a relation: name, kind, rows.
    func tablesRelation() -> Relation {
        var names = Column(type: .string)
        var kinds = Column(type: .string)
        var rows = Column(type: .int)
        for name in environment.allNames {
            guard let relation = environment.relation(named: name) else { continue }
            names.append(.string(name))
            kinds.append(.string(environment.catalog[name] != nil ? "relation" : "binding"))
            rows.append(.int(Int64(relation.rowCount)))
        }
        return Relation(fields: [Field(name: "name", type: .string), Field(name: "kind", type: .string), Field(name: "rows", type: .int)],
                        columns: [names, kinds, rows], rowCount: names.count)
    }

    static func schemaLine(_ name: String, _ relation: Relation) -> String {
        "\(name)(" + relation.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")\n"
    }

    /// A CSV or TSV export's column types, beside it (see `TypesSidecar`), when its text alone
    /// would not give them back; a sidecar left by an earlier export to the path is removed.
    static func writeTypesSidecar(_ relation: Relation, besides path: String) throws(FileSystem.Failure) {
        let sidecar = TypesSidecar.path(for: path)
        let format = DataFormat(path: path)
        let text = format == .csv || format == .tsv ? TypesSidecar.text(for: relation) { column in
            let values = relation.columns[column]
            return (0..<relation.rowCount).map { values.isNull($0) ? "" : ExportText.text(values[$0], marksExactQuantities: true) }
        } : nil
        if let text {
            try FileSystem.writeAtomically(text, to: sidecar)
        } else if FileSystem.exists(sidecar) {
            try FileSystem.remove(sidecar)
        }
    }

    /// The relation written in the format its file name asks for, or nil for an unknown extension.
    static func exportText(_ relation: Relation, path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "csv": DelimitedRenderer(.csv, marksExactQuantities: true).render(relation)
        case "tsv": DelimitedRenderer(.tsv, marksExactQuantities: true).render(relation)
        case "json": JSONRenderer(linePerRow: false, marksExactQuantities: true).render(relation)
        case "jsonl": JSONRenderer(linePerRow: true, marksExactQuantities: true).render(relation)
        case "md": MarkdownRenderer().render(relation)
        default: nil
        }
    }

    /// `.explain QUERY`: each stage with the rows it kept and its time.
    /// The query a dot command takes as its argument (`.explain`, `.sql`), with errors
    /// pointing into the original line.
    private func queryArgument(_ arguments: String, statement: Statement, usage: String) throws -> (Query, SourceFile) {
        let source = Session.argumentSource(arguments, of: statement)
        let (statements, diagnostics) = Parser.parse(source)
        if let first = diagnostics.first { throw first }
        guard statements.count == 1, case .query(let query) = statements[0].kind else {
            throw Diagnostic(.syntax, "usage: \(usage)", in: statement.source, at: statement.range)
        }
        return (query, source)
    }

    private func explain(_ arguments: String, statement: Statement) throws {
        let (query, source) = try queryArgument(arguments, statement: statement, usage: ".explain QUERY")
        var reports: [StageReport] = []
        _ = try interpreter.run(query, in: source) { reports.append($0) }
        var stages = Column(type: .string)
        var rows = Column(type: .int)
        var times = Column(type: .string)
        for report in reports {
            stages.append(.string(report.text))
            rows.append(.int(Int64(report.rowsOut)))
            times.append(.string(Session.milliseconds(report.duration) + " ms"))
        }
        let relation = Relation(fields: [Field(name: "stage", type: .string), Field(name: "rows", type: .int), Field(name: "time", type: .string)],
                                columns: [stages, rows, times], rowCount: reports.count)
        try writeResult(render(QueryResult(relation: relation, isGrouped: true)))
    }

    /// The arguments of a dot command as a source whose columns match the original line, so
    /// errors inside `.explain swaps whre` point at the right spot.
    static func argumentSource(_ arguments: String, of statement: Statement) -> SourceFile {
        let scalars = statement.source.scalars
        var offset = statement.range.start + 1
        while offset < statement.range.end, !scalars[offset].properties.isWhitespace { offset += 1 }
        while offset < statement.range.end, scalars[offset].properties.isWhitespace { offset += 1 }
        let location = statement.source.location(of: offset)
        return SourceFile(name: statement.source.name, text: String(repeating: " ", count: location.column - 1) + arguments, firstLine: location.line)
    }
}
