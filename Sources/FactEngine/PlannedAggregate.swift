import FactStore
import FactSyntax

/// One aggregate of an aggregate stage, with its output type.
struct PlannedAggregate {
    var function: Aggregate.Function
    var argument: BoundExpression?
    var type: ValueType
    var range: SourceRange
}
