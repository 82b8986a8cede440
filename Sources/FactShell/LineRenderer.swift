import FactStore
import FactSyntax

/// sqlite3's `line` mode: one `field = value` line per field, a blank line between rows.
/// Handy for rows with long text, such as sentences. Control characters other than line
/// breaks and tabs are written as escapes (`\x1b`): this is output for reading.
public struct LineRenderer: Sendable {
    /// How a null is shown (`.nullvalue`).
    public var nullText: String

    public init(nullText: String = "NULL") { self.nullText = nullText }

    public func render(_ relation: Relation) -> String {
        let width = relation.fields.map { $0.name.escapingControlCharacters().count }.max() ?? 0
        return (0..<relation.rowCount).map { row in
            relation.fields.indices.map { index in
                let name = relation.fields[index].name.escapingControlCharacters()
                let value = relation.columns[index].isNull(row) ? nullText : relation.columns[index][row].description.escapingControlCharacters(keepingLayout: true)
                return String(repeating: " ", count: width - name.count) + name + " = " + value + "\n"
            }.joined()
        }.joined(separator: "\n")
    }
}
