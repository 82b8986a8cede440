/// One value outside a column: a literal, a `let` binding, a cell read for display.
///
/// Columns never store `Value`s (they keep typed buffers); this enum is for the edges.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case int(Int64)
    case number(Double)
    case string(String)
    case date(Day)
    case bool(Bool)
    case quantity(Quantity)
    case duration(days: Int64)

    public var type: ValueType {
        switch self {
        case .null: .null
        case .int: .int
        case .number: .number
        case .string: .string
        case .date: .date
        case .bool: .bool
        case .quantity: .quantity
        case .duration: .duration
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The number behind an int, number or quantity.
    public var numericValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .number(let value): value
        case .quantity(let quantity): quantity.value
        default: nil
        }
    }

    /// The value as the given (wider) type: int 3 as number 3.0 or as the exact quantity 3.
    public func widened(to type: ValueType) -> Value {
        switch (self, type) {
        case (.int(let value), .number): .number(Double(value))
        case (.int(let value), .quantity): .quantity(Quantity(Double(value)))
        case (.number(let value), .quantity): .quantity(Quantity(value))
        default: self
        }
    }

    /// The text shown in tables and written to CSV: dates as `YYYY-MM-DD`, quantities with
    /// their qualifier sign, null as the empty string (table output writes `NULL` itself).
    public var description: String {
        switch self {
        case .null: ""
        case .int(let value): String(value)
        case .number(let value): Value.format(number: value)
        case .string(let value): value
        case .date(let day): day.description
        case .bool(let value): value ? "true" : "false"
        case .quantity(let quantity): quantity.description
        case .duration(let days): days == 1 || days == -1 ? "\(days) day" : "\(days) days"
        }
    }

    /// Numbers print in their shortest round-tripping form; whole numbers keep a `.0` so
    /// that a number column never reads back as int.
    public static func format(number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "inf" : "-inf" }
        return String(number)
    }
}
