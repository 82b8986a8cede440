import FactStore

/// Where one relation or binding lives in a session file: the table that holds its rows'
/// origins and first fields, and for every field the table and column that hold it.
///
/// A relation usually is one table whose columns are named like its fields. The names differ
/// when SQL could not hold the real ones (see `SQLNames`), and a relation with more fields
/// than SQLite allows columns goes on in tables `<name>_part2`, ... with the same rows.
package struct StoredRelation {
    package enum Kind: String { case relation, binding }

    package var name: String
    package var kind: Kind
    package var table: String
    package var fields: [StoredField]

    package init(name: String, kind: Kind, table: String, fields: [StoredField]) {
        self.name = name
        self.kind = kind
        self.table = table
        self.fields = fields
    }

    /// The tables holding the relation, the first one first.
    package var tables: [String] {
        var tables = [table]
        for field in fields where !tables.contains(field.table) { tables.append(field.table) }
        return tables
    }
}

/// One field, and the table and column that hold it.
package struct StoredField {
    package var field: Field
    package var table: String
    package var column: String

    package init(field: Field, table: String, column: String) {
        self.field = field
        self.table = table
        self.column = column
    }

    /// The SQL columns of the field: a quantity's number, then its qualifier and upper end.
    package var columns: [String] {
        field.type == .quantity ? [column, column + "_qualifier", column + "_upper"] : [column]
    }
}

