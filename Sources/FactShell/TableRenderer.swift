import FactStore
import FactSyntax

/// Draws a relation as an aligned table with a header and a row-count footer, in the manner
/// of the DuckDB shell: numbers right-aligned, NULL for nulls, long results elided in the
/// middle, wide values cut with `…` to the terminal width.
public struct TableRenderer: Sendable {
    public var style: TableStyle

    public init(style: TableStyle) { self.style = style }

    private struct Box {
        let horizontal, vertical, topLeft, topMiddle, topRight, middleLeft, middleMiddle, middleRight, bottomLeft, bottomMiddle, bottomRight: String
        static let unicode = Box(
            horizontal: "─", vertical: "│", topLeft: "┌", topMiddle: "┬", topRight: "┐", middleLeft: "├",
            middleMiddle: "┼", middleRight: "┤", bottomLeft: "└", bottomMiddle: "┴", bottomRight: "┘")
        static let ascii = Box(
            horizontal: "-", vertical: "|", topLeft: "+", topMiddle: "+", topRight: "+", middleLeft: "+",
            middleMiddle: "+", middleRight: "+", bottomLeft: "+", bottomMiddle: "+", bottomRight: "+")
    }

    public func render(_ relation: Relation) -> String {
        let box = style.unicode ? Box.unicode : Box.ascii
        let shownRows = rowsToShow(relation.rowCount)
        let headers = relation.fields.map { $0.name.escapingControlCharacters() }
        let rightAligned = relation.fields.map { $0.type.isNumeric || $0.type == .duration }
        var cells: [[String]?] = shownRows.map { row in
            row.map { index in relation.columns.map { column in column.isNull(index) ? "NULL" : column[index].description.escapingControlCharacters() } }
        }
        var widths = headers.map(TableRenderer.displayWidth)
        for case let row? in cells {
            for (column, text) in row.enumerated() { widths[column] = max(widths[column], TableRenderer.displayWidth(text)) }
        }
        fitToWidth(&widths)
        cells = cells.map { $0.map { row in row.enumerated().map { TableRenderer.truncate($1, to: widths[$0]) } } }

        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: box.horizontal, count: $0 + 2) }.joined(separator: middle) + right
        }
        func line(_ texts: [String], header: Bool) -> String {
            let padded = texts.enumerated().map { column, text in
                let padding = String(repeating: " ", count: max(0, widths[column] - TableRenderer.displayWidth(text)))
                let aligned = rightAligned[column] ? padding + text : text + padding
                return " " + paint(aligned, header ? "1" : (rightAligned[column] && text != "NULL" ? "36" : nil)) + " "
            }
            return box.vertical + padded.joined(separator: box.vertical) + box.vertical
        }

        var lines = [
            rule(box.topLeft, box.topMiddle, box.topRight), line(headers.enumerated().map { TableRenderer.truncate($1, to: widths[$0]) }, header: true),
            rule(box.middleLeft, box.middleMiddle, box.middleRight)
        ]
        for row in cells {
            if let row {
                lines.append(line(row, header: false))
            } else {
                lines.append(line(widths.map { _ in style.unicode ? "·" : "." }, header: false))
            }
        }
        lines.append(rule(box.bottomLeft, box.bottomMiddle, box.bottomRight))
        let noun = relation.rowCount == 1 ? "row" : "rows"
        let shown = shownRows.count(where: { $0 != nil })
        lines.append(shown < relation.rowCount ? "\(relation.rowCount) \(noun) (\(shown) shown)" : "\(relation.rowCount) \(noun)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows to draw, with nil for the elision line.
    private func rowsToShow(_ count: Int) -> [Int?] {
        guard count > style.maxRows, style.maxRows >= 2 else { return Array(0..<count) }
        let head = style.maxRows / 2
        let tail = style.maxRows - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }

    /// Narrows the widest columns until the table fits the terminal.
    private func fitToWidth(_ widths: inout [Int]) {
        guard let maxWidth = style.maxWidth, !widths.isEmpty else { return }
        let frame = widths.count * 3 + 1
        while widths.reduce(0, +) + frame > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { return }
            widths[widest] -= 1
        }
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = displayWidth(String(character))
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// Columns a string takes on a terminal: East Asian wide characters and emoji take two.
    static func displayWidth(_ text: String) -> Int {
        // Printable ASCII, most cells, is a column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark || value == 0x200D {
                continue
            }
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
            width += wide ? 2 : 1
        }
        return width
    }

    private func paint(_ text: String, _ code: String?) -> String {
        guard style.colored, let code else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
