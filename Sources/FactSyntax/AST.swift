import FactStore

/// The syntax tree of the language. Every node carries the source span it was parsed from,
/// so any later stage (types, evaluation) can point at the exact spot.

/// One statement of a script.
public struct Statement: Sendable {
    public enum Kind: Sendable {
        /// A query, or an expression on its own (`total - 1000`).
        case query(Query)
        /// `let NAME = QUERY`
        case `let`(name: Name, query: Query)
        /// `add RELATION field = VALUE, ...`
        case add(relation: Name, assignments: [Assignment])
        /// `.load report.txt`: run by the shell, not by the language.
        case dotCommand(name: String, arguments: String)
    }

    public var kind: Kind
    public var range: SourceRange
    public var source: SourceFile

    public init(_ kind: Kind, range: SourceRange, source: SourceFile) {
        self.kind = kind
        self.range = range
        self.source = source
    }

    /// The statement's own text, for history, `--echo` and `.explain`.
    public var text: String { source.text(of: range) }
}

/// A name as written, with its span.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// `field = VALUE` in an `add` statement.
public struct Assignment: Sendable {
    public var field: Name
    public var value: Expression
}

/// A pipeline: a source, then clauses applied left to right. With no clauses the source may
/// be any expression, which makes `total - 1000` a query of one value.
public struct Query: Sendable {
    public var source: Expression
    public var clauses: [Clause]
    public var range: SourceRange
    /// Where a trailing `chart` asks for the result drawn as bars or sparklines instead of a
    /// table; nil for a table. It changes how the result looks, not what it is.
    public var chart: SourceRange? = nil
}

/// One stage of a pipeline.
public struct Clause: Sendable {
    public enum Kind: Sendable {
        case `where`(Expression)
        case aggregate([Aggregate], by: [Projection])
        /// `show [distinct] ...`: with `distinct`, each different row once, in the order first seen.
        case show([Projection], distinct: Bool)
        case sort([SortKey])
        /// `limit N [offset M]`: M rows skipped, then N kept.
        case limit(Int64, offset: Int64)
        /// `[left] join RELATION on CONDITION`: the pairs of rows of both relations for which the
        /// condition holds (`a = b and c`: `c` alone is a field of one name in both, equal);
        /// `left` keeps a row with no such pair too.
        case join(relation: Name, condition: Expression, keepsUnmatched: Bool)
        /// `limit N [offset M] by KEY, ...`: the same within each group of rows with equal keys,
        /// the rows kept in the order they came (top-N per group after a `sort`).
        case limitPerGroup(Int64, offset: Int64, by: [Expression])
    }

    public var kind: Kind
    public var range: SourceRange
}

/// `sum released as total`
public struct Aggregate: Sendable {
    public enum Function: String, Sendable {
        case count
        case countDistinct = "count distinct"
        case sum, avg, min, max
        /// The values of a group as one text, `, ` between them, in the order of their rows.
        case list
        /// The same, each value once.
        case listDistinct = "list distinct"
    }

    public var function: Function
    /// Nil only for a plain `count`.
    public var argument: Expression?
    public var alias: Name?
    public var range: SourceRange

    /// The output column name: the alias, else `count`, `sum_released`, `count_distinct_place`.
    public var outputName: String {
        if let alias { return alias.text }
        let prefix = function.rawValue.replacing(" ", with: "_")
        guard let argument else { return prefix }
        return prefix + "_" + argument.columnName
    }
}

/// `EXPR [as NAME]` in `show` and `by`.
public struct Projection: Sendable {
    public var expression: Expression
    public var alias: Name?

    public var outputName: String { alias?.text ?? expression.columnName }
}

/// `EXPR [asc|desc]` in `sort`.
public struct SortKey: Sendable {
    public var expression: Expression
    public var descending: Bool
}

/// An expression, with its span and, for operators, the span of the operator itself
/// (type errors point at the operator).
public struct Expression: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Value)
        /// A field of the relation being queried, or a `let` binding.
        case name(String)
        case negate(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// A chain of `and`s or of `or`s, kept flat so that 100,000 of them nest no deeper than two.
        case logical(LogicalOperator, [Expression])
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        case inList(Expression, [Expression], negated: Bool)
        case isNull(Expression, negated: Bool)
        /// `round(x, 2)`: a function of the language, by name (the engine's table knows them).
        case call(Name, [Expression])
    }

    public var kind: Kind
    public var range: SourceRange
    /// The operator's own span; the whole range for leaves.
    public var operatorRange: SourceRange
    /// The source text, normalised: the default column name of a computed column.
    public var text: String
    /// The height of the tree below this node, kept bounded by the parser.
    public var depth = 1

    public init(_ kind: Kind, range: SourceRange, operatorRange: SourceRange? = nil, text: String) {
        self.kind = kind
        self.range = range
        self.operatorRange = operatorRange ?? range
        self.text = text
    }

    /// The column name this expression gets without `as`: a field keeps its name, anything
    /// else is named by its text, as DuckDB does.
    public var columnName: String {
        if case .name(let name) = kind { return name }
        return text
    }
}

/// Binary operators other than `and` / `or`.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    /// Always a number: `4 / 8` is 0.5, as in DuckDB.
    case divide = "/"
    /// The integer quotient, truncated toward zero: `7 // 2` is 3.
    case integerDivide = "//"
    case contains = "contains"
    case startsWith = "starts with"
    /// `value overlaps at least 12`: one number satisfies both (see `QuantityInterval`).
    case overlaps = "overlaps"
    /// `name like "K%"`: `%` any run of characters, `_` one; case counts, as in DuckDB and PostgreSQL.
    case like = "like"
    /// `name matches "^K"`: a regular expression found anywhere in the text.
    case matches = "matches"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .integerDivide: true
        default: false
        }
    }
}

/// `and` and `or`, kept apart from `BinaryOperator` because their chains are parsed flat
/// (`Expression.Kind.logical`) and evaluated with three-valued logic.
public enum LogicalOperator: String, Sendable {
    case and, or
}
