import FactStore
import FactSyntax

/// CSV (RFC 4180) and TSV output: a header row (unless `.headers off`), then one line per
/// row; nulls are empty.
///
/// CSV quotes a field holding a comma, a quote or a control character other than tab (a line
/// break, a NUL, an escape) and doubles its quotes. TSV cannot quote, so tabs, line breaks, NULs and
/// backslashes in values are written `\t`, `\n`, `\r`, `\0`, `\\`.
public struct DelimitedRenderer: Sendable, StreamingRenderer {
    public enum Dialect: Sendable { case csv, tsv }

    public var dialect: Dialect
    /// Write exact quantities as `=12`, so a file reloads with the column still a quantity
    /// (`.export` does; query output does not).
    public var marksExactQuantities: Bool

    /// Write control characters as escapes (`\x1b`) instead of as data: for a terminal, where
    /// they would act, never for a file, which must load back unchanged.
    public var escapesControlCharacters: Bool

    /// The field names as the first line; off with `.headers off`, as in sqlite3.
    public var writesHeader: Bool

    public init(_ dialect: Dialect, marksExactQuantities: Bool = false, escapesControlCharacters: Bool = false, writesHeader: Bool = true) {
        self.dialect = dialect
        self.marksExactQuantities = marksExactQuantities
        self.escapesControlCharacters = escapesControlCharacters
        self.writesHeader = writesHeader
    }

    public func render(_ relation: Relation) -> String { text(of: relation) }

    func header(_ relation: Relation) -> String { writesHeader ? line(relation.fields.map(\.name)) : "" }

    func rows(_ rows: Range<Int>, of relation: Relation) -> String {
        var out = ""
        for row in rows {
            out += line(relation.columns.map { $0.isNull(row) ? "" : ExportText.text($0[row], marksExactQuantities: marksExactQuantities) })
        }
        return out
    }

    private func line(_ fields: [String]) -> String {
        // On a terminal, what the format left of control characters is escaped after it.
        let shown: (String) -> String = escapesControlCharacters ? { $0.escapingControlCharacters(keepingLayout: true) } : { $0 }
        switch dialect {
        case .csv: return fields.map { shown(DelimitedRenderer.quoteCSV($0)) }.joined(separator: ",") + "\r\n"
        case .tsv: return fields.map { shown(DelimitedRenderer.escapeTSV($0)) }.joined(separator: "\t") + "\n"
        }
    }

    static func quoteCSV(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    static func escapeTSV(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\0" }) else { return field }
        var out = ""
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
