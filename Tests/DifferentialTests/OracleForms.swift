/// The forms of the language a generated query uses, counted over a run so that the report
/// shows each is generated regularly (and the test that none is left out).
enum OracleForms {
    /// Every form the generator is meant to produce beyond plain clauses and operators.
    static let expected = Set(
        ["join", "left join", "join on a name in both", "join on keys and a condition", "join on a condition alone", "in (relation)", "not in (relation)", "like", "not like", "matches", "not matches"]
            + ["round", "abs", "lower", "upper", "length", "trim", "replace", "substr", "coalesce", "if", "year", "month", "week", "trunc", "days", "value", "qualifier"])

    static func of(_ query: OracleQuery) -> Set<String> {
        var found: Set<String> = []
        for (index, stage) in query.stages.enumerated() {
            switch stage {
            case .filter(let condition): collect(condition, into: &found)
            case .show(let outputs, _): for (expression, _) in outputs { collect(expression, into: &found) }
            case .aggregate(let keys, let aggregates):
                for (expression, _) in keys { collect(expression, into: &found) }
                for aggregate in aggregates { if let argument = aggregate.argument { collect(argument, into: &found) } }
            case .sort(let keys): for (expression, _) in keys { collect(expression, into: &found) }
            case .limit: break
            case .join(let join):
                found.insert(join.keepsUnmatched ? "left join" : "join")
                let schema = query.schemas[index]
                if join.keys.contains(where: { schema[$0.left].name == OracleSideRelations.joined[$0.right].name }) { found.insert("join on a name in both") }
                if let residual = join.residual {
                    found.insert(join.keys.isEmpty ? "join on a condition alone" : "join on keys and a condition")
                    collect(residual, into: &found)
                }
            }
        }
        return found
    }

    static func collect(_ expression: OracleExpression, into found: inout Set<String>) {
        switch expression {
        case .field, .literal, .duration: break
        case .negate(let operand, _), .not(let operand), .isNull(let operand, _): collect(operand, into: &found)
        case .arithmetic(_, let left, let right, _), .comparison(_, let left, let right), .text(_, let left, let right):
            collect(left, into: &found)
            collect(right, into: &found)
        case .logical(_, let operands): for operand in operands { collect(operand, into: &found) }
        case .between(let value, let low, let high, _): for operand in [value, low, high] { collect(operand, into: &found) }
        case .inList(let value, let items, _): for operand in [value] + items { collect(operand, into: &found) }
        case .pattern(let op, let left, let right, let negated):
            found.insert(negated ? "not " + op : op)
            collect(left, into: &found)
            collect(right, into: &found)
        case .inRelation(let value, _, let negated):
            found.insert(negated ? "not in (relation)" : "in (relation)")
            collect(value, into: &found)
        case .call(let name, let arguments, _):
            found.insert(name)
            for argument in arguments { collect(argument, into: &found) }
        }
    }
}
