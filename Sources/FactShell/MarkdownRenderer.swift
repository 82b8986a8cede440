import FactStore
import FactSyntax

/// A GitHub-flavoured Markdown table, numbers right-aligned, for pasting into a write-up;
/// control characters are written as escapes, since a table cell cannot hold them.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ relation: Relation) -> String {
        func cell(_ text: String) -> String { text.replacing("|", with: "\\|").escapingControlCharacters() }
        var lines = ["| " + relation.fields.map { cell($0.name) }.joined(separator: " | ") + " |"]
        lines.append("|" + relation.fields.map { $0.type.isNumeric ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in 0..<relation.rowCount {
            lines.append("| " + relation.columns.map { cell($0.isNull(row) ? "" : $0[row].description) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
