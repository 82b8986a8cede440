import FactStore

/// Finds the narrowest type that fits every value of a column, as text: int, then number,
/// then quantity (`≥12`, `~1000`, `at least 12`); date (`YYYY-MM-DD`); bool; else string.
/// Empty values are null and fit everything.
public struct TypeInference: Sendable {
    private var couldBeInt = true
    private var couldBeNumber = true
    private var couldBeQuantity = true
    private var couldBeDate = true
    private var couldBeBool = true
    private var couldBeDuration = true
    private var sawValue = false

    public init() {}

    /// Narrows the candidates by one value's text. A number written with a leading zero
    /// (`08123`, `007`) is a code, not a count: reading it as one would lose the zero.
    public mutating func observe(_ text: String) {
        sawValue = true
        if TypeInference.hasLeadingZero(text) {
            couldBeInt = false
            couldBeNumber = false
            couldBeQuantity = false
            couldBeDuration = false
        }
        if couldBeInt, Int64(text) == nil { couldBeInt = false }
        if couldBeNumber, !couldBeInt, TypeInference.number(text) == nil { couldBeNumber = false }
        if couldBeQuantity, !couldBeNumber, Quantity(text: text) == nil { couldBeQuantity = false }
        if couldBeDate, Day(iso: text) == nil { couldBeDate = false }
        if couldBeBool, text != "true", text != "false" { couldBeBool = false }
        if couldBeDuration, TypeInference.duration(text) == nil { couldBeDuration = false }
    }

    /// `08123`, `-007`, `00.5`: a zero before another digit at the start.
    static func hasLeadingZero(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == 0x2D || sign == 0x2B { bytes = bytes.dropFirst() }
        guard bytes.first == 0x30, let next = bytes.dropFirst().first else { return false }
        return next >= 0x30 && next <= 0x39
    }

    /// Narrows by a JSON string: JSON writes numbers and booleans bare, so a string stays a
    /// string unless it is what JSON has no type for (a date, a quantity, a duration).
    public mutating func observeJSONString(_ text: String) {
        sawValue = true
        couldBeInt = false
        couldBeBool = false
        if TypeInference.number(text) != nil || TypeInference.hasLeadingZero(text) {
            couldBeNumber = false
            couldBeQuantity = false
            couldBeDate = false
            couldBeDuration = false
            return
        }
        couldBeNumber = false
        if couldBeQuantity, Quantity(text: text) == nil { couldBeQuantity = false }
        if couldBeDate, Day(iso: text) == nil { couldBeDate = false }
        if couldBeDuration, TypeInference.duration(text) == nil { couldBeDuration = false }
    }

    /// `3 days`, `1 day`, `-2 days`: how durations are written out.
    static func duration(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, parts[1] == "days" || parts[1] == "day" else { return nil }
        return Int64(parts[0])
    }

    /// Narrows by a value already typed: a JSON number, bool or string.
    public mutating func observe(_ value: Value) {
        switch value {
        case .null: return
        case .string(let text): observeJSONString(text)
        case .int:
            sawValue = true
            couldBeDate = false
            couldBeBool = false
            couldBeDuration = false
        case .number:
            sawValue = true
            couldBeInt = false
            couldBeDate = false
            couldBeBool = false
            couldBeDuration = false
        case .bool:
            sawValue = true
            couldBeInt = false
            couldBeNumber = false
            couldBeQuantity = false
            couldBeDate = false
            couldBeDuration = false
        default:
            observe(value.description)
        }
    }

    /// False while every value looked at was empty.
    public var hasSeenValue: Bool { sawValue }

    /// True once no type but string can fit: later values need not be looked at.
    public var isSettledAsString: Bool {
        sawValue && !couldBeInt && !couldBeNumber && !couldBeQuantity && !couldBeDate && !couldBeBool && !couldBeDuration
    }

    /// The type decided; `string` for a column of nulls only.
    public var type: ValueType {
        guard sawValue else { return .string }
        if couldBeBool { return .bool }
        if couldBeInt { return .int }
        if couldBeNumber { return .number }
        if couldBeDate { return .date }
        if couldBeDuration { return .duration }
        if couldBeQuantity { return .quantity }
        return .string
    }

    /// A finite decimal number written plainly (`2.5`, `-3`, `1e6`), not `nan` or `inf`.
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first, first == 0x2D || first == 0x2B || first == 0x2E || (first >= 0x30 && first <= 0x39),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// The value of a text as the given type, or nil when it does not fit.
    public static func value(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .string: return .string(text)
        case .int: return Int64(text).map(Value.int)
        case .number: return number(text).map(Value.number)
        case .quantity: return Quantity(text: text).map(Value.quantity)
        case .date: return Day(iso: text).map(Value.date)
        case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .duration: return duration(text).map { .duration(days: $0) }
        case .null: return nil
        }
    }

    /// The type names a user may write in `types (field: type, ...)`.
    public static func type(named name: String) -> ValueType? {
        switch name.lowercased() {
        case "int", "integer": .int
        case "number", "double", "float", "real": .number
        case "string", "text": .string
        case "date": .date
        case "bool", "boolean": .bool
        case "quantity": .quantity
        case "duration": .duration
        default: nil
        }
    }
}
