import CInterrupt
import FactTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Ctrl-C flag is defined once: a SIGINT caught by the handler FactTerminal installs is
/// seen through FactTerminal and by any other module that reads the flag (this one, here).
@Suite(.serialized) struct TerminalSignalsTests {
    @Test func oneFlagForEveryModule() {
        TerminalSignals.installInterruptHandler()
        TerminalSignals.clearInterrupt()
        #expect(!TerminalSignals.interruptPending)
        #expect(factsh_interrupt_pending() == 0)

        // To the process, not this thread: a test runs on a thread that may block SIGINT, and
        // the handler runs on whichever thread takes it, so wait for the flag a little.
        kill(getpid(), SIGINT)
        for _ in 0..<200 where !TerminalSignals.interruptPending { usleep(5_000) }
        #expect(TerminalSignals.interruptPending)
        #expect(factsh_interrupt_pending() != 0)

        factsh_clear_interrupt()
        #expect(!TerminalSignals.interruptPending)
        // Ctrl-C ends the test run again.
        signal(SIGINT, SIG_DFL)
    }
}
