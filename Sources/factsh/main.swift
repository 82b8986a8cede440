import ArgumentParser
import FactShell
import FactTerminal

#if canImport(Glibc)
    import Glibc
#endif

// Parse by hand rather than with `main()`, so that usage errors exit with status 2, as the
// contract says, instead of swift-argument-parser's 64.
let arguments = Array(CommandLine.arguments.dropFirst())
let command: FactshCommand
do {
    command = try FactshCommand.parse(arguments)
} catch {
    let message = FactshCommand.fullMessage(for: error)
    if FactshCommand.exitCode(for: error) == .success {
        print(message)
        exit(0)
    }
    StandardStreams().writeDiagnostic("factsh: " + message + "\n")
    exit(2)
}

let terminal = TerminalInfo.detect()
let launcher = Launcher(options: command.launchOptions(arguments: arguments), terminal: terminal)
let session = launcher.makeSession(output: StandardStreams())
var status = launcher.runBatch(session)
if launcher.readsStandardInput(after: status, in: session) {
    let before = session.failureCount
    if terminal.stdinIsTerminal && terminal.stdoutIsTerminal {
        let historyFile = launcher.options.noHistory ? nil : (launcher.options.historyFile ?? HistoryFile.defaultPath()).map { HistoryFile(path: FileSystem.expandingTilde($0)) }
        let reader = LibeditLineReader(programName: "factsh", history: historyFile?.load() ?? [], coloursInput: !terminal.noColor && !terminal.isDumb) { [session] text in
            CompletionEngine(environment: session.environment).complete(text)
        }
        session.interpreter.isCancelled = { TerminalSignals.interruptPending }
        // The banner is a greeting; a stdout that cannot be written fails the first statement, which reports it.
        try? session.output.writeResult(Launcher.banner(for: session))
        InteractiveLoop(session: session, reader: reader ?? PlainLineReader(), historyFile: historyFile).run()
    } else {
        InteractiveLoop(session: session, reader: PlainLineReader()).run()
        if session.failureCount > before { status = .statementFailed }
    }
}
exit(status.rawValue)
