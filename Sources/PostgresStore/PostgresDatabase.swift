import FactStore
import SessionStore

/// A PostgreSQL database as factsh's shared store: relations in the layout `.save` writes
/// (`SessionLayout`: a table per relation, `factsh_relations` and `factsh_fields` saying how to
/// read it back), each table with a `factsh_row` column numbering its rows in factsh's order.
///
/// Every change is one transaction, so another session sees all of a load or none of it, and
/// a failed one leaves the database as it was. Values reach the server only through `COPY` data
/// and statement parameters, names only quoted: no user text is ever SQL.
///
/// The tables live in the schema `factsh`, unless the connection sets its own `search_path`
/// (`options=-csearch_path=...`): then in the first schema of that path.
public final class PostgresDatabase {
    /// The column that numbers a table's rows; filled by the server in the order rows arrive.
    public static let rowColumn = "factsh_row"
    /// PostgreSQL's limit on a table's columns.
    static let columnLimit = 1600
    /// PostgreSQL's limit on a name, in bytes: longer ones are cut (NAMEDATALEN - 1).
    static let nameLimit = 63

    let connection: PostgresConnection
    /// True when factsh chose the schema, and so creates it before writing.
    private let ownsSchema: Bool
    /// The relations the database holds, as its catalogue says.
    package private(set) var relations: [StoredRelation] = []
    /// Tables factsh did not create that it can query: read in their physical order (`ctid`),
    /// with no row origins, and never written to.
    package private(set) var otherTables: [StoredRelation] = []

    /// The connection as it may be shown: without its password.
    public var displayName: String { connection.displayName }

    public init(_ connectionString: String) throws(PostgresFailure) {
        connection = try PostgresConnection(connectionString)
        let source = try connection.execute("SELECT source FROM pg_settings WHERE name = 'search_path'")
        ownsSchema = source.first?.first == "default"
        if ownsSchema { try connection.execute("SET search_path TO factsh") }
        try refresh()
    }

    /// True while the server is reachable.
    public var isConnected: Bool { connection.isConnected }

    /// Rereads the catalogue, to see what other sessions committed.
    public func refresh() throws(PostgresFailure) {
        relations = try PostgresCatalogue.read(connection)
        let names = Set(relations.map(\.name))
        otherTables = try PostgresCatalogue.otherTables(connection, excluding: Set(relations.flatMap(\.tables))).filter { !names.contains($0.name) }
    }

    /// The relations' names, fields and kinds, with no rows: what a query is planned against.
    public var schemas: [(name: String, isBinding: Bool, relation: Relation)] {
        (relations + otherTables).map { ($0.name, $0.kind == .binding, Relation(fields: $0.fields.map(\.field))) }
    }

    /// The table, columns and row-numbering column a query reads a relation from; nil when the
    /// relation is not in the database or spans several tables (wider than PostgreSQL's 1,600
    /// columns).
    public func table(of name: String) -> (name: String, columns: [String], rowOrder: String)? {
        guard let stored = (relations + otherTables).first(where: { $0.name == name }), stored.tables.count == 1 else { return nil }
        return (stored.table, stored.fields.map(\.column), isOther(name) ? "ctid" : Self.rowColumn)
    }

    private func isOther(_ name: String) -> Bool { otherTables.contains { $0.name == name } }

    private func refuseOther(_ name: String) throws(PostgresFailure) {
        guard isOther(name) else { return }
        throw PostgresFailure(message: "'\(name)' is a table factsh did not create: factsh queries it but does not change it")
    }

    /// Replaces everything factsh keeps in the database by the session's relations and bindings.
    public func save(_ environment: Environment) throws(PostgresFailure) {
        try transaction { () throws(PostgresFailure) in
            if ownsSchema { try connection.execute("CREATE SCHEMA IF NOT EXISTS factsh") }
            for stored in relations { try dropTables(of: stored) }
            try connection.execute("DROP TABLE IF EXISTS factsh_relations, factsh_fields")
            try PostgresCatalogue.create(connection)
            let layout = SessionLayout.plan(
                environment, columnLimit: Self.columnLimit, takenTables: otherTables.map(\.table),
                extraColumns: [Self.rowColumn], nameLimit: Self.nameLimit)
            for (position, stored) in layout.enumerated() {
                guard let relation = environment.relation(named: stored.name) else { continue }
                try create(stored, position: position)
                try append(relation, to: stored)
            }
        }
    }

    /// One change to the database: rows to delete first (an article loaded again), relations
    /// to replace whole (those derived from all the mentions), then rows to add to relations,
    /// which are created when new.
    public struct Change {
        public var deletions: [(relation: String, field: String, value: String)] = []
        public var replacements: [(relation: String, rows: Relation)] = []
        public var additions: [(relation: String, rows: Relation)] = []
        public init() {}
    }

