/// What the process knows of its terminal; decided by the executable, so the shell library
/// never asks the operating system itself.
public struct TerminalInfo: Sendable {
    public var stdinIsTerminal = false
    public var stdoutIsTerminal = false
    public var stderrIsTerminal = false
    /// The width when factsh started.
    public var width: Int?
    /// Asks the terminal its width now: the window may have been resized since.
    public var currentWidth: @Sendable () -> Int? = { nil }
    /// Asks the terminal its height now, for the pager.
    public var currentHeight: @Sendable () -> Int? = { nil }
    public var utf8 = false
    /// `NO_COLOR` is set.
    public var noColor = false
    /// `TERM=dumb` (Emacs's shell buffer, for one): no cursor movement, so the line being
    /// typed is never repainted in colour.
    public var isDumb = false

    public init() {}
}
