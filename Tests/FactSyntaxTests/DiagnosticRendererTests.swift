import FactStore
import Testing

@testable import FactSyntax

@Suite struct DiagnosticRendererTests {
    @Test func rendersLocationCaretAndHelp() {
        let source = SourceFile(name: "<stdin>", text: "swaps sum releasd")
        let diagnostic = Diagnostic(.unknownField, "unknown field 'releasd' in swaps", in: source, at: SourceRange(10, 17), help: "did you mean 'released'?")
        #expect(
            DiagnosticRenderer().render(diagnostic) == """
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

    /// A 400 KB line is shown as about one screen line around the caret, cut with `…` on the
    /// side that goes on, the caret under the same character.
    @Test(arguments: [0, 30, 200_000, 399_990])
    func aLongLineIsShownAsAWindowAroundTheCaret(offset: Int) throws {
        var text = Array(repeating: "a", count: 400_000)
        text[offset] = "Z"
        let source = SourceFile(name: "<stdin>", text: text.joined())
        let diagnostic = Diagnostic(.expected, "m", in: source, at: SourceRange(offset, 400_000))
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].count <= DiagnosticRenderer.lineWidth + 2)
        #expect(lines[2].count <= lines[1].count)
        let caret = try #require(Array(lines[2]).firstIndex(of: "^"))
        #expect(Array(lines[1])[caret] == "Z")
        #expect(lines[1].hasPrefix("…") == (offset > DiagnosticRenderer.lineWidth / 3))
        #expect(lines[1].hasSuffix("…") == (offset < 400_000 - DiagnosticRenderer.lineWidth))
    }

    /// A bad line of a data file may hold terminal escapes: echoed escaped, the caret still
    /// under the character it marks.
    @Test func controlCharactersInTheLineAreEscaped() {
        let diagnostic = Diagnostic(.notText, "m", path: "f.csv", location: SourceLocation(line: 2, column: 3), lineText: "\u{1B}[2J,x")
        #expect(DiagnosticRenderer().render(diagnostic) == "f.csv:2:3: error: m\n\\x1b[2J,x\n     ^")
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic(.unreadable, "cannot read 'x'")
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
