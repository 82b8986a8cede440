import FactStore
import FactSyntax

/// Groups the rows of a frame by key values and computes aggregates per group.
///
/// Groups are numbered by hashing each key's compact code (a dictionary code for strings,
/// the bits for numbers), one key at a time, so no row is ever turned into a tuple of values.
/// Counts and int sums run morsel by morsel on every worker, each morsel's totals per group
/// merged in morsel order (see `MorselScheduler`).
struct Aggregator {
    let evaluator: ExpressionEvaluator
    let scheduler: MorselScheduler

    /// Per-morsel totals are kept for at most this many groups; with more, they would cost
    /// more than the morsel, and the rows are totalled in one pass.
    static let maximumPartialGroups = 4096

    func aggregate(_ frame: Frame, keys: [BoundExpression], aggregates: [PlannedAggregate], fields: [Field]) throws(Diagnostic) -> Relation {
        // `... count` with no keys: the number of rows, nothing to group.
        if keys.isEmpty, aggregates.allSatisfy({ $0.argument == nil }) {
            let columns = aggregates.map { _ in Column(type: .int, storage: .ints(PackedInts([Int64(frame.count)])), nulls: nil, count: 1) }
            return Relation(fields: fields, columns: columns, rowCount: 1)
        }
        if keys.isEmpty, aggregates.count == 1, let total = try sumOfIntField(aggregates[0], frame) {
            return Relation(fields: fields, columns: [total], rowCount: 1)
        }
        let (keyColumns, groups) = try group(frame, keys: keys)
        // Without keys there is one group even when there are no rows (`count` gives 0).
        let groupCount = keys.isEmpty ? 1 : groups.count
        var columns = keyColumns.map { $0.gather(groups.firstRows.map(Int32.init)) }
        for aggregate in aggregates {
            try scheduler.checkCancellation()
            columns.append(try compute(aggregate, frame, groups: groups, groupCount: groupCount))
        }
        return Relation(fields: fields, columns: columns, rowCount: groupCount)
    }

    /// `… sum x` with no keys over an int field, read through the frame's row positions:
    /// no gathered column, no group numbers. Nil for any other aggregate.
    private func sumOfIntField(_ aggregate: PlannedAggregate, _ frame: Frame) throws(Diagnostic) -> Column? {
        guard aggregate.function == .sum, aggregate.type == .int, case .column(let index, _)? = aggregate.argument,
            case .ints(let values) = frame.relation.columns[index].storage
        else { return nil }
        let column = frame.relation.columns[index]
        let partials = try scheduler.map(frame.count) { positions in
            values.visit(IntSum(column: column, selection: frame.selection, positions: positions))
        }
        let sum = partials.dropFirst().reduce(partials.first ?? IntSum.Total()) { $0.merged(with: $1) }
        if sum.wraps != 0 {
            throw evaluator.runtimeError(.overflow, "integer overflow in sum: the total does not fit in 64 bits", at: aggregate.range)
        }
        return Column(type: .int, values: [sum.counted == 0 ? .null : .int(sum.total)])
    }

    /// The key columns of a frame and the group of every row.
    func group(_ frame: Frame, keys: [BoundExpression]) throws(Diagnostic) -> ([Column], GroupNumbering) {
        var keyColumns: [Column] = []
        for key in keys {
            try scheduler.checkCancellation()
            keyColumns.append(try evaluator.evaluate(key, frame).materialize(count: frame.count, as: key.type))
        }
        var groups = GroupNumbering(rowCount: frame.count)
        for column in keyColumns { try groups.refine(by: column, scheduler: scheduler) }
        return (keyColumns, groups)
    }

