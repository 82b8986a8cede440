import FactStore
import FactSyntax

/// Evaluates bound expressions a column at a time over a frame.
///
/// Errors found while running (overflow, division by zero) point at the expression that
/// raised them, in the source the statement came from.
struct ExpressionEvaluator {
    let source: SourceFile

    func evaluate(_ expression: BoundExpression, _ frame: Frame) throws(Diagnostic) -> Vector {
        switch expression {
        case .column(let index, _):
            return .column(frame.column(index))
        case .constant(let value):
            return .constant(value)
        case .negate(let operand, let type, let range):
            return try negate(try evaluate(operand, frame), type: type, count: frame.count, range: range)
        case .not(let operand):
            let value = try evaluate(operand, frame).bools
            return boolColumn(count: frame.count) { row in value.isNull(row) ? nil : !value[row] }
        case .arithmetic(let op, let left, let right, let type, let range):
            return try arithmetic(op, try evaluate(left, frame), try evaluate(right, frame), type: type, count: frame.count, range: range)
        case .comparison(let op, let left, let right):
            return compare(op, try evaluate(left, frame), try evaluate(right, frame), count: frame.count)
        case .text(let op, let left, let right):
            return matchText(op, try evaluate(left, frame), try evaluate(right, frame), count: frame.count)
        case .overlaps(let left, let right):
            let (a, b) = (try evaluate(left, frame).quantities, try evaluate(right, frame).quantities)
            return boolColumn(count: frame.count) { row in
                a.isNull(row) || b.isNull(row) ? nil : a[row].interval.overlaps(b[row].interval)
            }
        case .logical(let op, let operands):
            var readers: [Reader<Bool>] = []
            for operand in operands { readers.append(try evaluate(operand, frame).bools) }
            return logical(op, readers, count: frame.count)
        case .inList(let value, let items, let negated):
            let left = try evaluate(value, frame)
            var readers: [Reader<Bool>] = []
            for item in items {
                readers.append(compare(.equal, left, try evaluate(item, frame), count: frame.count).bools)
            }
            let found = logical(.or, readers, count: frame.count).bools
            return boolColumn(count: frame.count) { row in found.isNull(row) ? nil : found[row] != negated }
        case .inRelation(let value, let membership, let negated):
            let column = try evaluate(value, frame).materialize(count: frame.count)
            return boolColumn(count: frame.count) { row in membership.contains(column[row]).map { $0 != negated } }
        case .isNull(let value, let negated):
            switch try evaluate(value, frame) {
            case .constant(let constant): return .constant(.bool(constant.isNull != negated))
            case .column(let column): return boolColumn(count: frame.count) { row in column.isNull(row) != negated }
            }
        case .share(let operand, let range):
            let values = try evaluate(operand, frame).doubles
            var total = 0.0
            var counted = 0
            for row in 0..<frame.count where !values.isNull(row) {
                total += values[row]
                counted += 1
            }
            guard total.isFinite else { throw runtimeError(.overflow, "number overflow: the total is too large", at: range) }
            if counted > 0, total == 0 { throw runtimeError(.divisionByZero, "division by zero: the total is 0", at: range) }
            return .column(Column(type: .number, values: (0..<frame.count).map { values.isNull($0) ? .null : .number(values[$0] / total) }))
        case .call(let function, let arguments, let type, let range):
            var vectors: [Vector] = []
            for argument in arguments { vectors.append(try evaluate(argument, frame)) }
            return try call(function, vectors, type: type, count: frame.count, range: range)
        }
    }

