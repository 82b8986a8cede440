import Testing

@testable import FactShell

/// `.threads N` sets how many cores a query may use.
@Suite struct ThreadsCommandTests {
    @Test func setsAndShowsTheThreads() {
        let (session, output) = makeSession()
        #expect(session.run(".threads 1"))
        #expect(session.interpreter.threads == 1)
        #expect(session.run(".threads"))
        #expect(output.results == "1\n")
        #expect(session.run("swaps sum released"))
        #expect(!session.run(".threads 0"))
        #expect(output.diagnostics.contains("1 or more"))
        #expect(session.interpreter.threads == 1)
    }
}
