/// The reserved words of the language. A field that happens to be named like one is written
/// in backquotes (`` `count` ``).
///
/// `Grammar/factsh.ebnf` lists the same words; a test keeps the two in step.
public enum Keyword: String, CaseIterable, Sendable {
    case `let`, add
    case `where`, show, sort, limit, offset, by, `as`, asc, desc, join, left, on
    case count, distinct, sum, avg, min, max, list
    case and, or, not, between, `in`, contains, starts, with, `is`, overlaps, like, matches
    case null, `true`, `false`
    case day, days, week, weeks
    case chart

    /// The clause keywords: a query's source name is followed by one of these.
    public var startsClause: Bool {
        switch self {
        case .where, .show, .sort, .limit, .join, .left, .count, .sum, .avg, .min, .max, .list: true
        default: false
        }
    }

    /// Keywords that are also names where a value or a field name is expected: `count` is
    /// the default name of a count column, so `where count > 1` must work.
    public var isUsableAsName: Bool {
        switch self {
        case .count, .sum, .avg, .min, .max, .list, .day, .days, .week, .weeks: true
        default: false
        }
    }

    public var isAggregate: Bool {
        switch self {
        case .count, .sum, .avg, .min, .max, .list: true
        default: false
        }
    }
}
