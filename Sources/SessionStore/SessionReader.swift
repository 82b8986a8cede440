import FactStore

/// Reads a relation's rows back from the tables its layout names, trusting nothing: the file
/// may have been written or edited by another program. A column factsh needs and does not find,
/// or a cell that does not hold a value of its field's type, is an error naming the table, row
/// and column; only the origin columns may be missing, and then the rows have no origin.
///
/// SQLite's work is bounded by what reading a file of this size can need, so that a relation
/// that is a view computing without end stops with an error instead of hanging.
struct SessionReader {
    let database: SQLiteDatabase
    let fileSize: Int

    /// The relations the file lists, read under the bound for a table of the catalogue's width.
    func catalogue() throws(SQLiteDatabase.Failure) -> [StoredRelation] {
        database.limitWork(to: workLimit(columns: 8))
        return try SessionLayout.readCatalogue(from: database)
    }

    func read(_ stored: StoredRelation) throws(SQLiteDatabase.Failure) -> Relation {
        var columns = stored.fields.map { Column(type: $0.field.type) }
        var origins = OriginColumn()
        var rowCount: Int?
        let width = stored.fields.reduce(SessionLayout.originColumns.count) { $0 + $1.columns.count }
        for table in stored.tables {
            database.limitWork(to: workLimit(columns: width))
            func problem(_ message: String) -> SQLiteDatabase.Failure {
                SQLiteDatabase.Failure(message: "table '\(table)' (of '\(stored.name)'): \(message)")
            }
            let available = Set(try database.columnNames(of: table).map(SQLNames.key))
            guard !available.isEmpty else { throw problem("there is no such table") }
            let indices = stored.fields.indices.filter { stored.fields[$0].table == table }
            var selected: [String] = []
            for index in indices {
                for column in stored.fields[index].columns where !available.contains(SQLNames.key(column)) {
                    throw problem("there is no column '\(column)' for field '\(stored.fields[index].field.name)'")
                }
                selected += stored.fields[index].columns
            }
            let readsOrigins = table == stored.table && SessionLayout.originColumns.allSatisfy { available.contains($0) }
            if readsOrigins { selected += SessionLayout.originColumns }
            let list = selected.isEmpty ? "NULL" : selected.map(SQLiteDatabase.quote).joined(separator: ", ")
            let rows: SQLiteDatabase.Rows
            do {
                rows = try database.rows("SELECT \(list) FROM \(SQLiteDatabase.quote(table))\(try order(of: table))")
            } catch {
                throw problem(error.message)
            }
            var cells: [SQLiteDatabase.Cell] = []
            var count = 0
            while try next(rows, into: &cells, problem: problem) {
                count += 1
                var offset = 0
                for index in indices {
                    let field = stored.fields[index]
                    let width = field.columns.count
                    do {
                        columns[index].append(try CellCodec.value(cells[offset..<offset + width], type: field.field.type))
                    } catch {
                        throw problem("row \(count), column '\(field.columns[error.column])': \(error.message)")
                    }
                    offset += width
                }
                if table == stored.table {
                    origins.append(readsOrigins ? try origin(cells[offset], cells[offset + 1], problem: { problem("row \(count): \($0)") }) : nil)
                }
            }
            if let rowCount, rowCount != count {
                throw problem("it has \(count) rows where '\(stored.table)' has \(rowCount)")
            }
            rowCount = count
        }
        return Relation(fields: stored.fields.map(\.field), columns: columns, rowCount: rowCount ?? 0, origins: origins)
    }

    /// SQLite instructions enough to read any table of this many columns from a file of this
    /// size, with a margin: a row takes at least 4 bytes of the file and about one instruction a
    /// column plus a dozen, and the schema queries before take a few million at most.
    private func workLimit(columns: Int) -> Int {
        10_000_000 + fileSize * (columns + 16)
    }

    /// SQLite's own row order, in which factsh wrote the rows; a table without rowids is read
    /// in the order of its key.
    private func order(of table: String) throws(SQLiteDatabase.Failure) -> String {
        let withoutRowid = try database.query(
            """
            SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = \(SQLiteDatabase.literal(table)) COLLATE NOCASE
            """)
        return withoutRowid.first == [.integer(1)] ? "" : " ORDER BY _rowid_"
    }

    private func next(
        _ rows: SQLiteDatabase.Rows, into cells: inout [SQLiteDatabase.Cell],
        problem: (String) -> SQLiteDatabase.Failure
    ) throws(SQLiteDatabase.Failure) -> Bool {
        do { return try rows.next(into: &cells) } catch { throw problem(error.message) }
    }

    /// A row's origin: a source and a line, or neither.
    private func origin(
        _ source: SQLiteDatabase.Cell, _ line: SQLiteDatabase.Cell,
        problem: (String) -> SQLiteDatabase.Failure
    ) throws(SQLiteDatabase.Failure) -> RowOrigin? {
        switch (source, line) {
        case (.null, .null): return nil
        case (.text(let source), .integer(let line)) where Int32(exactly: line) != nil: return RowOrigin(source: source, line: Int(line))
        default: throw problem("the origin \(source), \(line) is not a source and a line")
        }
    }
}
