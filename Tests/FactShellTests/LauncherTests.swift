import FactStore
import Testing

@testable import FactShell

@Suite struct LauncherTests {
    func launch(_ configure: (inout LaunchOptions) -> Void) -> (Launcher.ExitStatus, CapturedOutput, Session) {
        var options = LaunchOptions()
        options.noInit = true
        configure(&options)
        let launcher = Launcher(options: options, terminal: TerminalInfo())
        let output = CapturedOutput()
        let session = launcher.makeSession(output: output)
        return (launcher.runBatch(session), output, session)
    }

    @Test func commandsRunInOrderAndSucceed() {
        let (status, output, _) = launch {
            $0.demo = true
            $0.actions = [.command("swaps count; .mode csv"), .command("attacks count")]
        }
        #expect(status == .success)
        #expect(output.results == "3\ncount\r\n1\r\n")
    }

    /// Control characters are escaped in CSV and TSV only when results go to a terminal.
    @Test func aTerminalEscapesControlCharacters() {
        var terminal = TerminalInfo()
        #expect(Launcher(options: LaunchOptions(), terminal: terminal).makeSession(output: CapturedOutput()).escapesControlCharacters == false)
        terminal.stdoutIsTerminal = true
        #expect(Launcher(options: LaunchOptions(), terminal: terminal).makeSession(output: CapturedOutput()).escapesControlCharacters)
    }

    /// Elision is for the screen: a pipe gets every row.
    @Test func aPipeGetsEveryRowAndAScreenAnElidedTable() {
        let (_, output, _) = launch {
            $0.demo = true
            $0.actions = [.command("sentences show n, article")]
        }
        #expect(!output.results.contains("shown)"))
        var terminal = TerminalInfo()
        terminal.stdoutIsTerminal = true
        #expect(Launcher(options: LaunchOptions(), terminal: terminal).makeSession(output: CapturedOutput()).tableStyle.maxRows == 40)
    }

    @Test func standardInputIsReadAfterFilesWhenItIsAPipe() {
        var options = LaunchOptions()
        options.files = ["report.fq"]
        var terminal = TerminalInfo()
        let session = Session(output: CapturedOutput())
        #expect(Launcher(options: options, terminal: terminal).readsStandardInput(after: .success, in: session))
        #expect(!Launcher(options: options, terminal: terminal).readsStandardInput(after: .usageOrUnreadable, in: session))
        options.bail = true
        #expect(!Launcher(options: options, terminal: terminal).readsStandardInput(after: .statementFailed, in: session))
        options.actions = [.command("swaps count")]
        #expect(!Launcher(options: options, terminal: terminal).readsStandardInput(after: .success, in: session))
        options.actions = []
        terminal.stdinIsTerminal = true
        #expect(!Launcher(options: options, terminal: terminal).readsStandardInput(after: .success, in: session), "a terminal gets no prompt after files")
    }

    @Test func failingStatementExitsOne() {
        let (status, output, _) = launch {
            $0.demo = true
            $0.actions = [.command("swap count"), .command("swaps count")]
        }
        #expect(status == .statementFailed)
        #expect(output.results == "3\n")
    }

    @Test func bailSkipsLaterCommands() {
        let (status, output, _) = launch {
            $0.demo = true
            $0.bail = true
            $0.actions = [.command("swap count"), .command("swaps count")]
        }
        #expect(status == .statementFailed)
        #expect(output.results == "")
    }

    @Test func unreadableScriptExitsTwo() {
        let (status, output, _) = launch { $0.actions = [.script("/nonexistent/report.fq")] }
        #expect(status == .usageOrUnreadable)
        #expect(output.diagnostics.contains("cannot read '/nonexistent/report.fq'"))
        let (fileStatus, _, _) = launch { $0.files = ["/nonexistent/report.fq"] }
        #expect(fileStatus == .usageOrUnreadable)
    }

    @Test func settingsBindLiteralsBeforeScripts() {
        let (status, output, session) = launch {
            $0.demo = true
            $0.settings = ["since=2025-05-24", "n=3", "who=Zelensky", "q=at least 4", "s=\"quoted\""]
            $0.actions = [.command("swaps where date >= since sum released")]
        }
        #expect(status == .success)
        #expect(output.results == "610\n")
        #expect(session.environment.scalar(named: "n") == .int(3))
        #expect(session.environment.scalar(named: "who") == .string("Zelensky"))
        #expect(session.environment.scalar(named: "q") == .quantity(Quantity(4, .atLeast)))
        #expect(session.environment.scalar(named: "s") == .string("quoted"))
    }

    @Test(arguments: ["noequals", "2x=1", "where=1", "a b=1", "=3"])
    func badSettingsAreUsageErrors(setting: String) {
        let (status, output, _) = launch { $0.settings = [setting] }
        #expect(status == .usageOrUnreadable)
        #expect(output.diagnostics.contains("--set takes NAME=VALUE"))
    }

    @Test func initScriptRunsFirstUnlessDisabled() {
        let directory = temporaryDirectory()
        FileManagerShim.write("let answer = 42\n", to: "\(directory)/rc")
        let (_, output, _) = launch {
            $0.noInit = false
            $0.initPath = "\(directory)/rc"
            $0.actions = [.command("answer")]
        }
        #expect(output.results == "42\n")
        let (_, disabled, _) = launch {
            $0.noInit = true
            $0.initPath = "\(directory)/rc"
            $0.actions = [.command("answer")]
        }
        #expect(disabled.diagnostics.contains("unknown relation 'answer'"))
    }

    @Test func interactiveOnlyWithoutBatchWork() {
        var options = LaunchOptions()
        #expect(options.staysInteractive)
        options.actions = [.command("x")]
        #expect(!options.staysInteractive)
        options.interactive = true
        #expect(options.staysInteractive)
    }

    @Test func bannerCountsFacts() {
        let (_, _, session) = launch { $0.demo = true }
        let relations = session.environment.catalog.names.count
        let facts = session.environment.catalog.totalRows
        #expect(relations == 9, "the demo's seven relations, and figures and disputes")
        #expect(Launcher.banner(for: session).contains("\(relations) relations, \(facts) facts"))
    }

    @Test func fileKindsByExtension() {
        #expect(Session.fileKind("a/report.fq") == .script)
        #expect(Session.fileKind("events.CSV") == .data)
        #expect(Session.fileKind("x.jsonl") == .data)
        #expect(Session.fileKind("report.txt") == .article)
        #expect(Session.fileKind("dir.v2/report") == .article)
    }
}
