import CSQLite

/// A SQLite database file, with just the operations session files need. The one file that
/// imports SQLite: no C type leaves it.
package final class SQLiteDatabase {
    typealias Failure = SessionFile.Failure

    /// A value as SQLite stores it. Text is read with its length, so a NUL byte inside it is
    /// kept; text that is not UTF-8 and blobs are told apart so they can be refused by name.
    package enum Cell: Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case invalidUTF8
        case blob
    }

    /// The rows of one query, read one at a time so a large table is never held twice.
    final class Rows {
        private let statement: OpaquePointer?
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer?, in database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        /// Fills `cells` with the next row; false after the last one.
        func next(into cells: inout [Cell]) throws(Failure) -> Bool {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return false }
            guard status == SQLITE_ROW else { throw database.failure() }
            cells.removeAll(keepingCapacity: true)
            for column in 0..<sqlite3_column_count(statement) { cells.append(cell(column)) }
            return true
        }

        private func cell(_ column: Int32) -> Cell {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
            case SQLITE_NULL: return .null
            case SQLITE_BLOB: return .blob
            default:
                // sqlite3_column_bytes after sqlite3_column_text gives the length of that text.
                let text = sqlite3_column_text(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                guard let text else { return .text("") }
                return String(validating: UnsafeBufferPointer(start: text, count: count), as: UTF8.self).map(Cell.text) ?? .invalidUTF8
            }
        }
    }

    /// Counts SQLite's work in steps of `Budget.stride` virtual-machine instructions and stops
    /// a statement once the allowance is spent.
    private final class Budget {
        static let stride: Int32 = 1000
        var remaining: Int
        var exhausted = false
        init(_ steps: Int) { remaining = steps }
    }

    private var handle: OpaquePointer?
    private var budget: Budget?

    /// Opens a file; one opened only for reading is treated as untrusted input.
    init(path: String, create: Bool) throws(Failure) {
        let flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw Failure(message: message)
        }
        if !create { factsh_sqlite_distrust_schema(handle) }
    }

    deinit { sqlite3_close(handle) }

    /// The most columns a table may have.
    var columnLimit: Int { Int(sqlite3_limit(handle, SQLITE_LIMIT_COLUMN, -1)) }

    /// Stops any statement, with an error, once all statements together have run about
    /// `instructions` SQLite instructions: what bounds a view that never ends.
    func limitWork(to instructions: Int) {
        let budget = Budget(max(1, instructions / Int(Budget.stride)))
        self.budget = budget
        sqlite3_progress_handler(
            handle, Budget.stride,
            { context in
                let budget = Unmanaged<Budget>.fromOpaque(context!).takeUnretainedValue()
                budget.remaining -= 1
                budget.exhausted = budget.remaining < 0
                return budget.exhausted ? 1 : 0
            }, Unmanaged.passUnretained(budget).toOpaque())
    }

    func execute(_ sql: String) throws(Failure) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure() }
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
                case .null, .invalidUTF8, .blob: sqlite3_bind_null(statement, position)
                case .integer(let value): sqlite3_bind_int64(statement, position, value)
                case .real(let value): sqlite3_bind_double(statement, position, value)
                case .text(let value): factsh_sqlite_bind_text(statement, position, value, Int32(value.utf8.count))
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw failure() }
        }
    }

    /// A query's rows, to be read one by one.
    func rows(_ sql: String) throws(Failure) -> Rows {
        Rows(try prepare(sql), in: self)
    }

    /// Every row a query returns, for the small catalogue tables.
    func query(_ sql: String) throws(Failure) -> [[Cell]] {
        let rows = try rows(sql)
        var all: [[Cell]] = []
        var cells: [Cell] = []
        while try rows.next(into: &cells) { all.append(cells) }
        return all
    }

    /// The columns of a table or view, in order; empty when there is none of that name.
    func columnNames(of table: String) throws(Failure) -> [String] {
        try query("SELECT name FROM pragma_table_info(\(Self.literal(table)))").compactMap { row in
            if case .text(let name) = row[0] { name } else { nil }
        }
    }

    private func prepare(_ sql: String) throws(Failure) -> OpaquePointer? {
        // SQLite reads SQL only up to a NUL: a name holding one would cut the statement short.
        guard !sql.utf8.contains(0) else { throw Failure(message: "a name holds a NUL byte") }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw failure()
        }
        return statement
    }

    private func failure() -> Failure {
        if let budget, budget.exhausted {
            return Failure(message: "reading it took more work than a file of its size can need (a view that never ends?)")
        }
        return Failure(message: String(cString: sqlite3_errmsg(handle)))
    }

    /// A name quoted for SQL: "like ""this""".
    static func quote(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }

    /// Text as an SQL string literal: 'like ''this'''.
    static func literal(_ text: String) -> String { "'" + text.replacing("'", with: "''") + "'" }
}
