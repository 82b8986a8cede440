import FactStore
import FactSyntax

/// Draws a relation as an aligned table with a header and a row-count footer, in the manner
/// of the DuckDB shell: numbers right-aligned, nulls as `.nullvalue` says, long results elided
/// in the middle, and the table fitted to the terminal's width by `TableLayout` without ever
/// cutting a number or a date.
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

    /// A cell's text and the columns it takes, measured once.
    private struct Measured {
        let text: String
        let width: Int

        init(_ text: String) {
            self.text = text
            width = TableRenderer.displayWidth(text)
        }
    }

    /// A relation's shown rows as text, with what the layout needs to know of each field.
    private struct Cells {
        let headers: [Measured]
        /// Numbers, dates, quantities and the like: never cut, and right-aligned when numeric.
        let keptWhole: [Bool]
        let rightAligned: [Bool]
        /// nil for the elision line.
        let rows: [[Measured]?]
    }

    public func render(_ relation: Relation) -> String {
        let cells = self.cells(of: relation)
        let body: String
        switch layout(of: cells) {
        case .columns(let shown, let widths): body = drawColumns(cells, shown: shown, widths: widths)
        case .expanded: body = drawExpanded(cells)
        }
        let noun = relation.rowCount == 1 ? "row" : "rows"
        let shown = cells.rows.count(where: { $0 != nil })
        return body + (shown < relation.rowCount ? "\(relation.rowCount) \(noun) (\(shown) shown)" : "\(relation.rowCount) \(noun)") + "\n"
    }

    private func cells(of relation: Relation) -> Cells {
        let keptWhole = relation.fields.map { $0.type != .string }
        return Cells(
            headers: relation.fields.map { Measured($0.name.escapingControlCharacters()) }, keptWhole: keptWhole,
            rightAligned: relation.fields.map { $0.type.isNumeric || $0.type == .duration },
            rows: rowsToShow(relation.rowCount).map { row in
                row.map { index in
                    relation.columns.map { column in Measured(column.isNull(index) ? style.nullText : column[index].description.escapingControlCharacters()) }
                }
            })
    }

    private func layout(of cells: Cells) -> TableLayout {
        var natural: [Int] = []
        var wholeHeaders: [Int] = []
        var cutHeaders: [Int] = []
        for field in cells.headers.indices {
            let widest = cells.rows.compactMap { $0?[field].width }.max() ?? 0
            let header = style.showsHeaders ? cells.headers[field].width : 0
            var width = max(widest, header, 1)
            if cells.keptWhole[field] {
                // Text is shortened before a number's header, and the header before a value: never.
                wholeHeaders.append(width)
                cutHeaders.append(max(widest, min(header, 3), 1))
            } else {
                if field < style.columnWidths.count, style.columnWidths[field] > 0 { width = min(width, style.columnWidths[field]) }
                wholeHeaders.append(min(width, 5))
                cutHeaders.append(min(width, 5))
            }
            natural.append(width)
        }
        return TableLayout.fit(natural: natural, floors: [wholeHeaders, cutHeaders], maxWidth: style.maxWidth)
    }

    private func drawColumns(_ cells: Cells, shown: [Int], widths: [Int]) -> String {
        let box = style.unicode ? Box.unicode : Box.ascii
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: box.horizontal, count: $0 + 2) }.joined(separator: middle) + right
        }
        func line(_ row: [Measured], header: Bool) -> String {
            let padded = zip(shown, widths).map { field, width in
                let fits = row[field].width <= width
                let text = fits ? row[field].text : TableRenderer.truncate(row[field].text, to: width)
                let padding = String(repeating: " ", count: max(0, width - (fits ? row[field].width : TableRenderer.displayWidth(text))))
                let numeric = cells.rightAligned[field]
                return " " + paint(numeric ? padding + text : text + padding, header ? "1" : (numeric && text != style.nullText ? "36" : nil)) + " "
            }
            return box.vertical + padded.joined(separator: box.vertical) + box.vertical
        }
        var lines = [rule(box.topLeft, box.topMiddle, box.topRight)]
        if style.showsHeaders {
            lines += [line(cells.headers, header: true), rule(box.middleLeft, box.middleMiddle, box.middleRight)]
        }
        for row in cells.rows {
            lines.append(line(row ?? cells.headers.map { _ in Measured(style.unicode ? "·" : ".") }, header: false))
        }
        lines.append(rule(box.bottomLeft, box.bottomMiddle, box.bottomRight))
        let left = cells.headers.indices.filter { !shown.contains($0) }.map { cells.headers[$0].text }
        if !left.isEmpty {
            lines.append("\(left.count) of \(cells.headers.count) fields not shown: \(left.joined(separator: ", ")) (.mode line shows every field)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One field per line, each row under a rule naming it, as psql's expanded display.
    private func drawExpanded(_ cells: Cells) -> String {
        let box = style.unicode ? Box.unicode : Box.ascii
        let nameWidth = cells.headers.map(\.width).max() ?? 0
        let valueWidth = max(5, (style.maxWidth ?? .max) - nameWidth - 3)
        var lines: [String] = []
        var number = 0
        for row in cells.rows {
            guard let row else {
                lines.append(style.unicode ? "·" : ".")
                continue
            }
            number += 1
            let title = box.horizontal + "[ row \(number) ]"
            lines.append(title + String(repeating: box.horizontal, count: max(0, min(style.maxWidth ?? 0, 40) - TableRenderer.displayWidth(title))))
            for (field, value) in row.enumerated() {
                let name = cells.headers[field]
                let text = cells.keptWhole[field] || value.width <= valueWidth ? value.text : TableRenderer.truncate(value.text, to: valueWidth)
                let padding = String(repeating: " ", count: nameWidth - name.width)
                let numeric = cells.rightAligned[field] && value.text != style.nullText
                lines.append(paint(name.text, "1") + padding + " " + box.vertical + " " + paint(text, numeric ? "36" : nil))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows to draw, with nil for the elision line.
    private func rowsToShow(_ count: Int) -> [Int?] {
        guard count > style.maxRows, style.maxRows >= 2 else { return Array(0..<count) }
        let head = style.maxRows / 2
        let tail = style.maxRows - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
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