    private func compute(_ aggregate: PlannedAggregate, _ frame: Frame, groups: GroupNumbering, groupCount: Int) throws(Diagnostic) -> Column {
        guard let argument = aggregate.argument else {
            if groups.isSingleGroup { return Column(type: .int, storage: .ints(PackedInts([Int64(frame.count)])), nulls: nil, count: 1) }
            return try counts(frame.count, ids: groups.ids, groupCount: groupCount, where: nil)
        }
        let column = try evaluator.evaluate(argument, frame).materialize(count: frame.count, as: argument.type)
        // `count distinct` of dictionary codes over all the rows: a flag per code, morsel by morsel.
        if aggregate.function == .countDistinct, groups.isSingleGroup, let distinct = GroupNumbering.denseCodeCount(of: column), distinct <= 1 << 24,
            case .strings(let stringCodes, _) = column.storage
        {
            let seen = try stringCodes.visit(DistinctCodesSeen(column: column, distinct: distinct, scheduler: scheduler)).get()
            return Column(type: .int, storage: .ints(PackedInts([Int64(seen)])), nulls: nil, count: 1)
        }
        let ids = groups.ids
        switch aggregate.function {
        case .count:
            if column.nulls == nil { return try counts(frame.count, ids: ids, groupCount: groupCount, where: nil) }
            return try counts(frame.count, ids: ids, groupCount: groupCount) { !column.isNull($0) }
        case .countDistinct:
            // Dictionary codes: a flag per (group, code) instead of a hash set.
            if let distinct = GroupNumbering.denseCodeCount(of: column), groupCount * distinct <= 1 << 24,
                case .strings(let stringCodes, _) = column.storage
            {
                let counts = ids.withUnsafeBufferPointer {
                    stringCodes.visit(DistinctCodeCounts(column: column, ids: $0, distinct: distinct, groupCount: groupCount))
                }
                return Column(type: .int, storage: .ints(PackedInts(counts)), nulls: nil, count: groupCount)
            }
            let codes = GroupNumbering.codes(of: column)
            var seen = [Set<UInt64>](repeating: [], count: groupCount)
            for row in 0..<frame.count where !column.isNull(row) { seen[Int(ids[row])].insert(codes[row]) }
            return Column(type: .int, storage: .ints(PackedInts(seen.map { Int64($0.count) })), nulls: nil, count: groupCount)
        case .sum, .avg:
            return try sumOrAverage(aggregate, column, ids: ids, groupCount: groupCount)
        case .min, .max:
            return try extreme(aggregate, column, ids: ids, groupCount: groupCount)
        case .list, .listDistinct:
            return list(column, distinct: aggregate.function == .listDistinct, ids: ids, groupCount: groupCount)
        }
    }

    /// How many rows of each group `counts` says yes to (nil: every row), morsel by morsel.
    private func counts(_ rowCount: Int, ids: [Int32], groupCount: Int, where counts: (@Sendable (Int) -> Bool)? = nil) throws(Diagnostic) -> Column {
        let partials = try perMorsel(rowCount, groupCount: groupCount) { rows in
            var tally = [Int64](repeating: 0, count: groupCount)
            tally.withUnsafeMutableBufferPointer { tally in
                ids.withUnsafeBufferPointer { ids in
                    if let counts {
                        for row in rows where counts(row) { tally[Int(ids[row])] += 1 }
                    } else {
                        for row in rows { tally[Int(ids[row])] += 1 }
                    }
                }
            }
            return tally
        }
        var total = partials[0]
        for partial in partials.dropFirst() {
            for group in total.indices { total[group] += partial[group] }
        }
        return Column(type: .int, storage: .ints(PackedInts(total)), nulls: nil, count: groupCount)
    }

    /// `work` on each morsel of the rows, on every worker, when there are few enough groups
    /// for a partial result per morsel; else on all the rows at once. Never empty.
    private func perMorsel<Partial: Sendable>(_ rowCount: Int, groupCount: Int, _ work: @escaping @Sendable (Range<Int>) -> Partial) throws(Diagnostic) -> [Partial] {
        if groupCount <= Self.maximumPartialGroups, rowCount > 0 { return try scheduler.map(rowCount, work) }
        try scheduler.checkCancellation()
        return [work(0..<rowCount)]
    }

    /// `list`: each group's values as they display, `, ` between them, in row order; null
    /// for a group with none.
    private func list(_ column: Column, distinct: Bool, ids: [Int32], groupCount: Int) -> Column {
        var texts = [[String]](repeating: [], count: groupCount)
        var seen = [Set<String>](repeating: [], count: distinct ? groupCount : 0)
        for row in 0..<column.count where !column.isNull(row) {
            let group = Int(ids[row])
            let value = column[row]
            let text = if case .string(let string) = value { string } else { value.description }
            if distinct, !seen[group].insert(text).inserted { continue }
            texts[group].append(text)
        }
        return Column(type: .string, values: texts.map { $0.isEmpty ? .null : .string($0.joined(separator: ", ")) })
    }

