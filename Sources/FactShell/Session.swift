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
    /// Statements entered so far, for `.history`; the interactive shell fills it.
    public var history: [String] = []
    let writer: ResultWriter
    let runner = StatementRunner()
    var scriptNesting = 0
    /// The last query that ran, for `.why`.
    var lastQuery: (query: Query, source: SourceFile)?
    /// A load changed `mentions` since `figures` was derived (see `refreshFiguresIfStale`).
    var figuresAreStale = false
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
    @discardableResult
    public func execute(_ statement: Statement) -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            if timer { output.writeDiagnostic("time: \(Session.milliseconds(clock.now - start)) ms\n") }
        }
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
            if case .query(let query) = statement.kind { lastQuery = (query, statement.source) }
            try writer.print(result, of: statement, cancellation: Cancellation(interpreter.isCancelled))
        case .bound:
            if case .let(_, let query) = statement.kind { lastQuery = (query, statement.source) }
        case .added: break
        case .dotCommand(let name, let arguments):
            try DotCommand.run(DotCommand.Invocation(name: name, arguments: arguments, statement: statement), in: self)
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
