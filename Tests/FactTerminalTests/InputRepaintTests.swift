import Testing

@testable import FactTerminal

/// The repaint of the typed line: where it starts, what it writes, and when it leaves the line alone.
@Suite struct InputRepaintTests {
    /// Columns as `wcwidth` counts them in a UTF-8 locale, for the characters used here.
    static func columnsOf(_ scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "\t", "\u{1}": -1
        case "\u{301}": 0
        case "名": 2
        default: 1
        }
    }

    func repaint(_ prompt: String, _ line: String, earlier: [String] = [], columns: Int = 40) -> String? {
        InputRepaint.escapes(prompt: prompt, line: line, earlier: earlier, columns: columns, columnsOf: Self.columnsOf)
    }

    @Test func writesTheLineInColourPastThePrompt() {
        #expect(repaint("factsh> ", "swaps count") == "\u{1B}7\r\u{1B}[8Cswaps \u{1B}[1;34mcount\u{1B}[0m\u{1B}8")
        #expect(repaint("", "3") == "\u{1B}7\r\u{1B}[36m3\u{1B}[0m\u{1B}8")
    }

    /// A continuation line starts after its own prompt and is lexed after the lines before it.
    @Test func continuationLines() {
        #expect(repaint("   ...> ", "two\" as n", earlier: ["swaps where who = \"one"]) == "\u{1B}7\r\u{1B}[8C\u{1B}[32mtwo\"\u{1B}[0m \u{1B}[1;34mas\u{1B}[0m n\u{1B}8")
    }

    @Test(arguments: [
        // Prompt and line reach the last column: libedit has wrapped the line.
        ("factsh> ", String(repeating: "x", count: 32), 40),
        // A wide character takes two columns.
        ("factsh> ", String(repeating: "名", count: 16), 40),
        ("factsh> ", "a\tb", 40),
        ("factsh> ", "a\u{1}b", 40),
        ("factsh> ", "e\u{301} count", 40),
        ("factsh> ", "", 40)
    ])
    func leavesTheLineAlone(prompt: String, line: String, columns: Int) {
        #expect(repaint(prompt, line, columns: columns) == nil)
    }

    @Test func aLineOneColumnShortOfTheEdgeIsColoured() {
        #expect(repaint("factsh> ", String(repeating: "x", count: 31)) != nil)
        #expect(repaint("factsh> ", String(repeating: "名", count: 15) + "x") != nil)
    }

    /// A line that wrapped after it was coloured gets its first row back plain, from the row
    /// the cursor is on.
    @Test func aLineThatWrappedLosesItsColours() {
        let line = "swaps where " + String(repeating: "x", count: 30)
        let cursorAtEnd = InputRepaint.plainFirstRow(prompt: "factsh> ", line: line, cursor: line.unicodeScalars.count, columns: 40, columnsOf: Self.columnsOf)
        #expect(cursorAtEnd == "\u{1B}7\u{1B}[1A\r\u{1B}[8C\u{1B}[0m" + String(line.prefix(32)) + "\u{1B}8")
        let cursorOnFirstRow = InputRepaint.plainFirstRow(prompt: "factsh> ", line: line, cursor: 3, columns: 40, columnsOf: Self.columnsOf)
        #expect(cursorOnFirstRow == "\u{1B}7\r\u{1B}[8C\u{1B}[0m" + String(line.prefix(32)) + "\u{1B}8")
    }
}
