/// A reported number together with its qualifier, such as "at least 12" or "dozens".
///
/// Quantities compare and aggregate by their number; the qualifier travels with the result
/// so that a total built from an "at least" figure is displayed as one (`≥12`).
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var qualifier: Qualifier
    /// The upper end of a `range` quantity ("between 10 and 15"); nil otherwise.
    public var upper: Double?

    public init(_ value: Double, _ qualifier: Qualifier = .exact, upper: Double? = nil) {
        self.value = value
        self.qualifier = qualifier
        self.upper = qualifier == .range ? upper : nil
    }

    public var description: String {
        switch qualifier {
        case .vague:
            if let words = QualifierPhrases.vagueAmounts.first(where: { $0.value == value })?.words { return words.joined(separator: " ") }
            return "~~" + Quantity.format(value)
        case .range:
            return Quantity.format(value) + "–" + Quantity.format(upper ?? value)
        default:
            return qualifier.symbol + Quantity.format(value)
        }
    }

    /// Parses the displayed form (`≥12`, `~1000`, `10–15`, `dozens`) and the word forms an
    /// analyst types in a data file (`at least 12`, `nearly 1000`); nil when it is neither.
    public init?(text: some StringProtocol) {
        let trimmed = String(text).trimmingWhitespace
        let words = trimmed.lowercased().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let vague = QualifierPhrases.vagueAmount(startingWith: words), vague.words.count == words.count {
            self.init(vague.value, .vague)
            return
        }
        if let phrase = QualifierPhrases.prefix(of: words), words.count == phrase.words.count + 1 {
            guard let value = Quantity.parseNumber(words[phrase.words.count]) else { return nil }
            self.init(value, phrase.qualifier)
            return
        }
        for (symbol, qualifier) in Quantity.symbols where trimmed.hasPrefix(symbol) {
            let rest = String(trimmed.dropFirst(symbol.count)).trimmingWhitespace
            guard let value = Quantity.parseNumber(rest) else { return nil }
            self.init(value, qualifier)
            return
        }
        for separator in ["–", "..", " to "] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, let low = Quantity.parseNumber(parts[0].trimmingWhitespace),
                let high = Quantity.parseNumber(parts[1].trimmingWhitespace)
            {
                self.init(low, .range, upper: high)
                return
            }
        }
        guard let value = Quantity.parseNumber(trimmed) else { return nil }
        self.init(value, .exact)
    }

    /// The signs quantities are displayed with, read back from data files.
    private static let symbols: [(String, Qualifier)] = [
        ("~~", .vague), ("=", .exact), ("≥", .atLeast), ("≤", .atMost), ("~", .about), ("≈", .nearly), (">", .moreThan), ("<", .fewerThan)
    ]

    private static func parseNumber(_ text: String) -> Double? {
        let digits = text.filter { $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(digits)
    }

    /// Numbers that are whole print without a decimal point (`1000`, not `1000.0`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
