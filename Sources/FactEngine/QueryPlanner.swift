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
            case .join(let relation, let keys, let keepsUnmatched):
                let join = try planJoin(relation, keys, keepsUnmatched: keepsUnmatched, fields: &fields, leftName: sourceName(plan), binder: binder)
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

    /// A join: the keys resolved on both sides, and the fields after it (`fields`, updated):
    /// those so far, then the other relation's, less a key of the same name; a name in both
    /// is kept twice, each with its relation's name before it.
    private func planJoin(
        _ name: Name, _ keys: [JoinKey], keepsUnmatched: Bool, fields: inout [Field], leftName: String, binder: ExpressionBinder
    ) throws(Diagnostic) -> HashJoin {
        guard let right = environment.relation(named: name.text) else {
            throw Diagnostic(
                .unknownRelation, "unknown relation '\(name.text)'", in: source, at: name.range,
                help: NameSuggester.help(for: name.text, among: environment.allNames))
        }
        var leftKeys: [Int] = []
        var rightKeys: [Int] = []
        for key in keys {
            guard let left = fields.firstIndex(where: { $0.name == key.left.text }) else {
                throw Diagnostic(
                    .unknownField, "unknown field '\(key.left.text)' to join on", in: source, at: key.left.range,
                    help: NameSuggester.help(for: key.left.text, among: fields.map(\.name)))
            }
            guard let other = right.fields.firstIndex(where: { $0.name == key.right.text }) else {
                throw Diagnostic(
                    .unknownField, "unknown field '\(key.right.text)' in \(name.text)", in: source, at: key.right.range,
                    help: NameSuggester.help(for: key.right.text, among: right.fields.map(\.name)))
            }
            guard fields[left].type.isComparable(with: right.fields[other].type) else {
                throw Diagnostic(
                    .typeMismatch, "cannot join \(fields[left].type) \(key.left.text) with \(right.fields[other].type) \(key.right.text)", in: source,
                    at: key.left.range.union(key.right.range))
            }
            leftKeys.append(left)
            rightKeys.append(other)
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
        return HashJoin(right: right, rightName: name.text, leftKeys: leftKeys, rightKeys: rightKeys, rightFields: kept, keepsUnmatched: keepsUnmatched)
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