    private func sumOrAverage(_ aggregate: PlannedAggregate, _ column: Column, ids: [Int32], groupCount: Int) throws(Diagnostic) -> Column {
        var counts = [Int](repeating: 0, count: groupCount)
        var qualifiers = [Qualifier](repeating: .exact, count: groupCount)
        var uppers = [Double](repeating: 0, count: groupCount)
        var doubles = [Double](repeating: 0, count: groupCount)
        var ints = [Int64](repeating: 0, count: groupCount)
        switch column.storage {
        case .ints(let values):
            let partials = try perMorsel(column.count, groupCount: groupCount) { rows in
                values.visit(GroupedIntSums(column: column, ids: ids, rows: rows, groupCount: groupCount))
            }
            var sums = partials[0]
            for partial in partials.dropFirst() { sums.merge(partial) }
            if sums.wraps.contains(where: { $0 != 0 }), aggregate.function == .sum {
                throw evaluator.runtimeError(.overflow, "integer overflow in sum: the total does not fit in 64 bits", at: aggregate.range)
            }
            (counts, doubles, ints) = (sums.counts, sums.doubles, sums.ints)
        case .doubles(let values):
            for row in values.indices where !column.isNull(row) {
                counts[Int(ids[row])] += 1
                doubles[Int(ids[row])] += values[row]
            }
        case .quantities(let values, let rowQualifiers, let rowUppers):
            for row in values.indices where !column.isNull(row) {
                let group = Int(ids[row])
                qualifiers[group] = counts[group] == 0 ? rowQualifiers[row] : qualifiers[group].combined(with: rowQualifiers[row])
                counts[group] += 1
                doubles[group] += values[row]
                uppers[group] += rowUppers.isEmpty || rowUppers[row].isNaN ? values[row] : rowUppers[row]
            }
        default:
            break
        }
        var result = Column(type: aggregate.type)
        for group in 0..<groupCount {
            guard counts[group] > 0 else {
                result.append(.null)
                continue
            }
            let isAverage = aggregate.function == .avg
            let total = isAverage ? doubles[group] / Double(counts[group]) : doubles[group]
            guard total.isFinite else {
                throw evaluator.runtimeError(.overflow, "number overflow in \(aggregate.function.rawValue)", at: aggregate.range)
            }
            switch aggregate.type {
            case .int: result.append(.int(ints[group]))
            case .quantity:
                let upper = isAverage ? uppers[group] / Double(counts[group]) : uppers[group]
                result.append(.quantity(Quantity(total, qualifiers[group], upper: upper)))
            default: result.append(.number(total))
            }
        }
        return result
    }

    /// `min` / `max`: the extreme row of each group, as it was given. For quantities the value
    /// keeps its own qualifier (the minimum of 12, ≥12 and ~5 is ~5), and a tie in the number
    /// goes by `Qualifier.tieOrder` (the minimum of 12 and ≥12 is 12, the maximum ≥12).
    private func extreme(_ aggregate: PlannedAggregate, _ column: Column, ids: [Int32], groupCount: Int) throws(Diagnostic) -> Column {
        let compareValues = try Sorter.comparator(for: column, scheduler: scheduler)
        let compare: (Int, Int) -> Int
        if case .quantities(_, let qualifiers, _) = column.storage {
            compare = { a, b in
                let order = compareValues(a, b)
                return order != 0 ? order : qualifiers[a].tieRank - qualifiers[b].tieRank
            }
        } else {
            compare = compareValues
        }
        let wantsMax = aggregate.function == .max
        var best = [Int](repeating: -1, count: groupCount)
        for row in 0..<column.count where !column.isNull(row) {
            let group = Int(ids[row])
            if best[group] < 0 {
                best[group] = row
                continue
            }
            let order = compare(row, best[group])
            if wantsMax ? order > 0 : order < 0 { best[group] = row }
        }
        var result = Column(type: aggregate.type)
        for group in 0..<groupCount { result.append(best[group] < 0 ? .null : column[best[group]]) }
        return result
    }
}

/// The total of an int column's rows at some positions of a frame (its `selection`, or the
/// rows themselves), at the column's width.
private struct IntSum: PackedIntsVisitor {
    let column: Column
    let selection: [Int32]?
    let positions: Range<Int>

    /// A running total, and the additions that wrapped past Int64.max (+1) or Int64.min (-1):
    /// a running total may leave 64 bits and come back, and only the whole total must fit.
    struct Total: Sendable {
        var total: Int64 = 0
        var counted = 0
        var wraps = 0

        mutating func add(_ value: Int64) {
            let (sum, overflow) = total.addingReportingOverflow(value)
            total = sum
            if overflow { wraps += value > 0 ? 1 : -1 }
            counted += 1
        }

        /// This total followed by another's rows.
        func merged(with other: Total) -> Total {
            var result = self
            result.add(other.total)
            result.counted += other.counted - 1
            result.wraps += other.wraps
            return result
        }
    }

    func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> Total {
        var sum = Total()
        switch (selection, column.nulls) {
        case (let rows?, nil): for position in positions { sum.add(Int64(values[Int(rows[position])])) }
        case (let rows?, _): for position in positions where !column.isNull(Int(rows[position])) { sum.add(Int64(values[Int(rows[position])])) }
        case (nil, nil): for row in positions { sum.add(Int64(values[row])) }
        case (nil, _): for row in positions where !column.isNull(row) { sum.add(Int64(values[row])) }
        }
        return sum
    }
}