    /// A function of `FunctionTable` row by row; once when every argument is a constant, and not
    /// at all over no rows (`substr("a", 0)` fails on each row it is computed for, as `1 // 0` does,
    /// and there are none).
    private func call(_ function: ScalarFunction, _ arguments: [Vector], type: ValueType, count: Int, range: SourceRange) throws(Diagnostic) -> Vector {
        func apply(_ values: [Value]) throws(Diagnostic) -> Value {
            if function.propagatesNull, values.contains(where: \.isNull) { return .null }
            do {
                return try function.evaluate(values)
            } catch {
                throw runtimeError(error.id, error.message, at: range)
            }
        }
        guard type != .null else { return .constant(.null) }
        guard count > 0 else { return .column(Column(type: type)) }
        let constants = arguments.compactMap { vector -> Value? in
            if case .constant(let value) = vector { return value }
            return nil
        }
        if constants.count == arguments.count { return .constant(try apply(constants).widened(to: type)) }
        let columns = arguments.map { $0.materialize(count: count) }
        var result = Column(type: type)
        var values = [Value](repeating: .null, count: columns.count)
        for row in 0..<count {
            for (position, column) in columns.enumerated() { values[position] = column[row] }
            result.append(try apply(values))
        }
        return .column(result)
    }

    /// The rows of the frame where the condition is true (null is not true).
    func select(_ condition: BoundExpression, _ frame: Frame) throws(Diagnostic) -> [Int32] {
        if let kept = try selectByScan(condition, frame) { return kept }
        let truth = try evaluate(condition, frame).bools
        var kept: [Int32] = []
        for row in 0..<frame.count where !truth.isNull(row) && truth[row] {
            kept.append(frame.selection?[row] ?? Int32(row))
        }
        return kept
    }

    // MARK: logic

    /// `and` / `or` in three-valued logic: false and null is false, true or null is true.
    private func logical(_ op: LogicalOperator, _ readers: [Reader<Bool>], count: Int) -> Vector {
        let decisive = op == .or
        return boolColumn(count: count) { row in
            var sawNull = false
            for reader in readers {
                if reader.isNull(row) { sawNull = true } else if reader[row] == decisive { return decisive }
            }
            return sawNull ? nil : !decisive
        }
    }

    /// A bool column from a function of the row that returns nil for null.
    func boolColumn(count: Int, _ value: (Int) -> Bool?) -> Vector {
        var values = [Bool](repeating: false, count: count)
        var nulls: NullMask?
        for row in 0..<count {
            if let result = value(row) {
                values[row] = result
            } else {
                if nulls == nil { nulls = NullMask(count: count) }
                nulls![row] = true
            }
        }
        return .column(Column(type: .bool, storage: .bools(values), nulls: nulls, count: count))
    }

    // MARK: text

    /// `contains`, `starts with`, `like` and `matches`, with a constant pattern (the common
    /// case) decided once per distinct string of the column.
    private func matchText(_ op: BinaryOperator, _ left: Vector, _ right: Vector, count: Int) -> Vector {
        guard case .constant(let patternValue) = right else {
            let texts = strings(left)
            let patterns = strings(right)
            var tests: [String: (String) -> Bool] = [:]
            return boolColumn(count: count) { row in
                guard let text = texts(row), let pattern = patterns(row) else { return nil }
                if tests[pattern] == nil { tests[pattern] = PatternMatch.test(op, pattern: pattern) ?? { _ in false } }
                return tests[pattern]!(text)
            }
        }
        // A regular expression that does not compile is refused by the binder.
        guard case .string(let pattern) = patternValue, let test = PatternMatch.test(op, pattern: pattern) else { return .constant(.null) }
        switch left {
        case .constant(let value):
            guard case .string(let text) = value else { return .constant(.null) }
            return .constant(.bool(test(text)))
        case .column(let column):
            guard case .strings(let codes, let dictionary) = column.storage else { return .constant(.null) }
            let decided = dictionary.map(test)
            return boolColumn(count: count) { row in column.isNull(row) ? nil : decided[Int(codes[row])] }
        }
    }

    /// Row access to a string vector.
    func strings(_ vector: Vector) -> (Int) -> String? {
        switch vector {
        case .constant(let value):
            if case .string(let string) = value { return { _ in string } }
            return { _ in nil }
        case .column(let column):
            guard case .strings(let codes, let dictionary) = column.storage else { return { _ in nil } }
            return { row in column.isNull(row) ? nil : dictionary[Int(codes[row])] }
        }
    }

    func runtimeError(_ id: Diagnostic.ID, _ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(id, message, in: source, at: range)
    }
}
