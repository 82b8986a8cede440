import FactStore

/// `join`: the rows of the relation so far paired with the rows of another, as SQL joins them.
/// The condition's equalities of a field on each side are the keys of a hash join: the other
/// relation is read whole into a table from its keys to its rows, and the rows so far look
/// their keys up in order, so the result keeps their order and, for each, the order of its
/// matches. A single text key is joined on dictionary codes: each distinct string is looked up
/// once, and rows only read their code. A null key matches nothing, as in SQL. The rest of the
/// condition (`residual`) is then evaluated on each pair the keys found; with no key at all,
/// every pair is one (a nested loop, refused past `maximumPairs`).
struct HashJoin: Sendable {
    /// The joined relation and the name it was called by (its SQL table).
    let right: Relation
    let rightName: String
    let leftKeys: [Int]
    let rightKeys: [Int]
    /// The fields of `right` that the result keeps, in order (a key named alike is kept once).
    let rightFields: [Int]
    /// `left join`: a row with no match is kept, with nulls for the other's fields.
    let keepsUnmatched: Bool
    /// The condition's part that is no key, over `pairFields`; a pair is kept where it is true.
    let residual: BoundExpression?
    /// The fields of a pair as `residual` reads them: those so far, then all of `right`'s,
    /// a name both have written with its relation's name before it.
    let pairFields: [Field]
    /// Where the condition was written, for the error of a join too large to loop over.
    let range: SourceRange

    /// The most pairs a join with no equal fields compares: 10^8 (a debug build compares about
    /// half a million pairs a second on one condition). Past it a join is refused rather than
    /// left running for minutes.
    static let maximumPairs = 100_000_000
    /// The pairs whose residual is evaluated at once, so a nested loop holds few in memory.
    private static let batchSize = 65_536

    /// The result, and for each of its rows the position in `frame` it came from. The rows
    /// look their matches up morsel by morsel, so Ctrl-C stops the join between morsels.
    func run(_ frame: Frame, fields: [Field], evaluator: ExpressionEvaluator, scheduler: MorselScheduler) throws(Diagnostic) -> (Relation, [Int32]) {
        let (pairCount, overflow) = frame.count.multipliedReportingOverflow(by: right.rowCount)
        if leftKeys.isEmpty, overflow || pairCount > Self.maximumPairs {
            throw evaluator.runtimeError(
                .joinTooLarge,
                "a join with no equal fields compares every pair of rows: \(frame.count) × \(right.rowCount) is more than \(Self.maximumPairs)",
                at: range)
        }
        let (leftPositions, rightRows) = try pairs(frame, evaluator: evaluator, scheduler: scheduler)
        let sourceRows = leftPositions.map { frame.selection?[Int($0)] ?? $0 }
        var columns = frame.relation.columns.map { $0.gather(sourceRows) }
        for index in rightFields {
            let column = right.columns[index]
            if rightRows.contains(-1) {
                var padded = Column(type: column.type)
                for row in rightRows { padded.append(row < 0 ? .null : column[Int(row)]) }
                columns.append(padded)
            } else {
                columns.append(column.gather(rightRows))
            }
        }
        return (Relation(fields: fields, columns: columns, rowCount: leftPositions.count), leftPositions)
    }

