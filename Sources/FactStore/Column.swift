/// One field of a relation: a typed buffer of values, plus a mask of the nulls.
///
/// This is the heart of the columnar store: no row objects, no `Value` per cell. Ints, dates
/// (as day numbers) and durations share a buffer of packed integers; strings are dictionary
/// codes, packed the same way.
public struct Column: Sendable {
    /// The buffer behind the values. Package-wide, not public: the query engine reads it to
    /// evaluate whole columns at their stored width and DataImport builds columns from it,
    /// but outside factsh a column is its values (`subscript`, `append`).
    package enum Storage: Sendable {
        /// Used by the `null` type: a column that has held nothing but nulls.
        case none
        case ints(PackedInts)
        case doubles([Double])
        case strings(codes: PackedInts, dictionary: StringDictionary)
        case bools([Bool])
        /// `uppers` holds the top of `range` quantities and NaN elsewhere; empty when no
        /// value in the column is a range.
        case quantities(values: [Double], qualifiers: [Qualifier], uppers: [Double])
    }

    public private(set) var type: ValueType
    package private(set) var storage: Storage
    /// Nil when no row is null.
    public private(set) var nulls: NullMask?
    public private(set) var count: Int

    package init(type: ValueType, storage: Storage, nulls: NullMask?, count: Int) {
        self.type = type
        self.storage = storage
        self.nulls = nulls?.hasNulls == true ? nulls : nil
        self.count = count
    }

    /// An empty column of the given type, ready for `append`.
    public init(type: ValueType) {
        self.init(type: type, storage: Column.emptyStorage(for: type), nulls: nil, count: 0)
    }

    /// A column of `count` nulls.
    public static func nulls(type: ValueType, count: Int) -> Column {
        var column = Column(type: type)
        for _ in 0..<count { column.append(.null) }
        return column
    }

    /// A column built from values that all fit `type` (after numeric widening).
    public init(type: ValueType, values: some Sequence<Value>) {
        self.init(type: type)
        for value in values { append(value) }
    }

    private static func emptyStorage(for type: ValueType) -> Storage {
        switch type {
        case .null: .none
        case .int, .date, .duration: .ints(PackedInts())
        case .number: .doubles([])
        case .string: .strings(codes: PackedInts(), dictionary: StringDictionary())
        case .bool: .bools([])
        case .quantity: .quantities(values: [], qualifiers: [], uppers: [])
        }
    }

    public func isNull(_ row: Int) -> Bool {
        if case .none = storage { return true }
        return nulls?[row] ?? false
    }

