/// The numbers a reported quantity allows: "at least 12" is [12, ∞), "about 100" [90, 110],
/// "dozens" [24, 240). Two reports agree when their intervals share a number; the table is
/// the one in figures.md, defined once here for the figures and for the query language.
public struct QuantityInterval: Equatable, Sendable, CustomStringConvertible {
    public var lower: Double
    public var lowerIsClosed: Bool
    public var upper: Double
    public var upperIsClosed: Bool

    public init(lower: Double, lowerIsClosed: Bool = true, upper: Double, upperIsClosed: Bool = true) {
        self.lower = lower
        self.lowerIsClosed = lowerIsClosed
        self.upper = upper
        self.upperIsClosed = upperIsClosed
    }

    /// Whether no number lies in the interval.
    public var isEmpty: Bool {
        lower > upper || lower == upper && !(lowerIsClosed && upperIsClosed)
    }

    /// The numbers both allow.
    public func intersection(_ other: QuantityInterval) -> QuantityInterval {
        let (lower, lowerIsClosed) =
            self.lower > other.lower
            ? (self.lower, self.lowerIsClosed)
            : other.lower > self.lower ? (other.lower, other.lowerIsClosed) : (self.lower, self.lowerIsClosed && other.lowerIsClosed)
        let (upper, upperIsClosed) =
            self.upper < other.upper
            ? (self.upper, self.upperIsClosed)
            : other.upper < self.upper ? (other.upper, other.upperIsClosed) : (self.upper, self.upperIsClosed && other.upperIsClosed)
        return QuantityInterval(lower: lower, lowerIsClosed: lowerIsClosed, upper: upper, upperIsClosed: upperIsClosed)
    }

    public func overlaps(_ other: QuantityInterval) -> Bool { !intersection(other).isEmpty }

    /// Whether one number satisfies every interval (true for none).
    public static func shareANumber(_ intervals: some Sequence<QuantityInterval>) -> Bool {
        var common = QuantityInterval(lower: -.infinity, upper: .infinity)
        for interval in intervals {
            common = common.intersection(interval)
            if common.isEmpty { return false }
        }
        return true
    }

    public var description: String {
        (lowerIsClosed ? "[" : "(") + Quantity.format(lower) + ", " + (upper.isInfinite ? "∞" : Quantity.format(upper)) + (upperIsClosed && upper.isFinite ? "]" : ")")
    }
}

extension Quantity {
    /// The numbers this report allows (see `QuantityInterval`).
    public var interval: QuantityInterval {
        switch qualifier {
        case .exact: QuantityInterval(lower: value, upper: value)
        case .atLeast: QuantityInterval(lower: value, upper: .infinity, upperIsClosed: false)
        case .moreThan: QuantityInterval(lower: value, lowerIsClosed: false, upper: .infinity, upperIsClosed: false)
        case .atMost: QuantityInterval(lower: 0, upper: value)
        case .fewerThan: QuantityInterval(lower: 0, upper: value, upperIsClosed: false)
        case .about: QuantityInterval(lower: 0.9 * value, upper: 1.1 * value)
        case .nearly: QuantityInterval(lower: 0.9 * value, upper: value)
        case .range: QuantityInterval(lower: value, upper: upper ?? value)
        case .vague: QuantityInterval(lower: value, upper: 10 * value, upperIsClosed: false)
        }
    }
}
