import Testing
@testable import FactLanguage

@Suite struct DiagnosticRendererTests {
    @Test func rendersLocationCaretAndHelp() {
        let source = SourceFile(name: "<stdin>", text: "swaps sum releasd")
        let diagnostic = Diagnostic(.unknownName, "unknown field 'releasd' in swaps", in: source, at: SourceRange(10, 17), help: "did you mean 'released'?")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            <stdin>:1:11: error: unknown field 'releasd' in swaps
            swaps sum releasd
                      ^~~~~~~ did you mean 'released'?
            """)
    }

    @Test func keepsTabsUnderTabsAndMarksMultiLineSpansOnTheFirstLine() {
        let source = SourceFile(name: "a.fq", text: "x\n\tswaps where (a\n  > 1)")
        let diagnostic = Diagnostic(.typeMismatch, "m", in: source, at: SourceRange(15, 24))
        #expect(DiagnosticRenderer().render(diagnostic) == "a.fq:2:14: error: m\n\tswaps where (a\n\t            ^~")
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic(.io, "cannot read 'x'")
        #expect(!DiagnosticRenderer().render(diagnostic).contains("\u{1B}"))
        #expect(DiagnosticRenderer(colored: true).render(diagnostic).contains("\u{1B}[1;31merror:"))
    }

    @Test func suggestionsByEditDistance() {
        #expect(NameSuggester.suggestion(for: "swap", among: ["swaps", "attacks"]) == "swaps")
        #expect(NameSuggester.suggestion(for: "atacks", among: ["swaps", "attacks"]) == "attacks")
        #expect(NameSuggester.suggestion(for: "relaesed", among: ["released", "who"]) == "released")
        #expect(NameSuggester.suggestion(for: "xyz", among: ["swaps", "attacks"]) == nil)
        #expect(NameSuggester.editDistance(Array("ab"), Array("ba")) == 1)
    }
}
