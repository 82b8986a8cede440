import FactStore

/// What a query gives back: a relation, and whether it is a single value.
public struct QueryResult: Sendable {
    public var relation: Relation
    /// True when an aggregate had `by`.
    public var isGrouped: Bool

    public init(relation: Relation, isGrouped: Bool) {
        self.relation = relation
        self.isGrouped = isGrouped
    }

    /// One row of one column with no grouping prints as a bare value (`1000`) in table mode.
    public var isBareValue: Bool { !isGrouped && relation.rowCount == 1 && relation.fields.count == 1 }
}
