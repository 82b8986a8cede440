import DataImport
import FactEngine
import FactStore
import FactSyntax
import PostgresStore
import SessionStore

extension DotCommand {
    /// Every dot command, in the order `.help` lists them. Errors point at the command's line.
    public static let all: [DotCommand] = [
        DotCommand(
            "help", usage: ".help [TOPIC]", summary: "commands, the language (.help language), examples (.help examples)", examples: [".help", ".help load", ".help language"],
            arguments: [.helpTopic]
        ) { session, command throws(StatementFailure) in
            try session.writeResult(HelpText.text(for: command.words.first, width: session.tableStyle.maxWidth), for: command.statement)
        },
        DotCommand("tables", usage: ".tables", summary: "relations and bindings with their row counts (and where they live, with a database)", examples: [".tables"]) {
            session, command throws(StatementFailure) in
            try session.writeRelation(session.tablesRelation(command), for: command.statement)
        },
        DotCommand("schema", usage: ".schema [REL]", summary: "fields and types", examples: [".schema", ".schema swaps"], arguments: [.relationName]) { session, command throws(StatementFailure) in
            try session.showSchema(command)
        },
        DotCommand(
            "load", usage: ".load PATH [as NAME] [replace] [date YYYY-MM-DD] [types (field: type, ...)]",
            summary:
                "load an article, a facts script (.fq) or a data file (.csv .tsv .json .jsonl), or the articles of a folder or pattern at once; nothing is added if it fails",
            examples: [
                ".load report.txt date 2025-05-25", ".load reports/*.txt", ".load reports", ".load events.csv", ".load \"d/my strikes 2025.csv\" as strikes", ".load events.csv replace",
                ".load events.csv types (id: string)"
            ],
            arguments: [.path]
        ) { session, command throws(StatementFailure) in
            try session.load(command)
        },
        DotCommand("run", usage: ".run PATH", summary: "run a script", examples: [".run Samples/founding-questions.fq"], arguments: [.path]) { session, command throws(StatementFailure) in
            guard command.words.count == 1 else { throw command.usageError() }
            try session.runScript(at: command.words[0], from: command.statement)
        },
        DotCommand(
            "mode", usage: ".mode [table|csv|tsv|json|jsonl|markdown|line]", summary: "how results are written; with no argument, show it", examples: [".mode", ".mode csv", ".mode line"],
            arguments: [.choices(OutputFormat.allCases.map(\.rawValue))]
        ) { session, command throws(StatementFailure) in
            if command.words.isEmpty { return try session.writeResult(session.format.rawValue + "\n", for: command.statement) }
            guard command.words.count == 1, let mode = OutputFormat(rawValue: command.words[0].lowercased()) else { throw command.usageError() }
            session.format = mode
        },
        DotCommand(
            "output", usage: ".output [PATH]", summary: "send results to a file; with no PATH back to the screen", examples: [".output results.txt", ".output"],
            arguments: [.path]
        ) { session, command throws(StatementFailure) in
            if command.words.isEmpty {
                session.writer.endRedirect()
            } else {
                try session.redirect(command, once: false)
            }
        },
        DotCommand("once", usage: ".once PATH", summary: "send the next result to a file", examples: [".once top.csv"], arguments: [.path]) { session, command throws(StatementFailure) in
            try session.redirect(command, once: true)
        },
        DotCommand(
            "export", usage: ".export REL PATH", summary: "write a relation as csv, tsv, json, jsonl or md, by the extension", examples: [".export swaps swaps.csv", ".export figures figures.json"],
            arguments: [.relationName, .path]
        ) { session, command throws(StatementFailure) in
            try session.export(command)
        },
        DotCommand(
            "save", usage: ".save PATH|URI [replace]",
            summary: "save every relation and binding, with where each fact came from, to one SQLite file or a PostgreSQL database; replaces only a session file unless told to replace",
            examples: [".save session.factsh", ".save session.factsh replace", ".save postgresql://localhost/facts"]
        ) {
            session, command throws(StatementFailure) in
            try session.save(command)
        },
        DotCommand(
            "open", usage: ".open PATH|URI", summary: "replace the session with one saved by .save, or work on the relations of a PostgreSQL database",
            examples: [".open session.factsh", ".open postgresql://localhost/facts"]
        ) {
            session, command throws(StatementFailure) in
            try session.open(command)
        },
        DotCommand(
            "width", usage: ".width [N ...]",
            summary: "the widest each text field is drawn, in order (0 for as wide as its values; none: all as wide); numbers and dates are never cut", examples: [".width 20 0 30", ".width"]
        ) { session, command throws(StatementFailure) in
            let widths = command.words.compactMap { Int($0) }
            guard widths.count == command.words.count, widths.allSatisfy({ $0 >= 0 }) else { throw command.usageError() }
            session.tableStyle.columnWidths = widths
        },
        DotCommand(
            "maxwidth", usage: ".maxwidth [N|auto]", summary: "the width tables fit: N columns (0 for no limit) or auto for the terminal's; with no argument, show it",
            examples: [".maxwidth", ".maxwidth 100", ".maxwidth 0", ".maxwidth auto"],
            arguments: [.choices(["auto"])]
        ) { session, command throws(StatementFailure) in
            try session.maxWidth(command)
        },
        DotCommand(
            "headers", usage: ".headers on|off", summary: "the header line of tables, CSV and TSV (an .export keeps it, to load back)", examples: [".headers off"], arguments: [.choices(["on", "off"])]
        ) {
            session, command throws(StatementFailure) in
            session.tableStyle.showsHeaders = try command.onOrOff()
        },
        DotCommand("nullvalue", usage: ".nullvalue TEXT", summary: "how tables and line mode show a null (NULL until told)", examples: [".nullvalue -", ".nullvalue \"\""]) {
            session, command throws(StatementFailure) in
            guard command.words.count == 1 else { throw command.usageError() }
            session.tableStyle.nullText = command.words[0]
        },
        DotCommand("maxrows", usage: ".maxrows N", summary: "rows a table shows on the screen before eliding the middle (0 for all); files get every row", examples: [".maxrows 100", ".maxrows 0"]) {
            session, command throws(StatementFailure) in
            // The first and the last row at least, around the elision line.
            guard command.words.count == 1, let rows = Int(command.words[0]), rows == 0 || rows >= 2 else {
                throw command.usageError("usage: .maxrows N, with N at least 2 (0 for every row)")
            }
            session.tableStyle.maxRows = rows == 0 ? .max : rows
        },
        DotCommand("last", usage: ".last", summary: "the whole of the last result, every row", examples: [".last"]) { session, command throws(StatementFailure) in
            try session.showLast(command)
        },
        DotCommand(
            "pager", usage: ".pager on|off", summary: "results taller than the screen through $PAGER (less -FRX if unset); never into a file or a pipe", examples: [".pager on"],
            arguments: [.choices(["on", "off"])]
        ) { session, command throws(StatementFailure) in
            session.pagesResults = try command.onOrOff()
        },
        DotCommand("print", usage: ".print TEXT", summary: "write TEXT, as a script's heading", examples: [".print \"Swaps by date:\""]) { session, command throws(StatementFailure) in
            try session.writeResult(command.words.joined(separator: " ") + "\n", for: command.statement)
        },
        DotCommand("cd", usage: ".cd DIR", summary: "change the working directory", examples: [".cd ~/reports"], arguments: [.path]) { session, command throws(StatementFailure) in
            try session.changeDirectory(command)
        },
        DotCommand("shell", usage: ".shell CMD  or  !CMD", summary: "run CMD with /bin/sh", examples: [".shell ls *.csv", "!wc -l events.csv"]) { session, command throws(StatementFailure) in
            try session.runShellCommand(command)
        },
        DotCommand("edit", usage: ".edit", summary: "edit the last statement in $VISUAL or $EDITOR, then run it", examples: [".edit"]) { session, command throws(StatementFailure) in
            try session.editLastStatement(command)
        },
        DotCommand("timer", usage: ".timer on|off", summary: "print each statement's time", examples: [".timer on"], arguments: [.choices(["on", "off"])]) {
            session, command throws(StatementFailure) in
            session.timer = try command.onOrOff()
        },
        DotCommand("threads", usage: ".threads [N]", summary: "the cores a query may use (all by default); with no argument, show it", examples: [".threads", ".threads 1"]) {
            session, command throws(StatementFailure) in
            let words = command.words
            guard words.count <= 1 else { throw command.usageError() }
            guard let word = words.first else {
                return try session.writeResult("\(session.interpreter.threads)\n", for: command.statement)
            }
            guard let threads = Int(word), threads >= 1 else { throw command.usageError(".threads takes a number of cores, 1 or more") }
            session.interpreter.threads = threads
        },
        DotCommand("history", usage: ".history [N]", summary: "recent statements", examples: [".history", ".history 5"]) { session, command throws(StatementFailure) in
            let history = session.history
            let count = command.words.first.flatMap { Int($0) } ?? history.count
            guard command.words.count <= 1, count >= 0 else { throw command.usageError() }
            let start = max(0, history.count - count)
            try session.writeResult(history[start...].enumerated().map { "\(start + $0 + 1)  \($1)\n" }.joined(), for: command.statement)
        },
        DotCommand("drop", usage: ".drop REL", summary: "remove a relation or binding", examples: [".drop events"], arguments: [.relationName]) { session, command throws(StatementFailure) in
            try session.drop(command)
        },
        DotCommand("why", usage: ".why", summary: "the facts behind the last result, and the sentences they came from", examples: ["swaps sum released", ".why"]) {
            session, command throws(StatementFailure) in
            try session.why(command)
        },
        DotCommand(
            "sql", usage: ".sql [--postgresql] QUERY", summary: "the query as one SQL statement for SQLite and DuckDB, or PostgreSQL",
            examples: [".sql swaps sum released by who", ".sql --postgresql swaps where date >= 2025-05-24 count"]
        ) {
            session, command throws(StatementFailure) in
            try session.sql(command)
        },
        DotCommand(
            "explain", usage: ".explain QUERY", summary: "the query's stages, with the rows each kept and its time", examples: [".explain swaps where released > 300 sum released by who"],
            arguments: [.query]
        ) { session, command throws(StatementFailure) in
            try session.explain(command)
        },
        DotCommand("quit", usage: ".quit", summary: "leave factsh", examples: [".quit"]) { session, _ throws(StatementFailure) in
            session.exitRequested = true
        },
        DotCommand("exit", usage: ".exit", summary: "leave factsh", examples: [".exit"]) { session, _ throws(StatementFailure) in
            session.exitRequested = true
        }
    ]
}