package enum SessionLayout {
    package static let originColumns = ["factsh_origin_source", "factsh_origin_line"]
    /// Kept out of the columns given to fields, so `ORDER BY _rowid_` means SQLite's row order.
    package static let reservedColumns = originColumns + ["rowid", "oid", "_rowid_"]
    private static let catalogueTables = ["factsh_relations", "factsh_fields"]

    /// The tables and columns a session is saved in, within a database's column limit. Names
    /// in `takenTables` are left alone (a database's tables that stay), and `extraColumns`
    /// are kept out of the columns given to fields (a database's own row-numbering column).
    package static func plan(
        _ environment: Environment, columnLimit: Int, takenTables: [String] = [],
        extraColumns: [String] = [], nameLimit: Int = .max
    ) -> [StoredRelation] {
        var tableNames = SQLNames(reserved: catalogueTables + takenTables, maximumBytes: nameLimit)
        let reservedColumns = Self.reservedColumns + extraColumns
        let entries = environment.catalog.names.map { ($0, StoredRelation.Kind.relation) } + environment.bindingNames.map { ($0, .binding) }
        return entries.compactMap { name, kind in
            guard let relation = environment.relation(named: name) else { return nil }
            let main = tableNames.claim(name)
            var stored = StoredRelation(name: name, kind: kind, table: main, fields: [])
            var table = main
            var columnNames = SQLNames(reserved: reservedColumns, maximumBytes: nameLimit)
            var used = originColumns.count + extraColumns.count
            for field in relation.fields {
                let width = field.type == .quantity ? 3 : 1
                if used + width > columnLimit {
                    table = tableNames.claim(main + "_part\(stored.tables.count + 1)")
                    columnNames = SQLNames(reserved: reservedColumns, maximumBytes: nameLimit)
                    used = extraColumns.count
                }
                let column = columnNames.claim(field.name, suffixes: field.type == .quantity ? ["", "_qualifier", "_upper"] : [""])
                stored.fields.append(StoredField(field: field, table: table, column: column))
                used += width
            }
            return stored
        }
    }

    static func writeCatalogue(_ relations: [StoredRelation], to database: SQLiteDatabase) throws(SQLiteDatabase.Failure) {
        try database.execute("CREATE TABLE factsh_relations(name TEXT PRIMARY KEY, kind TEXT NOT NULL, position INTEGER NOT NULL, table_name TEXT NOT NULL)")
        try database.execute(
            """
            CREATE TABLE factsh_fields(relation TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, \
            table_name TEXT NOT NULL, column_name TEXT NOT NULL)
            """)
        try database.insert(
            "INSERT INTO factsh_relations VALUES (?, ?, ?, ?)",
            rows: relations.enumerated().map { position, stored in
                [.text(stored.name), .text(stored.kind.rawValue), .integer(Int64(position)), .text(stored.table)]
            })
        try database.insert(
            "INSERT INTO factsh_fields VALUES (?, ?, ?, ?, ?, ?)",
            rows: relations.lazy.flatMap { stored in
                stored.fields.enumerated().map { position, field -> [SQLiteDatabase.Cell] in
                    [
                        .text(stored.name), .integer(Int64(position)), .text(field.field.name), .text(field.field.type.rawValue),
                        .text(field.table), .text(field.column)
                    ]
                }
            })
    }

    /// The relations a file says it holds. Files saved before names were mapped have no
    /// `table_name` or `column_name`: their tables and columns are named like the relations
    /// and fields. Anything else missing or malformed is an error naming the table and row.
    static func readCatalogue(from database: SQLiteDatabase) throws(SQLiteDatabase.Failure) -> [StoredRelation] {
        let relationColumns = try columns(of: "factsh_relations", required: ["name", "kind", "position"], in: database)
        let fieldColumns = try columns(of: "factsh_fields", required: ["relation", "position", "name", "type"], in: database)
        let table = relationColumns.contains("table_name") ? "table_name" : "NULL"
        let fieldTable = fieldColumns.contains("table_name") ? "table_name" : "NULL"
        let fieldColumn = fieldColumns.contains("column_name") ? "column_name" : "NULL"

        var relations: [StoredRelation] = []
        var index: [String: Int] = [:]
        for row in try database.query("SELECT name, kind, \(table), _rowid_ FROM factsh_relations ORDER BY position") {
            func problem(_ message: String) -> SQLiteDatabase.Failure {
                SQLiteDatabase.Failure(message: "table 'factsh_relations', row \(describeRow(row[3])): \(message)")
            }
            guard case .text(let name) = row[0] else { throw problem("the name is \(row[0]), not text") }
            guard case .text(let kindName) = row[1], let kind = StoredRelation.Kind(rawValue: kindName) else {
                throw problem("the kind of '\(name)' is \(row[1]), not 'relation' or 'binding'")
            }
            guard index[name] == nil else { throw problem("'\(name)' is listed twice") }
            let table = try text(row[2], default: name, what: "the table_name of '\(name)'", problem: problem)
            index[name] = relations.count
            relations.append(StoredRelation(name: name, kind: kind, table: table, fields: []))
        }
        let fieldRows = try database.query("SELECT relation, name, type, \(fieldTable), \(fieldColumn), _rowid_ FROM factsh_fields ORDER BY position")
        for row in fieldRows {
            func problem(_ message: String) -> SQLiteDatabase.Failure {
                SQLiteDatabase.Failure(message: "table 'factsh_fields', row \(describeRow(row[5])): \(message)")
            }
            // A field of a relation the file does not list belongs to nothing that is read.
            guard case .text(let relationName) = row[0], let position = index[relationName] else { continue }
            guard case .text(let name) = row[1] else { throw problem("the name of a field of '\(relationName)' is \(row[1]), not text") }
            guard case .text(let typeName) = row[2], let type = ValueType(rawValue: typeName) else {
                let types = ValueType.allCases.map(\.rawValue).joined(separator: ", ")
                throw problem("the type of field '\(name)' of '\(relationName)' is \(row[2]), not one of \(types)")
            }
            guard !relations[position].fields.contains(where: { $0.field.name == name }) else {
                throw problem("'\(relationName)' has two fields named '\(name)'")
            }
            let table = try text(row[3], default: relations[position].table, what: "the table_name of field '\(name)'", problem: problem)
            let column = try text(row[4], default: name, what: "the column_name of field '\(name)'", problem: problem)
            relations[position].fields.append(StoredField(field: Field(name: name, type: type), table: table, column: column))
        }
        return relations
    }

    /// A catalogue table's columns, or an error naming the first required one it lacks.
    private static func columns(of table: String, required: [String], in database: SQLiteDatabase) throws(SQLiteDatabase.Failure) -> Set<String> {
        let columns = Set(try database.columnNames(of: table).map(SQLNames.key))
        guard !columns.isEmpty else { throw SQLiteDatabase.Failure(message: "it has no table '\(table)'") }
        for column in required where !columns.contains(column) {
            throw SQLiteDatabase.Failure(message: "table '\(table)' has no column '\(column)'")
        }
        return columns
    }

    /// A row by its rowid, as `SELECT rowid` shows it in sqlite3.
    private static func describeRow(_ rowid: SQLiteDatabase.Cell) -> String {
        if case .integer(let rowid) = rowid { "\(rowid)" } else { "?" }
    }

    private static func text(
        _ cell: SQLiteDatabase.Cell, default fallback: String, what: String,
        problem: (String) -> SQLiteDatabase.Failure
    ) throws(SQLiteDatabase.Failure) -> String {
        switch cell {
        case .null: return fallback
        case .text(let text): return text
        default: throw problem("\(what) is \(cell), not text")
        }
    }
}
