import FactStore
import FactSyntax

extension ExpressionEvaluator {
    /// The commonest filters — a field compared with a value, and `and` of such — decided
    /// straight from the column's buffer into row positions, with no column of bools in
    /// between. Nil when the condition has another shape; then the general path runs. An
    /// operand of `and` or `or` that cannot be scanned is selected on its own, and an error it
    /// raises is thrown from here, so no condition is evaluated twice.
    func selectByScan(_ condition: BoundExpression, _ frame: Frame) throws(Diagnostic) -> [Int32]? {
        switch condition {
        case .comparison(let op, .column(let index, _), .constant(let value)):
            return scanComparison(op, frame.relation.columns[index], value, frame.selection)
        case .comparison(let op, .constant(let value), .column(let index, _)):
            return scanComparison(op.mirrored, frame.relation.columns[index], value, frame.selection)
        case .text(let op, .column(let index, _), .constant(.string(let pattern))):
            // `contains`, `starts with`, `like`, `matches` decided once per distinct string.
            let column = frame.relation.columns[index]
            guard case .strings(let codes, let dictionary) = column.storage, let test = PatternMatch.test(op, pattern: pattern) else { return nil }
            let decided = dictionary.map(test)
            return Self.keepByCode(column, codes, decided, frame.selection)
        case .logical(.and, let operands) where operands.contains(where: isScannable):
            // Scannable operands first, each narrowing the rows the next one reads.
            var current = frame
            let ordered = operands.sorted { isScannable($0) && !isScannable($1) }
            for operand in ordered {
                let kept = try scannedOrSelected(operand, current)
                current = Frame(relation: frame.relation, selection: kept)
            }
            return current.selection ?? []
        case .logical(.or, let operands) where operands.allSatisfy(isScannable):
            // Rows kept by any operand, in the frame's order.
            let span = frame.rowSpan
            var chosen = [Bool](repeating: false, count: span.count)
            for operand in operands {
                for row in try scannedOrSelected(operand, frame) { chosen[Int(row) - span.lowerBound] = true }
            }
            return chosen.withUnsafeBufferPointer { chosen in
                guard let selection = frame.selection else { return Self.keepEach(chosen.count) { (Int32(truncatingIfNeeded: $0), chosen[$0]) } }
                return selection.withUnsafeBufferPointer { rows in Self.keepEach(rows.count) { (rows[$0], chosen[Int(rows[$0]) - span.lowerBound]) } }
            }
        default:
            return nil
        }
    }

    /// The rows an operand keeps, scanned when it can be and selected the general way when not.
    private func scannedOrSelected(_ operand: BoundExpression, _ frame: Frame) throws(Diagnostic) -> [Int32] {
        if let kept = try selectByScan(operand, frame) { return kept }
        return try select(operand, frame)
    }

    /// Whether a condition takes the scanning path (answered without reading any rows).
    func isScannable(_ condition: BoundExpression) -> Bool {
        switch condition {
        case .comparison(_, .column, .constant), .comparison(_, .constant, .column), .text(_, .column, .constant(.string)): return true
        case .logical(_, let operands): return operands.allSatisfy(isScannable)
        default: return false
        }
    }

    private func scanComparison(_ op: BinaryOperator, _ column: Column, _ value: Value, _ selection: [Int32]?) -> [Int32]? {
        switch (column.storage, value) {
        case (.ints(let values), .int(let constant)) where column.type == .int:
            return values.visit(IntScan(op: op, constant: constant, column: column, selection: selection))
        case (.ints(let values), .date(let day)) where column.type == .date:
            return values.visit(IntScan(op: op, constant: day.number, column: column, selection: selection))
        case (.quantities(let values, _, _), _) where value.numericValue != nil:
            return values.withUnsafeBufferPointer { Self.scan(op, $0, value.numericValue!, column, selection) }
        case (.doubles(let values), _) where value.numericValue != nil:
            return values.withUnsafeBufferPointer { Self.scan(op, $0, value.numericValue!, column, selection) }
        case (.strings(let codes, let dictionary), .string(let constant)):
            // Decided once per distinct string; rows then only look up their code.
            let decided = dictionary.map { Self.holds(op, $0 < constant ? -1 : ($0 == constant ? 0 : 1)) }
            return Self.keepByCode(column, codes, decided, selection)
        default:
            return nil
        }
    }

