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
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            info.width = Int(size.ws_col)
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { FileSystem.environment($0) }.first { !$0.isEmpty } ?? ""
        info.utf8 = locale.uppercased().replacing("-", with: "").contains("UTF8")
        info.noColor = FileSystem.environment("NO_COLOR").map { !$0.isEmpty } ?? false
        return info
    }
}
