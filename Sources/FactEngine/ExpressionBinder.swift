import FactStore
import FactSyntax

/// Resolves the names of an expression against the fields of one relation (then against
/// `let` bindings) and checks every operator's types, before any row is read.
struct ExpressionBinder {
    let fields: [Field]
    /// "swaps", or a description of an intermediate result, for "unknown field 'x' in swaps".
    let relationDescription: String
    let environment: Environment
    let source: SourceFile

    func bind(_ expression: Expression) throws(Diagnostic) -> BoundExpression {
        switch expression.kind {
        case .literal(let value):
            return .constant(value)
        case .name(let name):
            return try bindName(name, expression)
        case .negate(let operand):
            let bound = try bind(operand)
            guard bound.type.isNumeric || bound.type == .duration || bound.type == .null else {
                throw mismatch("cannot negate a \(bound.type)", expression)
            }
            return .negate(bound, type: bound.type, range: expression.range)
        case .not(let operand):
            return .not(try bindCondition(operand, role: "'not'"))
        case .binary(let op, let left, let right):
            return try bindBinary(op, try bind(left), try bind(right), expression)
        case .logical(let op, let operands):
            var bound: [BoundExpression] = []
            for operand in operands { bound.append(try bindCondition(operand, role: "'\(op.rawValue)'")) }
            return .logical(op, bound)
        case .between(let value, let low, let high, let negated):
            let boundValue = try bind(value)
            let lower = try bindBinary(.greaterOrEqual, boundValue, try bind(low), expression)
            let upper = try bindBinary(.lessOrEqual, boundValue, try bind(high), expression)
            let both = BoundExpression.logical(.and, [lower, upper])
            return negated ? .not(both) : both
        case .inList(let value, let items, let negated):
            let boundValue = try bind(value)
            var boundItems: [BoundExpression] = []
            for item in items {
                let boundItem = try bind(item)
                guard boundValue.type.isComparable(with: boundItem.type) else {
                    throw mismatch("cannot compare \(boundValue.type) with \(boundItem.type) in 'in'", expression, help: dateHint(boundValue, boundItem))
                }
                boundItems.append(boundItem)
            }
            return .inList(boundValue, boundItems, negated: negated)
        case .isNull(let value, let negated):
            return .isNull(try bind(value), negated: negated)
        }
    }

    /// A `where` condition or an operand of `and`/`or`/`not`: must be bool.
    func bindCondition(_ expression: Expression, role: String) throws(Diagnostic) -> BoundExpression {
        let bound = try bind(expression)
        guard bound.type == .bool || bound.type == .null else {
            throw Diagnostic(.typeMismatch, "\(role) needs a bool condition, found \(bound.type)", in: source, at: expression.range)
        }
        return bound
    }

    private func bindName(_ name: String, _ expression: Expression) throws(Diagnostic) -> BoundExpression {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            return .column(index: index, type: fields[index].type)
        }
        if let value = environment.scalar(named: name) {
            return .constant(value)
        }
        if let relation = environment.relation(named: name) {
            throw Diagnostic(
                .relationAsValue, "'\(name)' is a relation of \(relation.rowCount) rows and \(relation.fields.count) fields, not a value",
                in: source, at: expression.range, help: "only a result of one row and one column can be used as a value")
        }
        let candidates = fields.map(\.name) + environment.bindingNames
        let help =
            NameSuggester.help(for: name, among: candidates)
            ?? (fields.isEmpty ? nil : "fields: " + fields.map(\.name).joined(separator: ", "))
        throw Diagnostic(.unknownField, "unknown field '\(name)' in \(relationDescription)", in: source, at: expression.range, help: help)
    }

    private func bindBinary(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression, _ expression: Expression) throws(Diagnostic) -> BoundExpression {
        let (leftType, rightType) = (left.type, right.type)
        if op.isComparison {
            guard leftType.isComparable(with: rightType) else {
                throw mismatch("cannot compare \(leftType) with \(rightType)", expression, help: dateHint(left, right))
            }
            return .comparison(op, left, right)
        }
        if op == .overlaps {
            let numeric: Set<ValueType> = [.int, .number, .quantity, .null]
            guard numeric.contains(leftType), numeric.contains(rightType) else {
                throw mismatch("'overlaps' needs two numbers or quantities, found \(leftType) and \(rightType)", expression)
            }
            return .overlaps(left, right)
        }
        if op == .contains || op == .startsWith {
            guard leftType == .string || leftType == .null, rightType == .string || rightType == .null else {
                throw mismatch("'\(op.rawValue)' needs two strings, found \(leftType) and \(rightType)", expression)
            }
            return .text(op, left, right)
        }
        guard let type = ExpressionBinder.arithmeticType(op, leftType, rightType) else {
            let verb = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide"][op.rawValue] ?? op.rawValue
            let help =
                (leftType == .date || rightType == .date) && (leftType == .int || rightType == .int)
                ? "write a duration for date arithmetic: 3 days, 2 weeks" : nil
            throw mismatch("cannot \(verb) \(leftType) and \(rightType)", expression, help: help)
        }
        return .arithmetic(op, left, right, type: type, range: expression.range)
    }

    /// The type of `left op right`, or nil when the operator does not apply.
    static func arithmeticType(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType? {
        if let numeric = left.widenedNumeric(with: right), numeric != .null { return numeric }
        if left == .null && right == .null { return .null }
        switch (op, left, right) {
        case (.add, .date, .duration), (.add, .duration, .date), (.subtract, .date, .duration): return .date
        case (.add, .duration, .duration), (.subtract, .duration, .duration): return .duration
        case (.subtract, .date, .date): return .int
        case (.add, .date, .null), (.subtract, .date, .null), (.add, .null, .date): return .date
        case (.add, .duration, .null), (.subtract, .duration, .null), (.add, .null, .duration), (.subtract, .null, .duration): return .duration
        default: return nil
        }
    }

    private func mismatch(_ message: String, _ expression: Expression, help: String? = nil) -> Diagnostic {
        Diagnostic(.typeMismatch, message, in: source, at: expression.operatorRange, help: help)
    }

    /// A hint for the commonest clash: a date written in quotes.
    private func dateHint(_ left: BoundExpression, _ right: BoundExpression) -> String? {
        for case .constant(.string(let text)) in [left, right] where Day(iso: text) != nil {
            return "write dates without quotes: \(text)"
        }
        return nil
    }
}