    /// One loop per operator, so the comparison is inlined rather than called per row.
    private static func scan<T: Comparable>(
        _ op: BinaryOperator, _ buffer: UnsafeBufferPointer<T>, _ constant: T, _ column: Column,
        _ selection: [Int32]?
    ) -> [Int32] {
        switch op {
        case .equal: keep(column, selection) { buffer[$0] == constant }
        case .notEqual: keep(column, selection) { buffer[$0] != constant }
        case .less: keep(column, selection) { buffer[$0] < constant }
        case .lessOrEqual: keep(column, selection) { buffer[$0] <= constant }
        case .greater: keep(column, selection) { buffer[$0] > constant }
        default: keep(column, selection) { buffer[$0] >= constant }
        }
    }

    /// An int column compared with a constant, at the width the column is stored in. A
    /// constant outside that width is beyond every value, so every row passes or none does.
    private struct IntScan: PackedIntsVisitor {
        let op: BinaryOperator
        let constant: Int64
        let column: Column
        let selection: [Int32]?

        func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> [Int32] {
            if let narrow = Value(exactly: constant) { return ExpressionEvaluator.scan(op, values, narrow, column, selection) }
            let aboveAll = constant > 0
            let everyRowPasses =
                switch op {
                case .notEqual: true
                case .less, .lessOrEqual: aboveAll
                case .greater, .greaterOrEqual: !aboveAll
                default: false
                }
            return ExpressionEvaluator.keep(column, selection) { _ in everyRowPasses }
        }
    }

    /// Rows whose dictionary code was decided true, read without bounds checks.
    private static func keepByCode(_ column: Column, _ codes: PackedInts, _ decided: [Bool], _ selection: [Int32]?) -> [Int32] {
        decided.withUnsafeBufferPointer { codes.visit(CodeLookup(column: column, decided: $0, selection: selection)) }
    }

    private struct CodeLookup: PackedIntsVisitor {
        let column: Column
        let decided: UnsafeBufferPointer<Bool>
        let selection: [Int32]?

        func visit<Value: FixedWidthInteger & SignedInteger>(_ codes: UnsafeBufferPointer<Value>) -> [Int32] {
            ExpressionEvaluator.keep(column, selection) { decided[Int(truncatingIfNeeded: codes[$0])] }
        }
    }

    /// The rows (of the selection, or all) that are not null and pass `test`.
    ///
    /// Branch-free: every row is written at the next free slot, and the slot only advances
    /// when the row passes, so an unpredictable test costs no mispredicted branches.
    @inline(__always)
    private static func keep(_ column: Column, _ selection: [Int32]?, _ test: (Int) -> Bool) -> [Int32] {
        if let selection {
            return selection.withUnsafeBufferPointer { rows in
                keepEach(rows.count) { row in
                    let position = Int(rows[row])
                    return (rows[row], !column.isNull(position) && test(position))
                }
            }
        } else if column.nulls != nil {
            return keepEach(column.count) { row in (Int32(truncatingIfNeeded: row), !column.isNull(row) && test(row)) }
        } else {
            return keepEach(column.count) { row in (Int32(truncatingIfNeeded: row), test(row)) }
        }
    }

    /// The row positions `decide` keeps, out of `count` candidates, written branch-free.
    @inline(__always)
    private static func keepEach(_ count: Int, _ decide: (Int) -> (Int32, Bool)) -> [Int32] {
        // (An uninitialised array of no capacity is the shared empty one: no count to write.)
        guard count > 0 else { return [] }
        return [Int32](unsafeUninitializedCapacity: count) { buffer, kept in
            var next = 0
            for candidate in 0..<count {
                let (row, passes) = decide(candidate)
                buffer[next] = row
                // The bool's byte as a number: `passes ? 1 : 0` compiles back into a branch.
                next &+= Int(unsafeBitCast(passes, to: UInt8.self))
            }
            kept = next
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
