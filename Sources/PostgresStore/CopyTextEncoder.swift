import FactStore
import SessionStore

/// Writes a relation's rows in `COPY ... FROM STDIN` text format straight from its columns'
/// buffers into a byte buffer the caller reuses: no `Value`, cell or `String` per cell, which
/// is what made loading a million rows take twice as long as `psql \copy`.
///
/// Fields are tab-separated, `\N` is null, and backslash, tab and line breaks in text are
/// escaped, so no value can end a field or a row. The columns written for a field are those
/// `PostgresCells.sqlTypes` declares: a quantity as number, qualifier and upper end, a date
/// as ISO text, a bool as `t` or `f`.
struct CopyTextEncoder {
    private let columns: [Column]
    private let writesOrigins: Bool
    private let origins: OriginColumn
    /// The last origin source written, and its escaped bytes: a load's rows share one.
    private var lastSource: (text: String, escaped: [UInt8])?
    /// The rows encoded so far, a batch at a time, column by column: the type of a column is
    /// looked at once per batch and not once per cell, which cost a third of a load's time.
    private var batch = 0..<0
    /// The batch's cells, each column's one after another (the origins last, as one more
    /// column), and where each cell ends: column `c`, row `r` of the batch ends at
    /// `ends[c * batch.count + r]`.
    private let cells = ByteWriter()
    private var ends: [Int] = []

    /// How many rows a batch holds: their cells stay in the caches while rows are put together.
    static let batchRows = 1024

    /// An encoder for the fields of `relation` at `fields`, followed by the rows' origin
    /// source and line when `writesOrigins`.
    init(_ relation: Relation, fields: [Int], writesOrigins: Bool) {
        columns = fields.map { relation.columns[$0] }
        self.writesOrigins = writesOrigins
        origins = relation.origins
    }

    /// Appends the rows from `row` on, before `end`, each with its line break, until `bytes`
    /// holds `limit` bytes or more (at least one row); returns the row after the last one
    /// appended.
    mutating func appendRows(from row: Int, before end: Int, to bytes: inout [UInt8], upTo limit: Int) -> Int {
        var row = row
        while row < end, bytes.count < limit {
            if !batch.contains(row) { encodeBatch(row..<min(end, row + Self.batchRows)) }
            row = appendEncodedRows(from: row, to: &bytes, upTo: limit)
        }
        return row
    }

