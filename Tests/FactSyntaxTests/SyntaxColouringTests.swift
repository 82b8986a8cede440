import Testing

@testable import FactSyntax

@Suite struct SyntaxColouringTests {
    typealias Segment = SyntaxColouring.Segment

    @Test(arguments: [
        ("swaps count", [Segment("swaps "), Segment("count", .keyword)]),
        ("swaps WHERE who = \"Kyiv\"", [Segment("swaps "), Segment("WHERE", .keyword), Segment(" who = "), Segment("\"Kyiv\"", .string)]),
        ("attacks where drones > 12.5", [Segment("attacks "), Segment("where", .keyword), Segment(" drones > "), Segment("12.5", .number)]),
        ("x where date >= 2025-05-23", [Segment("x "), Segment("where", .keyword), Segment(" date >= "), Segment("2025-05-23", .date)]),
        // A string still being typed is coloured to the end of the line.
        ("swaps where who = \"Zel", [Segment("swaps "), Segment("where", .keyword), Segment(" who = "), Segment("\"Zel", .string)]),
        // What does not lex stays plain, and the rest of the line is still coloured.
        ("x where n = 12abc and 3", [Segment("x "), Segment("where", .keyword), Segment(" n = 12abc "), Segment("and", .keyword), Segment(" "), Segment("3", .number)]),
        ("x where d = 2025-02-30 or @ 7", [Segment("x "), Segment("where", .keyword), Segment(" d = 2025-02-30 "), Segment("or", .keyword), Segment(" @ "), Segment("7", .number)]),
        // SQL's single quotes lex as a string (with a hint when the statement runs).
        ("x where who = 'Kyiv'", [Segment("x "), Segment("where", .keyword), Segment(" who = "), Segment("'Kyiv'", .string)]),
        // A quoted name and a comment are plain; so is a dot command.
        ("`count` # count 3", [Segment("`count` # count 3")]),
        (".load strikes.csv as s", [Segment(".load strikes.csv as s")]),
        // Wide and multi-byte characters are kept whole.
        ("Київ where 名 = \"—“x”\"", [Segment("Київ "), Segment("where", .keyword), Segment(" 名 = "), Segment("\"—“x”\"", .string)]),
        ("", [])
    ])
    func colours(line: String, expected: [Segment]) {
        let segments = SyntaxColouring.segments(of: line)
        #expect(segments == expected)
        #expect(segments.map(\.text).joined() == line)
    }

    /// A continuation line is lexed after the lines before it, as the parser reads it.
    @Test(arguments: [
        (["swaps where who = \"two"], "lines\" count", [Segment("lines\"", .string), Segment(" "), Segment("count", .keyword)]),
        (["attacks show (drones +"], "missiles) as total", [Segment("missiles) "), Segment("as", .keyword), Segment(" total")]),
        (["swaps \\"], "sum 3", [Segment("sum", .keyword), Segment(" "), Segment("3", .number)])
    ])
    func continuationLines(earlier: [String], line: String, expected: [Segment]) {
        #expect(SyntaxColouring.segments(of: line, after: earlier) == expected)
    }

    @Test func paintedWithSGR() {
        let painted = SyntaxColouring.painted(SyntaxColouring.segments(of: "swaps where n = 3"))
        #expect(painted == "swaps \u{1B}[1;34mwhere\u{1B}[0m n = \u{1B}[36m3\u{1B}[0m")
    }
}