/// Per group, over some rows: how many are non-null, their total as a double (for `avg`) and
/// as an int (for `sum`), at the column's width.
private struct GroupedIntSums: PackedIntsVisitor {
    let column: Column
    let ids: [Int32]
    let rows: Range<Int>
    let groupCount: Int

    struct Sums: Sendable {
        var counts: [Int]
        var doubles: [Double]
        var ints: [Int64]
        /// Per group, additions that wrapped past Int64.max (+1) or Int64.min (-1): only a
        /// total that does not fit is an overflow, not a running total on the way.
        var wraps: [Int]

        /// Adds the sums of later rows.
        mutating func merge(_ later: Sums) {
            for group in counts.indices {
                counts[group] += later.counts[group]
                doubles[group] += later.doubles[group]
                let (sum, overflow) = ints[group].addingReportingOverflow(later.ints[group])
                if overflow { wraps[group] += later.ints[group] > 0 ? 1 : -1 }
                ints[group] = sum
                wraps[group] += later.wraps[group]
            }
        }
    }

    func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> Sums {
        // Local arrays, not the fields of a `Sums`: their uniqueness is then checked once,
        // not on every row.
        var counts = [Int](repeating: 0, count: groupCount)
        var doubles = [Double](repeating: 0, count: groupCount)
        var ints = [Int64](repeating: 0, count: groupCount)
        var wraps = [Int](repeating: 0, count: groupCount)
        ids.withUnsafeBufferPointer { ids in
            for row in rows where !column.isNull(row) {
                let group = Int(ids[row])
                let value = Int64(values[row])
                counts[group] += 1
                doubles[group] += Double(value)
                let (sum, overflow) = ints[group].addingReportingOverflow(value)
                if overflow { wraps[group] += value > 0 ? 1 : -1 }
                ints[group] = sum
            }
        }
        return Sums(counts: counts, doubles: doubles, ints: ints, wraps: wraps)
    }
}

/// `count distinct` of dictionary codes over all the rows, at their stored width: each morsel
/// flags the codes it holds, on every worker, and the flags are merged.
private struct DistinctCodesSeen: PackedIntsVisitor {
    let column: Column
    let distinct: Int
    let scheduler: MorselScheduler

    func visit<Code: FixedWidthInteger & SignedInteger & SendableMetatype>(_ codes: UnsafeBufferPointer<Code>) -> Result<Int, Diagnostic> {
        let shared = SharedCodes(codes: codes)
        let (column, distinct) = (self.column, self.distinct)
        return Result { () throws(Diagnostic) in
            let flags = try scheduler.map(codes.count) { rows in
                var seen = [Bool](repeating: false, count: distinct)
                seen.withUnsafeMutableBufferPointer { seen in
                    if column.nulls == nil {
                        for row in rows { seen[Int(truncatingIfNeeded: shared.codes[row])] = true }
                    } else {
                        for row in rows where !column.isNull(row) { seen[Int(truncatingIfNeeded: shared.codes[row])] = true }
                    }
                }
                return seen
            }
            var merged = [Bool](repeating: false, count: distinct)
            for partial in flags {
                for code in partial.indices where partial[code] { merged[code] = true }
            }
            return merged.lazy.filter { $0 }.count
        }
    }
}

/// A column's codes, read by the workers of one aggregate.
///
/// Unchecked, and sound: the buffer is only read, and it lives as long as the
/// `PackedInts.visit` that lent it, which outlasts `MorselScheduler.map` (it returns only
/// after every worker has finished).
private struct SharedCodes<Code: FixedWidthInteger>: @unchecked Sendable {
    let codes: UnsafeBufferPointer<Code>
}

/// `count distinct` over dictionary codes, at their stored width: a flag per (group, code)
/// instead of a hash set.
private struct DistinctCodeCounts: PackedIntsVisitor {
    let column: Column
    let ids: UnsafeBufferPointer<Int32>
    let distinct: Int
    let groupCount: Int

    func visit<Code: FixedWidthInteger & SignedInteger>(_ codes: UnsafeBufferPointer<Code>) -> [Int64] {
        var seen = [Bool](repeating: false, count: max(groupCount * distinct, 1))
        var counts = [Int64](repeating: 0, count: groupCount)
        for row in codes.indices where !column.isNull(row) {
            let slot = Int(ids[row]) * distinct + Int(truncatingIfNeeded: codes[row])
            if !seen[slot] {
                seen[slot] = true
                counts[Int(ids[row])] += 1
            }
        }
        return counts
    }
}
