import FactStore

/// Loads a JSON array of flat objects or a JSON Lines file in two passes over its bytes: the
/// first learns the fields (the union of the objects' keys, in the order first seen) and
/// narrows each one's type, the second fills typed columns. No object is kept between the
/// passes, so a file costs its bytes and its columns, not a boxed value per cell.
struct JSONLoader {
    let bytes: UnsafeBufferPointer<UInt8>
    let isArray: Bool
    let path: String
    let types: [String: ValueType]
    let existing: Relation?
    let cancellation: Cancellation

    /// Objects read between two questions to `cancellation`.
    static let objectsPerCheck = 16_384

    func load() throws(Diagnostic) -> DataLoader.Loaded {
        var names: [String] = []
        var index: [String: Int] = [:]
        var inferences: [TypeInference] = []
        var rowCount = 0
        var reader = JSONReader(bytes: bytes)
        try reader.forEachObject(inArray: isArray) { record throws(Diagnostic) in
            if rowCount % Self.objectsPerCheck == 0 { try cancellation.check() }
            rowCount += 1
            for (position, (name, value)) in record.fields.enumerated() {
                let column: Int
                if let known = Self.column(of: name, at: position, names: names, index: index) {
                    column = known
                } else {
                    column = names.count
                    index[name] = column
                    names.append(name)
                    inferences.append(TypeInference())
                }
                inferences[column].observe(value)
            }
        }
        guard rowCount > 0 else { return try DataLoader.emptyFile(types: types, existing: existing) }
        let fieldTypes = try DataLoader.decideTypes(names: names, headerLine: 1, inferences: inferences, types: types, existing: existing)
        var columns = fieldTypes.map { Column(type: $0) }
        var origins = OriginColumn()
        var row = [Value](repeating: .null, count: names.count)
        reader = JSONReader(bytes: bytes)
        var filled = 0
        try reader.forEachObject(inArray: isArray) { record throws(Diagnostic) in
            if filled % Self.objectsPerCheck == 0 { try cancellation.check() }
            filled += 1
            for column in row.indices { row[column] = .null }
            for (position, (name, value)) in record.fields.enumerated() {
                if let column = Self.column(of: name, at: position, names: names, index: index) { row[column] = value }
            }
            for column in columns.indices {
                columns[column].append(try Self.typed(row[column], as: fieldTypes[column], field: names[column], line: record.line))
            }
            origins.append(RowOrigin(source: path, line: record.line))
        }
        let loaded = Relation(fields: zip(names, fieldTypes).map { Field(name: $0, type: $1) }, columns: columns, rowCount: rowCount, origins: origins)
        return DataLoader.Loaded(relation: try DataLoader.appended(loaded, to: existing, headerLine: 1), warnings: [])
    }

    /// The column of a key: most objects list their keys in one order, so the key at
    /// `position` is looked for there before it is looked up.
    private static func column(of name: String, at position: Int, names: [String], index: [String: Int]) -> Int? {
        position < names.count && names[position] == name ? position : index[name]
    }

    /// A JSON value as a cell of a column of `type`: text is parsed as that type, other values
    /// must fit it (or are written out, for a text column).
    private static func typed(_ raw: Value, as type: ValueType, field: String, line: Int) throws(Diagnostic) -> Value {
        switch raw {
        case .null:
            return .null
        case .string(let text):
            guard let typed = TypeInference.value(text, as: type) else {
                throw .misfit(text, type: type, field: field, line: line, column: 1)
            }
            return typed
        default:
            if type == .string { return .string(raw.description) }
            guard raw.type.unified(with: type) == type else {
                throw Diagnostic(.valueType, "\(raw) is not a \(type) (field '\(field)')", line: line, column: 1)
            }
            return raw
        }
    }
}
