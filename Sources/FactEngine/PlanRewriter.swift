/// The planning decisions that depend on the shape of the whole pipeline, made once on the
/// plan so that the executor only executes what it is given.
///
/// A sort or a projection followed by `limit n offset m` needs only its first n + m rows, as
/// SQL engines push a limit down: the sort keeps its top rows with a bounded heap instead of
/// ordering every row, and the projection computes only those. The limit stage stays in the
/// plan (it still skips the offset, and `.explain` shows it). A projection with a `share` is
/// left alone: its total is of every row. The rewritten plan gives the
/// same rows as the plan it came from.
struct PlanRewriter {
    func rewrite(_ plan: QueryPlan) -> QueryPlan {
        var plan = plan
        for index in plan.stages.indices.dropLast() {
            guard case .limit(let count, let offset) = plan.stages[index + 1].operation else { continue }
            let (rows, overflow) = count.addingReportingOverflow(offset)
            switch plan.stages[index].operation {
            // A `share` needs every row's value for its total.
            case .project(let expressions) where expressions.contains(where: \.readsAllRows): break
            case .sort, .project: plan.stages[index].rowLimit = overflow ? Int.max : rows
            case .filter, .aggregate, .join, .distinct, .limit, .limitPerGroup: break
            }
        }
        return plan
    }
}
