import FactStore

/// Orders the rows of a frame by sort keys: stable, nulls last in either direction.
struct Sorter {
    let evaluator: ExpressionEvaluator

    func sort(_ frame: Frame, keys: [(key: BoundExpression, descending: Bool)]) throws(Diagnostic) -> [Int32] {
        var comparators: [(Int, Int) -> Int] = []
        for (key, descending) in keys {
            let column = try evaluator.evaluate(key, frame).materialize(count: frame.count, as: key.type)
            let compare = Sorter.comparator(for: column)
            comparators.append { a, b in
                let (aNull, bNull) = (column.isNull(a), column.isNull(b))
                if aNull || bNull { return aNull == bNull ? 0 : (aNull ? 1 : -1) }
                let order = compare(a, b)
                return descending ? -order : order
            }
        }
        let order = (0..<frame.count).sorted { a, b in
            for comparator in comparators {
                let result = comparator(a, b)
                if result != 0 { return result < 0 }
            }
            return a < b
        }
        return order.map { frame.selection?[$0] ?? Int32($0) }
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
            var rank = [Int](repeating: 0, count: dictionary.count)
            for (position, code) in dictionary.strings.indices.sorted(by: { dictionary.strings[$0] < dictionary.strings[$1] }).enumerated() {
                rank[code] = position
            }
            return { order(rank[Int(codes[$0])], rank[Int(codes[$1])]) }
        case .none: return { _, _ in 0 }
        }
    }
}