    /// Applies a change in one transaction: all of it or, on any error or when `isCancelled`
    /// turns true during a copy (Ctrl-C), none.
    public func apply(_ change: Change, isCancelled: () -> Bool = { false }) throws(PostgresFailure) {
        try transaction { () throws(PostgresFailure) in
            for deletion in change.deletions {
                guard let stored = relations.first(where: { $0.name == deletion.relation }),
                    let field = stored.fields.first(where: { $0.field.name == deletion.field })
                else { continue }
                try connection.execute("DELETE FROM \(Self.quote(field.table)) WHERE \(Self.quote(field.column)) = $1", [deletion.value])
            }
            for replacement in change.replacements {
                if let stored = relations.first(where: { $0.name == replacement.relation }) {
                    try remove(stored)
                    relations.removeAll { $0.name == stored.name }
                }
            }
            for addition in change.replacements + change.additions {
                let stored = try storage(for: addition.relation, fields: addition.rows.fields)
                try append(addition.rows, to: stored, isCancelled: isCancelled)
            }
        }
    }

    /// The stored relation that rows with `fields` go to, inside a transaction: created when
    /// new, given columns for new fields when the rows bring any (an article header with a key
    /// no article had before); refused when the rows do not fit the fields it has.
    func storage(for name: String, fields: [Field]) throws(PostgresFailure) -> StoredRelation {
        try refuseOther(name)
        if var stored = relations.first(where: { $0.name == name }) {
            // The old fields must stay as they are.
            guard fields.starts(with: stored.fields.map(\.field)) else {
                let known = stored.fields.map { "\($0.field.name) \($0.field.type)" }.joined(separator: ", ")
                throw PostgresFailure(message: "'\(name)' in the database has the fields (\(known)); the new rows do not fit them")
            }
            if fields.count > stored.fields.count {
                stored = try addFields(Array(fields[stored.fields.count...]), to: stored)
                relations = relations.map { $0.name == name ? stored : $0 }
            }
            return stored
        }
        var single = Environment()
        single.catalog.set(name, Relation(fields: fields))
        let taken = (relations + otherTables).flatMap(\.tables)
        guard
            let stored = SessionLayout.plan(
                single, columnLimit: Self.columnLimit, takenTables: taken,
                extraColumns: [Self.rowColumn], nameLimit: Self.nameLimit
            ).first
        else { throw PostgresFailure(message: "'\(name)' could not be laid out as tables") }
        try ensureCatalogue()
        try create(stored, position: try nextPosition())
        relations.append(stored)
        return stored
    }

    /// Removes a relation and its tables.
    public func drop(_ name: String) throws(PostgresFailure) {
        try refuseOther(name)
        guard let stored = relations.first(where: { $0.name == name }) else { return }
        try transaction { () throws(PostgresFailure) in try remove(stored) }
    }

    /// Creates the schema and the catalogue when the database has none yet.
    private func ensureCatalogue() throws(PostgresFailure) {
        if ownsSchema { try connection.execute("CREATE SCHEMA IF NOT EXISTS factsh") }
        guard try !PostgresCatalogue.exists(connection) else { return }
        try PostgresCatalogue.create(connection)
    }

    /// The catalogue position after the last one: where a new relation is listed.
    private func nextPosition() throws(PostgresFailure) -> Int {
        let rows = try connection.execute("SELECT coalesce(max(position) + 1, 0) FROM factsh_relations")
        let text: String? = rows.first?.first ?? nil
        return text.flatMap { Int($0) } ?? relations.count
    }

    /// Drops a relation's tables and its rows in the catalogue.
    private func remove(_ stored: StoredRelation) throws(PostgresFailure) {
        try dropTables(of: stored)
        try connection.execute("DELETE FROM factsh_fields WHERE relation = $1", [stored.name])
        try connection.execute("DELETE FROM factsh_relations WHERE name = $1", [stored.name])
    }

    /// How many rows each relation has, by name.
    public func rowCounts() throws(PostgresFailure) -> [String: Int] {
        var counts: [String: Int] = [:]
        for stored in relations + otherTables {
            let rows = try connection.execute("SELECT count(*) FROM \(Self.quote(stored.table))")
            let text: String? = rows.first?.first ?? nil
            counts[stored.name] = text.flatMap { Int($0) } ?? 0
        }
        return counts
    }

