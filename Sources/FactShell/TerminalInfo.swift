/// What the process knows of its terminal; decided by the executable, so the shell library
/// never asks the operating system itself.
public struct TerminalInfo: Sendable {
    public var stdinIsTerminal = false
    public var stdoutIsTerminal = false
    public var stderrIsTerminal = false
    public var width: Int?
    public var utf8 = false
    /// `NO_COLOR` is set.
    public var noColor = false

    public init() {}
}
