import FactStore
import FactSyntax

/// Runs factsh as the command line asks: `--set`, `--demo`, the startup script, FILE arguments,
/// `-f`/`-c` in order, then the interactive loop. Returns the exit status of the contract:
/// 0 all succeeded, 1 a statement failed, 2 bad usage or an unreadable file.
public struct Launcher {
    public var options: LaunchOptions
    public var terminal: TerminalInfo

    public init(options: LaunchOptions, terminal: TerminalInfo) {
        self.options = options
        self.terminal = terminal
    }

    public enum ExitStatus: Int32, Sendable {
        case success = 0
        case statementFailed = 1
        case usageOrUnreadable = 2
    }

    /// Builds the session the options describe, with nothing loaded yet.
    public func makeSession(output: ShellOutput) -> Session {
        let session = Session(output: output)
        session.format = options.format
        session.bail = options.bail
        session.echo = options.echo
        if let threads = options.threads { session.interpreter.threads = threads }
        let colored = !terminal.noColor
        session.tableStyle = TableStyle(
            unicode: terminal.stdoutIsTerminal && terminal.utf8 && !options.ascii,
            maxWidth: terminal.stdoutIsTerminal ? terminal.width : nil,
            // Elision is for the screen: a pipe or a file gets every row.
            maxRows: terminal.stdoutIsTerminal ? 40 : .max,
            colored: colored && terminal.stdoutIsTerminal)
        if terminal.stdoutIsTerminal {
            session.terminalWidth = { terminal.currentWidth() ?? terminal.width }
            session.terminalHeight = terminal.currentHeight
        }
        session.diagnosticRenderer = DiagnosticRenderer(colored: colored && terminal.stderrIsTerminal)
        session.showsProgress = terminal.stderrIsTerminal
        session.confirmsLoads = terminal.stderrIsTerminal
        session.escapesControlCharacters = terminal.stdoutIsTerminal
        return session
    }

    /// Everything before the interactive loop. Nil when the run should go on to the loop.
    public func runBatch(_ session: Session) -> ExitStatus {
        if let database = options.database {
            do {
                try session.attach(database)
            } catch {
                session.report(Diagnostic(.databaseUnavailable, error.message))
                return .usageOrUnreadable
            }
        }
        for setting in options.settings {
            guard let (name, value) = Launcher.parseSetting(setting) else {
                session.report(Diagnostic(.usage, "--set takes NAME=VALUE, where NAME is a name such as 'since'; found '\(setting)'"))
                return .usageOrUnreadable
            }
            session.environment.bind(name, value: value)
        }
        // The demo facts come first, so a startup script can use them. Over a database that
        // already holds them, the run stops before anything else changes it.
        if options.demo, !session.loadDemo() { return .usageOrUnreadable }
        if !options.noInit, let path = options.initPath ?? defaultInitPath() {
            // Errors in the startup script are reported but, as in psql, do not fail the run.
            let failuresBefore = session.failureCount
            if case .failure(.unreadable(let diagnostic)) = session.runScriptFile(path) {
                session.report(diagnostic)
                if options.initPath != nil { return .usageOrUnreadable }
            }
            session.failureCount = failuresBefore
        }
        // Articles side by side on the command line (or a folder of them) load as one load, on
        // every thread; scripts and data files one at a time, in their place.
        var remaining = options.files[...]
        while let file = remaining.first, !session.exitRequested {
            let outcome: Result<Void, Session.FileProblem>
            switch Session.fileKind(file) {
            case .article:
                let articles = remaining.prefix { Session.fileKind($0) == .article }
                remaining = remaining.dropFirst(articles.count)
                outcome = session.loadArticleArguments(Array(articles))
            case .script:
                remaining = remaining.dropFirst()
                outcome = session.runScriptFile(file)
            case .data:
                remaining = remaining.dropFirst()
                outcome = session.loadFile(file)
            }
            if case .failure(.unreadable(let diagnostic)) = outcome {
                session.report(diagnostic)
                return .usageOrUnreadable
            }
        }
        for action in options.actions where !session.exitRequested {
            if options.bail, session.failureCount > 0 { break }
            switch action {
            case .command(let text):
                session.run(SourceFile(name: "<command>", text: text))
            case .script(let path):
                if case .failure(.unreadable(let diagnostic)) = session.runScriptFile(path) {
                    session.report(diagnostic)
                    return .usageOrUnreadable
                }
            }
        }
        return session.failureCount > 0 ? .statementFailed : .success
    }

    /// Whether statements are read from standard input after the batch work: at the prompt
    /// when nothing else was asked (or with `-i`), and, as sqlite3 does, from a pipe after the
    /// file arguments when no `-c` or `-f` was given. Not after a failure with `--bail`.
    public func readsStandardInput(after status: ExitStatus, in session: Session) -> Bool {
        guard status != .usageOrUnreadable, !session.exitRequested, !(options.bail && status == .statementFailed) else { return false }
        return options.staysInteractive || (!terminal.stdinIsTerminal && options.actions.isEmpty)
    }

    /// The banner of an interactive session on a terminal.
    public static func banner(for session: Session) -> String {
        let relations = session.environment.catalog.names.count
        let facts = session.environment.catalog.totalRows
        return "factsh \(FactshVersion.current) — \(relations) relation\(relations == 1 ? "" : "s"), \(facts) fact\(facts == 1 ? "" : "s") loaded. "
            + "Type .help for help, .quit to leave.\n"
    }

    private func defaultInitPath() -> String? {
        guard let home = FileSystem.environment("HOME") else { return nil }
        let path = home + "/.factshrc"
        return FileSystem.exists(path) ? path : nil
    }

    /// `NAME=VALUE` with VALUE read as a literal (`2025-05-23`, `12`, `"text"`, `at least 3`);
    /// anything that is no literal is taken as a string, so `--set who=Zelensky` works.
    public static func parseSetting(_ setting: String) -> (String, Value)? {
        guard let equals = setting.firstIndex(of: "=") else { return nil }
        let name = String(setting[..<equals])
        let text = String(setting[setting.index(after: equals)...])
        let nameTokens = Lexer.tokenize(SourceFile(name: "--set", text: name)).tokens
        guard nameTokens.count == 2, case .identifier(let identifier) = nameTokens[0].kind, identifier == name else { return nil }
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "--set", text: text))
        if diagnostics.isEmpty, statements.count == 1, case .query(let query) = statements[0].kind, query.clauses.isEmpty,
            case .literal(let value) = query.source.kind
        {
            return (name, value)
        }
        return (name, .string(text))
    }
}
