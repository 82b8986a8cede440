import FactStore
import FactSyntax

/// Orders the rows of a frame by sort keys: stable, nulls last in either direction.
struct Sorter {
    let evaluator: ExpressionEvaluator

    /// The frame's rows in order; with `limit`, only the first `limit` of them, found without
    /// sorting the rest (a bounded heap), so `sort x desc limit 10` over a million rows is cheap.
    func sort(_ frame: Frame, keys: [(key: BoundExpression, descending: Bool)], limit: Int? = nil) throws(Diagnostic) -> [Int32] {
        var comparators: [(Int, Int) -> Int] = []
        // The leading keys that are null-free int columns, compared inline: most sorts are.
        var leadingInts: [(values: PackedInts, descending: Bool)] = []
        for (key, descending) in keys {
            let column = try evaluator.evaluate(key, frame).materialize(count: frame.count, as: key.type)
            if comparators.isEmpty, column.nulls == nil, case .ints(let values) = column.storage {
                leadingInts.append((values, descending))
                continue
            }
            let compare = Sorter.comparator(for: column)
            comparators.append { a, b in
                let (aNull, bNull) = (column.isNull(a), column.isNull(b))
                if aNull || bNull { return aNull == bNull ? 0 : (aNull ? 1 : -1) }
                let order = compare(a, b)
                return descending ? -order : order
            }
        }
        // Ties on the first key are broken by the later keys, then by position (stable).
        let laterInts = Array(leadingInts.dropFirst())
        let breaksTie = { (a: Int, b: Int) -> Bool in
            for (values, descending) in laterInts {
                let (x, y) = (values[a], values[b])
                if x != y { return descending ? x > y : x < y }
            }
            for comparator in comparators {
                let result = comparator(a, b)
                if result != 0 { return result < 0 }
            }
            return a < b
        }
        let order: [Int]
        if let first = leadingInts.first {
            // The first key apart, compared at its stored width: most sorts are decided there.
            order = first.values.visit(OrderByFirstKey(descending: first.descending, breaksTie: breaksTie, count: frame.count, limit: limit))
        } else {
            order = Sorter.order(frame.count, limit: limit, by: breaksTie)
        }
        return order.map { frame.selection?[$0] ?? Int32($0) }
    }

    /// `0..<count` in order; with a `limit` well below `count`, only the first `limit`.
    static func order(_ count: Int, limit: Int?, by precedes: (Int, Int) -> Bool) -> [Int] {
        if let limit, limit < count / 8 { return first(limit, of: count, by: precedes) }
        return (0..<count).sorted(by: precedes)
    }

    /// The `count` smallest of `0..<total` under `precedes`, in order: a max-heap of the best
    /// seen so far, replaced at the top when a better row comes.
    static func first(_ count: Int, of total: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var largest = parent
                if left < heap.count, precedes(heap[largest], heap[left]) { largest = left }
                if right < heap.count, precedes(heap[largest], heap[right]) { largest = right }
                if largest == parent { return }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
        for row in 0..<total {
            if heap.count < count {
                heap.append(row)
                var child = heap.count - 1
                while child > 0, precedes(heap[(child - 1) / 2], heap[child]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if precedes(row, heap[0]) {
                heap[0] = row
                siftDown(0)
            }
        }
        return heap.sorted(by: precedes)
    }

    /// Compares two non-null rows of a column: -1, 0 or 1.
    static func comparator(for column: Column) -> (Int, Int) -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch column.storage {
        case .ints(let values): return { order(values[$0], values[$1]) }
        case .doubles(let values): return { order(values[$0], values[$1]) }
        case .quantities(let values, _, _): return { order(values[$0], values[$1]) }
        case .bools(let values): return { order(values[$0] ? 1 : 0, values[$1] ? 1 : 0) }
        case .strings(let codes, let dictionary):
            // Rank the distinct strings once; rows then compare by rank.
            let strings = Array(dictionary)
            var rank = [Int](repeating: 0, count: strings.count)
            for (position, code) in strings.indices.sorted(by: { strings[$0] < strings[$1] }).enumerated() {
                rank[code] = position
            }
            return { order(rank[Int(codes[$0])], rank[Int(codes[$1])]) }
        case .none: return { _, _ in 0 }
        }
    }
}

/// Orders rows by a null-free int key read at the width it is stored in, other keys breaking
/// its ties.
private struct OrderByFirstKey: PackedIntsVisitor {
    let descending: Bool
    let breaksTie: (Int, Int) -> Bool
    let count: Int
    let limit: Int?

    func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> [Int] {
        Sorter.order(count, limit: limit) { a, b in
            let (x, y) = (values[a], values[b])
            if x != y { return descending ? x > y : x < y }
            return breaksTie(a, b)
        }
    }
}
