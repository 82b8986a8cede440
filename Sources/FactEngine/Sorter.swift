import FactStore
import FactSyntax

/// Orders the rows of a frame by sort keys: stable, nulls last in either direction.
///
/// Morsel by morsel (see `MorselScheduler`): each morsel's rows are sorted on their own, or
/// for a `limit` only its best rows kept, and the runs are then merged. Ties are broken by
/// position, so the order is total and the same however the rows were cut.
struct Sorter {
    let evaluator: ExpressionEvaluator
    let scheduler: MorselScheduler

    /// The frame's rows in order; with `limit`, only the first `limit` of them, found without
    /// sorting the rest (a bounded heap), so `sort x desc limit 10` over a million rows is cheap.
    func sort(_ frame: Frame, keys: [(key: BoundExpression, descending: Bool)], limit: Int? = nil) throws(Diagnostic) -> [Int32] {
        var comparators: [@Sendable (Int, Int) -> Int] = []
        // The leading keys that are null-free int columns, compared inline: most sorts are.
        var leadingInts: [(values: PackedInts, descending: Bool)] = []
        for (key, descending) in keys {
            try scheduler.checkCancellation()
            let column = try evaluator.evaluate(key, frame).materialize(count: frame.count, as: key.type)
            if comparators.isEmpty, column.nulls == nil, case .ints(let values) = column.storage {
                leadingInts.append((values, descending))
                continue
            }
            let compare = try Sorter.comparator(for: column, scheduler: scheduler)
            comparators.append { a, b in
                let (aNull, bNull) = (column.isNull(a), column.isNull(b))
                if aNull || bNull { return aNull == bNull ? 0 : (aNull ? 1 : -1) }
                let order = compare(a, b)
                return descending ? -order : order
            }
        }
        // Ties on the first key are broken by the later keys, then by position (stable).
        let laterInts = Array(leadingInts.dropFirst())
        let otherKeys = comparators
        let breaksTie = { @Sendable (a: Int, b: Int) -> Bool in
            for (values, descending) in laterInts {
                let (x, y) = (values[a], values[b])
                if x != y { return descending ? x > y : x < y }
            }
            for comparator in otherKeys {
                let result = comparator(a, b)
                if result != 0 { return result < 0 }
            }
            return a < b
        }
        let order: [Int]
        if let first = leadingInts.first {
            // The first key apart, compared at its stored width: most sorts are decided there.
            let ordering = OrderByFirstKey(descending: first.descending, breaksTie: breaksTie, count: frame.count, limit: limit, scheduler: scheduler)
            order = try first.values.visit(ordering).get()
        } else {
            order = try Sorter.order(frame.count, limit: limit, scheduler: scheduler, by: breaksTie)
        }
        return order.map { frame.selection?[$0] ?? Int32($0) }
    }

    /// `0..<count` in order; with a `limit` well below `count`, only the first `limit`.
    static func order(_ count: Int, limit: Int?, scheduler: MorselScheduler, by precedes: @escaping @Sendable (Int, Int) -> Bool) throws(Diagnostic) -> [Int] {
        if let limit, limit < count / 8 {
            // Each morsel's best `limit` rows, then the best of those.
            let candidates = try scheduler.map(count) { rows in first(limit, of: rows, by: precedes) }
            return Array(candidates.joined().sorted(by: precedes).prefix(limit))
        }
        let runs = try scheduler.map(count) { rows in rows.sorted(by: precedes) }
        return try merge(runs, scheduler: scheduler, by: precedes)
    }

    /// Sorted runs merged into one, the heads of the runs kept in a min-heap; Ctrl-C is
    /// asked after each morsel's worth of rows.
    static func merge(_ runs: [[Int]], scheduler: MorselScheduler, by precedes: (Int, Int) -> Bool) throws(Diagnostic) -> [Int] {
        if runs.count <= 1 { return runs.first ?? [] }
        var heads = [Int](repeating: 0, count: runs.count)
        var heap = Array(runs.indices)
        func before(_ a: Int, _ b: Int) -> Bool { precedes(runs[a][heads[a]], runs[b][heads[b]]) }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(&heap, from: start, above: before) }
        let total = runs.reduce(0) { $0 + $1.count }
        var merged: [Int] = []
        merged.reserveCapacity(total)
        try scheduler.forEach(total) { rows throws(Diagnostic) in
            for _ in rows {
                let run = heap[0]
                merged.append(runs[run][heads[run]])
                heads[run] += 1
                if heads[run] == runs[run].count {
                    heap[0] = heap[heap.count - 1]
                    heap.removeLast()
                }
                if !heap.isEmpty { siftDown(&heap, from: 0, above: before) }
            }
        }
        return merged
    }

    /// The `count` smallest of `rows` under `precedes`, in order: a max-heap of the best
    /// seen so far, replaced at the top when a better row comes.
    static func first(_ count: Int, of rows: Range<Int>, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(count)
        for row in rows { keep(row, in: &heap, count: count, by: precedes) }
        return heap.sorted(by: precedes)
    }

    /// Offers `row` to a max-heap of the best `count` rows under `precedes`: added while the
    /// heap is not full, else put in place of its worst when it comes before it. Whether the
    /// heap changed.
    @discardableResult
    static func keep(_ row: Int, in heap: inout [Int], count: Int, by precedes: (Int, Int) -> Bool) -> Bool {
        if heap.count < count {
            heap.append(row)
            var child = heap.count - 1
            while child > 0, precedes(heap[(child - 1) / 2], heap[child]) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
            return true
        }
        guard precedes(row, heap[0]) else { return false }
        heap[0] = row
        siftDown(&heap, from: 0) { precedes($1, $0) }
        return true
    }

    /// Moves the entry at `start` down a binary heap until neither child belongs `above` it
    /// (a min-heap when `above` is "comes before", a max-heap when it is "comes after").
    private static func siftDown(_ heap: inout [Int], from start: Int, above: (Int, Int) -> Bool) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var top = parent
            if left < heap.count, above(heap[left], heap[top]) { top = left }
            if right < heap.count, above(heap[right], heap[top]) { top = right }
            if top == parent { return }
            heap.swapAt(parent, top)
            parent = top
        }
    }

    /// -1, 0 or 1 as `a` comes before, with or after `b`.
    static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// Compares two non-null rows of a column: -1, 0 or 1. A text column's distinct strings
    /// are ranked first, morsel by morsel (a million of them take seconds, and Ctrl-C stops it).
    static func comparator(for column: Column, scheduler: MorselScheduler) throws(Diagnostic) -> @Sendable (Int, Int) -> Int {
        switch column.storage {
        case .ints(let values): return { Sorter.order(values[$0], values[$1]) }
        case .doubles(let values): return { Sorter.order(values[$0], values[$1]) }
        case .quantities(let values, _, _): return { Sorter.order(values[$0], values[$1]) }
        case .bools(let values): return { Sorter.order(values[$0] ? 1 : 0, values[$1] ? 1 : 0) }
        case .strings(let codes, let dictionary):
            // Rank the distinct strings once; rows then compare by rank.
            let strings = Array(dictionary)
            var ranks = [Int](repeating: 0, count: strings.count)
            let ordered = try order(strings.count, limit: nil, scheduler: scheduler) { strings[$0] < strings[$1] }
            for (position, code) in ordered.enumerated() { ranks[code] = position }
            let rank = ranks
            return { Sorter.order(rank[Int(codes[$0])], rank[Int(codes[$1])]) }
        case .none: return { _, _ in 0 }
        }
    }
}

