import FactStore
import FactSyntax

/// A GitHub-flavoured Markdown table, numbers right-aligned, for pasting into a write-up;
/// control characters are written as escapes, since a table cell cannot hold them.
public struct MarkdownRenderer: Sendable, StreamingRenderer {
    public init() {}

    public func render(_ relation: Relation) -> String { text(of: relation) }

    func header(_ relation: Relation) -> String {
        "| " + relation.fields.map { cell($0.name) }.joined(separator: " | ") + " |\n"
            + "|" + relation.fields.map { $0.type.isNumeric ? "---:" : "---" }.joined(separator: "|") + "|\n"
    }

    func rows(_ rows: Range<Int>, of relation: Relation) -> String {
        var out = ""
        for row in rows {
            out += "| " + relation.columns.map { cell($0.isNull(row) ? "" : $0[row].description) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private func cell(_ text: String) -> String { text.replacing("|", with: "\\|").escapingControlCharacters() }
}
