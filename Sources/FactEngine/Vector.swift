import FactStore

/// The value of an expression over the rows of a frame: a whole column, or one value that
/// stands for every row (a literal, a binding).
enum Vector {
    case constant(Value)
    case column(Column)

    var type: ValueType {
        switch self {
        case .constant(let value): value.type
        case .column(let column): column.type
        }
    }

    /// As a column of `count` rows, of the given type.
    func materialize(count: Int, as type: ValueType? = nil) -> Column {
        switch self {
        case .column(let column):
            guard let type, type != column.type else { return column }
            return column.converted(to: type) ?? column
        case .constant(let value):
            let columnType = type ?? value.type
            var column = Column(type: columnType)
            for _ in 0..<count { column.append(value) }
            return column
        }
    }
}

extension Vector {
    /// Ints, dates and durations as their `Int64`s.
    var int64s: Reader<Int64> {
        switch self {
        case .constant(let value):
            switch value {
            case .int(let int): return Reader(constant: int)
            case .date(let day): return Reader(constant: day.number)
            case .duration(let days): return Reader(constant: days)
            default: return Reader(constant: nil)
            }
        case .column(let column):
            if case .ints(let values) = column.storage { return Reader(values: values.map { $0 }, nulls: column.nulls) }
            return Reader(constant: nil)
        }
    }

    /// Any numeric vector as doubles (quantities by their number).
    var doubles: Reader<Double> {
        switch self {
        case .constant(let value): return Reader(constant: value.numericValue)
        case .column(let column):
            switch column.storage {
            case .ints(let values): return Reader(values: values.map(Double.init), nulls: column.nulls)
            case .doubles(let values): return Reader(values: values, nulls: column.nulls)
            case .quantities(let values, _, _): return Reader(values: values, nulls: column.nulls)
            default: return Reader(constant: nil)
            }
        }
    }

    /// Any numeric vector as quantities; plain numbers are exact.
    var quantities: Reader<Quantity> {
        switch self {
        case .constant(let value):
            if case .quantity(let quantity) = value { return Reader(constant: quantity) }
            return Reader(constant: value.numericValue.map { Quantity($0) })
        case .column(let column):
            switch column.storage {
            case .quantities(let values, let qualifiers, let uppers):
                let quantities = values.indices.map { row in
                    Quantity(values[row], qualifiers[row], upper: uppers.isEmpty || uppers[row].isNaN ? nil : uppers[row])
                }
                return Reader(values: quantities, nulls: column.nulls)
            case .ints(let values): return Reader(values: values.map { Quantity(Double($0)) }, nulls: column.nulls)
            case .doubles(let values): return Reader(values: values.map { Quantity($0) }, nulls: column.nulls)
            default: return Reader(constant: nil)
            }
        }
    }

    var bools: Reader<Bool> {
        switch self {
        case .constant(let value):
            if case .bool(let bool) = value { return Reader(constant: bool) }
            return Reader(constant: nil)
        case .column(let column):
            if case .bools(let values) = column.storage { return Reader(values: values, nulls: column.nulls) }
            return Reader(constant: nil)
        }
    }
}
