import Dispatch
import FactStore

/// Loads a CSV or TSV file in one pass where it can: each column's type is guessed from the
/// first chunk of rows, and every cell is parsed straight into its typed column as its chunk
/// is read. Should a later cell not fit the guess, the load starts again with the types
/// inferred from every row (a pass to infer, a pass to fill), so the result is always what
/// whole-file inference gives. Each chunk's columns are filled on both cores.
struct DelimitedLoader {
    let stream: DelimitedStream
    let path: String
    let types: [String: ValueType]
    let existing: Relation?
    let progress: ((Double) -> Void)?

    private struct Header {
        var names: [String]
        var line: Int
        var dataStart: DelimitedStream.Position
    }

    /// The types a fill parses into; a guessed column with no value yet takes nothing but nulls.
    private struct Plan {
        var types: [ValueType]
        var nullsOnly: [Bool]
        var isGuess: Bool
    }

    func load() throws(DataProblem) -> DataLoader.Loaded {
        guard let header = try readHeader() else { return try DataLoader.emptyFile(path: path, types: types, existing: existing) }
        if let guess = try guessedPlan(header), let loaded = try fill(header, plan: guess) { return loaded }
        var inferences = [TypeInference](repeating: TypeInference(), count: header.names.count)
        try stream.read(from: header.dataStart) { reader, _ throws(DataProblem) in
            try observe(&reader, width: header.names.count, into: &inferences)
            return true
        }
        let fieldTypes = try DataLoader.decideTypes(names: header.names, headerLine: header.line, inferences: inferences, types: types, existing: existing)
        let plan = Plan(types: fieldTypes, nullsOnly: fieldTypes.map { _ in false }, isGuess: false)
        // A fill to types inferred from every row only stops by throwing.
        guard let loaded = try fill(header, plan: plan) else { preconditionFailure("inferred types must fit every row") }
        return loaded
    }

    private func readHeader() throws(DataProblem) -> Header? {
        var header: Header?
        var fields: [DelimitedReader.Field] = []
        let dataStart = try stream.read(from: .start) { reader, _ throws(DataProblem) in
            guard let line = try reader.nextRecord(into: &fields) else { return !reader.isFinal }
            var names: [String] = []
            for (position, field) in fields.enumerated() {
                var name = reader.text(field).trimmingWhitespace
                if name.isEmpty { name = "column_\(position + 1)" }
                if names.contains(name) {
                    throw DataProblem("the header names '\(name)' twice", line: line, column: reader.column(of: field))
                }
                names.append(name)
            }
            header = Header(names: names, line: line, dataStart: .start)
            return false
        }
        header?.dataStart = dataStart
        return header
    }

    /// Types guessed from the rows of the first chunk, or nil when they cannot be decided so.
    private func guessedPlan(_ header: Header) throws(DataProblem) -> Plan? {
        var inferences = [TypeInference](repeating: TypeInference(), count: header.names.count)
        try stream.read(from: header.dataStart) { reader, _ throws(DataProblem) in
            try observe(&reader, width: header.names.count, into: &inferences)
            return false
        }
        guard let guessed = try? DataLoader.decideTypes(names: header.names, headerLine: header.line, inferences: inferences,
                                                        types: types, existing: existing) else { return nil }
        let nullsOnly = zip(header.names, inferences).map { name, inference in types[name] == nil && !inference.hasSeenValue }
        return Plan(types: guessed, nullsOnly: nullsOnly, isGuess: true)
    }

    /// Narrows each column's candidate types by the reader's rows.
    private func observe(_ reader: inout DelimitedReader, width: Int, into inferences: inout [TypeInference]) throws(DataProblem) {
        var fields: [DelimitedReader.Field] = []
        while try nextRow(&reader, width: width, into: &fields) != nil {
            for (column, field) in fields.enumerated() where !inferences[column].isSettledAsString && !reader.isEmpty(field) {
                // Plain integers are recognised from their bytes, without making a string.
                if let int = reader.int64(field) {
                    inferences[column].observe(.int(int))
                } else {
                    inferences[column].observe(reader.text(field))
                }
            }
            fields.removeAll(keepingCapacity: true)
        }
    }

    /// Reads one record into `fields`, checking it has a field for each name.
    private func nextRow(_ reader: inout DelimitedReader, width: Int, into fields: inout [DelimitedReader.Field]) throws(DataProblem) -> Int? {
        let first = fields.count
        guard let line = try reader.nextRecord(appendingTo: &fields) else { return nil }
        let count = fields.count - first
        guard count == width else {
            let column = count > width ? reader.column(of: fields[first + width])
                : fields.last.map { reader.column(at: $0.range.upperBound + ($0.quoted ? 1 : 0)) } ?? 1
            throw DataProblem("this row has \(count) field\(count == 1 ? "" : "s") but the header has \(width)", line: line, column: column)
        }
        return line
    }

