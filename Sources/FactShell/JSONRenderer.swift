import FactStore

/// JSON output: an array of objects (`json`) or one object a line (`jsonl`).
/// Ints and numbers are JSON numbers; dates, quantities (`"≥12"`) and durations are strings,
/// so the qualifier survives; nulls are `null`.
public struct JSONRenderer: Sendable, StreamingRenderer {
    public var linePerRow: Bool
    /// As for `DelimitedRenderer`: `=12` for exact quantities, for files meant to be reloaded.
    public var marksExactQuantities: Bool

    public init(linePerRow: Bool, marksExactQuantities: Bool = false) {
        self.linePerRow = linePerRow
        self.marksExactQuantities = marksExactQuantities
    }

    public func render(_ relation: Relation) -> String { text(of: relation) }

    func header(_ relation: Relation) -> String {
        if linePerRow { return "" }
        return relation.rowCount == 0 ? "[]\n" : "[\n"
    }

    func rows(_ rows: Range<Int>, of relation: Relation) -> String {
        let keys = relation.fields.map { JSONRenderer.quote($0.name) }
        var out = ""
        for row in rows {
            // In an array, a comma and a line break come between objects.
            if !linePerRow, row > 0 { out += ",\n" }
            out += "{" + relation.columns.indices.map { keys[$0] + ":" + encode(relation.columns[$0][row]) }.joined(separator: ",") + "}"
            if linePerRow { out += "\n" }
        }
        return out
    }

    func footer(_ relation: Relation) -> String { linePerRow || relation.rowCount == 0 ? "" : "\n]\n" }

    func encode(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .int(let int): String(int)
        case .number(let number): number.isFinite ? Value.format(number: number) : "null"
        case .bool(let bool): bool ? "true" : "false"
        default: JSONRenderer.quote(ExportText.text(value, marksExactQuantities: marksExactQuantities))
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // DEL and the C1 controls too: valid JSON either way, and escaped they cannot
                // act on a terminal.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
