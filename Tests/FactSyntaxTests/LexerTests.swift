import FactStore
import Testing

@testable import FactStore
@testable import FactSyntax

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind).dropLast().map { $0 }
    }

    func problems(_ text: String) -> [Diagnostic] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).diagnostics
    }

    @Test(arguments: [
        ("swaps", [Token.Kind.identifier("swaps")]),
        ("WHERE Where where", [.keyword(.where), .keyword(.where), .keyword(.where)]),
        ("`count`", [.identifier("count")]),
        ("12 2.5 1e3", [.integer("12"), .decimal(2.5), .decimal(1000)]),
        ("2025-05-23", [.date(Day(iso: "2025-05-23")!.number)]),
        ("2025 - 05", [.integer("2025"), .symbol("-"), .integer("05")]),
        ("2025-05", [.integer("2025"), .symbol("-"), .integer("05")]),
        (#""a \"b\" \\ \n""#, [.string("a \"b\" \\ \n")]),
        (">= <= != <> == ≥ ≤ ≠ = < >", [.symbol(">="), .symbol("<="), .symbol("!="), .symbol("<>"), .symbol("=="), .symbol("≥"), .symbol("≤"), .symbol("≠"), .symbol("="), .symbol("<"), .symbol(">")]),
        ("a # comment\nb", [.identifier("a"), .newline, .identifier("b")]),
        ("a \\\n b", [.identifier("a"), .identifier("b")]),
        ("Київ", [.identifier("Київ")]),
        (".load x.txt # not a comment", [.dotCommand(name: "load", arguments: "x.txt # not a comment")]),
        ("a; .tables", [.identifier("a"), .symbol(";"), .dotCommand(name: "tables", arguments: "")]),
        ("3 days", [.integer("3"), .keyword(.days)])
    ])
    func tokens(text: String, expected: [Token.Kind]) {
        #expect(kinds(text) == expected)
        #expect(problems(text).isEmpty)
    }

    @Test func tokensCarryTheirSpans() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "swaps  where")).tokens
        #expect(tokens[0].range == SourceRange(0, 5))
        #expect(tokens[1].range == SourceRange(7, 12))
    }

    @Test func impossibleDateIsAnErrorThatSaysWhy() throws {
        let diagnostic = try #require(problems("x = 2025-02-30").first)
        #expect(diagnostic.id == .invalidDate)
        #expect(diagnostic.location == SourceLocation(line: 1, column: 5))
        #expect(diagnostic.message.contains("February 2025 has 28 days"))
    }

    @Test func unterminatedStringIsIncompleteInput() throws {
        let diagnostic = try #require(problems("swaps where who = \"sol").first)
        #expect((diagnostic.id, diagnostic.kind) == (.unterminatedString, .incompleteInput))
        #expect(diagnostic.location?.column == 19)
    }

    @Test func trailingBackslashIsIncompleteInput() {
        #expect(problems("swaps \\").map(\.id) == [.unfinishedContinuation])
        #expect(problems("swaps \\ x").map(\.id) == [.misplacedBackslash])
    }

    @Test func badCharactersAreReportedAndSkipped() {
        let result = Lexer.tokenize(SourceFile(name: "t", text: "a @ b \u{0} c"))
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics[0].location?.column == 3)
        #expect(result.tokens.map(\.kind).dropLast() == [.identifier("a"), .identifier("b"), .identifier("c")])
    }

    @Test(arguments: ["(!x)", "a . b", "a ! b", "@@@", "\u{FFFD}\u{FFFD}", "x \u{0}\u{0}"])
    func strayCharactersAreOneErrorEach(text: String) {
        #expect(problems(text).count == 1, "\(problems(text))")
    }

    /// `!CMD` at the start of a statement is `.shell CMD`, as at sqlite3's and psql's prompts.
    @Test func bangStartsAShellCommand() {
        let result = Lexer.tokenize(SourceFile(name: "t", text: "!ls -l *.csv\nswaps"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.tokens.first?.kind == .dotCommand(name: "shell", arguments: "ls -l *.csv"))
    }

    @Test func numberGluedToAWordIsAnError() {
        #expect(problems("12abc").first?.message.contains("invalid number") == true)
    }

    @Test func everyKeywordLexesAsItself() {
        for keyword in Keyword.allCases {
            #expect(kinds(keyword.rawValue) == [.keyword(keyword)])
        }
    }
}
