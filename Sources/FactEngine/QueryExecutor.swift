import FactStore
import FactSyntax

/// Runs a plan stage by stage, as it is given: decisions about the plan's shape are
/// `PlanRewriter`'s. Filters, sorts and limits pass row positions along; only `show` and
/// aggregates build new columns. Filters, aggregates, sorts and joins work morsel by morsel
/// (see `MorselScheduler`), so Ctrl-C stops them within a morsel.
struct QueryExecutor {
    let evaluator: ExpressionEvaluator
    let scheduler: MorselScheduler

    func run(_ plan: QueryPlan, report: ((StageReport) -> Void)? = nil) throws(Diagnostic) -> QueryResult {
        var lineage: Lineage?
        return try run(plan, report: report, lineage: &lineage)
    }

    /// Runs the plan and follows every output row back to the source rows it came from.
    func runTracingLineage(_ plan: QueryPlan) throws(Diagnostic) -> (QueryResult, [[Int32]]) {
        var lineage: Lineage? = .identity
        let result = try run(plan, report: nil, lineage: &lineage)
        switch lineage {
        case .mapped(let rows)?: return (result, rows)
        default: return (result, (0..<Int32(result.relation.rowCount)).map { [$0] })
        }
    }

    /// For each row of the current frame's relation, the source rows behind it.
    enum Lineage {
        case identity
        case mapped([[Int32]])

        func rows(of row: Int32) -> [Int32] {
            switch self {
            case .identity: [row]
            case .mapped(let rows): rows[Int(row)]
            }
        }
    }

    private func run(_ plan: QueryPlan, report: ((StageReport) -> Void)?, lineage: inout Lineage?) throws(Diagnostic) -> QueryResult {
        let clock = ContinuousClock()
        var start = clock.now
        var frame: Frame
        switch plan.source {
        case .relation(let relation, let name):
            frame = Frame(relation: relation, selection: nil)
            report?(StageReport(text: name, rowsOut: relation.rowCount, duration: clock.now - start))
        case .value(let expression, let name):
            let one = Frame(relation: Relation(fields: [], columns: [], rowCount: 1), selection: nil)
            let column = try evaluator.evaluate(expression, one).materialize(count: 1, as: expression.type)
            frame = Frame(relation: Relation(fields: [Field(name: name, type: expression.type)], columns: [column], rowCount: 1), selection: nil)
        }
        for stage in plan.stages {
            try scheduler.checkCancellation()
            start = clock.now
            if let current = lineage { lineage = try follow(stage, on: frame, lineage: current) }
            frame = try run(stage, on: frame)
            report?(StageReport(text: stage.text, rowsOut: frame.count, duration: clock.now - start))
        }
        if let current = lineage, frame.selection != nil {
            lineage = .mapped((0..<frame.count).map { current.rows(of: frame.selection![$0]) })
        }
        return QueryResult(relation: frame.materialized(), isGrouped: plan.isGrouped)
    }

    /// The lineage after a stage that builds a new relation; filters, sorts and limits keep it.
    private func follow(_ stage: QueryPlan.Stage, on frame: Frame, lineage: Lineage) throws(Diagnostic) -> Lineage {
        let positions = frame.selection ?? (0..<Int32(frame.count)).map { $0 }
        switch stage.operation {
        case .project:
            return .mapped(positions.map { lineage.rows(of: $0) })
        case .aggregate(let keys, _):
            let (_, groups) = try aggregator.group(frame, keys: keys)
            var rows = [[Int32]](repeating: [], count: keys.isEmpty ? 1 : groups.count)
            for (position, row) in positions.enumerated() { rows[Int(groups.ids[position])] += lineage.rows(of: row) }
            return .mapped(rows)
        case .join(let join):
            let (_, positions) = try join.run(frame, fields: stage.fields, evaluator: evaluator, scheduler: scheduler)
            let rows = frame.selection ?? (0..<Int32(frame.count)).map { $0 }
            return .mapped(positions.map { lineage.rows(of: rows[Int($0)]) })
        case .distinct:
            let (kept, groups) = try distinctRows(frame)
            var rows = [[Int32]](repeating: [], count: kept.count)
            let slot = Dictionary(uniqueKeysWithValues: kept.enumerated().map { (groups.ids[$1], $0) })
            for (position, row) in positions.enumerated() { rows[slot[groups.ids[position]]!] += lineage.rows(of: row) }
            return .mapped(rows)
        case .filter, .sort, .limit, .limitPerGroup:
            return lineage
        }
    }

