import FactStore
import FactSyntax
import PostgresStore

/// The read–run loop of the shell: gathers lines until they make complete statements (the
/// parser says whether input is merely incomplete), runs them, and shows a continuation
/// prompt in between, as the sqlite3 and Lua shells do.
public struct InteractiveLoop {
    public static let prompt = "factsh> "
    public static let continuationPrompt = "   ...> "

    let session: Session
    let reader: LineReader
    /// `<stdin>` for piped input, used in error locations.
    let sourceName: String
    /// Where typed statements are kept between sessions; nil with `--no-history` or a pipe.
    let historyFile: HistoryFile?

    public init(session: Session, reader: LineReader, sourceName: String = "<stdin>", historyFile: HistoryFile? = nil) {
        self.session = session
        self.reader = reader
        self.sourceName = sourceName
        self.historyFile = historyFile
    }

    /// Runs until `.quit` or the end of the input, or, reading a pipe with `--bail`, the first
    /// failing statement.
    public func run() {
        let failuresBefore = session.failureCount
        var bailing: Bool { session.bail && !reader.isInteractive && session.failureCount > failuresBefore }
        var pending: [String] = []
        var lineNumber = 0
        var firstLine = 1
        var historyWarned = false
        func flush() {
            guard !pending.isEmpty else { return }
            let text = pending.joined(separator: "\n")
            // A connection's password never reaches the history.
            let remembered = ConnectionString.redactedWords(text)
            if !text.allSatisfy(\.isWhitespace), session.history.last != remembered {
                session.history.append(remembered)
                if reader.isInteractive { reader.addHistory(remembered) }
                do {
                    try historyFile?.append(remembered)
                } catch {
                    if !historyWarned {
                        session.report(Diagnostic(.historyUnavailable, "cannot save history to '\(error.path)': \(error.reason); going on without it", severity: .warning))
                        historyWarned = true
                    }
                }
            }
            session.run(SourceFile(name: sourceName, text: text, firstLine: firstLine))
            pending = []
        }
        while !session.exitRequested, !bailing {
            let prompt = pending.isEmpty ? InteractiveLoop.prompt : InteractiveLoop.continuationPrompt
            switch reader.readLine(prompt: reader.isInteractive ? prompt : "") {
            case .line(let line):
                lineNumber += 1
                if pending.isEmpty { firstLine = lineNumber }
                pending.append(line)
                if !InteractiveLoop.isIncomplete(pending.joined(separator: "\n"), name: sourceName) { flush() }
            case .interrupted:
                pending = []
            case .endOfInput:
                flush()
                return
            }
        }
    }

    /// True when the text parses except that it stops too early: an open parenthesis or
    /// string, or a trailing `\`.
    public static func isIncomplete(_ text: String, name: String = "<stdin>") -> Bool {
        let diagnostics = Parser.parse(SourceFile(name: name, text: text)).diagnostics
        return DiagnosticList(diagnostics).isIncompleteInput
    }
}
