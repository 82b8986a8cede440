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

    /// An encoder for the fields of `relation` at `fields`, followed by the rows' origin
    /// source and line when `writesOrigins`.
    init(_ relation: Relation, fields: [Int], writesOrigins: Bool) {
        columns = fields.map { relation.columns[$0] }
        self.writesOrigins = writesOrigins
        origins = relation.origins
    }

    /// Appends row `row`, its line break included.
    mutating func appendRow(_ row: Int, to bytes: inout [UInt8]) {
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(Self.tab) }
            Self.appendCell(column, row, to: &bytes)
        }
        if writesOrigins {
            if !columns.isEmpty { bytes.append(Self.tab) }
            if let origin = origins[row] {
                if lastSource?.text != origin.source {
                    var escaped: [UInt8] = []
                    Self.appendEscaped(origin.source.utf8, to: &escaped)
                    lastSource = (origin.source, escaped)
                }
                bytes += lastSource?.escaped ?? []
                bytes.append(Self.tab)
                Self.appendInteger(Int64(origin.line), to: &bytes)
            } else {
                bytes += Self.null
                bytes.append(Self.tab)
                bytes += Self.null
            }
        }
        bytes.append(Self.lineBreak)
    }

    /// Appends the rows from `row` on, before `end`, until `bytes` holds `limit` bytes or more
    /// (at least one row); returns the row after the last one appended.
    mutating func appendRows(from row: Int, before end: Int, to bytes: inout [UInt8], upTo limit: Int) -> Int {
        var row = row
        while row < end, bytes.count < limit {
            appendRow(row, to: &bytes)
            row += 1
        }
        return row
    }

    private static let tab: UInt8 = 0x09
    private static let lineBreak: UInt8 = 0x0A
    private static let null: [UInt8] = [0x5C, 0x4E]

    private static func appendCell(_ column: Column, _ row: Int, to bytes: inout [UInt8]) {
        if column.isNull(row) {
            bytes += null
            if column.type == .quantity { bytes += [tab] + null + [tab] + null }
            return
        }
        switch column.storage {
        case .none: bytes += null
        case .ints(let values):
            if column.type == .date {
                appendDate(Day(number: values[row]), to: &bytes)
            } else {
                appendInteger(values[row], to: &bytes)
            }
        case .doubles(let values): bytes += values[row].description.utf8
        case .strings(let codes, let dictionary):
            dictionary.withUTF8(of: Int(codes[row])) { text in
                // Most text has nothing to escape: then it is copied whole.
                if text.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                    appendEscaped(text, to: &bytes)
                } else {
                    bytes.append(contentsOf: text)
                }
            }
        case .bools(let values): bytes.append(values[row] ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .quantities(let values, let qualifiers, let uppers):
            bytes += values[row].description.utf8
            bytes.append(tab)
            bytes += qualifiers[row].name.utf8
            bytes.append(tab)
            let upper = row < uppers.count ? uppers[row] : .nan
            if upper.isNaN { bytes += null } else { bytes += upper.description.utf8 }
        }
    }

    /// Text with COPY's escapes: backslash, tab, line feed and carriage return.
    private static func appendEscaped(_ text: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

    /// A decimal integer, its digits written in place.
    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
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
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A date as `YYYY-MM-DD`, the ISO form the server reads whatever its DateStyle.
    private static func appendDate(_ day: Day, to bytes: inout [UInt8]) {
        let (year, month, dayOfMonth) = day.components
        appendPadded(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(dayOfMonth, width: 2, to: &bytes)
    }

    private static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 1, value < divisor {
            bytes.append(UInt8(ascii: "0"))
            divisor /= 10
        }
        appendInteger(Int64(value), to: &bytes)
    }
}
