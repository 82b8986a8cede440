import FactStore

/// Reads CSV (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes,
/// CRLF; also CR-only line ends, and a NUL only inside quotes) and TSV (tab-separated, `\t`
/// `\n` `\r` `\0` `\\` escapes) from UTF-8 bytes, a record at a time, handing out fields as
/// byte ranges so no field becomes a `String` until it must.
///
/// A reader may see only part of a file (`isFinal` false): a record cut off by the end of its
/// bytes is then not read, and `position` stays at its start, for the next part to begin there.
public struct DelimitedReader {
    public enum Dialect: Sendable { case csv, tsv }

    /// One field: where its bytes are, and whether they need unescaping. Twelve bytes, so a
    /// chunk's worth of fields stays small.
    public struct Field {
        private var start: UInt32
        private var end: UInt32
        var quoted: Bool
        var escaped: Bool

        init(range: Range<Int>, quoted: Bool, escaped: Bool) {
            start = UInt32(range.lowerBound)
            end = UInt32(range.upperBound)
            self.quoted = quoted
            self.escaped = escaped
        }

        public var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// The most bytes one reader looks at: field offsets are 32-bit.
    public static let maximumBytes = Int(UInt32.max)

    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    /// False when more of the file follows these bytes.
    let isFinal: Bool
    /// Where the next record starts; after a nil from `nextRecord`, how many bytes were read.
    public private(set) var position: Int
    /// The line the next record starts on.
    public private(set) var line: Int
    /// Where the data starts: after a byte-order mark, if any.
    private let dataStart: Int

    /// A reader of `bytes`, the part of a file that starts on `line`. A UTF-8 byte-order mark
    /// is skipped when the bytes are the file's start.
    public init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect, line: Int = 1, isFinal: Bool = true) {
        precondition(bytes.count <= Self.maximumBytes, "a reader's bytes are addressed with 32 bits")
        self.bytes = bytes
        self.dialect = dialect
        self.line = line
        self.isFinal = isFinal
        dataStart = line == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        position = dataStart
    }

    /// The next record's fields and the line it started on, or nil at the end.
    public mutating func nextRecord(into fields: inout [Field]) throws(Diagnostic) -> Int? {
        fields.removeAll(keepingCapacity: true)
        return try nextRecord(appendingTo: &fields)
    }

    /// Reads the next record, adding its fields to the end of `fields`; returns the line it
    /// started on, or nil at the end of the bytes (or before a record they cut off).
    public mutating func nextRecord(appendingTo fields: inout [Field]) throws(Diagnostic) -> Int? {
        let recordStart = (position: position, line: line, fieldCount: fields.count)
        func cutOff() -> Int? {
            (position, line) = (recordStart.position, recordStart.line)
            fields.removeSubrange(recordStart.fieldCount...)
            return nil
        }
        // Skip blank lines between records.
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if bytes[position] == 0x0D {
                // A LF may follow in the next part, making this one CRLF.
                if position + 1 == bytes.count, !isFinal { return nil }
                if position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
            }
            position += 1
            line += 1
        }
        guard position < bytes.count else { return nil }
        let recordLine = line
        let separator: UInt8 = dialect == .csv ? 0x2C : 0x09
        while true {
            let fieldStart = position
            if dialect == .csv, position < bytes.count, bytes[position] == 0x22 {
                // A quoted field: up to the closing quote; "" is a quote.
                position += 1
                let contentStart = position
                let openLine = line
                var escaped = false
                while true {
                    guard position < bytes.count else {
                        if !isFinal { return cutOff() }
                        throw Diagnostic(.unterminatedQuote, "unterminated quoted field: the closing '\"' is missing", line: openLine, column: column(at: fieldStart))
                    }
                    let byte = bytes[position]
                    if byte == 0x22 {
                        if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    // Lines as the stream counts them: LF, CRLF or a lone CR.
                    if byte == 0x0A || byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] != 0x0A { line += 1 }
                    position += 1
                }
                fields.append(Field(range: contentStart..<position, quoted: true, escaped: escaped))
                position += 1
                if position < bytes.count, bytes[position] != separator, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    throw Diagnostic(.textAfterQuote, "unexpected text after a quoted field; quote the whole field", line: line, column: column(at: position))
                }
            } else {
                var escaped = false
                while position < bytes.count, bytes[position] != separator, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    if bytes[position] == 0x5C && dialect == .tsv { escaped = true }
                    // Only a quoted CSV field may hold a NUL (the stream lets no other through).
                    if bytes[position] == 0 {
                        throw Diagnostic(.notText, "not a text file: it holds a NUL byte outside quotes", line: line, column: column(at: position))
                    }
                    position += 1
                }
                fields.append(Field(range: fieldStart..<position, quoted: false, escaped: escaped))
            }
            if position < bytes.count, bytes[position] == separator {
                position += 1
                continue
            }
            // End of the record: only a line break (LF, CRLF, or a lone CR as old Macs wrote)
            // ends one when more bytes follow these.
            if position < bytes.count, bytes[position] == 0x0D {
                position += 1
                if position == bytes.count, !isFinal { return cutOff() }
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            } else if position < bytes.count, bytes[position] == 0x0A {
                position += 1
            } else if !isFinal {
                return cutOff()
            }
            line += 1
            return recordLine
        }
    }

    /// The column, in characters, of the byte at `offset`; `offset` may be the end.
    public func column(at offset: Int) -> Int {
        var column = 1
        var index = offset
        while index > dataStart, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D {
            index -= 1
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        return column
    }

    /// The column where a field starts (at its opening quote when quoted).
    public func column(of field: Field) -> Int {
        column(at: field.range.lowerBound - (field.quoted ? 1 : 0))
    }

    /// A field's text, unescaped.
    public func text(_ field: Field) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.range])
        guard field.escaped else { return String(decoding: slice, as: UTF8.self) }
        if dialect == .csv { return String(decoding: slice, as: UTF8.self).replacing("\"\"", with: "\"") }
        var out: [UInt8] = []
        var index = slice.startIndex
        while index < slice.endIndex {
            if slice[index] == 0x5C, index + 1 < slice.endIndex {
                switch slice[index + 1] {
                case 0x74: out.append(0x09)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x30: out.append(0x00)
                default: out.append(slice[index + 1])
                }
                index += 2
            } else {
                out.append(slice[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A field's bytes when they are its text as they stand (nothing to unescape).
    public func plainBytes(_ field: Field) -> UnsafeRawBufferPointer? {
        field.escaped ? nil : UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[field.range]))
    }

    /// A field that is a plain integer, read straight from its bytes (no string made).
    public func int64(_ field: Field) -> Int64? {
        guard !field.escaped, !field.range.isEmpty, field.range.count <= 18 else { return nil }
        var index = field.range.lowerBound
        var negative = false
        if bytes[index] == 0x2D {
            negative = true
            index += 1
            guard index < field.range.upperBound else { return nil }
        }
        // "007" is a code to keep as written (see `TypeInference.hasLeadingZero`).
        if bytes[index] == 0x30, index + 1 < field.range.upperBound { return nil }
        var value: Int64 = 0
        while index < field.range.upperBound {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// A field that is a `YYYY-MM-DD` date, read straight from its bytes.
    public func day(_ field: Field) -> Day? {
        guard let bytes = plainBytes(field) else { return nil }
        return Day(isoUTF8: bytes)
    }

    /// Whether a field is empty, which means null.
    public func isEmpty(_ field: Field) -> Bool { field.range.isEmpty && !field.quoted }
}
