import FactShell

#if canImport(Glibc)
    import Glibc
#endif

extension TerminalInfo {
    /// Reads what the process's standard streams are connected to, and the locale.
    static func detect() -> TerminalInfo {
        var info = TerminalInfo()
        info.stdinIsTerminal = isatty(STDIN_FILENO) == 1
        info.stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        info.stderrIsTerminal = isatty(STDERR_FILENO) == 1
        info.width = windowSize()?.width
        info.currentWidth = { windowSize()?.width }
        info.currentHeight = { windowSize()?.height }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { FileSystem.environment($0) }.first { !$0.isEmpty } ?? ""
        info.utf8 = locale.uppercased().replacing("-", with: "").contains("UTF8")
        info.noColor = FileSystem.environment("NO_COLOR").map { !$0.isEmpty } ?? false
        info.isDumb = FileSystem.environment("TERM") == "dumb"
        return info
    }

    /// The terminal's size as it is now; asked at each statement rather than on SIGWINCH, so
    /// no signal handler is needed.
    @Sendable static func windowSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
