import ArgumentParser
import FactShell

/// The `factsh` command line, as shell-and-cli.md specifies it.
struct FactshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factsh",
        abstract: "An interactive shell for exploring the facts inside news reports.",
        discussion: """
            Each FILE is loaded in order: .fq runs as a script; .csv .tsv .jsonl .json load as \
            a relation named after the file; anything else loads as an article.
            Exit status: 0 all statements succeeded, 1 a statement failed, 2 bad usage or an unreadable file.
            """,
        version: FactshVersion.current
    )

    @Argument(help: "Scripts, data files and articles to load, in order.")
    var files: [String] = []

    @Option(name: [.customShort("c"), .customLong("command")], help: "Run STMT (may hold several ';'-separated statements); repeatable.")
    var commands: [String] = []

    @Option(name: [.customShort("f"), .customLong("file")], help: "Run a script; repeatable.")
    var scripts: [String] = []

    @Flag(name: .shortAndLong, help: "Stay in the shell after files, -c and -f.")
    var interactive = false

    @Option(help: "Output mode: \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|")).")
    var format: String = "table"

    @Option(name: .customLong("set"), help: ArgumentHelp("Bind NAME before scripts run, as 'let NAME = VALUE'; repeatable.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Flag(help: "Stop at the first failing statement.")
    var bail = false

    @Flag(help: "Print each statement before its result.")
    var echo = false

    @Flag(help: "Plain ASCII tables and '#' chart bars, even on a UTF-8 terminal.")
    var ascii = false

    @Flag(help: "Load the bundled sample articles and facts.")
    var demo = false

    @Option(name: .customLong("history-file"), help: ArgumentHelp("Where history lives.", valueName: "PATH"))
    var historyFile: String?

    @Flag(name: .customLong("no-history"), help: "Keep no history.")
    var noHistory = false

    @Option(name: .customLong("init"), help: ArgumentHelp("Startup script (default ~/.factshrc if present).", valueName: "PATH"))
    var initPath: String?

    @Flag(name: .customLong("no-init"), help: "Run no startup script.")
    var noInit = false

    @Option(name: .customLong("db"), help: ArgumentHelp("Work on the relations of a PostgreSQL database (postgresql://... or 'dbname=... host=...').", valueName: "URI"))
    var database: String?

    @Option(help: ArgumentHelp("Cores a query may use (default: all of them).", valueName: "N"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads takes a number of cores, 1 or more; got \(threads)") }
        guard OutputFormat(rawValue: format).map(OutputFormat.allCases.contains) == true else {
            throw ValidationError("unknown format '\(format)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The options for the shell library, with `-c` and `-f` in the order they were given.
    func launchOptions(arguments: [String]) -> LaunchOptions {
        var options = LaunchOptions()
        options.database = database
        options.files = files
        options.actions = CommandLineOrder.actions(in: arguments, commands: commands, scripts: scripts)
        options.interactive = interactive
        options.format = OutputFormat(rawValue: format) ?? .table
        options.settings = settings
        options.bail = bail
        options.echo = echo
        options.ascii = ascii
        options.demo = demo
        options.historyFile = historyFile
        options.noHistory = noHistory
        options.initPath = initPath
        options.noInit = noInit
        options.threads = threads
        return options
    }
}
