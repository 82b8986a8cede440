import CSQLite

/// A SQLite database file, with just the operations session files need. The one file that
/// imports SQLite: no C type leaves it.
final class SQLiteDatabase {
    struct Failure: Error, Sendable {
        var message: String
    }

    /// A value as SQLite stores it.
    enum Cell: Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    private var handle: OpaquePointer?

    init(path: String, create: Bool) throws(Failure) {
        let flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw Failure(message: message)
        }
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw Failure(message: message)
        }
    }

    /// Runs a statement once per row of `rows`, binding each row's cells in order.
    func insert(_ sql: String, rows: some Sequence<[Cell]>) throws(Failure) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        for row in rows {
            sqlite3_reset(statement)
            for (index, cell) in row.enumerated() {
                let position = Int32(index + 1)
                switch cell {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let value): sqlite3_bind_int64(statement, position, value)
                case .real(let value): sqlite3_bind_double(statement, position, value)
                case .text(let value): factsh_sqlite_bind_text(statement, position, value, Int32(value.utf8.count))
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(message: String(cString: sqlite3_errmsg(handle))) }
        }
    }

    /// Every row a query returns.
    func query(_ sql: String) throws(Failure) -> [[Cell]] {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        var rows: [[Cell]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw Failure(message: String(cString: sqlite3_errmsg(handle))) }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                case SQLITE_FLOAT: .real(sqlite3_column_double(statement, column))
                case SQLITE_NULL: .null
                default: .text(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "")
                }
            })
        }
    }

    private func prepare(_ sql: String) throws(Failure) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(message: String(cString: sqlite3_errmsg(handle)))
        }
        return statement
    }

    /// A name quoted for SQL: "like ""this""".
    static func quote(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }
}
