import FactStore

extension ExpressionEvaluator {
    /// The commonest filters — a field compared with a value, and `and` of such — decided
    /// straight from the column's buffer into row positions, with no column of bools in
    /// between. Nil when the condition has another shape; then the general path runs.
    func selectByScan(_ condition: BoundExpression, _ frame: Frame) -> [Int32]? {
        switch condition {
        case .comparison(let op, .column(let index, _), .constant(let value)):
            return scanComparison(op, frame.relation.columns[index], value, frame.selection)
        case .comparison(let op, .constant(let value), .column(let index, _)):
            return scanComparison(op.mirrored, frame.relation.columns[index], value, frame.selection)
        case .logical(.and, let operands):
            var current = frame
            for operand in operands {
                guard let kept = selectByScan(operand, current) else { return nil }
                current = Frame(relation: frame.relation, selection: kept)
            }
            return current.selection ?? []
        default:
            return nil
        }
    }

    private func scanComparison(_ op: BinaryOperator, _ column: Column, _ value: Value, _ selection: [Int32]?) -> [Int32]? {
        let test: (Int) -> Bool
        switch (column.storage, value) {
        case (.ints(let values), .int(let constant)) where column.type == .int:
            test = Self.predicate(op, values, constant)
        case (.ints(let values), .date(let day)) where column.type == .date:
            test = Self.predicate(op, values, day.number)
        case (.quantities(let values, _, _), _) where value.numericValue != nil:
            test = Self.predicate(op, values, value.numericValue!)
        case (.doubles(let values), _) where value.numericValue != nil:
            test = Self.predicate(op, values, value.numericValue!)
        case (.strings(let codes, let dictionary), .string(let constant)):
            let decided = dictionary.strings.map { Self.holds(op, $0 < constant ? -1 : ($0 == constant ? 0 : 1)) }
            test = { decided[Int(codes[$0])] }
        default:
            return nil
        }
        var kept: [Int32] = []
        if let selection {
            for row in selection where !column.isNull(Int(row)) && test(Int(row)) { kept.append(row) }
        } else {
            let hasNulls = column.nulls != nil
            for row in 0..<column.count where (!hasNulls || !column.isNull(row)) && test(row) { kept.append(Int32(row)) }
        }
        return kept
    }

    private static func predicate<T: Comparable>(_ op: BinaryOperator, _ values: [T], _ constant: T) -> (Int) -> Bool {
        switch op {
        case .equal: { values[$0] == constant }
        case .notEqual: { values[$0] != constant }
        case .less: { values[$0] < constant }
        case .lessOrEqual: { values[$0] <= constant }
        case .greater: { values[$0] > constant }
        default: { values[$0] >= constant }
        }
    }

    static func holds(_ op: BinaryOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        default: order >= 0
        }
    }
}

extension BinaryOperator {
    /// The operator with its sides swapped: `3 < x` is `x > 3`.
    var mirrored: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }
}
