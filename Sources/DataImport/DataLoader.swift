import FactStore

/// The formats a data file may be in, told by its extension.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv, tsv, json, jsonl

    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), let format = DataFormat(rawValue: path[path.index(after: dot)...].lowercased()) else { return nil }
        self = format
    }
}

/// Reads a CSV, TSV, JSON or JSON Lines file into a relation: a header (or the objects' keys)
/// names the fields, each column gets the narrowest type that fits all its values (or the type
/// asked for), and every row remembers its file and line. All or nothing: a problem anywhere
/// throws before any row is kept.
public enum DataLoader {
    /// A relation read from a file, and what is worth a warning.
    public struct Loaded: Sendable {
        public var relation: Relation
        public var warnings: [DataProblem]
    }

    /// Reads `bytes`; `types` overrides the inferred type of the fields it names; an `existing`
    /// relation is appended to, its schema checked.
    public static func load(_ bytes: [UInt8], format: DataFormat, path: String, types: [String: ValueType] = [:],
                            appendingTo existing: Relation? = nil, progress: ((Double) -> Void)? = nil) throws(DataProblem) -> Loaded {
        let result: Result<Loaded, DataProblem> = bytes.withUnsafeBufferPointer { buffer in
            do throws(DataProblem) {
                if let bad = UTF8Check.firstProblem(buffer) {
                    throw DataProblem(bad.isNUL ? "not a text file: it holds a NUL byte" : "not valid UTF-8: bad byte 0x\(String(bad.byte, radix: 16, uppercase: true)); save the file as UTF-8",
                                      line: bad.line, column: bad.column)
                }
                let table: RawTable
                switch format {
                case .csv, .tsv:
                    return .success(try loadDelimited(buffer, dialect: format == .csv ? .csv : .tsv, path: path, types: types,
                                                      existing: existing, progress: progress))
                case .json:
                    var reader = JSONReader(bytes: buffer)
                    table = try RawTable(records: reader.readArray())
                case .jsonl:
                    var reader = JSONReader(bytes: buffer)
                    table = try RawTable(records: reader.readLines())
                }
                return .success(try build(table, path: path, types: types, existing: existing))
            } catch {
                return .failure(locate(error, in: buffer, format: format))
            }
        }
        return try result.get()
    }

