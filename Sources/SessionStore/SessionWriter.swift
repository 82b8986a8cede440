import FactStore

/// Writes a relation's rows into the tables its layout names.
enum SessionWriter {
    static func write(_ relation: Relation, as stored: StoredRelation, to database: SQLiteDatabase) throws(SQLiteDatabase.Failure) {
        // The layout lists the relation's fields in order, so positions match.
        for table in stored.tables {
            let indices = stored.fields.indices.filter { stored.fields[$0].table == table }
            let fields = indices.map { stored.fields[$0] }
            let holdsOrigins = table == stored.table
            var definitions = fields.flatMap { field in zip(field.columns, sqlTypes(field.field.type)).map { SQLiteDatabase.quote($0) + " " + $1 } }
            if holdsOrigins { definitions += ["factsh_origin_source TEXT", "factsh_origin_line INTEGER"] }
            try database.execute("CREATE TABLE \(SQLiteDatabase.quote(table)) (\(definitions.joined(separator: ", ")))")
            let placeholders = Array(repeating: "?", count: definitions.count).joined(separator: ", ")
            var cells: [SQLiteDatabase.Cell] = []
            let rows = (0..<relation.rowCount).lazy.map { row -> [SQLiteDatabase.Cell] in
                cells.removeAll(keepingCapacity: true)
                for index in indices { CellCodec.cells(relation.columns[index][row], type: relation.fields[index].type, into: &cells) }
                if holdsOrigins {
                    let origin = relation.origins[row]
                    cells += [origin.map { .text($0.source) } ?? .null, origin.map { .integer(Int64($0.line)) } ?? .null]
                }
                return cells
            }
            try database.insert("INSERT INTO \(SQLiteDatabase.quote(table)) VALUES (\(placeholders))", rows: rows)
        }
    }

    /// The declared SQL type of each of a field's columns, so other tools see numbers as numbers.
    private static func sqlTypes(_ type: ValueType) -> [String] {
        switch type {
        case .int, .bool, .duration: ["INTEGER"]
        case .number: ["REAL"]
        case .quantity: ["REAL", "TEXT", "REAL"]
        case .string, .date, .null: ["TEXT"]
        }
    }
}
