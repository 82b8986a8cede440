import FactStore
import FactSyntax

/// A query after names and types are resolved: where its rows come from and the stages they
/// pass through, each with the fields it produces.
struct QueryPlan {
    enum Source {
        /// A stored relation or a `let` binding, with the name it was called by.
        case relation(Relation, name: String)
        /// An expression on its own: `total - 1000`, `2025-05-25 - 3 days`.
        case value(BoundExpression, name: String)
    }

    enum Operation {
        case filter(BoundExpression)
        case aggregate(keys: [BoundExpression], aggregates: [PlannedAggregate])
        case project([BoundExpression])
        case join(HashJoin)
        /// Each different row once, where it first comes (`show distinct`).
        case distinct
        case sort([(key: BoundExpression, descending: Bool)])
        /// `limit count offset offset`.
        case limit(Int, offset: Int)
        /// `limit count offset offset by keys`: per group of equal keys, rows in the order they come.
        case limitPerGroup(Int, offset: Int, keys: [BoundExpression])
    }

    struct Stage {
        var operation: Operation
        /// The fields after this stage.
        var fields: [Field]
        /// The clause's source text, for `.explain`.
        var text: String
        var range: SourceRange
        /// Only this many of the stage's rows are read after it (a `limit` follows); set by
        /// `PlanRewriter`, and only on sorts and projections, which then produce no more.
        var rowLimit: Int?
    }

    var source: Source
    var stages: [Stage]
    /// True when an aggregate has `by`: then even a single row prints as a table.
    var isGrouped: Bool

    var outputFields: [Field] {
        if let last = stages.last { return last.fields }
        switch source {
        case .relation(let relation, _): return relation.fields
        case .value(let expression, let name): return [Field(name: name, type: expression.type)]
        }
    }
}