    /// A relation with the origin of every row: for `.export`, `.why` and saving to a file.
    /// Whole, or the rows `select` reads when it gives a statement and its parameters: it is
    /// handed the table's columns to read, in order (`.why` reads only the rows a query's
    /// conditions keep).
    public func read(
        _ name: String, select: (_ columns: [String]) -> (sql: String, parameters: [String?])? = { _ in nil }
    ) throws(PostgresFailure) -> Relation {
        try read(name) { columns, list, table, rowOrder in
            select(columns) ?? ("SELECT \(list) FROM \(table) ORDER BY \(rowOrder)", [])
        }
    }

    /// The rows of a relation whose field `field` holds one of `values`, with their origins:
    /// the sentences of the articles a `.why` cites.
    public func read(_ name: String, where field: String, isOneOf values: [String]) throws(PostgresFailure) -> Relation {
        guard let column = (relations + otherTables).first(where: { $0.name == name })?.fields.first(where: { $0.field.name == field })?.column else {
            return try read(name)
        }
        // The values go as one parameter, an array, never as SQL text.
        let array = PostgresArray.literal(values.map(Value.string))
        return try read(name) { _, list, table, rowOrder in
            ("SELECT \(list) FROM \(table) WHERE \(Self.quote(column)) = ANY($1::text[]) ORDER BY \(rowOrder)", [array])
        }
    }

    private func read(
        _ name: String, statement: (_ columns: [String], _ list: String, _ table: String, _ rowOrder: String) -> (String, [String?])
    ) throws(PostgresFailure) -> Relation {
        guard let stored = (relations + otherTables).first(where: { $0.name == name }), let table = table(of: name) else {
            throw PostgresFailure(message: "'\(name)' is not a relation in \(displayName), or spans several tables, which factsh reads only from a session file")
        }
        let withOrigins = !isOther(name)
        let columns = stored.fields.flatMap(\.columns) + (withOrigins ? SessionLayout.originColumns : [])
        let list = columns.isEmpty ? "NULL" : columns.map(Self.quote).joined(separator: ", ")
        let (sql, parameters) = statement(columns, list, Self.quote(stored.table), Self.quote(table.rowOrder))
        return try rows(sql, parameters, fields: stored.fields.map(\.field), storedForm: true, withOrigins: withOrigins, isCancelled: { false })
    }

    /// The rows of a query whose columns are `fields` in the translation's form (a quantity as
    /// its number and qualifier), streamed from the server into columns. `parameters` are the
    /// values of `$1`, `$2`, ...
    public func query(_ sql: String, parameters: [String?] = [], fields: [Field], isCancelled: () -> Bool) throws(PostgresFailure) -> Relation {
        try rows(sql, parameters, fields: fields, storedForm: false, withOrigins: false, isCancelled: isCancelled)
    }

    /// The server's plan for a statement, one line a row, as `EXPLAIN` gives it.
    public func plan(of sql: String, parameters: [String?] = []) throws(PostgresFailure) -> [String] {
        try connection.execute("EXPLAIN " + sql, parameters).map { $0.first.flatMap { $0 } ?? "" }
    }

    private func rows(
        _ sql: String, _ parameters: [String?], fields: [Field], storedForm: Bool, withOrigins: Bool,
        isCancelled: () -> Bool
    ) throws(PostgresFailure) -> Relation {
        var columns = fields.map { Column(type: $0.type) }
        var origins = OriginColumn()
        var count = 0
        let widths = fields.map { $0.type == .quantity ? (storedForm ? 3 : 2) : 1 }
        try connection.stream(sql, parameters, isCancelled: isCancelled) { (texts: [String?]) throws(PostgresFailure) in
            count += 1
            var offset = 0
            for (index, field) in fields.enumerated() {
                var slice = texts[offset..<offset + widths[index]]
                if widths[index] == 2 { slice = ArraySlice(Array(slice) + [nil]) }
                do throws(CellCodec.Problem) {
                    columns[index].append(try CellCodec.value(ArraySlice(PostgresCells.cells(slice, type: field.type)), type: field.type))
                } catch {
                    throw PostgresFailure(message: "row \(count), field '\(field.name)': \(error.message)")
                }
                offset += widths[index]
            }
            if withOrigins {
                let line = texts[offset + 1].flatMap { Int($0) }
                origins.append(texts[offset].flatMap { source in line.map { RowOrigin(source: source, line: $0) } })
            }
        }
        return Relation(fields: fields, columns: columns, rowCount: count, origins: withOrigins ? origins : OriginColumn())
    }

