import FactSyntax

/// What to write to colour the line being typed, over the very characters libedit has just
/// drawn: libedit cannot colour its own buffer, and writing the same characters again in
/// colour leaves its model of the screen right, so its refresh goes on working.
///
/// The cursor is saved (ESC 7), taken to the start of the row and past the prompt, the line
/// written in colour, and the cursor restored (ESC 8). Only a line that fits on the cursor's
/// row with its prompt is coloured: a longer one, wrapped by libedit, is left plain, as is a
/// line holding a character libedit does not draw as itself (a tab or a control character
/// shown as `^X`, a combining mark).
enum InputRepaint {
    /// The escapes that colour `line` after `prompt` on a terminal `columns` wide, or nil
    /// when the line is to be left as libedit drew it. `columnsOf` counts a character's
    /// columns as libedit does (`wcwidth`: 2 for a wide character, 0 or less for one not
    /// drawn as itself).
    static func escapes(prompt: String, line: String, earlier: [String] = [], columns: Int, columnsOf: (Unicode.Scalar) -> Int) -> String? {
        guard !line.isEmpty, let promptWidth = width(of: prompt, columnsOf), let lineWidth = width(of: line, columnsOf) else { return nil }
        // A line that reaches the last column has wrapped: libedit moves the cursor to the next row.
        guard promptWidth + lineWidth < columns else { return nil }
        let toInputStart = "\r" + (promptWidth > 0 ? "\u{1B}[\(promptWidth)C" : "")
        return "\u{1B}7" + toInputStart + SyntaxColouring.painted(SyntaxColouring.segments(of: line, after: earlier)) + "\u{1B}8"
    }

    /// The escapes that write the first row of a line that has just wrapped again without
    /// colour, over the colours an earlier repaint left there (libedit redraws only what
    /// changed), or nil when there is nothing to undo. `cursor` is the number of characters
    /// before the cursor, which sets the row libedit left it on.
    static func plainFirstRow(prompt: String, line: String, cursor: Int, columns: Int, columnsOf: (Unicode.Scalar) -> Int) -> String? {
        guard columns > 0, let promptWidth = width(of: prompt, columnsOf), promptWidth < columns,
            let beforeCursor = width(of: String(String.UnicodeScalarView(line.unicodeScalars.prefix(cursor))), columnsOf)
        else { return nil }
        var firstRow = String.UnicodeScalarView()
        var used = promptWidth
        for scalar in line.unicodeScalars {
            let scalarWidth = columnsOf(scalar)
            guard scalarWidth > 0 else { return nil }
            guard used + scalarWidth <= columns else { break }
            firstRow.append(scalar)
            used += scalarWidth
        }
        let rowsUp = (promptWidth + beforeCursor) / columns
        let up = rowsUp > 0 ? "\u{1B}[\(rowsUp)A" : ""
        let toInputStart = "\r" + (promptWidth > 0 ? "\u{1B}[\(promptWidth)C" : "")
        return "\u{1B}7" + up + toInputStart + "\u{1B}[0m" + String(firstRow) + "\u{1B}8"
    }

    /// The columns `text` takes, or nil if any character is not drawn as itself.
    private static func width(of text: String, _ columnsOf: (Unicode.Scalar) -> Int) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            let columns = columnsOf(scalar)
            guard columns > 0 else { return nil }
            total += columns
        }
        return total
    }
}
