import Testing

@testable import FactShell

@Suite struct InteractiveLoopTests {
    @Test func continuationPromptWhileAParenthesisIsOpen() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader(lines: ["swaps where (released", "  > 300)", "count", "swaps count"])
        InteractiveLoop(session: session, reader: reader).run()
        #expect(reader.prompts == ["factsh> ", "   ...> ", "factsh> ", "factsh> ", "factsh> "])
        #expect(output.diagnostics.contains("statement cannot start with 'count'"), "a newline outside parentheses ends the statement")
        #expect(reader.history == ["swaps where (released\n  > 300)", "count", "swaps count"])
    }

    @Test func trailingBackslashAndOpenStringContinue() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader(lines: ["swaps where released > 300 \\", "count", "swaps where who = \"soldiers", "and civilians\" count"])
        InteractiveLoop(session: session, reader: reader).run()
        #expect(output.results == "3\n0\n")
        #expect(output.diagnostics == "")
    }

    @Test func interruptDropsThePendingStatement() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader([.line("swaps where (released"), .interrupted, .line("swaps count")])
        InteractiveLoop(session: session, reader: reader).run()
        #expect(output.results == "3\n")
        #expect(output.diagnostics == "")
    }

    @Test func bailStopsPipedInputAtItsFirstFailure() {
        let (session, output) = makeSession()
        session.bail = true
        let reader = ScriptedLineReader(lines: ["swaps count", "swap count", "swaps sum released"], interactive: false)
        InteractiveLoop(session: session, reader: reader).run()
        #expect(output.results == "3\n")
        let atPrompt = ScriptedLineReader(lines: ["swap count", "swaps count"])
        InteractiveLoop(session: session, reader: atPrompt).run()
        #expect(output.results == "3\n3\n", "at the prompt an error never ends the session")
    }

    @Test func pipedInputHasNoPromptAndCountsLines() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader(lines: ["swaps count", "", "swap count"], interactive: false)
        InteractiveLoop(session: session, reader: reader).run()
        #expect(reader.prompts.allSatisfy { $0.isEmpty })
        #expect(output.results == "3\n")
        let expected = "<stdin>:3:1: error: unknown relation 'swap'"
        #expect(output.diagnostics.hasPrefix(expected))
    }

    @Test func endOfInputRunsWhatIsPendingAndReportsIt() {
        let (session, output) = makeSession()
        InteractiveLoop(session: session, reader: ScriptedLineReader(lines: ["swaps where (released > 3"], interactive: false)).run()
        #expect(output.diagnostics.contains("expected ')'"))
    }

    @Test func quitEndsTheLoop() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader(lines: [".quit", "swaps count"])
        InteractiveLoop(session: session, reader: reader).run()
        #expect(output.results == "")
        #expect(session.history == [".quit"])
    }

    @Test func incompleteInputDecisions() {
        #expect(InteractiveLoop.isIncomplete("swaps where (a"))
        #expect(InteractiveLoop.isIncomplete("\"open"))
        #expect(InteractiveLoop.isIncomplete("swaps \\"))
        #expect(!InteractiveLoop.isIncomplete("swaps where"))
        #expect(!InteractiveLoop.isIncomplete("swaps count"))
        #expect(!InteractiveLoop.isIncomplete("swaps where (a))"))
    }
}
