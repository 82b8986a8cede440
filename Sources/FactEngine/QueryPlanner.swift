import FactStore
import FactSyntax

/// Turns a parsed query into a plan: resolves the source, then walks the clauses keeping
/// track of the fields each one produces, so that every name and type error in the pipeline
/// is found before any row is read.
struct QueryPlanner {
    let environment: Environment
    let source: SourceFile

    func plan(_ query: Query) throws(Diagnostic) -> QueryPlan {
        var plan = try planSource(query)
        var fields = plan.outputFields
        var description: String
        if case .relation(_, let name) = plan.source { description = name } else { description = "the result" }
        for clause in query.clauses {
            let binder = ExpressionBinder(fields: fields, relationDescription: description, environment: environment, source: source)
            let operation: QueryPlan.Operation
            // `show distinct` is a projection and then a stage that drops repeated rows.
            var then: QueryPlan.Operation?
            switch clause.kind {
            case .where(let condition):
                operation = .filter(try binder.bindCondition(condition, role: "'where'"))
            case .show(let projections, let distinct):
                var expressions: [BoundExpression] = []
                for projection in projections { expressions.append(try binder.bind(projection.expression)) }
                fields = try outputFields(zip(projections.map(\.outputName), expressions.map(\.type)), ranges: projections.map { $0.alias?.range ?? $0.expression.range })
                operation = .project(expressions)
                if distinct { then = .distinct }
            case .aggregate(let aggregates, let keys):
                var boundKeys: [BoundExpression] = []
                for key in keys { boundKeys.append(try binder.bind(key.expression)) }
                var planned: [PlannedAggregate] = []
                for aggregate in aggregates { planned.append(try planAggregate(aggregate, binder)) }
                let names = keys.map(\.outputName) + aggregates.map(\.outputName)
                let ranges = keys.map { $0.alias?.range ?? $0.expression.range } + aggregates.map { $0.alias?.range ?? $0.range }
                fields = try outputFields(zip(names, boundKeys.map(\.type) + planned.map(\.type)), ranges: ranges)
                operation = .aggregate(keys: boundKeys, aggregates: planned)
                if !keys.isEmpty { plan.isGrouped = true }
            case .sort(let keys):
                var bound: [(key: BoundExpression, descending: Bool)] = []
                for key in keys { bound.append((try binder.bind(key.expression), key.descending)) }
                operation = .sort(bound)
            case .limit(let count, let offset):
                operation = .limit(Int(clamping: count), offset: Int(clamping: offset))
            case .join(let relation, let condition, let keepsUnmatched):
                let join = try planJoin(relation, condition, keepsUnmatched: keepsUnmatched, fields: &fields, leftName: sourceName(plan))
                operation = .join(join)
            case .limitPerGroup(let count, let offset, let keys):
                var bound: [BoundExpression] = []
                for key in keys { bound.append(try binder.bind(key)) }
                operation = .limitPerGroup(Int(clamping: count), offset: Int(clamping: offset), keys: bound)
            }
            plan.stages.append(QueryPlan.Stage(operation: operation, fields: fields, text: source.text(of: clause.range), range: clause.range))
            if let then {
                // `.explain` shows the projection and the dropping of repeated rows apart.
                plan.stages.append(QueryPlan.Stage(operation: then, fields: fields, text: "distinct", range: clause.range))
            }
            description = "the result of '\(Parser.normalizedText(source.text(of: SourceRange(query.range.start, clause.range.end))))'"
        }
        return plan
    }

    /// The name the pipeline's rows are known by in a join's clashing field names.
    private func sourceName(_ plan: QueryPlan) -> String {
        if case .relation(_, let name) = plan.source { return name }
        return "left"
    }

