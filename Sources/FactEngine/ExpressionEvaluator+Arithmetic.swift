import FactStore
import FactSyntax

extension ExpressionEvaluator {
    func arithmetic(_ op: BinaryOperator, _ left: Vector, _ right: Vector, type: ValueType, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        switch type {
        case .int where left.type == .date:
            return try integers(.subtract, left.int64s, right.int64s, type: .int, count: count, range: range)
        case .int, .date, .duration:
            return try integers(op, left.int64s, right.int64s, type: type, count: count, range: range)
        case .number:
            return try numbers(op, left.doubles, right.doubles, count: count, range: range)
        case .quantity:
            return try quantities(op, left.quantities, right.quantities, count: count, range: range)
        default:
            return .constant(.null)
        }
    }

    /// Applies `operation` to every row where both sides are present; null where either is null.
    private func rowByRow<Element>(
        _ left: Reader<Element>, _ right: Reader<Element>, count: Int, placeholder: Element,
        _ operation: (Element, Element) throws(Diagnostic) -> Element
    ) throws(Diagnostic) -> (values: [Element], nulls: NullMask?) {
        var values: [Element] = []
        values.reserveCapacity(count)
        var nulls: NullMask?
        for row in 0..<count {
            if left.isNull(row) || right.isNull(row) {
                if nulls == nil { nulls = NullMask(count: count) }
                nulls![row] = true
                values.append(placeholder)
                continue
            }
            values.append(try operation(left[row], right[row]))
        }
        return (values, nulls)
    }

    /// Int, date and duration arithmetic on `Int64`, with overflow reported, never trapped.
    private func integers(_ op: BinaryOperator, _ left: Reader<Int64>, _ right: Reader<Int64>, type: ValueType, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        let (values, nulls) = try rowByRow(left, right, count: count, placeholder: 0) { (a, b) throws(Diagnostic) -> Int64 in
            let result: (partialValue: Int64, overflow: Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            default:
                if b == 0 { throw runtimeError(.divisionByZero, "division by zero", at: range) }
                result = a.dividedReportingOverflow(by: b)
            }
            if result.overflow {
                throw runtimeError(.overflow, "integer overflow: \(a) \(op.rawValue) \(b) does not fit in 64 bits", at: range)
            }
            if type == .date, !Day.validRange.contains(result.partialValue) {
                throw runtimeError(.overflow, "date out of range: dates run from 0001-01-01 to 9999-12-31", at: range)
            }
            return result.partialValue
        }
        return .column(Column(type: type, storage: .ints(PackedInts(values)), nulls: nulls, count: count))
    }

    private func numbers(_ op: BinaryOperator, _ left: Reader<Double>, _ right: Reader<Double>, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        let (values, nulls) = try rowByRow(left, right, count: count, placeholder: 0) { (a, b) throws(Diagnostic) -> Double in
            let value: Double
            switch op {
            case .add: value = a + b
            case .subtract: value = a - b
            case .multiply: value = a * b
            default:
                if b == 0 { throw runtimeError(.divisionByZero, "division by zero", at: range) }
                value = a / b
            }
            if !value.isFinite { throw runtimeError(.overflow, "number overflow: the result is too large", at: range) }
            return value
        }
        return .column(Column(type: .number, storage: .doubles(values), nulls: nulls, count: count))
    }

    /// Quantity arithmetic: the number as for doubles, the qualifier the weaker of the two.
    /// Subtracting or dividing by a bound turns it around ("100 minus at least 12" is at most 88).
    private func quantities(_ op: BinaryOperator, _ left: Reader<Quantity>, _ right: Reader<Quantity>, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        var column = Column(type: .quantity)
        for row in 0..<count {
            if left.isNull(row) || right.isNull(row) {
                column.append(.null)
                continue
            }
            let (a, b) = (left[row], right[row])
            var value: Double
            var leftQualifier = a.qualifier
            var rightQualifier = b.qualifier
            switch op {
            case .add:
                value = a.value + b.value
            case .subtract:
                value = a.value - b.value
                rightQualifier = rightQualifier.negated
            case .multiply:
                value = a.value * b.value
                if b.value < 0 { leftQualifier = leftQualifier.negated }
                if a.value < 0 { rightQualifier = rightQualifier.negated }
            default:
                if b.value == 0 { throw runtimeError(.divisionByZero, "division by zero", at: range) }
                value = a.value / b.value
                if b.value < 0 { leftQualifier = leftQualifier.negated } else { rightQualifier = rightQualifier.negated }
            }
            guard value.isFinite else { throw runtimeError(.overflow, "number overflow: the result is too large", at: range) }
            var qualifier = leftQualifier.combined(with: rightQualifier)
            var upper: Double?
            if qualifier == .range {
                if op == .add { upper = (a.upper ?? a.value) + (b.upper ?? b.value) } else { qualifier = .about }
            }
            column.append(.quantity(Quantity(value, qualifier, upper: upper)))
        }
        return .column(column)
    }

    func negate(_ operand: Vector, type: ValueType, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        switch type {
        case .number:
            return try numbers(.subtract, Reader(constant: 0), operand.doubles, count: count, range: range)
        case .quantity:
            return try quantities(.subtract, Reader(constant: Quantity(0)), operand.quantities, count: count, range: range)
        case .int, .duration:
            return try integers(.subtract, Reader(constant: 0), operand.int64s, type: type, count: count, range: range)
        default:
            return .constant(.null)
        }
    }
}