/// Orders rows by a null-free int key read at the width it is stored in, other keys breaking
/// its ties.
private struct OrderByFirstKey: PackedIntsVisitor {
    let descending: Bool
    let breaksTie: @Sendable (Int, Int) -> Bool
    let count: Int
    let limit: Int?
    let scheduler: MorselScheduler

    func visit<Value: FixedWidthInteger & SignedInteger & SendableMetatype>(_ values: UnsafeBufferPointer<Value>) -> Result<[Int], Diagnostic> {
        let keys = SharedKeys(values: values)
        let (descending, breaksTie) = (self.descending, self.breaksTie)
        let precedes = { @Sendable (a: Int, b: Int) -> Bool in keys.precedes(a, b, descending: descending) ?? breaksTie(a, b) }
        return Result { () throws(Diagnostic) in
            if let limit, limit < count / 8 {
                // Each morsel's best rows, a row worse than the heap's worst on the first key
                // turned away by one comparison of the key; then the best of those.
                let candidates = try scheduler.map(count) { rows in keys.best(limit, of: rows, descending: descending, by: precedes) }
                return Array(candidates.joined().sorted(by: precedes).prefix(limit))
            }
            return try Sorter.order(count, limit: limit, scheduler: scheduler, by: precedes)
        }
    }
}

/// A sort key's buffer, read by the workers of one sort.
///
/// Unchecked, and sound: the buffer is only ever read, and it lives as long as the
/// `PackedInts.visit` that lent it, which outlasts the sort — `MorselScheduler.map` returns
/// only after every worker has finished, and the comparison it is captured in is not kept.
private struct SharedKeys<Value: FixedWidthInteger>: @unchecked Sendable {
    let values: UnsafeBufferPointer<Value>

    /// The `count` best of `rows`, in order, as `Sorter.first` finds them, but block by block,
    /// the blocks taken best key first: with the key of the heap's worst row at hand, a block
    /// whose best key is worse is passed over whole, and so is every block after it — so a
    /// morsel is mostly read only by the loop that finds each block's best key.
    func best(_ count: Int, of rows: Range<Int>, descending: Bool, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count > 0, !rows.isEmpty else { return [] }
        let blocks = stride(from: rows.lowerBound, to: rows.upperBound, by: Self.blockSize).map { start in
            let block = start..<min(rows.upperBound, start + Self.blockSize)
            return (rows: block, key: descending ? largest(in: block) : smallest(in: block))
        }
        var heap: [Int] = []
        heap.reserveCapacity(count)
        var worst = Value.zero
        for block in blocks.sorted(by: { descending ? $0.key > $1.key : $0.key < $1.key }) {
            if heap.count == count, descending ? block.key < worst : block.key > worst { break }
            for row in block.rows {
                // (A key worse than the worst kept is turned away without a comparison call.)
                if heap.count == count, descending ? values[row] < worst : values[row] > worst { continue }
                if Sorter.keep(row, in: &heap, count: count, by: precedes) { worst = values[heap[0]] }
            }
        }
        return heap.sorted(by: precedes)
    }

    /// Rows looked over at once by `best`: small enough to stay in cache, big enough for the
    /// loop that finds their extreme to run on vectors.
    private static var blockSize: Int { 512 }

    private func largest(in rows: Range<Int>) -> Value {
        var result = Value.min
        for row in rows { result = Swift.max(result, values[row]) }
        return result
    }

    private func smallest(in rows: Range<Int>) -> Value {
        var result = Value.max
        for row in rows { result = Swift.min(result, values[row]) }
        return result
    }

    /// Whether row `a`'s key comes before row `b`'s; nil when they are equal.
    func precedes(_ a: Int, _ b: Int, descending: Bool) -> Bool? {
        let (x, y) = (values[a], values[b])
        if x == y { return nil }
        return descending ? x > y : x < y
    }
}
