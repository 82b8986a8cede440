import FactEngine
import FactStore
import FactSyntax
import PostgresStore

/// A factsh session: the facts and bindings, the output settings, and the running of
/// statements and scripts with their errors reported as they come.
///
/// It knows nothing of terminals: the command line and the interactive loop feed it sources,
/// and it writes through a `ShellOutput`, so every behaviour is testable in memory.
///
/// A statement's way from the prompt to the printed table: `InteractiveLoop` gathers the
/// lines, `StatementRunner` runs the source's statements in order and counts failures,
/// `execute` below hands each to the `Interpreter` or, for a dot command, to its entry in
/// `DotCommand.all`, and `ResultWriter` renders the result to the screen or a file.
public final class Session {
    public var interpreter: Interpreter
    public var diagnosticRenderer = DiagnosticRenderer()
    /// Print each statement before its result (`--echo`).
    public var echo = false
    /// Print each statement's time on stderr (`.timer on`).
    public var timer = false
    public let output: ShellOutput
    /// Set by `.quit`; the caller stops feeding statements.
    public internal(set) var exitRequested = false
    /// Show how far a long load has got (on stderr, when it is a terminal).
    public var showsProgress = false
    /// Say what a load added and how long it took (on stderr, when it is a terminal).
    public var confirmsLoads = false
    /// Statements entered so far, for `.history`; the interactive shell fills it.
    public var history: [String] = []
    let writer: ResultWriter
    let runner = StatementRunner()
    var scriptNesting = 0
    /// The last query that ran, for `.why`.
    var lastQuery: (query: Query, source: SourceFile)?
    /// The last query's result, whole, for `.last`.
    var lastResult: QueryResult?
    /// Results taller than the screen go through the pager (`.pager on`).
    var pagesResults = false
    /// Asks the terminal its height now; nil when results do not go to a terminal.
    public var terminalHeight: (() -> Int?)?
    /// The query each `let` bound its name to, so `.why` can follow a binding to its facts.
    var boundQueries: [String: (query: Query, source: SourceFile)] = [:]
    /// A load changed `mentions` since `figures` was derived (see `refreshFiguresIfStale`).
    var figuresAreStale = false
    /// Asks the terminal its width now, so a table follows a resized window; nil when results
    /// do not go to a terminal.
    public var terminalWidth: (() -> Int?)?
    /// The width chosen with `.maxwidth N` (0 for no limit) instead of the terminal's.
    var chosenMaxWidth: Int?
    /// The data files loaded into each relation, by canonical path, so that loading one again
    /// does not silently double its rows.
    var loadedDataFiles: [String: Set<String>] = [:]
    /// The PostgreSQL database the session's relations live in (`--db`, `.open URI`), if any;
    /// see `Session+Database`.
    var database: PostgresDatabase?

    /// More errors than this in one source and the rest of it is skipped.
    public static let maximumErrorsPerSource = StatementRunner.maximumErrorsPerSource

    public init(output: ShellOutput, environment: Environment = Environment()) {
        self.output = output
        writer = ResultWriter(output: output)
        interpreter = Interpreter(environment: environment)
    }

    public var environment: Environment {
        get { interpreter.environment }
        set { interpreter.environment = newValue }
    }

    public var format: OutputFormat {
        get { writer.format }
        set { writer.format = newValue }
    }

    public var tableStyle: TableStyle {
        get { writer.tableStyle }
        set { writer.tableStyle = newValue }
    }

    /// Results go to a terminal: CSV and TSV write control characters as escapes there, as
    /// the other modes always do (a file gets them as data).
    public var escapesControlCharacters: Bool {
        get { writer.escapesControlCharacters }
        set { writer.escapesControlCharacters = newValue }
    }

    /// Stop a script at its first failing statement (`--bail`).
    public var bail: Bool {
        get { runner.bail }
        set { runner.bail = newValue }
    }

    /// How many statements have failed since the session began.
    public internal(set) var failureCount: Int {
        get { runner.failureCount }
        set { runner.failureCount = newValue }
    }

    /// Runs every statement of a source in order, reporting each error where it happens;
    /// returns true when all succeeded.
    @discardableResult
    public func run(_ source: SourceFile) -> Bool {
        runner.run(source, in: self)
    }

    /// Runs one parsed statement; returns false when it failed (the error is reported).
    /// `.timer` adds `parsing`, the time its text took to parse, as sqlite3's and DuckDB's
    /// times include the parse.
    @discardableResult
    public func execute(_ statement: Statement, parsing: Duration = .zero) -> Bool {
        let clock = ContinuousClock()
        let start = clock.now - parsing
        defer {
            if timer { output.writeDiagnostic("time: \(Session.milliseconds(clock.now - start)) ms\n") }
        }
        fitTablesToWidth()
        let outcome = writer.closingOnce { () -> Result<Void, StatementFailure> in
            do throws(StatementFailure) {
                try perform(statement)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success: return true
        case .failure(.diagnostic(let diagnostic)):
            report(diagnostic)
            return false
        case .failure(.alreadyReported):
            return false
        }
    }

    /// What a statement does: a query's result written, a binding or fact stored, a dot
    /// command run.
    private func perform(_ statement: Statement) throws(StatementFailure) {
        // A connection's password is not echoed.
        if echo { try writeResult(ConnectionString.redactedWords(statement.text) + "\n", for: statement) }
        let outcome: Interpreter.Outcome
        do {
            outcome = try runInDatabase(statement) ?? interpreter.execute(statement)
        } catch {
            throw StatementFailure(error, at: statement)
        }
        switch outcome {
        case .result(let result):
            lastResult = result
            if case .query(let query) = statement.kind {
                lastQuery = (query, statement.source)
                if query.chart != nil { return try showChart(result, for: statement) }
            }
            try showResult(result, for: statement)
        case .bound:
            if case .let(let name, let query) = statement.kind {
                lastQuery = (query, statement.source)
                boundQueries[name.text] = (query, statement.source)
            }
        case .added: break
        case .dotCommand(let name, let arguments):
            try DotCommand.run(DotCommand.Invocation(name: name, arguments: arguments, statement: statement), in: self)
        }
    }

    /// Forgets what described the facts that another set has replaced (`.open`, `--db`): the
    /// last query and result, the bindings' queries, the data files loaded.
    func forgetReplacedFacts() {
        lastQuery = nil
        lastResult = nil
        boundQueries = [:]
        loadedDataFiles = [:]
    }

    /// Tables fit the width chosen with `.maxwidth`, or else the terminal's as it is now.
    private func fitTablesToWidth() {
        if let chosenMaxWidth {
            writer.tableStyle.maxWidth = chosenMaxWidth == 0 ? nil : chosenMaxWidth
        } else if let terminalWidth {
            writer.tableStyle.maxWidth = terminalWidth()
        }
    }

    /// Writes a query result in the current format.
    public func print(_ result: QueryResult) throws(FileSystem.Failure) {
        try writer.print(result)
    }

    public func render(_ result: QueryResult) -> String {
        writer.render(result)
    }

    public func report(_ diagnostic: Diagnostic) {
        output.writeDiagnostic(diagnosticRenderer.render(diagnostic) + "\n")
    }

    /// Writes a statement's output; a file that cannot be written fails the statement.
    func writeResult(_ text: String, for statement: Statement) throws(StatementFailure) {
        do { try writer.write(text) } catch { throw .diagnostic(error.diagnostic(at: statement)) }
    }

    /// `1.234` for a duration of 1.234 ms.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
