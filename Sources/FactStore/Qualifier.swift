/// How exactly a reported number is known: "at least 12", "nearly 1000", "dozens".
///
/// News figures are rarely exact, and a fact-checker must not lose that. The raw values are
/// the names used in `mentions.qualifier` and in exports, so they are part of the contract.
public enum Qualifier: UInt8, CaseIterable, Sendable, Hashable {
    case exact
    case atLeast
    case atMost
    case about
    case nearly
    case moreThan
    case fewerThan
    case range
    case vague

    /// The name used in data (`at_least`), as articles.md lists them.
    public var name: String {
        switch self {
        case .exact: "exact"
        case .atLeast: "at_least"
        case .atMost: "at_most"
        case .about: "about"
        case .nearly: "nearly"
        case .moreThan: "more_than"
        case .fewerThan: "fewer_than"
        case .range: "range"
        case .vague: "vague"
        }
    }

    public init?(name: some StringProtocol) {
        guard let match = Qualifier.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// The sign written before the number when a quantity is displayed (`≥12`, `~1000`).
    /// Vague and range quantities are written differently (see `Quantity.description`).
    public var symbol: String {
        switch self {
        case .exact, .range, .vague: ""
        case .atLeast: "≥"
        case .atMost: "≤"
        case .about: "~"
        case .nearly: "≈"
        case .moreThan: ">"
        case .fewerThan: "<"
        }
    }

    /// Where the true number of a quantity lies beside an exact one of the same number, from
    /// surely below to surely above: `min` and `max` break a tie by it, so the minimum of 12
    /// and ≥12 is 12 and the maximum ≥12. Every qualifier has its own place, so the choice
    /// never depends on row order (and SQL makes the same one).
    public static let tieOrder: [Qualifier] = [.fewerThan, .atMost, .nearly, .exact, .about, .range, .vague, .atLeast, .moreThan]

    /// This qualifier's place in `tieOrder`.
    public var tieRank: Int { Qualifier.tieOrder.firstIndex(of: self) ?? 0 }

    private enum Bound { case exact, lower, upper, approximate, range, vague }

    private var bound: Bound {
        switch self {
        case .exact: .exact
        case .atLeast, .moreThan: .lower
        case .atMost, .fewerThan: .upper
        case .about, .nearly: .approximate
        case .range: .range
        case .vague: .vague
        }
    }

    /// The qualifier of a sum (or any aggregate) of two qualified numbers: the weaker of the two.
    /// A sum with an "at least" term is at least the total; mixing bounds of opposite
    /// directions only says "about"; anything vague stays vague.
    public func combined(with other: Qualifier) -> Qualifier {
        if self == other { return self }
        switch (bound, other.bound) {
        case (.exact, _): return other
        case (_, .exact): return self
        case (.vague, _), (_, .vague): return .vague
        case (.lower, .lower): return .atLeast
        case (.upper, .upper): return .atMost
        default: return .about
        }
    }

    /// The qualifier of the negated number: "at least 12" negated is "at most -12".
    public var negated: Qualifier {
        switch self {
        case .atLeast: .atMost
        case .atMost: .atLeast
        case .moreThan: .fewerThan
        case .fewerThan: .moreThan
        default: self
        }
    }
}
