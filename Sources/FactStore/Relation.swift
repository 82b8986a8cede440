/// A named, typed field of a relation.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: ValueType

    public init(name: String, type: ValueType) {
        self.name = name
        self.type = type
    }
}

/// A table of facts: a schema and one column per field, all of the same length.
///
/// Relations are values: a query result, a `let` binding and a stored relation are the same
/// type, and copying one shares its buffers until one side is changed.
public struct Relation: Sendable {
    public private(set) var fields: [Field]
    public private(set) var columns: [Column]
    public private(set) var rowCount: Int
    /// Where each row came from, for `.why`; rows a query computed have none.
    public private(set) var origins: OriginColumn

    public init(fields: [Field] = []) {
        self.fields = fields
        columns = fields.map { Column(type: $0.type) }
        rowCount = 0
        origins = OriginColumn()
    }

    /// A relation over existing columns, which must all have `rowCount` rows.
    public init(fields: [Field], columns: [Column], rowCount: Int, origins: OriginColumn = OriginColumn()) {
        self.fields = fields
        self.columns = columns
        self.rowCount = rowCount
        self.origins = origins
    }

    public func fieldIndex(named name: String) -> Int? { fields.firstIndex { $0.name == name } }

    public func column(named name: String) -> Column? { fieldIndex(named: name).map { columns[$0] } }

    /// One row as values, for display and tests; queries never go through this.
    public func row(_ index: Int) -> [Value] { columns.map { $0[index] } }

    /// Why a row cannot be appended: a field the relation does not have, or a value whose
    /// type clashes with its column.
    public enum AppendProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownField(String)
        case typeMismatch(field: String, expected: ValueType, found: ValueType)

        /// As a message says it: "field 'id' is int, found string".
        public var description: String {
            switch self {
            case .unknownField(let field): "there is no field '\(field)'"
            case .typeMismatch(let field, let expected, let found): "field '\(field)' is \(expected), found \(found)"
            }
        }
    }

    /// Checks a row of named values against the schema without changing anything; new fields
    /// are allowed when `allowNewFields` (the first facts of a relation define its schema).
    public func check(_ values: [(name: String, value: Value)], allowNewFields: Bool) -> AppendProblem? {
        for (name, value) in values {
            guard let index = fieldIndex(named: name) else {
                if allowNewFields { continue }
                return .unknownField(name)
            }
            if fields[index].type.unified(with: value.type) == nil {
                return .typeMismatch(field: name, expected: fields[index].type, found: value.type)
            }
        }
        return nil
    }

    /// Appends a row of named values; fields not named get null. Columns widen when a value
    /// needs it (an int column becomes number on its first decimal) and new fields are added,
    /// null in earlier rows, when `allowNewFields`. Nothing changes when there is a problem.
    public mutating func append(_ values: [(name: String, value: Value)], allowNewFields: Bool, origin: RowOrigin? = nil) throws(AppendProblem) {
        // The common case, a value for every field in schema order, skips the name lookups.
        if values.count == fields.count, zip(values, fields).allSatisfy({ $0.name == $1.name && $1.type.unified(with: $0.value.type) == $1.type }) {
            for index in fields.indices { columns[index].append(values[index].value) }
            padOrigins()
            origins.append(origin)
            rowCount += 1
            return
        }
        if let problem = check(values, allowNewFields: allowNewFields) { throw problem }
        for (name, value) in values {
            if let index = fieldIndex(named: name) {
                widen(index, toHold: value.type)
            } else {
                fields.append(Field(name: name, type: value.type))
                columns.append(Column.nulls(type: value.type, count: rowCount))
            }
        }
        for index in fields.indices {
            let value = values.last { $0.name == fields[index].name }?.value ?? .null
            columns[index].append(value)
        }
        padOrigins()
        origins.append(origin)
        rowCount += 1
    }

    /// Widens a field's column, when it must, to hold values of `type` as well (an int column
    /// becomes number on its first decimal); returns the field's type after.
    @discardableResult
    private mutating func widen(_ index: Int, toHold type: ValueType) -> ValueType {
        let unified = fields[index].type.unified(with: type) ?? fields[index].type
        if unified != fields[index].type, let converted = columns[index].converted(to: unified) {
            fields[index].type = unified
            columns[index] = converted
        }
        return unified
    }

    /// Rows appended without an origin get none, so the next origin lines up with its row.
    private mutating func padOrigins() {
        while origins.count < rowCount { origins.append(nil) }
    }

    /// The relation with one field's values replaced (the field added at the end when it is
    /// not there yet); `values` has one per row.
    public func settingColumn(_ field: Field, _ values: Column) -> Relation {
        precondition(values.count == rowCount, "a column of \(values.count) values for \(rowCount) rows")
        var fields = self.fields
        var columns = self.columns
        if let index = fieldIndex(named: field.name) {
            fields[index] = field
            columns[index] = values
        } else {
            fields.append(field)
            columns.append(values)
        }
        return Relation(fields: fields, columns: columns, rowCount: rowCount, origins: origins)
    }

    /// The rows at the given positions, in that order.
    public func gather(_ rows: [Int32]) -> Relation {
        Relation(fields: fields, columns: columns.map { $0.gather(rows) }, rowCount: rows.count, origins: origins.gather(rows))
    }

    /// The relation without the rows for which `remove` is true.
    public func removingRows(where remove: (Int) -> Bool) -> Relation {
        gather((0..<rowCount).filter { !remove($0) }.map(Int32.init))
    }

    /// Appends all rows of another relation whose fields are all in this one (matched by name;
    /// fields it lacks are null), a column at a time. Columns widen where the other's values
    /// need it. Nothing changes when there is a problem.
    public mutating func append(contentsOf other: Relation) throws(AppendProblem) {
        // Fields matched through dictionaries: a relation of 100,000 fields in linear time.
        let indices = Dictionary(fields.indices.map { (fields[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        let otherIndices = Dictionary(other.fields.indices.map { (other.fields[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        for field in other.fields {
            guard let index = indices[field.name] else { throw .unknownField(field.name) }
            if fields[index].type.unified(with: field.type) == nil {
                throw .typeMismatch(field: field.name, expected: fields[index].type, found: field.type)
            }
        }
        for index in fields.indices {
            var incoming = otherIndices[fields[index].name].map { other.columns[$0] } ?? Column.nulls(type: fields[index].type, count: other.rowCount)
            let unified = widen(index, toHold: incoming.type)
            if incoming.type != unified, let converted = incoming.converted(to: unified) { incoming = converted }
            columns[index].append(contentsOf: incoming)
        }
        padOrigins()
        origins.append(contentsOf: other.origins)
        rowCount += other.rowCount
    }
}