    /// Fills in the column of a cell problem and the text of its line.
    private static func locate(_ problem: DataProblem, in buffer: UnsafeBufferPointer<UInt8>, format: DataFormat) -> DataProblem {
        var problem = problem
        if let field = problem.field, format == .csv || format == .tsv {
            var reader = DelimitedReader(bytes: buffer, dialect: format == .csv ? .csv : .tsv)
            var fields: [DelimitedReader.Field] = []
            while let line = try? reader.nextRecord(into: &fields) {
                if line == problem.line, field < fields.count {
                    problem.column = fields[field].column
                    break
                }
            }
        }
        var line = 1
        var start = 0
        while start < buffer.count, line < problem.line {
            if buffer[start] == 0x0A { line += 1 }
            start += 1
        }
        var end = start
        while end < buffer.count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
        if line == problem.line, end - start < 2000 {
            problem.lineText = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
        return problem
    }

    /// A file's cells before typing: field names, and rows of values (text for CSV and TSV).
    struct RawTable {
        var names: [String]
        var rows: [[Value]]
        var lines: [Int]
        var headerLine = 1
        var isEmptyFile = false

        init(names: [String], rows: [[Value]], lines: [Int]) {
            self.names = names
            self.rows = rows
            self.lines = lines
        }

        /// Objects to rows: the union of their keys, in the order first seen.
        init(records: [JSONReader.Record]) throws(DataProblem) {
            var names: [String] = []
            var index: [String: Int] = [:]
            for record in records {
                for (name, _) in record.fields where index[name] == nil {
                    index[name] = names.count
                    names.append(name)
                }
            }
            var rows: [[Value]] = []
            for record in records {
                var row = [Value](repeating: .null, count: names.count)
                for (name, value) in record.fields { row[index[name]!] = value }
                rows.append(row)
            }
            self.init(names: names, rows: rows, lines: records.map(\.line))
            isEmptyFile = records.isEmpty
        }
    }

    /// CSV and TSV in two passes over the bytes: the first checks the shape and infers the
    /// types, the second fills typed columns. No row is kept as text in between, so a large
    /// file costs its bytes and its columns, not a copy of every cell.
    private static func loadDelimited(_ buffer: UnsafeBufferPointer<UInt8>, dialect: DelimitedReader.Dialect, path: String,
                                      types: [String: ValueType], existing: Relation?, progress: ((Double) -> Void)?) throws(DataProblem) -> Loaded {
        var reader = DelimitedReader(bytes: buffer, dialect: dialect)
        var fields: [DelimitedReader.Field] = []
        guard let headerLine = try reader.nextRecord(into: &fields) else {
            var table = RawTable(names: [], rows: [], lines: [])
            table.isEmptyFile = true
            return try build(table, path: path, types: types, existing: existing)
        }
        var names: [String] = []
        for (position, field) in fields.enumerated() {
            var name = reader.text(field).trimmingWhitespace
            if name.isEmpty { name = "column_\(position + 1)" }
            if names.contains(name) {
                throw DataProblem("the header names '\(name)' twice", line: headerLine, column: field.column)
            }
            names.append(name)
        }
        let dataStart = reader
        // Pass 1: shape and types.
        var inferences = [TypeInference](repeating: TypeInference(), count: names.count)
        var rowCount = 0
        while let line = try reader.nextRecord(into: &fields) {
            if fields.count != names.count {
                let column = fields.count > names.count ? fields[names.count].column : (fields.last.map { $0.column + $0.range.count } ?? 1)
                throw DataProblem("this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(names.count)", line: line, column: column)
            }
            for (column, field) in fields.enumerated() where !inferences[column].isSettledAsString && types[names[column]] == nil && !reader.isEmpty(field) {
                // Plain integers are recognised from their bytes, without making a string.
                if let int = reader.int64(field) {
                    inferences[column].observe(.int(int))
                } else {
                    inferences[column].observe(reader.text(field))
                }
            }
            rowCount += 1
        }
        let header = RawTable(names: names, rows: [], lines: [])
        let fieldTypes = try decideTypes(header, headerLine: headerLine, inferences: inferences, types: types, existing: existing)
        // Pass 2: typed columns.
        reader = dataStart
        var columns = fieldTypes.map { Column(type: $0) }
        var origins = OriginColumn()
        var row = 0
        while let line = try reader.nextRecord(into: &fields) {
            for (column, field) in fields.enumerated() {
                if reader.isEmpty(field) {
                    columns[column].append(.null)
                    continue
                }
                if fieldTypes[column] == .int, let int = reader.int64(field) {
                    columns[column].append(.int(int))
                    continue
                }
                if fieldTypes[column] == .string, let bytes = reader.plainBytes(field), columns[column].appendString(utf8: bytes) {
                    continue
                }
                let text = reader.text(field)
                guard let value = TypeInference.value(text, as: fieldTypes[column]) else {
                    throw DataProblem("'\(text)' is not a \(fieldTypes[column]) (field '\(names[column])')", line: line, column: field.column)
                }
                columns[column].append(value)
            }
            origins.append(RowOrigin(source: path, line: line))
            row += 1
            if row % 65_536 == 0 { progress?(Double(row) / Double(max(rowCount, 1))) }
        }
        var warnings: [DataProblem] = []
        if rowCount == 0 {
            warnings.append(DataProblem("the file has a header and no rows: it loads as an empty relation", line: headerLine, column: 1))
        }
        let loaded = Relation(fields: zip(names, fieldTypes).map { Field(name: $0, type: $1) }, columns: columns, rowCount: rowCount, origins: origins)
        return Loaded(relation: try appended(loaded, to: existing, headerLine: headerLine), warnings: warnings)
    }

    /// Each column's type: asked for, else inferred and widened to the existing relation's.
    private static func decideTypes(_ table: RawTable, headerLine: Int, inferences: [TypeInference], types: [String: ValueType],
                                    existing: Relation?) throws(DataProblem) -> [ValueType] {
        for name in types.keys where !table.names.contains(name) {
            throw DataProblem("'types' names '\(name)', which the file does not have (fields: \(table.names.joined(separator: ", ")))", line: headerLine, column: 1)
        }
        if let existing {
            for name in table.names where existing.fieldIndex(named: name) == nil {
                throw DataProblem("field '\(name)' is not in the relation (fields: \(existing.fields.map(\.name).joined(separator: ", ")))", line: headerLine, column: 1)
            }
        }
        var fieldTypes: [ValueType] = []
        for (column, name) in table.names.enumerated() {
            if let asked = types[name] {
                fieldTypes.append(asked)
                continue
            }
            var type = inferences[column].type
            if let existingType = existing?.fields.first(where: { $0.name == name })?.type {
                guard let unified = existingType == .string ? .string : existingType.unified(with: type) else {
                    throw DataProblem("field '\(name)' is \(existingType) in the relation, but the file holds \(type) values", line: headerLine, column: 1)
                }
                type = unified
            }
            fieldTypes.append(type)
        }
        return fieldTypes
    }

    private static func appended(_ loaded: Relation, to existing: Relation?, headerLine: Int) throws(DataProblem) -> Relation {
        guard var relation = existing else { return loaded }
        do {
            try relation.append(contentsOf: loaded)
        } catch {
            throw DataProblem("the file does not fit the relation: \(error)", line: headerLine, column: 1)
        }
        return relation
    }

    private static func build(_ table: RawTable, path: String, types: [String: ValueType], existing: Relation?) throws(DataProblem) -> Loaded {
        var warnings: [DataProblem] = []
        if table.isEmptyFile {
            warnings.append(DataProblem("the file is empty: it loads as an empty relation", line: 1, column: 1))
        } else if table.rows.isEmpty {
            warnings.append(DataProblem("the file has a header and no rows: it loads as an empty relation", line: table.headerLine, column: 1))
        }
        var inferences = [TypeInference](repeating: TypeInference(), count: table.names.count)
        for row in table.rows {
            for column in row.indices { inferences[column].observe(row[column]) }
        }
        let fieldTypes = try decideTypes(table, headerLine: table.headerLine, inferences: inferences, types: types, existing: existing)
        var columns = fieldTypes.map { Column(type: $0) }
        var origins = OriginColumn()
        for (index, row) in table.rows.enumerated() {
            for column in columns.indices {
                let raw = row[column]
                let value: Value
                switch raw {
                case .null: value = .null
                case .string(let text):
                    guard let typed = TypeInference.value(text, as: fieldTypes[column]) else {
                        throw DataProblem("'\(text)' is not a \(fieldTypes[column]) (field '\(table.names[column])')", line: table.lines[index], column: 1, field: column)
                    }
                    value = typed
                default:
                    guard raw.type.unified(with: fieldTypes[column]) == fieldTypes[column] || fieldTypes[column] == .string else {
                        throw DataProblem("\(raw) is not a \(fieldTypes[column]) (field '\(table.names[column])')", line: table.lines[index], column: 1, field: column)
                    }
                    value = fieldTypes[column] == .string ? .string(raw.description) : raw
                }
                columns[column].append(value)
            }
            origins.append(RowOrigin(source: path, line: table.lines[index]))
        }
        let loaded = Relation(fields: zip(table.names, fieldTypes).map { Field(name: $0, type: $1) }, columns: columns, rowCount: table.rows.count, origins: origins)
        return Loaded(relation: try appended(loaded, to: existing, headerLine: table.headerLine), warnings: warnings)
    }

    /// A relation name from a file name: `events-2024.csv` → `events_2024`.
    public static func relationName(forPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        var name = String(stem.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if name.first?.isNumber ?? true { name = "_" + name }
        return name
    }
}
