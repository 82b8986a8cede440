import FactStore
import SessionStore

/// `factsh_relations` and `factsh_fields` in PostgreSQL: the same catalogue a session file
/// holds, saying for each relation which tables and columns hold its fields and their types.
/// Read as untrusted, like a session file: a row that does not make sense is an error naming it.
enum PostgresCatalogue {
    static func create(_ connection: PostgresConnection) throws(PostgresFailure) {
        try connection.execute("CREATE TABLE factsh_relations(name text PRIMARY KEY, kind text NOT NULL, position integer NOT NULL, table_name text NOT NULL)")
        try connection.execute(
            """
            CREATE TABLE factsh_fields(relation text NOT NULL, position integer NOT NULL, name text NOT NULL, type text NOT NULL, \
            table_name text NOT NULL, column_name text NOT NULL)
            """)
    }

    static func insert(_ stored: StoredRelation, position: Int, into connection: PostgresConnection) throws(PostgresFailure) {
        try connection.execute("INSERT INTO factsh_relations VALUES ($1, $2, $3, $4)", [stored.name, stored.kind.rawValue, String(position), stored.table])
        for (index, field) in stored.fields.enumerated() { try insert(field, of: stored.name, position: index, into: connection) }
    }

    static func insert(_ field: StoredField, of relation: String, position: Int, into connection: PostgresConnection) throws(PostgresFailure) {
        try connection.execute(
            "INSERT INTO factsh_fields VALUES ($1, $2, $3, $4, $5, $6)",
            [relation, String(position), field.field.name, field.field.type.rawValue, field.table, field.column])
    }

    /// True when the schema holds both catalogue tables.
    static func exists(_ connection: PostgresConnection) throws(PostgresFailure) -> Bool {
        let exists = try connection.execute("SELECT to_regclass('factsh_relations') IS NOT NULL AND to_regclass('factsh_fields') IS NOT NULL")
        return exists.first?.first == "t"
    }

    /// The relations the database lists; none when it has no catalogue yet.
    static func read(_ connection: PostgresConnection) throws(PostgresFailure) -> [StoredRelation] {
        guard try exists(connection) else { return [] }
        var relations: [StoredRelation] = []
        for row in try connection.execute("SELECT name, kind, table_name FROM factsh_relations ORDER BY position, name") {
            guard let name = row[0], let kindName = row[1], let kind = StoredRelation.Kind(rawValue: kindName), let table = row[2] else {
                throw PostgresFailure(message: "table 'factsh_relations' has a row without a name, a kind (relation or binding) or a table")
            }
            relations.append(StoredRelation(name: name, kind: kind, table: table, fields: []))
        }
        let fieldRows = try connection.execute("SELECT relation, name, type, table_name, column_name FROM factsh_fields ORDER BY relation, position")
        for row in fieldRows {
            guard let relationName = row[0], let position = relations.firstIndex(where: { $0.name == relationName }) else { continue }
            guard let name = row[1], let typeName = row[2], let type = ValueType(rawValue: typeName), let table = row[3], let column = row[4] else {
                throw PostgresFailure(message: "table 'factsh_fields' has a row of '\(relationName)' without a name, a factsh type, a table or a column")
            }
            relations[position].fields.append(StoredField(field: Field(name: name, type: type), table: table, column: column))
        }
        return relations
    }

    /// The schema's other tables whose every column has a factsh type: relations factsh did
    /// not create but can query, named like the table, fields like the columns.
    static func otherTables(_ connection: PostgresConnection, excluding taken: Set<String>) throws(PostgresFailure) -> [StoredRelation] {
        // pg_catalog rather than information_schema: this runs before every statement, and
        // information_schema's views take milliseconds.
        let rows = try connection.execute(
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, NULL) FROM pg_class c \
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum
            """)
        var relations: [StoredRelation] = []
        var unreadable = Set<String>()
        for row in rows {
            guard let table = row[0], let column = row[1], let dataType = row[2], !taken.contains(table),
                table != "factsh_relations", table != "factsh_fields"
            else { continue }
            guard let type = factshType(dataType) else {
                unreadable.insert(table)
                continue
            }
            if relations.last?.name != table { relations.append(StoredRelation(name: table, kind: .relation, table: table, fields: [])) }
            relations[relations.count - 1].fields.append(StoredField(field: Field(name: column, type: type), table: table, column: column))
        }
        return relations.filter { !unreadable.contains($0.name) }
    }

    /// The factsh type of a PostgreSQL column type, for the types that have one.
    private static func factshType(_ dataType: String) -> ValueType? {
        switch dataType {
        case "smallint", "integer", "bigint": .int
        case "numeric", "real", "double precision": .number
        case "text", "character varying", "character": .string
        case "date": .date
        case "boolean": .bool
        default: nil
        }
    }
}
