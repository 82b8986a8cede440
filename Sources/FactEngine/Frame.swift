import FactStore

/// The rows a pipeline stage works on: a relation and, after a `where` or a `sort`, the
/// positions of the rows still in play. Stages pass positions instead of copying rows.
struct Frame {
    let relation: Relation
    /// Nil means every row, in order.
    let selection: [Int32]?

    var count: Int { selection?.count ?? relation.rowCount }

    func column(_ index: Int) -> Column {
        guard let selection else { return relation.columns[index] }
        return relation.columns[index].gather(selection)
    }

    /// The relation with only the selected rows, in selection order.
    func materialized() -> Relation {
        guard let selection else { return relation }
        return relation.gather(selection)
    }
}
