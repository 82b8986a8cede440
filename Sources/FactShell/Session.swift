import FactEngine
import FactSyntax
import FactStore

/// A factsh session: the facts and bindings, the output settings, and the running of
/// statements and scripts with their errors reported as they come.
///
/// It knows nothing of terminals: the command line and the interactive loop feed it sources,
/// and it writes through a `ShellOutput`, so every behaviour is testable in memory.
public final class Session {
    public var interpreter: Interpreter
    public var format: OutputFormat = .table
    public var tableStyle = TableStyle()
    public var diagnosticRenderer = DiagnosticRenderer()
    /// Print each statement before its result (`--echo`).
    public var echo = false
    /// Stop a script at its first failing statement (`--bail`).
    public var bail = false
    /// Print each statement's time on stderr (`.timer on`).
    public var timer = false
    public let output: ShellOutput
    /// Set by `.quit`; the caller stops feeding statements.
    public internal(set) var exitRequested = false
    /// How many statements have failed since the session began.
    public internal(set) var failureCount = 0
    /// Results go to a terminal: CSV and TSV write control characters as escapes there, as
    /// the other modes always do (a file gets them as data).
    public var escapesControlCharacters = false
    /// Show how far a long load has got (on stderr, when it is a terminal).
    public var showsProgress = false
    /// Statements entered so far, for `.history`; the interactive shell fills it.
    public var history: [String] = []
    var redirect: OutputRedirect?
    var scriptNesting = 0
    /// The last query that ran, for `.why`.
    var lastQuery: (query: Query, source: SourceFile)?
    /// A load changed `mentions` since `figures` was derived (see `refreshFiguresIfStale`).
    var figuresAreStale = false

    /// More errors than this in one source and the rest of it is skipped.
    public static let maximumErrorsPerSource = 20

    public init(output: ShellOutput, environment: Environment = Environment()) {
        self.output = output
        interpreter = Interpreter(environment: environment)
    }

    public var environment: Environment {
        get { interpreter.environment }
        set { interpreter.environment = newValue }
    }

    /// Runs every statement of a source in order, reporting each error where it happens;
    /// returns true when all succeeded.
    @discardableResult
    public func run(_ source: SourceFile) -> Bool {
        let (statements, diagnostics) = Parser.parse(source)
        enum Item { case statement(Statement), problem(Diagnostic) }
        let items = (statements.map { (position: $0.range.start, item: Item.statement($0)) }
            + diagnostics.map { (position: $0.range?.start ?? 0, item: Item.problem($0)) })
            .sorted { $0.position < $1.position }
        var succeeded = true
        var errors = 0
        for (_, item) in items {
            if exitRequested || (bail && !succeeded) { break }
            refreshFiguresIfStale()
            let ok: Bool
            switch item {
            case .statement(let statement): ok = execute(statement)
            case .problem(let diagnostic):
                report(diagnostic)
                ok = false
            }
            if !ok {
                succeeded = false
                failureCount += 1
                errors += 1
                if errors == Session.maximumErrorsPerSource, items.count > errors {
                    report(Diagnostic(.syntax, "too many errors in \(source.name); skipping the rest of it"))
                    break
                }
            }
        }
        refreshFiguresIfStale()
        return succeeded
    }

    /// Runs one parsed statement; returns false when it failed (the error is reported).
    @discardableResult
    public func execute(_ statement: Statement) -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        let redirectBefore = redirect
        defer {
            if timer { output.writeDiagnostic("time: \(Session.milliseconds(clock.now - start)) ms\n") }
            // `.once` lasts for the statement after it.
            if let redirect, redirect.once, redirect === redirectBefore { endRedirect() }
        }
        do {
            if echo { try writeResult(statement.text + "\n") }
            switch try interpreter.execute(statement) {
            case .result(let result):
                if case .query(let query) = statement.kind { lastQuery = (query, statement.source) }
                try print(result)
            case .bound:
                if case .let(_, let query) = statement.kind { lastQuery = (query, statement.source) }
            case .added: break
            case .dotCommand(let name, let arguments):
                try runDotCommand(name: name, arguments: arguments, statement: statement)
            }
            return true
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
            return false
        } catch let failure as FileSystem.Failure {
            report(Diagnostic(.io, failure.writeMessage, in: statement.source, at: statement.range))
            return false
        } catch {
            return false
        }
    }

    /// Writes a query result in the current format.
    public func print(_ result: QueryResult) throws(FileSystem.Failure) {
        try writeResult(render(result))
    }

    public func render(_ result: QueryResult) -> String {
        switch format {
        case .table:
            if result.isBareValue {
                let column = result.relation.columns[0]
                return (column.isNull(0) ? "NULL" : column[0].description.escapingControlCharacters()) + "\n"
            }
            return TableRenderer(style: redirect == nil ? tableStyle : TableStyle()).render(result.relation)
        case .csv, .tsv:
            let toTerminal = escapesControlCharacters && redirect == nil
            return DelimitedRenderer(format == .csv ? .csv : .tsv, escapesControlCharacters: toTerminal).render(result.relation)
        case .json: return JSONRenderer(linePerRow: false).render(result.relation)
        case .jsonl: return JSONRenderer(linePerRow: true).render(result.relation)
        case .markdown: return MarkdownRenderer().render(result.relation)
        case .line: return LineRenderer().render(result.relation)
        }
    }

    public func report(_ diagnostic: Diagnostic) {
        output.writeDiagnostic(diagnosticRenderer.render(diagnostic) + "\n")
    }

    /// Results go to the file of `.output` / `.once` when one is open.
    func writeResult(_ text: String) throws(FileSystem.Failure) {
        if let redirect {
            try redirect.write(text)
        } else {
            try output.writeResult(text)
        }
    }

    /// `1.234` for a duration of 1.234 ms.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
