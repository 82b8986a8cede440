import FactStore

/// The group number of every row, refined key by key.
struct GroupNumbering {
    /// Each row's group; nil while every row is in the one group (no key refined it yet), so
    /// that an aggregate over all the rows need not write ten million zeros first.
    private var storedIds: [Int32]?
    private let rowCount: Int
    /// The first row of each group, where its key values are read.
    private(set) var firstRows: [Int]

    init(rowCount: Int) {
        self.rowCount = rowCount
        firstRows = rowCount > 0 ? [0] : []
    }

    /// Each row's group.
    var ids: [Int32] { storedIds ?? [Int32](repeating: 0, count: rowCount) }

    /// Whether every row is in one group.
    var isSingleGroup: Bool { storedIds == nil }

    var count: Int { firstRows.count }

    private struct PairKey: Hashable {
        var group: Int32
        var code: UInt64
        var isNull: Bool
    }

    /// Splits every group by the values of one more key column. Rows are numbered a morsel
    /// at a time, Ctrl-C asked between morsels.
    mutating func refine(by column: Column, scheduler: MorselScheduler) throws(Diagnostic) {
        let dense = GroupNumbering.denseCodeCount(of: column).flatMap { count * ($0 + 1) <= 1 << 22 ? $0 : nil }
        // (Taken out while it is rewritten, so that the rewrite does not copy it; for a first
        // key of dense codes, which writes every row's group without reading one, not even
        // filled with zeros first.)
        // ("unsafeUninitializedCapacity: 0" would write the count of the shared empty array.)
        var ids =
            storedIds
            ?? (dense != nil && rowCount > 0 ? [Int32](unsafeUninitializedCapacity: rowCount) { _, count in count = rowCount } : [Int32](repeating: 0, count: rowCount))
        storedIds = nil
        defer { storedIds = ids }
        if let distinct = dense {
            let groupCount = count
            let refined = ids.withUnsafeMutableBufferPointer { ids in
                let refine = DenseRefine(ids: ids, column: column, distinct: distinct, groupCount: groupCount, scheduler: scheduler)
                // Dictionary codes are read at their stored width, not copied out first.
                if case .strings(let codes, _) = column.storage { return codes.visit(refine) }
                return GroupNumbering.codes(of: column).withUnsafeBufferPointer { refine.visit($0) }
            }
            guard let refined else { throw Diagnostic(.interrupted, "interrupted", in: scheduler.source, at: scheduler.range) }
            firstRows = refined
            return
        }
        let codes = GroupNumbering.codes(of: column)
        var numbering: [PairKey: Int32] = [:]
        var newFirstRows: [Int] = []
        try scheduler.forEach(ids.count) { rows in
            for row in rows {
                let isNull = column.isNull(row)
                let key = PairKey(group: ids[row], code: isNull ? 0 : codes[row], isNull: isNull)
                if let id = numbering[key] {
                    ids[row] = id
                } else {
                    let id = Int32(newFirstRows.count)
                    numbering[key] = id
                    newFirstRows.append(row)
                    ids[row] = id
                }
            }
        }
        firstRows = newFirstRows
    }

    /// How many distinct codes a column's codes run over, when they are small integers
    /// (dictionary codes, bools): then groups are numbered through an array, not a hash table.
    static func denseCodeCount(of column: Column) -> Int? {
        switch column.storage {
        case .strings(_, let dictionary): dictionary.count
        case .bools: 2
        case .none: 1
        default: nil
        }
    }

    /// A code per row that is equal exactly when the values are equal.
    static func codes(of column: Column) -> [UInt64] {
        switch column.storage {
        case .none: return [UInt64](repeating: 0, count: column.count)
        case .ints(let values): return values.map { UInt64(bitPattern: $0) }
        case .doubles(let values): return values.map { ($0 == 0 ? 0.0 : $0).bitPattern }
        case .bools(let values): return values.map { $0 ? 1 : 0 }
        case .strings(let codes, _): return codes.map { UInt64(bitPattern: $0) }
        case .quantities:
            var interned: [Value: UInt64] = [:]
            return (0..<column.count).map { row in
                let value = column[row]
                if let code = interned[value] { return code }
                let code = UInt64(interned.count)
                interned[value] = code
                return code
            }
        }
    }
}

/// `GroupNumbering.refine` for dense codes (dictionary codes, bools): a slot per (group,
/// code), null taking the last code. Rewrites each row's group id; returns each new group's
/// first row, or nil when Ctrl-C stopped it between morsels.
private struct DenseRefine: PackedIntsVisitor {
    let ids: UnsafeMutableBufferPointer<Int32>
    let column: Column
    let distinct: Int
    let groupCount: Int
    let scheduler: MorselScheduler

    func visit<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) -> [Int]? {
        let width = distinct + 1
        var slots = [Int32](repeating: -1, count: max(groupCount, 1) * width)
        var firstRows: [Int] = []
        // (No null to look for, and, for the first key, no earlier group to read.)
        let (noNulls, firstKey) = (column.nulls == nil, groupCount <= 1)
        return slots.withUnsafeMutableBufferPointer { slots -> [Int]? in
            for morsel in scheduler.morsels(of: ids.count) {
                if scheduler.cancellation.requested { return nil }
                for row in morsel {
                    let code = noNulls || !column.isNull(row) ? Int(truncatingIfNeeded: codes[row]) : distinct
                    let slot = firstKey ? code : Int(ids[row]) * width + code
                    var id = slots[slot]
                    if id < 0 {
                        id = Int32(firstRows.count)
                        slots[slot] = id
                        firstRows.append(row)
                    }
                    ids[row] = id
                }
            }
            return firstRows
        }
    }
}
