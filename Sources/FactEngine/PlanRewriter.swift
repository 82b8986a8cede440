/// The planning decisions that depend on the shape of the whole pipeline, made once on the
/// plan so that the executor only executes what it is given.
///
/// A sort or a projection followed by `limit n` needs only its first n rows, as SQL engines
/// push a limit down: the sort keeps its top n with a bounded heap instead of ordering every
/// row, and the projection computes n rows. The limit stage stays in the plan (it is a no-op
/// by then, and `.explain` still shows it). The rewritten plan gives the same rows as the
/// plan it came from.
struct PlanRewriter {
    func rewrite(_ plan: QueryPlan) -> QueryPlan {
        var plan = plan
        for index in plan.stages.indices.dropLast() {
            guard case .limit(let count) = plan.stages[index + 1].operation else { continue }
            switch plan.stages[index].operation {
            case .sort, .project: plan.stages[index].rowLimit = count
            case .filter, .aggregate, .limit: break
            }
        }
        return plan
    }
}