    /// Creates a relation's tables and lists it in the catalogue.
    private func create(_ stored: StoredRelation, position: Int) throws(PostgresFailure) {
        for table in stored.tables {
            var definitions = stored.fields.filter { $0.table == table }.flatMap { field in
                zip(field.columns, PostgresCells.sqlTypes(field.field.type)).map { Self.quote($0) + " " + $1 }
            }
            if table == stored.table { definitions += ["factsh_origin_source text", "factsh_origin_line integer"] }
            definitions.append("\(Self.quote(Self.rowColumn)) bigint GENERATED BY DEFAULT AS IDENTITY")
            try connection.execute("CREATE TABLE \(Self.quote(table)) (\(definitions.joined(separator: ", ")))")
        }
        try PostgresCatalogue.insert(stored, position: position, into: connection)
    }

    /// Adds a relation's rows to its tables with `COPY`, a chunk of rows at a time encoded
    /// straight from the columns into one reused buffer.
    func append(_ relation: Relation, to stored: StoredRelation, isCancelled: () -> Bool = { false }) throws(PostgresFailure) {
        for table in stored.tables {
            let copy = copyStatement(into: table, of: stored)
            var encoder = CopyTextEncoder(relation, fields: copy.fields, writesOrigins: copy.holdsOrigins)
            var row = 0
            try connection.copy(copy.sql, isCancelled: isCancelled) { bytes in
                row = encoder.appendRows(from: row, before: relation.rowCount, to: &bytes, upTo: Self.copyChunkSize)
                return row < relation.rowCount
            }
        }
    }

    /// The `COPY ... FROM STDIN` statement for one of a relation's tables, and the fields whose
    /// columns that table holds; the relation's first table holds the rows' origins too.
    func copyStatement(into table: String, of stored: StoredRelation) -> (sql: String, fields: [Int], holdsOrigins: Bool) {
        let fields = stored.fields.indices.filter { stored.fields[$0].table == table }
        let holdsOrigins = table == stored.table
        var columns = fields.flatMap { stored.fields[$0].columns }
        if holdsOrigins { columns += SessionLayout.originColumns }
        return ("COPY \(Self.quote(table)) (\(columns.map(Self.quote).joined(separator: ", "))) FROM STDIN", fields, holdsOrigins)
    }

    /// How many bytes of rows go to the server in one `PQputCopyData`. Small enough that the
    /// socket's buffer holds a few of them: libpq returns as soon as a chunk is in it, so the
    /// next chunk is encoded while the server reads the last (a megabyte waited for the server
    /// to read most of it, and the server then waited for factsh: the load took twice as long).
    static let copyChunkSize = 64 << 10

    /// Adds columns for new fields to a relation's first table, null in the rows it has.
    private func addFields(_ fields: [Field], to stored: StoredRelation) throws(PostgresFailure) -> StoredRelation {
        var stored = stored
        var names = SQLNames(
            reserved: SessionLayout.reservedColumns + [Self.rowColumn] + stored.fields.flatMap(\.columns), maximumBytes: Self.nameLimit)
        for field in fields {
            let column = names.claim(field.name, suffixes: field.type == .quantity ? ["", "_qualifier", "_upper"] : [""])
            let added = StoredField(field: field, table: stored.table, column: column)
            for (name, type) in zip(added.columns, PostgresCells.sqlTypes(field.type)) {
                try connection.execute("ALTER TABLE \(Self.quote(stored.table)) ADD COLUMN \(Self.quote(name)) \(type)")
            }
            try PostgresCatalogue.insert(added, of: stored.name, position: stored.fields.count, into: connection)
            stored.fields.append(added)
        }
        return stored
    }

    private func dropTables(of stored: StoredRelation) throws(PostgresFailure) {
        for table in stored.tables { try connection.execute("DROP TABLE IF EXISTS \(Self.quote(table))") }
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back when it fails: then the relations
    /// known are those from before, as the database still holds them.
    private func transaction(_ body: () throws(PostgresFailure) -> Void) throws(PostgresFailure) {
        let known = try begin()
        do {
            try body()
            try connection.execute("COMMIT")
        } catch {
            rollBack(to: known)
            throw error
        }
        try refresh()
    }

    /// The relations as factsh knew them when a transaction began.
    struct Known {
        fileprivate let relations: [StoredRelation]
        fileprivate let otherTables: [StoredRelation]
    }

    /// Begins a transaction; what it returns is what `rollBack` goes back to.
    func begin() throws(PostgresFailure) -> Known {
        let known = Known(relations: relations, otherTables: otherTables)
        try connection.execute("BEGIN")
        return known
    }

    /// Rolls the transaction back and knows the relations as they were when it began. The
    /// error to report is the one that stopped the change; a rollback that fails too (the
    /// connection is gone) leaves the server to roll back on its own.
    func rollBack(to known: Known) {
        (relations, otherTables) = (known.relations, known.otherTables)
        if connection.isConnected { _ = try? connection.execute("ROLLBACK") }
    }

    /// A name quoted for SQL: "like ""this""".
    static func quote(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }
}
