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
    /// Other names of fields, by position: in a join's condition, `articles.id` for a field
    /// that only one of the two relations has.
    var qualifiedNames: [String: Int] = [:]

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
            if op == .equal || op == .notEqual, left.kind.isNullLiteral || right.kind.isNullLiteral {
                let test = op == .equal ? "is null" : "is not null"
                throw Diagnostic(
                    .nullComparison, "'\(op.rawValue) null' is never true: a comparison with null is null", in: source,
                    at: expression.operatorRange, help: "write '\(test)'")
            }
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
            if items.count == 1, case .name(let name) = items[0].kind, let relation = relationForMembership(name) {
                return .inRelation(boundValue, try membership(name, relation, boundValue, items[0]), negated: negated)
            }
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
        case .call(let name, let arguments):
            return try bindCall(name, arguments, expression)
        }
    }

    /// A call of a function of `FunctionTable`: its name, its number of arguments and the type
    /// of each checked here, each error pointing at what is wrong.
    private func bindCall(_ name: Name, _ arguments: [Expression], _ expression: Expression) throws(Diagnostic) -> BoundExpression {
        if name.text.lowercased() == FunctionTable.share { return try bindShare(arguments, expression) }
        guard let function = FunctionTable.byName[name.text.lowercased()] else {
            throw Diagnostic(
                .unknownFunction, "unknown function '\(name.text)'", in: source, at: name.range,
                help: NameSuggester.help(for: name.text, among: FunctionTable.names) ?? "functions: " + FunctionTable.names.joined(separator: ", "))
        }
        guard function.accepts(argumentCount: arguments.count) else {
            throw Diagnostic(
                .argumentCount, "\(function.name) takes \(Self.describeArity(function)), found \(arguments.count)", in: source,
                at: expression.range, help: "write \(function.signature)")
        }
        var bound: [BoundExpression] = []
        for (position, argument) in arguments.enumerated() {
            let parameter = function.parameter(at: position)
            if !parameter.words.isEmpty {
                // A bare word: `trunc(date, month)`.
                guard case .name(let word) = argument.kind, parameter.words.contains(word.lowercased()) else {
                    throw Diagnostic(
                        .typeMismatch, "\(function.name) needs one of \(parameter.words.joined(separator: ", ")) as its \(parameter.name), found \(argument.text)",
                        in: source, at: argument.range, help: "write \(function.signature)")
                }
                bound.append(.constant(.string(word.lowercased())))
                continue
            }
            let value = try bind(argument)
            guard value.type == .null || parameter.types.contains(value.type) else {
                let expected = ValueType.allCases.filter(parameter.types.contains).map(\.rawValue).joined(separator: " or ")
                throw Diagnostic(
                    .typeMismatch, "\(function.name) needs \(expected) as its \(parameter.name), found \(value.type)", in: source,
                    at: argument.range, help: "write \(function.signature)")
            }
            bound.append(value)
        }
        guard let type = function.resultType(bound.map(\.type)) else {
            throw Diagnostic(
                .typeMismatch, "\(function.name) needs values of one type, found \(bound.map { $0.type.rawValue }.joined(separator: ", "))",
                in: source, at: expression.range)
        }
        return .call(function, bound, type: type, range: expression.range)
    }

    /// `share(d)`: not a function of one row but of all of them, so apart from the table.
    private func bindShare(_ arguments: [Expression], _ expression: Expression) throws(Diagnostic) -> BoundExpression {
        guard arguments.count == 1 else {
            throw Diagnostic(.argumentCount, "share takes 1 argument, found \(arguments.count)", in: source, at: expression.range, help: "write share(x)")
        }
        let value = try bind(arguments[0])
        guard value.type.isNumeric || value.type == .null else {
            throw Diagnostic(.typeMismatch, "share needs int or number or quantity as its x, found \(value.type)", in: source, at: arguments[0].range)
        }
        return .share(value, range: expression.range)
    }

    private static func describeArity(_ function: ScalarFunction) -> String {
        let most = function.parameters.count
        let least = most - function.optionalCount
        if function.isVariadic { return "\(least) or more arguments" }
        if least == most { return most == 1 ? "1 argument" : "\(most) arguments" }
        return "\(least) to \(most) arguments"
    }

    /// The relation `in (name)` names: a stored relation or a `let` of one, when no field or
    /// value has the name.
    private func relationForMembership(_ name: String) -> Relation? {
        guard !fields.contains(where: { $0.name == name }), environment.scalar(named: name) == nil else { return nil }
        return environment.relation(named: name)
    }

    private func membership(_ name: String, _ relation: Relation, _ value: BoundExpression, _ item: Expression) throws(Diagnostic) -> Membership {
        guard relation.fields.count == 1 else {
            throw Diagnostic(
                .typeMismatch, "'in (\(name))' needs a relation of one field; \(name) has \(relation.fields.count)", in: source, at: item.range,
                help: "pick the field first: let names = \(name) show \(relation.fields.first?.name ?? "field")")
        }
        guard value.type.isComparable(with: relation.fields[0].type) else {
            throw Diagnostic(
                .typeMismatch, "cannot compare \(value.type) with \(relation.fields[0].type) in 'in (\(name))'", in: source, at: item.range)
        }
        return Membership(relation: name, relation, comparedWith: value.type)
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
        if let index = qualifiedNames[name] {
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
        // After a join, a name both relations have is kept twice under their names.
        let qualified = fields.map(\.name).filter { $0.hasSuffix("." + name) }
        if qualified.count > 1 {
            throw Diagnostic(
                .unknownField, "'\(name)' is in both joined relations", in: source, at: expression.range,
                help: "write " + qualified.joined(separator: " or "))
        }
        let candidates = fields.map(\.name) + environment.bindingNames
        let help =
            partTakenByAFunction(name)
            ?? NameSuggester.help(for: name, among: candidates)
            ?? (fields.isEmpty ? nil : "fields: " + fields.map(\.name).joined(separator: ", "))
        throw Diagnostic(.unknownField, "unknown field '\(name)' in \(relationDescription)", in: source, at: expression.range, help: help)
    }

    /// `date.month`, as other languages write a part of a value: here a function takes it.
    private func partTakenByAFunction(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let (value, part) = (String(name[..<dot]), String(name[name.index(after: dot)...]))
        guard fields.contains(where: { $0.name == value }), FunctionTable.byName[part] != nil else { return nil }
        return "write \(part)(\(value))"
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
        if [.contains, .startsWith, .like, .matches].contains(op) {
            guard leftType == .string || leftType == .null, rightType == .string || rightType == .null else {
                throw mismatch("'\(op.rawValue)' needs two strings, found \(leftType) and \(rightType)", expression)
            }
            if op == .matches {
                // Checked here, so a bad pattern is an error before any row is read.
                guard case .constant(let value) = right, case .string(let pattern) = value else {
                    throw mismatch("'matches' needs its regular expression written as a string", expression)
                }
                if PatternMatch.test(.matches, pattern: pattern) == nil {
                    throw Diagnostic(.invalidPattern, "'\(pattern)' is not a regular expression", in: source, at: expression.operatorRange)
                }
            }
            return .text(op, left, right)
        }
        guard let type = ExpressionBinder.arithmeticType(op, leftType, rightType) else {
            let verb = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "take the integer quotient of"][op.rawValue] ?? op.rawValue
            let help =
                op == .integerDivide && leftType.isNumeric && rightType.isNumeric
                ? "'//' divides ints; use '/' for a number, and round(x, 0) to round it"
                : (leftType == .date || rightType == .date) && (leftType == .int || rightType == .int)
                    ? "write a duration for date arithmetic: 3 days, 2 weeks" : nil
            throw mismatch("cannot \(verb) \(leftType) and \(rightType)", expression, help: help)
        }
        return .arithmetic(op, left, right, type: type, range: expression.range)
    }

    /// The type of `left op right`, or nil when the operator does not apply.
    static func arithmeticType(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType? {
        if op == .integerDivide {
            // The integer quotient is of ints only: `7.5 // 2` has no one answer SQL engines share.
            let integral: Set<ValueType> = [.int, .null]
            guard integral.contains(left), integral.contains(right) else { return nil }
            return left == .null && right == .null ? .null : .int
        }
        if let numeric = left.widenedNumeric(with: right), numeric != .null {
            // `/` always gives a number, as in DuckDB: 4 / 8 is 0.5; `//` is the integer quotient.
            return op == .divide && numeric == .int ? .number : numeric
        }
        if left == .null && right == .null { return .null }
        switch (op, left, right) {
        case (.add, .date, .duration), (.add, .duration, .date), (.subtract, .date, .duration): return .date
        case (.add, .duration, .duration), (.subtract, .duration, .duration): return .duration
        // `weeks * 1 week`: a number of weeks as a duration, to add to a date.
        case (.multiply, .int, .duration), (.multiply, .duration, .int), (.multiply, .null, .duration), (.multiply, .duration, .null): return .duration
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

extension Expression.Kind {
    /// The literal `null`, which `=` and `!=` refuse (SQL's trap: `x = null` is never true).
    fileprivate var isNullLiteral: Bool {
        if case .literal(.null) = self { return true }
        return false
    }
}
