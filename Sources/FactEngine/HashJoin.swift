import FactStore

/// `join`: the rows of the relation so far with the rows of another whose keys are equal, as
/// a hash join. The other relation is read whole into a table from its keys to its rows; the
/// rows so far then look their keys up in order, so the result keeps their order, and for
/// each the order of its matches. A single text key is joined on dictionary codes: each
/// distinct string is looked up once, and rows only read their code. A null key matches
/// nothing, as in SQL.
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

    /// The result, and for each of its rows the position in `frame` it came from. The rows
    /// look their matches up morsel by morsel, so Ctrl-C stops the join between morsels.
    func run(_ frame: Frame, fields: [Field], scheduler: MorselScheduler) throws(Diagnostic) -> (Relation, [Int32]) {
        let matches = try matchingRows(frame, scheduler: scheduler)
        var leftPositions: [Int32] = []
        var rightRows: [Int32] = []
        try scheduler.forEach(frame.count) { positions in
            for position in positions {
                let found = matches(position)
                if found.isEmpty, keepsUnmatched {
                    leftPositions.append(Int32(position))
                    rightRows.append(-1)
                }
                for row in found {
                    leftPositions.append(Int32(position))
                    rightRows.append(row)
                }
            }
        }
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

    /// For a position of the frame, the rows of `right` it matches.
    private func matchingRows(_ frame: Frame, scheduler: MorselScheduler) throws(Diagnostic) -> (Int) -> [Int32] {
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
