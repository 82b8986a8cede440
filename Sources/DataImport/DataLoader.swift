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
        public var warnings: [Diagnostic]
    }

    /// Reads `bytes`; `types` overrides the inferred type of the fields it names; an `existing`
    /// relation is appended to, its schema checked.
    public static func load(
        _ bytes: [UInt8], format: DataFormat, path: String, types: [String: ValueType] = [:],
        appendingTo existing: Relation? = nil, progress: ((Double) -> Void)? = nil, cancellation: Cancellation = .never
    ) throws(Diagnostic) -> Loaded {
        try load(MemoryBytes(bytes), format: format, path: path, types: types, appendingTo: existing, progress: progress, cancellation: cancellation)
    }

    /// Reads a file from `source`: CSV and TSV a chunk of `chunkSize` bytes at a time (at least
    /// 16; a record longer than a chunk grows it), JSON whole. The chunk size changes only
    /// speed and memory, never the result. `cancellation` is asked between chunks (for JSON,
    /// between runs of objects): a stopped load throws "interrupted" and returns nothing.
    ///
    /// With a `sink`, the rows go there as they are checked (CSV and TSV chunk by chunk, JSON
    /// at the end) and are not kept: the relation returned has the fields and no rows, and of
    /// `existing` only the fields count. An error thrown after rows went to the sink means
    /// those rows are to be thrown away: the load is all or nothing there too.
    public static func load(
        _ source: any ByteSource, format: DataFormat, path: String, types: [String: ValueType] = [:],
        appendingTo existing: Relation? = nil, chunkSize: Int = 1 << 20,
        progress: ((Double) -> Void)? = nil, cancellation: Cancellation = .never, sink: (any RowSink)? = nil
    ) throws(Diagnostic) -> Loaded {
        let existing = sink == nil ? existing : existing.map { Relation(fields: $0.fields) }
        do {
            switch format {
            case .csv, .tsv:
                let stream = DelimitedStream(source: source, dialect: format == .csv ? .csv : .tsv, chunkSize: chunkSize, cancellation: cancellation)
                return try DelimitedLoader(stream: stream, path: path, types: types, existing: existing, progress: progress, sink: sink).load()
            case .json, .jsonl:
                let bytes = try allBytes(of: source, cancellation: cancellation)
                return try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in
                    if let bad = UTF8Check.firstProblem(buffer) {
                        throw Diagnostic(
                            .notText,
                            bad.isNUL ? "not a text file: it holds a NUL byte" : "not valid UTF-8: bad byte 0x\(String(bad.byte, radix: 16, uppercase: true)); save the file as UTF-8",
                            line: bad.line, column: bad.column)
                    }
                    let loaded = try JSONLoader(bytes: buffer, isArray: format == .json, path: path, types: types, existing: existing, cancellation: cancellation).load()
                    return try handOver(loaded, to: sink)
                }
            }
        } catch {
            var problem = error
            if problem.id == .interrupted { throw problem }
            // The bad line's text only adds context; the problem is reported with or without it.
            problem.lineText = try? lineText(problem.location?.line ?? 1, of: source)
            throw problem
        }
    }

    /// A JSON or JSON Lines file's bytes, read whole, up to `FileBytes.maximumWholeBytes`.
    private static func allBytes(of source: any ByteSource, cancellation: Cancellation) throws(Diagnostic) -> [UInt8] {
        if let memory = source as? MemoryBytes { return memory.bytes }
        let tooLarge = Diagnostic(
            .tooLarge,
            "the file is larger than \(FileBytes.maximumWholeBytes >> 30) GB, more than factsh reads whole; "
                + "CSV and TSV stream", line: 1, column: 1)
        var bytes: [UInt8] = []
        if let size = source.size {
            guard size <= FileBytes.maximumWholeBytes else { throw tooLarge }
            bytes.reserveCapacity(size)
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            try cancellation.check()
            let count = try source.read(into: chunk, at: bytes.count)
            if count == 0 { return bytes }
            guard bytes.count + count <= FileBytes.maximumWholeBytes else { throw tooLarge }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The text of one line of the file, to show under a problem; nil for very long lines.
    private static func lineText(_ wanted: Int, of source: any ByteSource) throws(Diagnostic) -> String? {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        var offset = 0
        var line = 1
        var text: [UInt8] = []
        var afterCR = false
        while true {
            let count = try source.read(into: chunk, at: offset)
            if count == 0 { break }
            offset += count
            for byte in chunk[0..<count] {
                // LF, CRLF and a lone CR each end a line.
                if byte == 0x0A, afterCR {
                    afterCR = false
                    continue
                }
                afterCR = byte == 0x0D
                if byte == 0x0A || byte == 0x0D {
                    if line == wanted { return String(decoding: text, as: UTF8.self) }
                    line += 1
                } else if line == wanted {
                    text.append(byte)
                    if text.count >= 2000 { return nil }
                }
            }
        }
        return line == wanted ? String(decoding: text, as: UTF8.self) : nil
    }

    /// A relation loaded whole, sent to `sink` when there is one: then only its fields are kept.
    static func handOver(_ loaded: Loaded, to sink: (any RowSink)?) throws(Diagnostic) -> Loaded {
        guard let sink else { return loaded }
        try sink.start(loaded.relation.fields)
        if loaded.relation.rowCount > 0 { try sink.take(loaded.relation) }
        return Loaded(relation: Relation(fields: loaded.relation.fields), warnings: loaded.warnings)
    }

    /// An empty file: an empty relation, with a warning.
    static func emptyFile(types: [String: ValueType], existing: Relation?) throws(Diagnostic) -> Loaded {
        // Still refused when `types` names a field, or it does not fit `existing`.
        _ = try decideTypes(names: [], headerLine: 1, inferences: [], types: types, existing: existing)
        return Loaded(
            relation: try appended(Relation(), to: existing, headerLine: 1),
            warnings: [Diagnostic(.emptyFile, "the file is empty: it loads as an empty relation", line: 1, column: 1, severity: .warning)])
    }

    /// Each column's type: asked for, else inferred and widened to the existing relation's.
    static func decideTypes(
        names: [String], headerLine: Int, inferences: [TypeInference], types: [String: ValueType],
        existing: Relation?
    ) throws(Diagnostic) -> [ValueType] {
        let named = Set(names)
        for name in types.keys where !named.contains(name) {
            throw Diagnostic(.schemaMismatch, "'types' names '\(name)', which the file does not have (fields: \(names.joined(separator: ", ")))", line: headerLine, column: 1)
        }
        // By name, so a wide file is matched to the relation in linear time.
        let existingTypes = Dictionary(existing?.fields.map { ($0.name, $0.type) } ?? [], uniquingKeysWith: { first, _ in first })
        if let existing {
            for name in names where existingTypes[name] == nil {
                throw Diagnostic(.schemaMismatch, "field '\(name)' is not in the relation (fields: \(existing.fields.map(\.name).joined(separator: ", ")))", line: headerLine, column: 1)
            }
        }
        var fieldTypes: [ValueType] = []
        for (column, name) in names.enumerated() {
            if let asked = types[name] {
                fieldTypes.append(asked)
                continue
            }
            var type = inferences[column].type
            if let existingType = existingTypes[name] {
                guard let unified = existingType == .string ? .string : existingType.unified(with: type) else {
                    throw Diagnostic(.schemaMismatch, "field '\(name)' is \(existingType) in the relation, but the file holds \(type) values", line: headerLine, column: 1)
                }
                type = unified
            }
            fieldTypes.append(type)
        }
        return fieldTypes
    }

    static func appended(_ loaded: Relation, to existing: Relation?, headerLine: Int) throws(Diagnostic) -> Relation {
        guard var relation = existing else { return loaded }
        do {
            try relation.append(contentsOf: loaded)
        } catch {
            throw Diagnostic(.schemaMismatch, "the file does not fit the relation: \(error)", line: headerLine, column: 1)
        }
        return relation
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