/// The commands too long for their table entry.
extension Session {
    func showSchema(_ command: DotCommand.Invocation) throws(StatementFailure) {
        try synchronize(for: command)
        let text: String
        if let relationName = command.words.first {
            guard let relation = environment.relation(named: relationName) else { throw unknownRelation(relationName, command.statement) }
            text = Session.schemaLine(relationName, relation)
        } else {
            text = environment.allNames.compactMap { name in environment.relation(named: name).map { Session.schemaLine(name, $0) } }.joined()
        }
        try writeResult(text.escapingControlCharacters(keepingLayout: true), for: command.statement)
    }

    /// `.load PATH [as NAME] [replace] [date YYYY-MM-DD] [types (field: type, ...)]`; `replace`
    /// may stand anywhere before `types`.
    func load(_ command: DotCommand.Invocation) throws(StatementFailure) {
        // `types (field: type, ...)` comes last and has spaces of its own.
        let arguments = command.arguments
        var typeText: Substring?
        var plain = Substring(arguments)
        if let range = arguments.firstRange(of: /\btypes\s*\(/) {
            plain = arguments[..<range.lowerBound]
            typeText = arguments[range.upperBound...]
        }
        var words = DotCommand.words(String(plain))
        let replace = words.count > 1 && words.last == "replace"
        if replace { words.removeLast() }
        guard let path = words.first, words.count % 2 == 1 else { throw command.usageError() }
        var types: [String: ValueType] = [:]
        if let typeText {
            guard typeText.hasSuffix(")") else { throw command.usageError("'types' takes (field: type, ...): the ')' is missing") }
            for pair in typeText.dropLast().split(separator: ",") {
                let parts = pair.split(separator: ":").map { $0.trimmingWhitespace }
                guard parts.count == 2, let type = TypeInference.type(named: parts[1]) else {
                    throw command.usageError("'\(pair.trimmingWhitespace)' is not 'field: type' with a type of int, number, string, date, bool, quantity")
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
                guard let day = Day(iso: words[pair + 1]) else { throw command.usageError("'\(words[pair + 1])' is not a day written YYYY-MM-DD") }
                date = day
            default: throw command.usageError()
            }
        }
        try load(path, as: alias, date: date, types: types, replace: replace, from: command.statement)
    }

    /// `.maxwidth [N|auto]`.
    func maxWidth(_ command: DotCommand.Invocation) throws(StatementFailure) {
        switch command.words.first {
        case nil:
            let shown = chosenMaxWidth.map { $0 == 0 ? "0 (no limit)" : String($0) } ?? "auto (\(tableStyle.maxWidth.map(String.init) ?? "no terminal"))"
            try writeResult(shown + "\n", for: command.statement)
        case "auto"? where command.words.count == 1:
            chosenMaxWidth = nil
            if terminalWidth == nil { tableStyle.maxWidth = nil }
        case let word? where command.words.count == 1:
            guard let width = Int(word), width >= 0 else { throw command.usageError() }
            chosenMaxWidth = width
        default:
            throw command.usageError()
        }
    }

    /// `.output PATH` and `.once PATH`.
    func redirect(_ command: DotCommand.Invocation, once: Bool) throws(StatementFailure) {
        guard command.words.count == 1 else { throw command.usageError() }
        do { try writer.beginRedirect(to: command.words[0], once: once) } catch { throw command.fileError(error) }
    }

    /// `.export REL PATH`, with the column types beside a CSV or TSV file.
    func export(_ command: DotCommand.Invocation) throws(StatementFailure) {
        let words = command.words
        guard words.count == 2 else { throw command.usageError() }
        try synchronize(for: command)
        guard var relation = environment.relation(named: words[0]) else { throw unknownRelation(words[0], command.statement) }
        if let database, environment.catalog[words[0]] != nil {
            do { relation = try database.read(words[0]) } catch { throw command.failure(.databaseUnavailable, error.message) }
        }
        guard let renderer = ResultWriter.exportRenderer(path: words[1]) else {
            throw command.usageError("cannot tell the format of '\(words[1])': name it .csv, .tsv, .json, .jsonl or .md")
        }
        let path = FileSystem.expandingTilde(words[1])
        // Written as the rows are turned into text; Ctrl-C leaves the file as it was.
        let cancellation = Cancellation(interpreter.isCancelled)
        try FileSystem.writeAtomically(to: path, failure: command.fileError) { write throws(StatementFailure) in
            try renderer.stream(relation) { text throws(StatementFailure) in
                if cancellation.requested { throw command.failure(.interrupted, "interrupted") }
                try write(text)
            }
        }
        do { try Session.writeTypesSidecar(relation, besides: path) } catch { throw command.fileError(error) }
    }

    func drop(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.count == 1 else { throw command.usageError() }
        let name = command.words[0]
        if let why = environment.readOnly[name] {
            throw command.failure(.readOnly, "'\(name)' is read-only: \(why)")
        }
        try synchronize(for: command)
        if let database, environment.catalog[name] != nil {
            do { try database.drop(name) } catch { throw command.failure(.databaseUnavailable, error.message) }
        }
        loadedDataFiles[name] = nil
        boundQueries[name] = nil
        if environment.catalog.remove(name) == nil {
            guard environment.bindings[name] != nil else { throw unknownRelation(name, command.statement) }
            environment.unbind(name)
        }
    }

    /// `.why`: the facts behind the last result.
    func why(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.isEmpty else { throw command.usageError() }
        guard let last = lastQuery else {
            throw command.failure(.nothingToDo, "no query has run yet: .why explains the last result")
        }
        let text: String
        do {
            text = try withFactsBehind(last.query, in: last.source) { () throws in
                try Provenance(session: self).explain(last.query, in: last.source)
            }
        } catch {
            throw StatementFailure(error, at: command.statement)
        }
        try writeResult(text.escapingControlCharacters(keepingLayout: true), for: command.statement)
    }

    /// `.sql [--postgresql] QUERY`.
    func sql(_ command: DotCommand.Invocation) throws(StatementFailure) {
        // The flag is blanked out, so positions in the query stay right.
        let arguments = command.arguments
        var text = arguments
        var dialect = SQLTranslator.Dialect.sqlite
        if let flagged = SQLTranslator.Dialect.allCases.first(where: { arguments.hasPrefix("--\($0.rawValue) ") }) {
            dialect = flagged
            text = String(repeating: " ", count: flagged.rawValue.count + 2) + arguments.dropFirst(flagged.rawValue.count + 2)
        }
        let (query, source) = try queryArgument(text, command: command)
        let sql: String
        do {
            sql = try SQLTranslator(environment: environment, source: source, dialect: dialect).translate(query)
        } catch let unsupported as SQLTranslator.Unsupported {
            throw command.failure(.notTranslatable, unsupported.message)
        } catch {
            throw StatementFailure(error, at: command.statement)
        }
        try writeResult(sql + ";\n", for: command.statement)
    }

    /// `.explain QUERY`: each stage with the rows it kept and its time.
    func explain(_ command: DotCommand.Invocation) throws(StatementFailure) {
        let (query, source) = try queryArgument(command.arguments, command: command)
        try synchronize(for: command)
        if databaseRelation(of: query) != nil { return try explainInDatabase(query, in: source, command: command) }
        var reports: [StageReport] = []
        do { _ = try interpreter.run(query, in: source) { reports.append($0) } } catch { throw .diagnostic(error) }
        var stages = Column(type: .string)
        var rows = Column(type: .int)
        var times = Column(type: .string)
        for report in reports {
            stages.append(.string(report.text))
            rows.append(.int(Int64(report.rowsOut)))
            times.append(.string(Session.milliseconds(report.duration) + " ms"))
        }
        let relation = Relation(
            fields: [Field(name: "stage", type: .string), Field(name: "rows", type: .int), Field(name: "time", type: .string)],
            columns: [stages, rows, times], rowCount: reports.count)
        try writeRelation(relation, for: command.statement)
    }

    /// The query a dot command takes as its argument (`.explain`, `.sql`), with errors
    /// pointing into the original line.
    private func queryArgument(_ arguments: String, command: DotCommand.Invocation) throws(StatementFailure) -> (Query, SourceFile) {
        let source = Session.argumentSource(arguments, of: command.statement)
        let (statements, diagnostics) = Parser.parse(source)
        if let first = diagnostics.first { throw .diagnostic(first) }
        guard statements.count == 1, case .query(let query) = statements[0].kind else { throw command.usageError() }
        return (query, source)
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

    func unknownRelation(_ name: String, _ statement: Statement) -> StatementFailure {
        .diagnostic(
            Diagnostic(
                .unknownRelation, "unknown relation '\(name)'", in: statement.source, at: statement.range,
                help: NameSuggester.help(for: name, among: environment.allNames)))
    }

    /// A relation the shell made, written as a query's result would be.
    func writeRelation(_ relation: Relation, for statement: Statement) throws(StatementFailure) {
        do { try writer.write(relation) } catch { throw .diagnostic(error.diagnostic(at: statement)) }
    }

    /// `.tables` as a relation: name, kind, rows; with a database, also where each lives.
    func tablesRelation(_ command: DotCommand.Invocation? = nil) throws(StatementFailure) -> Relation {
        var counts: [String: Int] = [:]
        if let database, let command {
            try synchronize(for: command)
            do { counts = try database.rowCounts() } catch { throw command.failure(.databaseUnavailable, error.message) }
        }
        var names = Column(type: .string)
        var kinds = Column(type: .string)
        var rows = Column(type: .int)
        var places = Column(type: .string)
        for name in environment.allNames {
            guard let relation = environment.relation(named: name) else { continue }
            let stored = environment.catalog[name] != nil
            names.append(.string(name))
            kinds.append(.string(stored ? "relation" : "binding"))
            rows.append(.int(Int64(stored ? counts[name] ?? relation.rowCount : relation.rowCount)))
            places.append(.string(stored ? database?.displayName ?? "memory" : "memory"))
        }
        var fields = [Field(name: "name", type: .string), Field(name: "kind", type: .string), Field(name: "rows", type: .int)]
        var columns = [names, kinds, rows]
        if database != nil {
            fields.append(Field(name: "where", type: .string))
            columns.append(places)
        }
        return Relation(fields: fields, columns: columns, rowCount: names.count)
    }

    static func schemaLine(_ name: String, _ relation: Relation) -> String {
        "\(name)(" + relation.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")\n"
    }

    /// A CSV or TSV export's column types, beside it (see `TypesSidecar`), when its text alone
    /// would not give them back; a sidecar left by an earlier export to the path is removed.
    static func writeTypesSidecar(_ relation: Relation, besides path: String) throws(FileSystem.Failure) {
        let sidecar = TypesSidecar.path(for: path)
        let format = DataFormat(path: path)
        let needed =
            (format == .csv || format == .tsv)
            && TypesSidecar.isNeeded(for: relation) { column in
                let values = relation.columns[column]
                return (0..<relation.rowCount).map { values.isNull($0) ? "" : ExportText.text(values[$0], marksExactQuantities: true) }
            }
        let text =
            needed
            ? "{"
                + relation.fields.filter { $0.type != .null }.map { JSONRenderer.quote($0.name) + ": " + JSONRenderer.quote($0.type.description) }
                .joined(separator: ", ") + "}\n" : nil
        if let text {
            try FileSystem.writeAtomically(text, to: sidecar)
        } else if FileSystem.exists(sidecar) {
            try FileSystem.remove(sidecar)
        }
    }
}
