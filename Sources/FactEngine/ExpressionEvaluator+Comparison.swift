import FactStore
import FactSyntax

extension ExpressionEvaluator {
    /// `= != < <= > >=` between two vectors of comparable types; null on either side gives null.
    func compare(_ op: BinaryOperator, _ left: Vector, _ right: Vector, count: Int) -> Vector {
        func holds(_ order: Int) -> Bool { Self.holds(op, order) }
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        func rows<T: Comparable>(_ a: Reader<T>, _ b: Reader<T>) -> Vector {
            boolColumn(count: count) { row in
                a.isNull(row) || b.isNull(row) ? nil : holds(order(a[row], b[row]))
            }
        }

        let types = (left.type, right.type)
        if types.0 == .null || types.1 == .null {
            return .constant(.null)
        }
        switch types {
        case (.int, .int), (.date, .date), (.duration, .duration):
            return rows(left.int64s, right.int64s)
        case (.bool, .bool):
            return rows(left.bools.map { $0 ? 1 : 0 }, right.bools.map { $0 ? 1 : 0 })
        case (.string, .string):
            return compareStrings(left, right, count: count, holds: holds)
        default:
            return rows(left.doubles, right.doubles)
        }
    }

    /// Strings, with the common case (a column against one value) decided once per distinct
    /// string of the column.
    private func compareStrings(_ left: Vector, _ right: Vector, count: Int, holds: (Int) -> Bool) -> Vector {
        func order(_ a: String, _ b: String) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        if case .column(let column) = left, case .constant(.string(let constant)) = right,
            case .strings(let codes, let dictionary) = column.storage
        {
            let decided = dictionary.map { holds(order($0, constant)) }
            return boolColumn(count: count) { row in column.isNull(row) ? nil : decided[Int(codes[row])] }
        }
        if case .constant = left, case .column = right {
            // Swap sides, swapping the sense of the order.
            return compareStrings(right, left, count: count) { holds(-$0) }
        }
        let a = strings(left)
        let b = strings(right)
        return boolColumn(count: count) { row in
            guard let x = a(row), let y = b(row) else { return nil }
            return holds(order(x, y))
        }
    }
}
