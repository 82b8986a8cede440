/// Where the interactive loop gets its lines: libedit on a terminal, plain stdin otherwise,
/// a list of lines in tests. The loop never knows which.
public protocol LineReader: AnyObject {
    /// The next line without its newline, or why there is none.
    func readLine(prompt: String) -> LineReaderEvent
    /// Remembers a complete statement (all its lines) for Up and Ctrl-R.
    func addHistory(_ statement: String)
    /// Whether prompts are shown: false when reading a pipe or a file.
    var isInteractive: Bool { get }
}

public enum LineReaderEvent: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: drop the statement being typed and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Lines given in advance, for tests of the loop.
public final class ScriptedLineReader: LineReader {
    private var events: [LineReaderEvent]
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []
    public let isInteractive: Bool

    public init(_ events: [LineReaderEvent], interactive: Bool = true) {
        self.events = events
        isInteractive = interactive
    }

    public convenience init(lines: [String], interactive: Bool = true) {
        self.init(lines.map(LineReaderEvent.line), interactive: interactive)
    }

    public func readLine(prompt: String) -> LineReaderEvent {
        prompts.append(prompt)
        return events.isEmpty ? .endOfInput : events.removeFirst()
    }

    public func addHistory(_ statement: String) { history.append(statement) }
}
