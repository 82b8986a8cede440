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
    /// Where the rows go chunk by chunk, when they are not kept.
    let sink: (any RowSink)?

    private struct Header {
        var names: [String]
        var line: Int
        var dataStart: DelimitedStream.Position
    }

    /// The types a fill parses into; a guessed column with no value yet takes nothing but nulls.
    struct Plan {
        var types: [ValueType]
        var nullsOnly: [Bool]
        var isGuess: Bool
    }

    func load() throws(Diagnostic) -> DataLoader.Loaded {
        guard let header = try readHeader() else { return try DataLoader.handOver(DataLoader.emptyFile(types: types, existing: existing), to: sink) }
        if let guess = try guessedPlan(header), let loaded = try fill(header, plan: guess) { return loaded }
        var inferences = [TypeInference](repeating: TypeInference(), count: header.names.count)
        try stream.read(from: header.dataStart) { reader, _ throws(Diagnostic) in
            try observe(&reader, names: header.names, into: &inferences)
            return true
        }
        let fieldTypes = try DataLoader.decideTypes(names: header.names, headerLine: header.line, inferences: inferences, types: types, existing: existing)
        let plan = Plan(types: fieldTypes, nullsOnly: fieldTypes.map { _ in false }, isGuess: false)
        // A fill to decided types stops only by throwing: it returns nil for a guess alone.
        guard let loaded = try fill(header, plan: plan) else {
            throw Diagnostic(.unexpected, "the types inferred from every row did not fit a row", line: header.line, column: 1)
        }
        return loaded
    }

    private func readHeader() throws(Diagnostic) -> Header? {
        var header: Header?
        var fields: [DelimitedReader.Field] = []
        let dataStart = try stream.read(from: .start) { reader, _ throws(Diagnostic) in
            guard let line = try reader.nextRecord(into: &fields) else { return !reader.isFinal }
            var names: [String] = []
            // A set, so a header of 100,000 names is checked in linear time.
            var seen = Set<String>()
            for (position, field) in fields.enumerated() {
                var name = reader.text(field).trimmingWhitespace
                if name.isEmpty { name = "column_\(position + 1)" }
                if !seen.insert(name).inserted {
                    throw Diagnostic(.duplicateHeader, "the header names '\(name)' twice", line: line, column: reader.column(of: field))
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
    private func guessedPlan(_ header: Header) throws(Diagnostic) -> Plan? {
        var inferences = [TypeInference](repeating: TypeInference(), count: header.names.count)
        try stream.read(from: header.dataStart) { reader, _ throws(Diagnostic) in
            try observe(&reader, names: header.names, into: &inferences)
            return false
        }
        // Types the first chunk cannot decide are decided again from every row by `load`,
        // which throws the problem if it is still there.
        guard
            let guessed = try? DataLoader.decideTypes(
                names: header.names, headerLine: header.line, inferences: inferences,
                types: types, existing: existing)
        else { return nil }
        let nullsOnly = zip(header.names, inferences).map { name, inference in types[name] == nil && !inference.hasSeenValue }
        return Plan(types: guessed, nullsOnly: nullsOnly, isGuess: true)
    }

    /// Narrows each column's candidate types by the reader's rows. A cell that does not fit the
    /// type asked for its column is an error here, so errors come in the file's order.
    private func observe(_ reader: inout DelimitedReader, names: [String], into inferences: inout [TypeInference]) throws(Diagnostic) {
        var fields: [DelimitedReader.Field] = []
        let asked = names.map { types[$0] }
        while let line = try reader.nextRow(width: names.count, appendingTo: &fields) {
            for (column, field) in fields.enumerated() where !reader.isEmpty(field) {
                if let type = asked[column] {
                    let text = reader.text(field)
                    guard TypeInference.value(text, as: type) != nil else {
                        throw .misfit(text, type: type, field: names[column], line: line, column: reader.column(of: field))
                    }
                } else if !inferences[column].isSettledAsString {
                    // Plain integers are recognised from their bytes, without making a string.
                    if let int = reader.int64(field) {
                        inferences[column].observe(.int(int))
                    } else {
                        inferences[column].observe(reader.text(field))
                    }
                }
            }
            fields.removeAll(keepingCapacity: true)
        }
    }

    /// Fills typed columns chunk by chunk. Returns nil when the plan is a guess and a cell does
    /// not fit it; throws when the types were decided and a cell does not fit.
    /// With a sink, each chunk's rows go to it once they are filled, and the fill keeps none.
    private func fill(_ header: Header, plan: Plan) throws(Diagnostic) -> DataLoader.Loaded? {
        let fields = zip(header.names, plan.types).map { Field(name: $0, type: $1) }
        var filler = ChunkedFill(plan: plan, names: header.names, path: path, size: stream.source.size, keepsRows: sink == nil, progress: progress)
        var rowCount = 0
        if let sink { try sink.start(try DataLoader.appended(Relation(fields: fields), to: existing, headerLine: header.line).fields) }
        try stream.read(from: header.dataStart) { reader, chunkOffset throws(Diagnostic) in
            guard try filler.take(&reader, chunkOffset: chunkOffset) else { return false }
            if let sink, filler.origins.count > 0 {
                let rows = filler.handOverRows(fields: fields)
                rowCount += rows.rowCount
                try sink.take(try DataLoader.appended(rows, to: existing, headerLine: header.line))
            }
            return true
        }
        if filler.misfit { return nil }
        rowCount += filler.origins.count
        var warnings: [Diagnostic] = []
        if rowCount == 0 {
            warnings.append(Diagnostic(.emptyFile, "the file has a header and no rows: it loads as an empty relation", line: header.line, column: 1, severity: .warning))
        }
        let loaded = Relation(fields: fields, columns: filler.builders.map { $0.finish() }, rowCount: filler.origins.count, origins: filler.origins)
        return DataLoader.Loaded(relation: try DataLoader.appended(loaded, to: existing, headerLine: header.line), warnings: warnings)
    }
}

extension DelimitedReader {
    /// Reads one record into `fields`, checking it has a field for each of the header's
    /// `width` names; returns the line it started on, or nil at the end.
    mutating func nextRow(width: Int, appendingTo fields: inout [Field]) throws(Diagnostic) -> Int? {
        let first = fields.count
        guard let line = try nextRecord(appendingTo: &fields) else { return nil }
        let count = fields.count - first
        guard count == width else {
            let column =
                count > width
                ? self.column(of: fields[first + width])
                : fields.last.map { self.column(at: $0.range.upperBound + ($0.quoted ? 1 : 0)) } ?? 1
            throw Diagnostic(.rowWidth, "this row has \(count) field\(count == 1 ? "" : "s") but the header has \(width)", line: line, column: column)
        }
        return line
    }
}

extension Diagnostic {
    /// A cell that is not of its column's type.
    static func misfit(_ text: String, type: ValueType, field: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(.valueType, "'\(text)' is not a \(type) (field '\(field)')", line: line, column: column)
    }
}
