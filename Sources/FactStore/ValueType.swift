/// The type of a column or an expression.
///
/// `null` is the type of the `null` literal and of a column that has held only nulls so far;
/// it fits every other type. `duration` exists only for date arithmetic (`3 days`).
public enum ValueType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case null
    case int
    case number
    case string
    case date
    case bool
    case quantity
    case duration

    public var description: String { rawValue }

    /// int, number and quantity: the types arithmetic and `sum` accept.
    public var isNumeric: Bool { self == .int || self == .number || self == .quantity }

    /// The narrowest numeric type that holds both, or nil when one is not numeric.
    /// int < number < quantity: every int is a number, every number an exact quantity.
    public func widenedNumeric(with other: ValueType) -> ValueType? {
        if self == .null { return other.isNumeric || other == .null ? other : nil }
        if other == .null { return isNumeric ? self : nil }
        guard isNumeric, other.isNumeric else { return nil }
        if self == .quantity || other == .quantity { return .quantity }
        if self == .number || other == .number { return .number }
        return .int
    }

    /// Whether values of the two types can be compared with `=`, `<`, `in` and `between`.
    public func isComparable(with other: ValueType) -> Bool {
        self == .null || other == .null || self == other || widenedNumeric(with: other) != nil
    }

    /// The type a column must take to hold values of both types, or nil when they clash.
    public func unified(with other: ValueType) -> ValueType? {
        if self == other { return self }
        if self == .null { return other }
        if other == .null { return self }
        return widenedNumeric(with: other)
    }
}
