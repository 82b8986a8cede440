/// The binary operators of the language and how tightly each binds: the one precedence
/// table the parser climbs. Loosest first, as language.md lists them:
///
/// | level | operators                                                        |
/// |-------|------------------------------------------------------------------|
/// | 1     | `or`                                                             |
/// | 2     | `and`                                                            |
/// | 3     | `not` (prefix)                                                   |
/// | 4     | `= != < <= > >=`, `between`, `in`, `contains`, `starts with`, `is`, `overlaps`, `like`, `matches` |
/// | 5     | `+ -`                                                            |
/// | 6     | `* / //`                                                         |
/// | 7     | `-` (prefix)                                                     |
enum OperatorTable {
    enum Infix: Equatable {
        case logical(LogicalOperator)
        case binary(BinaryOperator)
        /// `between`, `in`, `is`, `not between`, `not in`, `not contains`: parsed by
        /// `parsePredicateTail`.
        case predicate
    }

    static let orLevel = 1
    static let andLevel = 2
    static let notLevel = 3
    static let comparisonLevel = 4
    static let additiveLevel = 5
    static let multiplicativeLevel = 6
    static let negationLevel = 7

    /// The operator a token starts, with its level; nil when the token is no infix operator.
    static func infix(_ token: Token) -> (operator: Infix, level: Int)? {
        switch token.kind {
        case .keyword(.or): return (.logical(.or), orLevel)
        case .keyword(.and): return (.logical(.and), andLevel)
        case .keyword(.between), .keyword(.in), .keyword(.is), .keyword(.not): return (.predicate, comparisonLevel)
        case .keyword(.contains): return (.binary(.contains), comparisonLevel)
        case .keyword(.starts): return (.binary(.startsWith), comparisonLevel)
        case .keyword(.overlaps): return (.binary(.overlaps), comparisonLevel)
        case .keyword(.like): return (.binary(.like), comparisonLevel)
        case .keyword(.matches): return (.binary(.matches), comparisonLevel)
        case .symbol(let symbol):
            guard let binary = symbols[symbol] else { return nil }
            return (.binary(binary), binary.isComparison ? comparisonLevel : (binary == .add || binary == .subtract ? additiveLevel : multiplicativeLevel))
        default: return nil
        }
    }

    /// Each operator symbol, with the Unicode and SQL spellings users also type.
    static let symbols: [String: BinaryOperator] = [
        "=": .equal, "==": .equal, "!=": .notEqual, "<>": .notEqual, "≠": .notEqual,
        "<": .less, "<=": .lessOrEqual, "≤": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "≥": .greaterOrEqual,
        "+": .add, "-": .subtract, "*": .multiply, "/": .divide, "//": .integerDivide
    ]
}