    /// A join: the condition's equalities of a field on each side as keys, the rest as a
    /// residual condition on the pairs (see `HashJoin`), and the fields after it (`fields`,
    /// updated): those so far, then the other relation's, less a key of the same name; a name
    /// in both is kept twice, each with its relation's name before it.
    ///
    /// `a = b`, `a` a field so far and `b` one of the other, and `c` alone, a field of both,
    /// are keys as they were before the condition could be any expression; any other part is
    /// bound with the fields of both in scope, a name in both written with its relation's name
    /// (any other may be).
    private func planJoin(
        _ name: Name, _ condition: Expression, keepsUnmatched: Bool, fields: inout [Field], leftName: String
    ) throws(Diagnostic) -> HashJoin {
        guard let right = environment.relation(named: name.text) else {
            throw Diagnostic(
                .unknownRelation, "unknown relation '\(name.text)'", in: source, at: name.range,
                help: NameSuggester.help(for: name.text, among: environment.allNames))
        }
        let common = Set(right.fields.map(\.name)).intersection(fields.map(\.name))
        func qualified(_ field: Field, _ relation: String) -> Field {
            common.contains(field.name) ? Field(name: relation + "." + field.name, type: field.type) : field
        }
        let pairFields = fields.map { qualified($0, leftName) } + right.fields.map { qualified($0, name.text) }
        // Any field may be written with its relation's name in the condition, as in SQL.
        var qualifiedNames: [String: Int] = [:]
        for (index, field) in fields.enumerated() where !common.contains(field.name) { qualifiedNames[leftName + "." + field.name] = index }
        for (index, field) in right.fields.enumerated() where !common.contains(field.name) { qualifiedNames[name.text + "." + field.name] = fields.count + index }
        let binder = ExpressionBinder(
            fields: pairFields, relationDescription: "the join of \(leftName) and \(name.text)", environment: environment, source: source,
            qualifiedNames: qualifiedNames)
        var leftKeys: [Int] = []
        var rightKeys: [Int] = []
        var residual: [BoundExpression] = []
        for conjunct in Self.conjuncts(condition) {
            if let (left, other) = try namedKey(conjunct, fields: fields, right: right, rightName: name) {
                leftKeys.append(left)
                rightKeys.append(other)
                continue
            }
            let bound = try binder.bindCondition(conjunct, role: "'on'")
            if let (left, other) = Self.equalFields(bound, leftCount: fields.count) {
                leftKeys.append(left)
                rightKeys.append(other)
            } else {
                residual.append(bound)
            }
        }
        if residual.contains(where: \.readsAllRows) {
            throw Diagnostic(
                .typeMismatch, "share(...) cannot be part of a join's condition", in: source, at: condition.range,
                help: "compute it with 'show ... as name' before the join")
        }
        // A key named alike on both sides (`on source`) is one field.
        let merged = Set(zip(leftKeys, rightKeys).filter { fields[$0].name == right.fields[$1].name }.map(\.1))
        let kept = right.fields.indices.filter { !merged.contains($0) }
        let clashing = Set(kept.map { right.fields[$0].name }).intersection(fields.map(\.name))
        var joined = fields.map { clashing.contains($0.name) ? Field(name: leftName + "." + $0.name, type: $0.type) : $0 }
        for index in kept {
            let field = right.fields[index]
            let renamed = clashing.contains(field.name) ? name.text + "." + field.name : field.name
            if joined.contains(where: { $0.name == renamed }) {
                throw Diagnostic(
                    .duplicateName, "two fields would be named '\(renamed)' after the join", in: source, at: name.range,
                    help: "join a let of the relation under another name: let other = \(name.text)")
            }
            joined.append(Field(name: renamed, type: field.type))
        }
        fields = joined
        return HashJoin(
            right: right, rightName: name.text, leftKeys: leftKeys, rightKeys: rightKeys, rightFields: kept, keepsUnmatched: keepsUnmatched,
            residual: residual.count > 1 ? .logical(.and, residual) : residual.first, pairFields: pairFields, range: condition.range)
    }

    /// The parts of a condition joined by `and`, in order.
    private static func conjuncts(_ condition: Expression) -> [Expression] {
        guard case .logical(.and, let operands) = condition.kind else { return [condition] }
        return operands.flatMap(conjuncts)
    }

