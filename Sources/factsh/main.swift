#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import FactShell

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
if status != .usageOrUnreadable, launcher.options.staysInteractive, !session.exitRequested {
    let reader: LineReader = PlainLineReader()
    if terminal.stdinIsTerminal {
        session.output.writeDiagnostic(Launcher.banner(for: session))
    }
    let before = session.failureCount
    InteractiveLoop(session: session, reader: reader).run()
    if !terminal.stdinIsTerminal, session.failureCount > before { status = .statementFailed }
}
exit(status.rawValue)
