#if canImport(Glibc)
import Glibc
#endif
import FactLanguage
import FactStore

/// Saves a whole session — every relation and binding, with its schema and the origin of every
/// row — to one SQLite file, and opens it again exactly.
///
/// SQLite because the file is then readable by sqlite3, DuckDB and Datasette too: each relation
/// is a table of plain columns (dates as ISO text, quantities as a number plus `_qualifier` and
/// `_upper` columns), beside two tables that say how to read them back.
public enum SessionFile {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func save(_ environment: Environment, to path: String) throws(Failure) {
        for name in environment.allNames where name == "factsh_relations" || name == "factsh_fields" {
            throw Failure(message: "cannot save a relation named '\(name)': the session file uses that name itself")
        }
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            let database = try SQLiteDatabase(path: temporary, create: true)
            try database.execute("BEGIN")
            try database.execute("CREATE TABLE factsh_relations(name TEXT PRIMARY KEY, kind TEXT NOT NULL, position INTEGER NOT NULL)")
            try database.execute("CREATE TABLE factsh_fields(relation TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL)")
            let entries = environment.catalog.names.map { ($0, "relation") } + environment.bindingNames.map { ($0, "binding") }
            try database.insert("INSERT INTO factsh_relations VALUES (?, ?, ?)",
                                rows: entries.enumerated().map { [.text($1.0), .text($1.1), .integer(Int64($0))] })
            for (name, _) in entries {
                guard let relation = environment.relation(named: name) else { continue }
                try write(relation, named: name, to: database)
            }
            try database.execute("COMMIT")
        } catch {
            unlink(temporary)
            throw Failure(message: "cannot save to '\(path)': \(error.message)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(message: "cannot save to '\(path)': \(reason)")
        }
    }

    public static func open(_ path: String) throws(Failure) -> Environment {
        do {
            let database = try SQLiteDatabase(path: path, create: false)
            let entries = try database.query("SELECT name, kind FROM factsh_relations ORDER BY position")
            let fieldRows = try database.query("SELECT relation, name, type FROM factsh_fields ORDER BY relation, position")
            var environment = Environment()
            for entry in entries {
                guard case .text(let name) = entry[0], case .text(let kind) = entry[1] else { continue }
                let fields = fieldRows.compactMap { row -> Field? in
                    guard row[0] == .text(name), case .text(let field) = row[1], case .text(let typeName) = row[2],
                          let type = ValueType(rawValue: typeName) else { return nil }
                    return Field(name: field, type: type)
                }
                let relation = try read(name, fields: fields, from: database)
                if kind == "binding" { environment.bind(name, relation) } else { environment.catalog.set(name, relation) }
            }
            return environment
        } catch {
            throw Failure(message: "cannot open '\(path)' as a factsh session: \(error.message)")
        }
    }

    /// The SQL columns a field is stored in.
    private static func columns(for field: Field) -> [String] {
        let name = SQLiteDatabase.quote(field.name)
        switch field.type {
        case .int, .bool, .duration: return ["\(name) INTEGER"]
        case .number: return ["\(name) REAL"]
        case .quantity: return ["\(name) REAL", "\(SQLiteDatabase.quote(field.name + "_qualifier")) TEXT", "\(SQLiteDatabase.quote(field.name + "_upper")) REAL"]
        case .string, .date, .null: return ["\(name) TEXT"]
        }
    }

    private static func write(_ relation: Relation, named name: String, to database: SQLiteDatabase) throws(SQLiteDatabase.Failure) {
        try database.insert("INSERT INTO factsh_fields VALUES (?, ?, ?, ?)",
                            rows: relation.fields.enumerated().map { [.text(name), .integer(Int64($0)), .text($1.name), .text($1.type.rawValue)] })
        let definitions = relation.fields.flatMap(columns(for:)) + ["factsh_origin_source TEXT", "factsh_origin_line INTEGER"]
        try database.execute("CREATE TABLE \(SQLiteDatabase.quote(name)) (\(definitions.joined(separator: ", ")))")
        let placeholders = Array(repeating: "?", count: definitions.count).joined(separator: ", ")
        let rows = (0..<relation.rowCount).lazy.map { row -> [SQLiteDatabase.Cell] in
            var cells: [SQLiteDatabase.Cell] = []
            for (index, field) in relation.fields.enumerated() {
                let value = relation.columns[index][row]
                switch (value, field.type) {
                case (.null, .quantity): cells += [.null, .null, .null]
                case (.null, _): cells.append(.null)
                case (.int(let int), _): cells.append(.integer(int))
                case (.number(let number), _): cells.append(.real(number))
                case (.string(let string), _): cells.append(.text(string))
                case (.date(let day), _): cells.append(.text(day.description))
                case (.bool(let bool), _): cells.append(.integer(bool ? 1 : 0))
                case (.duration(let days), _): cells.append(.integer(days))
                case (.quantity(let quantity), _): cells += [.real(quantity.value), .text(quantity.qualifier.name), quantity.upper.map(SQLiteDatabase.Cell.real) ?? .null]
                }
            }
            let origin = relation.origins[row]
            cells += [origin.map { .text($0.source) } ?? .null, origin.map { .integer(Int64($0.line)) } ?? .null]
            return cells
        }
        try database.insert("INSERT INTO \(SQLiteDatabase.quote(name)) VALUES (\(placeholders))", rows: rows)
    }

    private static func read(_ name: String, fields: [Field], from database: SQLiteDatabase) throws(SQLiteDatabase.Failure) -> Relation {
        let rows = try database.query("SELECT * FROM \(SQLiteDatabase.quote(name)) ORDER BY rowid")
        var columns = fields.map { Column(type: $0.type) }
        var origins = OriginColumn()
        for row in rows {
            var position = 0
            for (index, field) in fields.enumerated() {
                let cell = row[position]
                position += 1
                var value = Value.null
                switch (cell, field.type) {
                case (.null, .quantity): position += 2
                case (.null, _): break
                case (.integer(let int), .bool): value = .bool(int != 0)
                case (.integer(let int), .duration): value = .duration(days: int)
                case (.integer(let int), .int): value = .int(int)
                case (.integer(let int), .number): value = .number(Double(int))
                case (.real(let number), .number): value = .number(number)
                case (.text(let text), .date): value = Day(iso: text).map(Value.date) ?? .null
                case (.text(let text), _): value = .string(text)
                case (_, .quantity):
                    let number: Double = if case .real(let real) = cell { real } else if case .integer(let int) = cell { Double(int) } else { 0 }
                    let qualifier: Qualifier = if case .text(let name) = row[position] { Qualifier(name: name) ?? .exact } else { .exact }
                    let upper: Double? = if case .real(let real) = row[position + 1] { real } else { nil }
                    position += 2
                    value = .quantity(Quantity(number, qualifier, upper: upper))
                default: break
                }
                columns[index].append(value)
            }
            if case .text(let source) = row[position], case .integer(let line) = row[position + 1] {
                origins.append(RowOrigin(source: source, line: Int(line)))
            } else {
                origins.append(nil)
            }
        }
        return Relation(fields: fields, columns: columns, rowCount: rows.count, origins: origins)
    }
}
