import FactStore

/// sqlite3's `line` mode: one `field = value` line per field, a blank line between rows.
/// Handy for rows with long text, such as sentences.
public struct LineRenderer: Sendable {
    public init() {}

    public func render(_ relation: Relation) -> String {
        let width = relation.fields.map { $0.name.count }.max() ?? 0
        return (0..<relation.rowCount).map { row in
            relation.fields.indices.map { index in
                let name = relation.fields[index].name
                let value = relation.columns[index].isNull(row) ? "NULL" : relation.columns[index][row].description
                return String(repeating: " ", count: width - name.count) + name + " = " + value + "\n"
            }.joined()
        }.joined(separator: "\n")
    }
}