    /// Puts rows of the batch together from their cells, from `row` on, until `bytes` holds
    /// `limit` bytes or the batch ends: the rows' size is worked out first, then their cells
    /// are copied into place, with no check of the buffer per cell.
    private func appendEncodedRows(from row: Int, to bytes: inout [UInt8], upTo limit: Int) -> Int {
        let count = batch.count
        let width = columns.count + (writesOrigins ? 1 : 0)
        let first = row - batch.lowerBound
        let cells = cells.bytes
        return ends.withUnsafeBufferPointer { ends in
            func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }
            // A row is its cells, a tab between two and a line break after the last.
            var last = first
            var size = 0
            while last < count, bytes.count + size < limit {
                for column in 0..<width { size += ends[column * count + last] - start(column * count + last) }
                size += width
                last += 1
            }
            var position = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: size))
            bytes.withUnsafeMutableBufferPointer { bytes in
                guard let target = bytes.baseAddress else { return }
                for offset in first..<last {
                    for column in 0..<width {
                        let index = column * count + offset
                        let cell = start(index)
                        let length = ends[index] - cell
                        if length > 0, let source = cells.baseAddress { (target + position).update(from: source + cell, count: length) }
                        position += length
                        bytes[position] = column == width - 1 ? Self.lineBreak : Self.tab
                        position += 1
                    }
                }
            }
            return batch.lowerBound + last
        }
    }

    /// Encodes the cells of `rows`, a column at a time.
    private mutating func encodeBatch(_ rows: Range<Int>) {
        batch = rows
        cells.removeAll()
        ends.removeAll(keepingCapacity: true)
        ends.reserveCapacity((columns.count + 1) * rows.count)
        for column in columns { Self.encode(column, rows, to: cells, ends: &ends) }
        if writesOrigins { encodeOrigins(rows) }
    }

    /// A row's origin as its source and line, two fields.
    private mutating func encodeOrigins(_ rows: Range<Int>) {
        for row in rows {
            if let origin = origins[row] {
                if lastSource?.text != origin.source {
                    let escaped = ByteWriter()
                    Self.appendEscaped(origin.source.utf8, to: escaped)
                    lastSource = (origin.source, Array(escaped.bytes))
                }
                cells.append(lastSource?.escaped ?? [])
                cells.append(Self.tab)
                Self.appendInteger(Int64(origin.line), to: cells)
            } else {
                cells.append(Self.null)
                cells.append(Self.tab)
                cells.append(Self.null)
            }
            ends.append(cells.count)
        }
    }

    private static let tab: UInt8 = 0x09
    private static let lineBreak: UInt8 = 0x0A
    private static let null: [UInt8] = [0x5C, 0x4E]

    /// One column's cells of `rows`, each followed by its end in `ends`. A quantity is three
    /// fields (number, qualifier, upper end), and so three nulls when it is null.
    private static func encode(_ column: Column, _ rows: Range<Int>, to bytes: ByteWriter, ends: inout [Int]) {
        let nullCell = column.type == .quantity ? null + [tab] + null + [tab] + null : null
        func each(_ append: (Int) -> Void) {
            for row in rows {
                if column.isNull(row) { bytes.append(nullCell) } else { append(row) }
                ends.append(bytes.count)
            }
        }
        switch column.storage {
        case .none: each { _ in bytes.append(null) }
        case .ints(let values) where column.type == .date: each { row in appendDate(Day(number: values[row]), to: bytes) }
        case .ints(let values): each { row in appendInteger(values[row], to: bytes) }
        case .doubles(let values): each { row in bytes.append(values[row].description) }
        case .strings(let codes, let dictionary):
            each { row in
                dictionary.withUTF8(of: Int(codes[row])) { text in
                    // Most text has nothing to escape: then it is copied whole.
                    if text.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                        appendEscaped(text, to: bytes)
                    } else {
                        bytes.append(text)
                    }
                }
            }
        case .bools(let values): each { row in bytes.append(values[row] ? UInt8(ascii: "t") : UInt8(ascii: "f")) }
        case .quantities(let values, let qualifiers, let uppers):
            each { row in
                bytes.append(values[row].description)
                bytes.append(tab)
                bytes.append(qualifiers[row].name)
                bytes.append(tab)
                let upper = row < uppers.count ? uppers[row] : .nan
                if upper.isNaN { bytes.append(null) } else { bytes.append(upper.description) }
            }
        }
    }

    /// Text with COPY's escapes: backslash, tab, line feed and carriage return.
    private static func appendEscaped(_ text: some Sequence<UInt8>, to bytes: ByteWriter) {
        for byte in text {
            switch byte {
            case 0x5C: bytes.append([0x5C, 0x5C])
            case 0x09: bytes.append([0x5C, UInt8(ascii: "t")])
            case 0x0A: bytes.append([0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append([0x5C, UInt8(ascii: "r")])
            default: bytes.append(byte)
            }
        }
    }

    /// A decimal integer, its digits written in place.
    static func appendInteger(_ value: Int64, to bytes: ByteWriter) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// A date as `YYYY-MM-DD`, the ISO form the server reads whatever its DateStyle.
    private static func appendDate(_ day: Day, to bytes: ByteWriter) {
        let (year, month, dayOfMonth) = day.components
        appendPadded(year, width: 4, to: bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2, to: bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(dayOfMonth, width: 2, to: bytes)
    }

    private static func appendPadded(_ value: Int, width: Int, to bytes: ByteWriter) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 1, value < divisor {
            bytes.append(UInt8(ascii: "0"))
            divisor /= 10
        }
        appendInteger(Int64(value), to: bytes)
    }
}
