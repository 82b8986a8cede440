import FactEngine
import FactStore
import FactSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dot commands that reach outside the session, as sqlite3's and psql's do: `.print`,
/// `.cd`, `.shell`, the pager and `.edit`, and `.last`.
extension Session {
    /// `.last`: the whole of the last result, no row left out.
    func showLast(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.isEmpty else { throw command.usageError() }
        guard let lastResult else { throw command.failure(.nothingToDo, "no result yet: .last shows the whole of the last one") }
        let style = tableStyle
        tableStyle.maxRows = .max
        defer { tableStyle = style }
        try showResult(lastResult, for: command.statement)
    }

    /// A query's result on the screen, through the pager when it is on and the result is
    /// taller than the screen; into the file of `.output` as it is.
    func showResult(_ result: QueryResult, for statement: Statement) throws(StatementFailure) {
        if pagesResults, !writer.isRedirected, let height = terminalHeight?() {
            let text = writer.render(result)
            if text.count(where: { $0 == "\n" }) >= height, ExternalProgram.feed(text, to: Session.pagerCommand) { return }
        }
        try writer.print(result, of: statement, cancellation: Cancellation(interpreter.isCancelled))
    }

    /// `... chart`: the result drawn, or a table when it has no number to draw.
    func showChart(_ result: QueryResult, for statement: Statement) throws(StatementFailure) {
        guard let chart = ChartRenderer(style: writer.isRedirected ? tableStyle.forFile : tableStyle).render(result.relation) else {
            return try showResult(result, for: statement)
        }
        try writeResult(chart, for: statement)
    }

    /// `$PAGER`, or `less` told to quit when the text fits and to keep colours.
    static var pagerCommand: String { FileSystem.environment("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX" }

    /// `.cd DIR`.
    func changeDirectory(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.count == 1 else { throw command.usageError() }
        let path = FileSystem.expandingTilde(command.words[0])
        guard chdir(path) == 0 else { throw command.failure(.unreadable, "cannot change to '\(command.words[0])': \(FileSystem.systemReason())") }
    }

    /// `.shell CMD` and `!CMD`: the command run by `/bin/sh`, with the terminal.
    func runShellCommand(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard !command.arguments.isEmpty else { throw command.usageError() }
        guard let status = ExternalProgram.run(command.arguments) else {
            throw command.failure(.shellCommand, "'\(command.arguments)' could not run, or was stopped")
        }
        guard status == 0 else { throw command.failure(.shellCommand, "'\(command.arguments)' exited with status \(status)") }
    }

    /// `.edit`: the last statement in `$VISUAL` or `$EDITOR`, run when the editor is left.
    func editLastStatement(_ command: DotCommand.Invocation) throws(StatementFailure) {
        guard command.words.isEmpty else { throw command.usageError() }
        let previous = history.last { !$0.hasPrefix(".edit") } ?? ""
        let path = ExternalProgram.temporaryPath(suffix: ".fq")
        defer { try? FileSystem.remove(path) }
        do { try FileSystem.writeAtomically(previous + "\n", to: path) } catch { throw command.fileError(error) }
        let editor = ["VISUAL", "EDITOR"].lazy.compactMap { FileSystem.environment($0) }.first { !$0.isEmpty } ?? "vi"
        guard ExternalProgram.run(editor + " " + ExternalProgram.quoted(path)) == 0 else {
            throw command.failure(.shellCommand, "the editor '\(editor)' failed; nothing was run")
        }
        let edited: String
        do { edited = try FileSystem.readText(path, displayName: "<edit>") } catch { throw .diagnostic(error) }
        let statement = edited.trimmingWhitespace
        guard !statement.isEmpty else { return }
        history.append(statement)
        try writeResult(statement + "\n", for: command.statement)
        if !run(SourceFile(name: "<edit>", text: statement)) { throw .alreadyReported }
    }
}
