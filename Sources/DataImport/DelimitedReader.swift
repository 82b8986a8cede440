/// Reads CSV (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes,
/// CRLF) and TSV (tab-separated, `\t` `\n` `\\` escapes) from UTF-8 bytes, a record at a time,
/// handing out fields as byte ranges so no field becomes a `String` until it must.
public struct DelimitedReader {
    public enum Dialect: Sendable { case csv, tsv }

    /// One field: where its bytes are, and whether they need unescaping.
    public struct Field {
        public var range: Range<Int>
        public var column: Int
        var quoted: Bool
        var escaped: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    private(set) var position: Int
    /// The line the next record starts on.
    public private(set) var line = 1

    public init(bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
        // A UTF-8 byte-order mark is not data.
        position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The next record's fields and the line it started on, or nil at the end.
    public mutating func nextRecord(into fields: inout [Field]) throws(DataProblem) -> Int? {
        fields.removeAll(keepingCapacity: true)
        // Skip blank lines between records.
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A {
            if bytes[position] == 0x0D { position += 1 }
            position += 1
            line += 1
        }
        guard position < bytes.count else { return nil }
        let recordLine = line
        let separator: UInt8 = dialect == .csv ? 0x2C : 0x09
        var lineStart = position
        var column = 1
        while true {
            let fieldStart = position
            column = position - lineStart + 1
            if dialect == .csv, position < bytes.count, bytes[position] == 0x22 {
                // A quoted field: up to the closing quote; "" is a quote.
                position += 1
                let contentStart = position
                let openLine = line
                var escaped = false
                while true {
                    guard position < bytes.count else {
                        throw DataProblem("unterminated quoted field: the closing '\"' is missing", line: openLine, column: column)
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
                    if byte == 0x0A {
                        line += 1
                        lineStart = position + 1
                    }
                    position += 1
                }
                fields.append(Field(range: contentStart..<position, column: column, quoted: true, escaped: escaped))
                position += 1
                if position < bytes.count, bytes[position] != separator, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    throw DataProblem("unexpected text after a quoted field; quote the whole field", line: line, column: position - lineStart + 1)
                }
            } else {
                var escaped = false
                while position < bytes.count, bytes[position] != separator, bytes[position] != 0x0A,
                      !(bytes[position] == 0x0D && (position + 1 == bytes.count || bytes[position + 1] == 0x0A)) {
                    if bytes[position] == 0x5C && dialect == .tsv { escaped = true }
                    position += 1
                }
                fields.append(Field(range: fieldStart..<position, column: column, quoted: false, escaped: escaped))
            }
            if position < bytes.count, bytes[position] == separator {
                position += 1
                continue
            }
            // End of the record.
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            line += 1
            return recordLine
        }
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
        var value: Int64 = 0
        while index < field.range.upperBound {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Whether a field is empty, which means null.
    public func isEmpty(_ field: Field) -> Bool { field.range.isEmpty && !field.quoted }
}
