import FactStore
import FactSyntax

/// An expression whose names are resolved to columns or values and whose type is known.
///
/// The binder builds it from the syntax tree against one relation's schema, so type errors are
/// found before any row is read; the evaluator then runs it over whole columns at once.
indirect enum BoundExpression: Sendable {
    case column(index: Int, type: ValueType)
    case constant(Value)
    case negate(BoundExpression, type: ValueType, range: SourceRange)
    case not(BoundExpression)
    case arithmetic(BinaryOperator, BoundExpression, BoundExpression, type: ValueType, range: SourceRange)
    case comparison(BinaryOperator, BoundExpression, BoundExpression)
    /// `contains` and `starts with` (ASCII letters without case), `like` and `matches`.
    case text(BinaryOperator, BoundExpression, BoundExpression)
    /// `a overlaps b`: the intervals of two quantities share a number.
    case overlaps(BoundExpression, BoundExpression)
    case logical(LogicalOperator, [BoundExpression])
    case inList(BoundExpression, [BoundExpression], negated: Bool)
    /// `x in (wires)`: membership in a relation of one field.
    case inRelation(BoundExpression, Membership, negated: Bool)
    case isNull(BoundExpression, negated: Bool)
    /// `round(x, 2)`: a function of `FunctionTable`, its arguments, its result type and its
    /// span (a row it cannot compute is reported there).
    case call(ScalarFunction, [BoundExpression], type: ValueType, range: SourceRange)
    /// `share(d)`: d divided by the total of d over all the rows the clause reads, a number.
    case share(BoundExpression, range: SourceRange)

    var type: ValueType {
        switch self {
        case .column(_, let type), .negate(_, let type, _), .arithmetic(_, _, _, let type, _), .call(_, _, let type, _): type
        case .constant(let value): value.type
        case .not, .comparison, .text, .overlaps, .logical, .inList, .inRelation, .isNull: .bool
        case .share: .number
        }
    }

    /// Whether the expression has a `share`, whose value depends on every row the clause reads:
    /// such a projection cannot compute only the rows a later `limit` keeps.
    var readsAllRows: Bool {
        switch self {
        case .share: true
        case .column, .constant: false
        case .negate(let operand, _, _), .not(let operand), .isNull(let operand, _), .inRelation(let operand, _, _): operand.readsAllRows
        case .arithmetic(_, let left, let right, _, _), .comparison(_, let left, let right), .text(_, let left, let right), .overlaps(let left, let right):
            left.readsAllRows || right.readsAllRows
        case .logical(_, let operands), .call(_, let operands, _, _): operands.contains(where: \.readsAllRows)
        case .inList(let operand, let items, _): operand.readsAllRows || items.contains(where: \.readsAllRows)
        }
    }

    /// The columns the expression reads, for `.explain` and for lineage.
    var columnsRead: Set<Int> {
        switch self {
        case .column(let index, _): [index]
        case .call(_, let arguments, _, _): arguments.reduce(into: []) { $0.formUnion($1.columnsRead) }
        case .constant: []
        case .negate(let operand, _, _), .not(let operand), .isNull(let operand, _), .inRelation(let operand, _, _), .share(let operand, _): operand.columnsRead
        case .arithmetic(_, let left, let right, _, _), .comparison(_, let left, let right), .text(_, let left, let right), .overlaps(let left, let right):
            left.columnsRead.union(right.columnsRead)
        case .logical(_, let operands): operands.reduce(into: []) { $0.formUnion($1.columnsRead) }
        case .inList(let operand, let items, _): items.reduce(operand.columnsRead) { $0.union($1.columnsRead) }
        }
    }
}