    /// The pairs of the result, in order: each position of the frame with the rows of `right`
    /// it is joined with, or with -1 (a row of nulls) for a `left join`'s row with none.
    private func pairs(_ frame: Frame, evaluator: ExpressionEvaluator, scheduler: MorselScheduler) throws(Diagnostic) -> ([Int32], [Int32]) {
        let matches = try matchingRows(frame, scheduler: scheduler)
        var keptLeft: [Int32] = []
        var keptRight: [Int32] = []
        var candidateLeft: [Int32] = []
        var candidateRight: [Int32] = []
        // Candidates come in the frame's order, so the kept pairs do too.
        func flush() throws(Diagnostic) {
            let passed = try passing(frame, candidateLeft, candidateRight, evaluator: evaluator)
            for index in passed {
                keptLeft.append(candidateLeft[index])
                keptRight.append(candidateRight[index])
            }
            candidateLeft.removeAll(keepingCapacity: true)
            candidateRight.removeAll(keepingCapacity: true)
        }
        try scheduler.forEach(frame.count) { positions throws(Diagnostic) in
            for position in positions {
                for row in matches(position) {
                    candidateLeft.append(Int32(position))
                    candidateRight.append(row)
                }
                if candidateLeft.count >= Self.batchSize { try flush() }
            }
        }
        try flush()
        guard keepsUnmatched else { return (keptLeft, keptRight) }
        var leftPositions: [Int32] = []
        var rightRows: [Int32] = []
        var next = 0
        for position in 0..<Int32(frame.count) {
            let first = next
            while next < keptLeft.count, keptLeft[next] == position {
                leftPositions.append(position)
                rightRows.append(keptRight[next])
                next += 1
            }
            if next == first {
                leftPositions.append(position)
                rightRows.append(-1)
            }
        }
        return (leftPositions, rightRows)
    }

    /// The indices of the candidate pairs for which `residual` is true (all, without one).
    private func passing(_ frame: Frame, _ left: [Int32], _ right: [Int32], evaluator: ExpressionEvaluator) throws(Diagnostic) -> [Int] {
        guard let residual else { return Array(left.indices) }
        if left.isEmpty { return [] }
        // Only the columns the condition reads are gathered; the others stay empty.
        let read = residual.columnsRead
        let leftCount = frame.relation.columns.count
        let sourceRows = left.map { frame.selection?[Int($0)] ?? $0 }
        let columns = pairFields.indices.map { index -> Column in
            guard read.contains(index) else { return Column(type: pairFields[index].type) }
            return index < leftCount ? frame.relation.columns[index].gather(sourceRows) : self.right.columns[index - leftCount].gather(right)
        }
        let pairs = Frame(relation: Relation(fields: pairFields, columns: columns, rowCount: left.count), selection: nil)
        return try evaluator.select(residual, pairs).map(Int.init)
    }

    /// For a position of the frame, the rows of `right` it matches: every row with no keys.
    private func matchingRows(_ frame: Frame, scheduler: MorselScheduler) throws(Diagnostic) -> (Int) -> [Int32] {
        if leftKeys.isEmpty {
            let all = (0..<Int32(right.rowCount)).map { $0 }
            return { _ in all }
        }
        let leftColumns = leftKeys.map { frame.column($0) }
        let rightColumns = rightKeys.map { right.columns[$0] }
        if leftColumns.count == 1, case .strings(let leftCodes, let leftDictionary) = leftColumns[0].storage,
            case .strings(let rightCodes, let rightDictionary) = rightColumns[0].storage
        {
            var rowsByCode: [Int: [Int32]] = [:]
            for row in 0..<right.rowCount where !rightColumns[0].isNull(row) { rowsByCode[Int(rightCodes[row]), default: []].append(Int32(row)) }
            var rowsByText: [String: [Int32]] = [:]
            for (code, rows) in rowsByCode { rowsByText[rightDictionary[code], default: []] += rows }
            let matchesByCode = leftDictionary.map { rowsByText[$0]?.sorted() ?? [] }
            let column = leftColumns[0]
            return { position in column.isNull(position) ? [] : matchesByCode[Int(leftCodes[position])] }
        }
        // Numbers are matched by their number when either side is not an int (3 = 3.0).
        let numeric = zip(leftColumns, rightColumns).map { [$0.type, $1.type].contains { $0 == .number || $0 == .quantity } }
        func key(_ columns: [Column], _ row: Int) -> [Value]? {
            var values: [Value] = []
            for (column, isNumeric) in zip(columns, numeric) {
                let value = column[row]
                if value.isNull { return nil }
                values.append(isNumeric ? value.numericValue.map(Value.number) ?? value : value)
            }
            return values
        }
        var table: [[Value]: [Int32]] = [:]
        try scheduler.forEach(right.rowCount) { rows in
            for row in rows {
                if let values = key(rightColumns, row) { table[values, default: []].append(Int32(row)) }
            }
        }
        return { position in key(leftColumns, position).flatMap { table[$0] } ?? [] }
    }
}