    private func run(_ stage: QueryPlan.Stage, on frame: Frame) throws(Diagnostic) -> Frame {
        switch stage.operation {
        case .filter(let condition):
            return Frame(relation: frame.relation, selection: try select(condition, frame))
        case .project(let expressions):
            // Only the rows that will be read are computed (see `PlanRewriter`).
            var frame = frame
            if let limit = stage.rowLimit, limit < frame.count {
                frame = Frame(relation: frame.relation, selection: frame.selection.map { Array($0.prefix(limit)) } ?? Array(0..<Int32(limit)))
            }
            var columns: [Column] = []
            for (expression, field) in zip(expressions, stage.fields) {
                columns.append(try evaluator.evaluate(expression, frame).materialize(count: frame.count, as: field.type))
            }
            return Frame(relation: Relation(fields: stage.fields, columns: columns, rowCount: frame.count), selection: nil)
        case .aggregate(let keys, let aggregates):
            let relation = try aggregator.aggregate(frame, keys: keys, aggregates: aggregates, fields: stage.fields)
            return Frame(relation: relation, selection: nil)
        case .sort(let keys):
            return Frame(relation: frame.relation, selection: try Sorter(evaluator: evaluator, scheduler: scheduler).sort(frame, keys: keys, limit: stage.rowLimit))
        case .join(let join):
            return Frame(relation: try join.run(frame, fields: stage.fields, evaluator: evaluator, scheduler: scheduler).0, selection: nil)
        case .distinct:
            let (kept, _) = try distinctRows(frame)
            return Frame(relation: frame.relation, selection: kept.map { frame.selection?[$0] ?? Int32($0) })
        case .limit(let count, let offset):
            let rows = frame.selection ?? (0..<Int32(frame.count)).map { $0 }
            return Frame(relation: frame.relation, selection: Array(rows.dropFirst(offset).prefix(count)))
        case .limitPerGroup(let count, let offset, let keys):
            // The rows each group has seen so far decide whether the next one is kept.
            let (_, groups) = try aggregator.group(frame, keys: keys)
            var seen = [Int](repeating: 0, count: max(groups.count, 1))
            var kept: [Int32] = []
            for position in 0..<frame.count {
                let group = Int(groups.ids[position])
                seen[group] += 1
                if seen[group] > offset, seen[group] - offset <= count { kept.append(frame.selection?[position] ?? Int32(position)) }
            }
            return Frame(relation: frame.relation, selection: kept)
        }
    }

    private var aggregator: Aggregator { Aggregator(evaluator: evaluator, scheduler: scheduler) }

    /// The rows where the condition holds, morsel by morsel on every worker. Two kinds are
    /// taken whole: a condition with a `share`, which needs every row's total, and one the
    /// scanning path decides (a field against a constant, and `and` / `or` of those), which is
    /// one pass over a column's buffer — 10M rows in a few milliseconds, well within Ctrl-C's
    /// 100 ms — and would pay, per morsel, for row positions and per-string decisions.
    private func select(_ condition: BoundExpression, _ frame: Frame) throws(Diagnostic) -> [Int32] {
        if condition.readsAllRows || evaluator.isScannable(condition) {
            try scheduler.checkCancellation()
            return try evaluator.select(condition, frame)
        }
        let evaluator = self.evaluator
        let kept = try scheduler.map(frame.count) { positions throws(Diagnostic) in try evaluator.select(condition, frame.slice(positions)) }
        guard kept.count > 1 else { return kept.first ?? [] }
        var rows: [Int32] = []
        rows.reserveCapacity(kept.reduce(0) { $0 + $1.count })
        for morsel in kept { rows.append(contentsOf: morsel) }
        return rows
    }

    /// The first row (a position in the frame) of each different row, in the frame's order,
    /// and the group of every row: rows are grouped by all their fields, as `by` groups keys.
    private func distinctRows(_ frame: Frame) throws(Diagnostic) -> ([Int], GroupNumbering) {
        let fields = frame.relation.fields
        let keys = fields.indices.map { BoundExpression.column(index: $0, type: fields[$0].type) }
        let (_, groups) = try aggregator.group(frame, keys: keys)
        return (groups.firstRows.sorted(), groups)
    }
}