    public subscript(row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .none: return .null
        case .ints(let values):
            switch type {
            case .date: return .date(Day(number: values[row]))
            case .duration: return .duration(days: values[row])
            default: return .int(values[row])
            }
        case .doubles(let values): return .number(values[row])
        case .strings(let codes, let dictionary): return .string(dictionary[Int(codes[row])])
        case .bools(let values): return .bool(values[row])
        case .quantities(let values, let qualifiers, let uppers):
            let upper = uppers.isEmpty || uppers[row].isNaN ? nil : uppers[row]
            return .quantity(Quantity(values[row], qualifiers[row], upper: upper))
        }
    }

    /// Appends one value. The caller has checked that it fits the column's type; numeric
    /// values are widened (an int into a number column), anything else that does not fit
    /// becomes null.
    public mutating func append(_ value: Value) {
        let value = value.widened(to: type)
        var isNull = value.isNull
        switch (storage, value) {
        case (.none, _):
            isNull = true
        case (.ints(var values), _):
            storage = .none
            switch value {
            case .int(let int): values.append(int)
            case .date(let day): values.append(day.number)
            case .duration(let days): values.append(days)
            default:
                values.append(0)
                isNull = true
            }
            storage = .ints(values)
        case (.doubles(var values), _):
            storage = .none
            if case .number(let number) = value {
                values.append(number)
            } else {
                values.append(0)
                isNull = true
            }
            storage = .doubles(values)
        case (.strings(var codes, var dictionary), _):
            storage = .none
            if case .string(let string) = value {
                codes.append(Int64(dictionary.code(for: string)))
            } else {
                codes.append(0)
                isNull = true
            }
            storage = .strings(codes: codes, dictionary: dictionary)
        case (.bools(var values), _):
            storage = .none
            if case .bool(let bool) = value {
                values.append(bool)
            } else {
                values.append(false)
                isNull = true
            }
            storage = .bools(values)
        case (.quantities(var values, var qualifiers, var uppers), _):
            storage = .none
            if case .quantity(let quantity) = value {
                values.append(quantity.value)
                qualifiers.append(quantity.qualifier)
                if let upper = quantity.upper {
                    if uppers.isEmpty { uppers = Array(repeating: .nan, count: values.count - 1) }
                    uppers.append(upper)
                } else if !uppers.isEmpty {
                    uppers.append(.nan)
                }
            } else {
                values.append(0)
                qualifiers.append(.exact)
                isNull = true
                if !uppers.isEmpty { uppers.append(.nan) }
            }
            storage = .quantities(values: values, qualifiers: qualifiers, uppers: uppers)
        }
        if isNull {
            if nulls == nil { nulls = NullMask(count: count) }
        }
        nulls?.append(isNull)
        count += 1
    }

    /// Appends a string given as UTF-8 bytes to a string column, making a `String` only when
    /// the value is new to the column's dictionary. Returns false, appending nothing, when the
    /// column does not hold strings.
    public mutating func appendString(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        guard case .strings(var codes, var dictionary) = storage else { return false }
        storage = .none
        codes.append(Int64(dictionary.code(forUTF8: bytes)))
        storage = .strings(codes: codes, dictionary: dictionary)
        nulls?.append(false)
        count += 1
        return true
    }

    /// Appends every row of another column. One of the same type is joined a buffer at a
    /// time: a load into an existing relation costs what the load did, not a `Value` per
    /// cell, and strings are mapped to this column's dictionary once per distinct value.
    /// Another type goes a value at a time, as `append` takes it.
    public mutating func append(contentsOf other: Column) {
        guard other.type == type else {
            for row in 0..<other.count { append(other[row]) }
            return
        }
        let newCount = count + other.count
        if other.nulls != nil || nulls != nil {
            var mask = nulls ?? NullMask(count: count)
            for row in 0..<other.count { mask.append(other.isNull(row)) }
            nulls = mask.hasNulls ? mask : nil
        }
        switch (storage, other.storage) {
        case (.none, _):
            break
        case (.ints(var values), .ints(let more)):
            storage = .none
            values.append(contentsOf: more)
            storage = .ints(values)
        case (.doubles(var values), .doubles(let more)):
            storage = .none
            values.append(contentsOf: more)
            storage = .doubles(values)
        case (.bools(var values), .bools(let more)):
            storage = .none
            values.append(contentsOf: more)
            storage = .bools(values)
        case (.strings(var codes, var dictionary), .strings(let moreCodes, let moreDictionary)):
            storage = .none
            let mapped = moreDictionary.indices.map { code in moreDictionary.withUTF8(of: code) { Int64(dictionary.code(forUTF8: $0)) } }
            for code in moreCodes { codes.append(mapped.isEmpty ? 0 : mapped[Int(code)]) }
            storage = .strings(codes: codes, dictionary: dictionary)
        case (.quantities(var values, var qualifiers, var uppers), .quantities(let moreValues, let moreQualifiers, let moreUppers)):
            storage = .none
            if uppers.isEmpty != moreUppers.isEmpty, uppers.isEmpty { uppers = Array(repeating: .nan, count: values.count) }
            values.append(contentsOf: moreValues)
            qualifiers.append(contentsOf: moreQualifiers)
            if !uppers.isEmpty { uppers.append(contentsOf: moreUppers.isEmpty ? Array(repeating: .nan, count: moreValues.count) : moreUppers) }
            storage = .quantities(values: values, qualifiers: qualifiers, uppers: uppers)
        default:
            preconditionFailure("a column's storage follows its type, and both are of one type")
        }
        count = newCount
    }

    /// The same values as a wider type (int → number → quantity), or as any type when the
    /// column has held only nulls. Returns nil when the types do not unify.
    public func converted(to newType: ValueType) -> Column? {
        if newType == type { return self }
        guard type.unified(with: newType) == newType else { return nil }
        var result = Column(type: newType)
        for row in 0..<count { result.append(self[row]) }
        return result
    }

    /// The rows at the given positions, in that order. Strings keep their dictionary, so a
    /// gather copies only codes.
    public func gather(_ rows: [Int32]) -> Column {
        func pick<T>(_ values: [T]) -> [T] { rows.map { values[Int($0)] } }
        let newStorage: Storage
        switch storage {
        case .none: newStorage = .none
        case .ints(let values): newStorage = .ints(values.gather(rows))
        case .doubles(let values): newStorage = .doubles(pick(values))
        case .strings(let codes, let dictionary): newStorage = .strings(codes: codes.gather(rows), dictionary: dictionary)
        case .bools(let values): newStorage = .bools(pick(values))
        case .quantities(let values, let qualifiers, let uppers):
            newStorage = .quantities(values: pick(values), qualifiers: pick(qualifiers), uppers: uppers.isEmpty ? [] : pick(uppers))
        }
        return Column(type: type, storage: newStorage, nulls: nulls?.gather(rows), count: rows.count)
    }

    /// Whether a string column may hold `string`: false means it certainly does not, found
    /// without reading a row.
    public func mayContain(_ string: String) -> Bool {
        guard case .strings(_, let dictionary) = storage else { return true }
        return dictionary.existingCode(for: string) != nil
    }

    /// The distinct non-null strings of a string column, for completion and suggestions.
    public var distinctStrings: [String] {
        guard case .strings(let codes, let dictionary) = storage else { return [] }
        var seen = Set<Int64>()
        var result: [String] = []
        for (row, code) in codes.enumerated() where !isNull(row) && seen.insert(code).inserted {
            result.append(dictionary[Int(code)])
        }
        return result
    }
}
