import FactStore
import FactSyntax

/// Draws a result where people would rather look than read (`... chart`), as DuckDB's `bar()`
/// and KQL's `render barchart` do: one horizontal bar per row, scaled to the width, with its
/// label and value kept whole; or, when the rows are keyed by a date, one sparkline per group.
/// Unicode blocks on a UTF-8 terminal, `#` bars in plain ASCII (`--ascii`, a pipe).
struct ChartRenderer {
    let style: TableStyle

    /// The relation split into what a chart needs: the field drawn, the date (for
    /// sparklines) and the fields that label a row.
    private struct Fields {
        let value: Int
        let date: Int?
        let labels: [Int]
    }

    /// Nil when the relation has no number to draw.
    func render(_ relation: Relation) -> String? {
        guard let value = relation.fields.lastIndex(where: { $0.type.isNumeric }) else { return nil }
        let date = relation.fields.firstIndex { $0.type == .date }
        let labels = relation.fields.indices.filter { $0 != value && $0 != date }
        let fields = Fields(value: value, date: date, labels: labels)
        return date == nil ? bars(relation, fields) : sparklines(relation, fields)
    }

    private var width: Int { max(30, style.maxWidth ?? 80) }

    private func label(_ relation: Relation, row: Int, fields: [Int]) -> String {
        let parts = fields.map { field in
            relation.columns[field].isNull(row) ? style.nullText : relation.columns[field][row].description.escapingControlCharacters()
        }
        return parts.isEmpty ? relation.fields.map(\.name).joined(separator: " ") : parts.joined(separator: " · ")
    }

    private func bars(_ relation: Relation, _ fields: Fields) -> String {
        let rows = 0..<relation.rowCount
        let labels = rows.map { label(relation, row: $0, fields: fields.labels) }
        let column = relation.columns[fields.value]
        let values = rows.map { column[$0].numericValue }
        let texts = rows.map { column.isNull($0) ? style.nullText : column[$0].description }
        let labelWidth = labels.map(TableRenderer.displayWidth).max() ?? 0
        let valueWidth = texts.map(TableRenderer.displayWidth).max() ?? 0
        let room = max(1, width - labelWidth - valueWidth - 2)
        let largest = values.compactMap { $0.map(abs) }.max() ?? 0
        return rows.map { row in
            let padding = String(repeating: " ", count: labelWidth - TableRenderer.displayWidth(labels[row]))
            let valuePadding = String(repeating: " ", count: valueWidth - TableRenderer.displayWidth(texts[row]))
            let length = largest > 0 ? (values[row].map(abs) ?? 0) / largest * Double(room) : 0
            let drawn = bar(length)
            return labels[row] + padding + " " + valuePadding + texts[row] + (drawn.isEmpty ? "" : " " + drawn) + "\n"
        }.joined()
    }

    /// A bar `length` cells long, in eighths of a cell with Unicode blocks.
    private func bar(_ length: Double) -> String {
        guard style.unicode else { return String(repeating: "#", count: Int(length.rounded())) }
        let eighths = Int((length * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }

    /// One line per group: its label, the values in date order as a sparkline, and the
    /// first and last dates with the lowest and highest values.
    private func sparklines(_ relation: Relation, _ fields: Fields) -> String {
        guard let date = fields.date else { return "" }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for row in 0..<relation.rowCount where !relation.columns[date].isNull(row) {
            let key = label(relation, row: row, fields: fields.labels)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        let dates = relation.columns[date]
        let values = relation.columns[fields.value]
        let labelWidth = fields.labels.isEmpty ? 0 : order.map(TableRenderer.displayWidth).max() ?? 0
        let levels = style.unicode ? Array("▁▂▃▄▅▆▇█") : Array("_.-=+*#@")
        return order.map { key in
            let rows = (groups[key] ?? []).sorted { dates[$0].description < dates[$1].description }
            let numbers = rows.map { values[$0].numericValue }
            let known = numbers.compactMap { $0 }
            let low = known.min() ?? 0
            let high = known.max() ?? 0
            let line = String(
                numbers.map { number -> Character in
                    guard let number else { return " " }
                    return levels[high > low ? Int((number - low) / (high - low) * Double(levels.count - 1)) : levels.count / 2]
                })
            let first = rows.first.map { dates[$0].description } ?? ""
            let last = rows.last.map { dates[$0].description } ?? ""
            let range = "\(first)…\(last)  \(Quantity.format(low))–\(Quantity.format(high))"
            let name = fields.labels.isEmpty ? "" : key + String(repeating: " ", count: labelWidth - TableRenderer.displayWidth(key)) + " "
            return name + line + "  " + range + "\n"
        }.joined()
    }
}