    /// `c` alone (a field of both) or `a = b` (`a` a field so far, `b` one of the joined
    /// relation): a key in the join's own short forms, by the fields' positions on each side.
    private func namedKey(_ conjunct: Expression, fields: [Field], right: Relation, rightName: Name) throws(Diagnostic) -> (Int, Int)? {
        let names: (String, String)
        switch conjunct.kind {
        case .name(let name): names = (name, name)
        case .binary(.equal, let left, let other):
            guard case .name(let leftName) = left.kind, case .name(let otherName) = other.kind else { return nil }
            names = (leftName, otherName)
        default: return nil
        }
        guard let left = fields.firstIndex(where: { $0.name == names.0 }), let other = right.fields.firstIndex(where: { $0.name == names.1 })
        else { return nil }
        guard fields[left].type.isComparable(with: right.fields[other].type) else {
            throw Diagnostic(
                .typeMismatch, "cannot join \(fields[left].type) \(names.0) with \(right.fields[other].type) \(names.1) of \(rightName.text)",
                in: source, at: conjunct.range)
        }
        return (left, other)
    }

    /// An equality of a field so far and a field of the joined relation, as a key of the hash
    /// join: only of one type (or int and number), where the key's equality is `=`'s.
    private static func equalFields(_ bound: BoundExpression, leftCount: Int) -> (Int, Int)? {
        guard case .comparison(.equal, .column(let a, let aType), .column(let b, let bType)) = bound, (a < leftCount) != (b < leftCount)
        else { return nil }
        let numeric: Set<ValueType> = [.int, .number]
        guard aType == bType ? aType != .quantity : numeric.contains(aType) && numeric.contains(bType) else { return nil }
        return a < leftCount ? (a, b - leftCount) : (b, a - leftCount)
    }

    private func planSource(_ query: Query) throws(Diagnostic) -> QueryPlan {
        if case .name(let name) = query.source.kind {
            if let relation = environment.relation(named: name) {
                return QueryPlan(source: .relation(relation, name: name), stages: [], isGrouped: false)
            }
            if !query.clauses.isEmpty || environment.scalar(named: name) == nil {
                throw Diagnostic(
                    .unknownRelation, "unknown relation '\(name)'", in: source, at: query.source.range,
                    help: NameSuggester.help(for: name, among: environment.allNames)
                        ?? (environment.allNames.isEmpty ? "no relations are loaded yet" : nil))
            }
        }
        let binder = ExpressionBinder(fields: [], relationDescription: "this statement", environment: environment, source: source)
        return QueryPlan(source: .value(try binder.bind(query.source), name: query.source.columnName), stages: [], isGrouped: false)
    }

    private func planAggregate(_ aggregate: Aggregate, _ binder: ExpressionBinder) throws(Diagnostic) -> PlannedAggregate {
        guard let argument = aggregate.argument else {
            return PlannedAggregate(function: .count, argument: nil, type: .int, range: aggregate.range)
        }
        let bound = try binder.bind(argument)
        let type: ValueType
        switch aggregate.function {
        case .count, .countDistinct:
            type = .int
        case .list, .listDistinct:
            type = .string
        case .sum, .avg:
            guard bound.type.isNumeric || bound.type == .null else {
                throw Diagnostic(.typeMismatch, "'\(aggregate.function.rawValue)' needs numbers, found \(bound.type)", in: source, at: argument.range)
            }
            type = aggregate.function == .avg && bound.type != .quantity ? .number : bound.type
        case .min, .max:
            type = bound.type
        }
        return PlannedAggregate(function: aggregate.function, argument: bound, type: type, range: aggregate.range)
    }

    /// Fields for a stage's outputs; two outputs with one name are an error.
    private func outputFields(_ outputs: some Sequence<(String, ValueType)>, ranges: [SourceRange]) throws(Diagnostic) -> [Field] {
        var fields: [Field] = []
        for ((name, type), range) in zip(outputs, ranges) {
            if fields.contains(where: { $0.name == name }) {
                throw Diagnostic(.duplicateName, "two columns are named '\(name)'", in: source, at: range, help: "name one with 'as'")
            }
            fields.append(Field(name: name, type: type))
        }
        return fields
    }
}
