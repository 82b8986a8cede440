import CInterrupt

/// Ctrl-C at the terminal: it cancels the line being typed or the query running, and never
/// ends factsh.
public enum TerminalSignals {
    /// Installs the handler (no `SA_RESTART`, so a blocked read returns).
    public static func installInterruptHandler() {
        factsh_install_interrupt_handler()
    }

    /// Whether Ctrl-C was pressed since the last `clearInterrupt`.
    public static var interruptPending: Bool { factsh_interrupt_pending() != 0 }

    public static func clearInterrupt() { factsh_clear_interrupt() }
}
