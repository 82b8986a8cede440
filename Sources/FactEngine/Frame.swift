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

    /// The rows at `positions` of this frame, as a frame of their own (a morsel).
    func slice(_ positions: Range<Int>) -> Frame {
        if positions == 0..<count { return self }
        guard let selection else { return Frame(relation: relation, selection: Array(Int32(positions.lowerBound)..<Int32(positions.upperBound))) }
        return Frame(relation: relation, selection: Array(selection[positions]))
    }

    /// The lowest and highest rows of the relation the frame reads, as a range: a morsel's
    /// flags per row need cover only that.
    var rowSpan: Range<Int> {
        guard let selection else { return 0..<relation.rowCount }
        guard let lowest = selection.min(), let highest = selection.max() else { return 0..<0 }
        return Int(lowest)..<Int(highest) + 1
    }

    /// The relation with only the selected rows, in selection order.
    func materialized() -> Relation {
        guard let selection else { return relation }
        return relation.gather(selection)
    }
}