    /// Fills typed columns chunk by chunk. Returns nil when the plan is a guess and a cell does
    /// not fit it; throws when the types were decided and a cell does not fit.
    private func fill(_ header: Header, plan: Plan) throws(DataProblem) -> DataLoader.Loaded? {
        let width = header.names.count
        var builders = plan.types.map(ColumnBuilder.init)
        var origins = OriginColumn()
        var fields: [DelimitedReader.Field] = []
        var lines: [Int32] = []
        var groups: [[Int]]?
        var misfit = false
        let size = stream.source.size
        try stream.read(from: header.dataStart) { reader, chunkOffset throws(DataProblem) in
            fields.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            while let line = try nextRow(&reader, width: width, into: &fields) { lines.append(Int32(clamping: line)) }
            guard !lines.isEmpty else { return true }
            let chunkGroups = groups ?? Self.balancedGroups(fields, width: width)
            groups = chunkGroups
            let misfits = Self.fillColumns(&builders, plan: plan, groups: chunkGroups, fields: fields, rows: lines.count, reader: reader)
            if let (row, column) = misfits.enumerated().compactMap({ column, row in row.map { ($0, column) } }).min(by: { $0 < $1 }) {
                guard !plan.isGuess else {
                    misfit = true
                    return false
                }
                let field = fields[row * width + column]
                throw DataProblem("'\(reader.text(field))' is not a \(plan.types[column]) (field '\(header.names[column])')",
                                  line: Int(lines[row]), column: reader.column(of: field))
            }
            origins.append(source: path, lines: lines)
            if let size, size > 0 { progress?(Double(chunkOffset + reader.position) / Double(size)) }
            return true
        }
        if misfit { return nil }
        let rowCount = origins.count
        var warnings: [DataProblem] = []
        if rowCount == 0 {
            warnings.append(DataProblem("the file has a header and no rows: it loads as an empty relation", line: header.line, column: 1))
        }
        let loaded = Relation(fields: zip(header.names, plan.types).map { Field(name: $0, type: $1) },
                              columns: builders.map { $0.finish() }, rowCount: rowCount, origins: origins)
        return DataLoader.Loaded(relation: try DataLoader.appended(loaded, to: existing, headerLine: header.line), warnings: warnings)
    }

    /// Columns split in two groups of about the same number of bytes (as the first chunk has
    /// them), one group per core.
    private static func balancedGroups(_ fields: [DelimitedReader.Field], width: Int) -> [[Int]] {
        var weights = [Int](repeating: 0, count: width)
        for (index, field) in fields.enumerated() { weights[index % width] += field.range.count + 4 }
        var groups: [[Int]] = [[], []]
        var totals = [0, 0]
        for column in weights.indices.sorted(by: { weights[$0] > weights[$1] }) {
            let lighter = totals[0] <= totals[1] ? 0 : 1
            groups[lighter].append(column)
            totals[lighter] += weights[column]
        }
        return groups.filter { !$0.isEmpty }
    }

    /// Appends one chunk's rows to every column, a group of columns per thread. Returns, per
    /// column, the first row whose cell does not fit, if any.
    private static func fillColumns(_ builders: inout [ColumnBuilder], plan: Plan, groups: [[Int]], fields: [DelimitedReader.Field],
                                    rows: Int, reader: DelimitedReader) -> [Int?] {
        var misfits = [Int?](repeating: nil, count: builders.count)
        let width = builders.count
        fields.withUnsafeBufferPointer { fields in
            builders.withUnsafeMutableBufferPointer { builders in
                misfits.withUnsafeMutableBufferPointer { misfits in
                    let shared = SharedChunk(builders: builders, misfits: misfits, cells: fields, reader: reader)
                    DispatchQueue.concurrentPerform(iterations: groups.count) { group in
                        for column in groups[group] {
                            shared.misfits[column] = fill(&shared.builders[column], type: plan.types[column], nullsOnly: plan.nullsOnly[column],
                                                          cells: shared.cells, column: column, width: width, rows: rows, reader: shared.reader)
                        }
                    }
                }
            }
        }
        return misfits
    }

    /// A chunk as the threads share it: each thread writes only the columns of its own group,
    /// and only reads the cells and their bytes.
    private struct SharedChunk: @unchecked Sendable {
        let builders: UnsafeMutableBufferPointer<ColumnBuilder>
        let misfits: UnsafeMutableBufferPointer<Int?>
        let cells: UnsafeBufferPointer<DelimitedReader.Field>
        let reader: DelimitedReader
    }

    /// Appends one column of a chunk; returns the first row whose cell does not fit.
    private static func fill(_ builder: inout ColumnBuilder, type: ValueType, nullsOnly: Bool, cells: UnsafeBufferPointer<DelimitedReader.Field>,
                             column: Int, width: Int, rows: Int, reader: DelimitedReader) -> Int? {
        for row in 0..<rows {
            let field = cells[row * width + column]
            if reader.isEmpty(field) {
                builder.appendNull()
                continue
            }
            if nullsOnly { return row }
            switch type {
            case .int:
                if let int = reader.int64(field) {
                    builder.append(int: int)
                    continue
                }
            case .date:
                if let day = reader.day(field) {
                    builder.append(int: day.number)
                    continue
                }
            case .string:
                if let bytes = reader.plainBytes(field) {
                    builder.append(utf8: bytes)
                    continue
                }
            default:
                break
            }
            guard let value = TypeInference.value(reader.text(field), as: type) else { return row }
            builder.append(value)
        }
        return nil
    }
}
