import FactStore
import FactSyntax

/// Runs the statements of the language (queries, `let`, `add`) against an environment.
///
/// Dot commands belong to the shell; `execute` hands them back untouched.
public struct Interpreter: Sendable {
    public var environment: Environment
    /// Asked between the stages of a query; true stops it with an "interrupted" error
    /// (the shell wires Ctrl-C to it).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// How many cores a query may use (`--threads`, `.threads`); all of them unless told.
    public var threads = Interpreter.coreCount

    /// Rows per morsel; tests make it small, so that small relations are cut in many.
    var morselSize = MorselScheduler.standardMorselSize

    /// The cores of this machine.
    public static var coreCount: Int { MorselScheduler.coreCount }

    public init(environment: Environment = Environment()) { self.environment = environment }

    /// What a statement did.
    public enum Outcome: Sendable {
        case result(QueryResult)
        case bound(name: String, Relation)
        case added(relation: String, rowCount: Int)
        /// A `.command` for the shell to run.
        case dotCommand(name: String, arguments: String)
    }

    /// Runs one statement. Throws a `Diagnostic` (untyped here: Swift 6.3 miscompiled typed
    /// throws returning this enum once relations carried origins).
    public mutating func execute(_ statement: Statement, report: ((StageReport) -> Void)? = nil) throws -> Outcome {
        switch statement.kind {
        case .query(let query):
            return .result(try run(query, in: statement.source, report: report))
        case .let(let name, let query):
            if environment.catalog[name.text] != nil {
                throw Diagnostic(.nameInUse, "'\(name.text)' is a stored relation; a binding needs another name", in: statement.source, at: name.range)
            }
            let result = try run(query, in: statement.source, report: report)
            environment.bind(name.text, result.relation)
            return .bound(name: name.text, result.relation)
        case .add(let relation, let assignments):
            return try add(relation, assignments, source: statement.source)
        case .dotCommand(let name, let arguments):
            return .dotCommand(name: name, arguments: arguments)
        }
    }

    /// Plans and runs a query; throws a `Diagnostic`.
    public func run(_ query: Query, in source: SourceFile, report: ((StageReport) -> Void)? = nil) throws(Diagnostic) -> QueryResult {
        let plan = try executablePlan(query, in: source)
        return try executor(for: query, in: source).run(plan, report: report)
    }

    /// The rows a query's result came from: the relation it started from (nil for a value)
    /// and, for each result row, the positions of the rows behind it. Used by `.why`.
    public func lineage(of query: Query, in source: SourceFile) throws(Diagnostic) -> (relation: String?, result: QueryResult, rows: [[Int32]]) {
        let plan = try executablePlan(query, in: source)
        let (result, rows) = try executor(for: query, in: source).runTracingLineage(plan)
        if case .relation(_, let name) = plan.source { return (name, result, rows) }
        return (nil, result, [])
    }

    private func executor(for query: Query, in source: SourceFile) -> QueryExecutor {
        let scheduler = MorselScheduler(
            threads: threads, morselSize: morselSize, cancellation: Cancellation(isCancelled), source: source, range: query.range)
        return QueryExecutor(evaluator: ExpressionEvaluator(source: source), scheduler: scheduler)
    }

    /// The query planned, then rewritten for running (see `PlanRewriter`).
    private func executablePlan(_ query: Query, in source: SourceFile) throws(Diagnostic) -> QueryPlan {
        PlanRewriter().rewrite(try QueryPlanner(environment: environment, source: source).plan(query))
    }

    private mutating func add(_ relationName: Name, _ assignments: [Assignment], source: SourceFile) throws -> Outcome {
        if environment.bindings[relationName.text] != nil {
            throw Diagnostic(.nameInUse, "'\(relationName.text)' is a let binding; facts are added to stored relations", in: source, at: relationName.range)
        }
        if let why = environment.readOnly[relationName.text] {
            throw Diagnostic(.readOnly, "'\(relationName.text)' is read-only: \(why)", in: source, at: relationName.range)
        }
        let values = try checkedValues(assignments, for: relationName, source: source)
        let origin = RowOrigin(source: source.name, line: source.location(of: relationName.range.start).line)
        let isNew = environment.catalog[relationName.text] == nil
        var rowCount = 0
        // In place: a relation taken out of the catalog and put back would copy every column on
        // each `add`, making a script of n facts cost n².
        do throws(Relation.AppendProblem) {
            try environment.catalog.update(relationName.text, creating: { Relation() }) { (relation: inout Relation) throws(Relation.AppendProblem) in
                try relation.append(values, allowNewFields: isNew, origin: origin)
                rowCount = relation.rowCount
            }
        } catch {
            if isNew { environment.catalog.remove(relationName.text) }
            throw diagnostic(error, relation: environment.catalog[relationName.text] ?? Relation(), relationName, assignments, source: source)
        }
        return .added(relation: relationName.text, rowCount: rowCount)
    }

    /// The values of an `add`, each checked against the relation's fields (any fields, for a
    /// relation the fact creates). The relation is only read here, so nothing is copied.
    private func checkedValues(_ assignments: [Assignment], for relationName: Name, source: SourceFile) throws -> [(name: String, value: Value)] {
        let existing = environment.catalog[relationName.text]
        let relation = existing ?? Relation()
        let binder = ExpressionBinder(fields: [], relationDescription: "an added fact", environment: environment, source: source)
        let evaluator = ExpressionEvaluator(source: source)
        let oneRow = Frame(relation: Relation(fields: [], columns: [], rowCount: 1), selection: nil)
        var values: [(name: String, value: Value)] = []
        for assignment in assignments {
            let name = assignment.field.text
            if values.contains(where: { $0.name == name }) {
                throw Diagnostic(.duplicateName, "field '\(name)' is given twice", in: source, at: assignment.field.range)
            }
            let bound = try binder.bind(assignment.value)
            let value = try evaluator.evaluate(bound, oneRow).materialize(count: 1, as: bound.type)[0]
            if let problem = relation.check([(name, value)], allowNewFields: existing == nil) {
                throw diagnostic(problem, relation: relation, relationName, [assignment], source: source)
            }
            values.append((name, value))
        }
        return values
    }

    /// Why a fact does not fit its relation, pointed at the assignment of the field at fault
    /// (at the relation's name when no assignment names it).
    private func diagnostic(
        _ problem: Relation.AppendProblem, relation: Relation, _ relationName: Name, _ assignments: [Assignment],
        source: SourceFile
    ) -> Diagnostic {
        switch problem {
        case .unknownField(let field):
            let range = assignments.last { $0.field.text == field }?.field.range ?? relationName.range
            return Diagnostic(
                .unknownField, "unknown field '\(field)' in \(relationName.text)", in: source, at: range,
                help: NameSuggester.help(for: field, among: relation.fields.map(\.name))
                    ?? "fields: " + relation.fields.map(\.name).joined(separator: ", "))
        case .typeMismatch(let field, let expected, let found):
            let range = assignments.last { $0.field.text == field }?.value.range ?? relationName.range
            return Diagnostic(.typeMismatch, "field '\(field)' of \(relationName.text) is \(expected), found \(found)", in: source, at: range)
        }
    }
}
