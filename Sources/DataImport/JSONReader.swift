import FactStore

/// A small JSON reader for data files: an array of flat objects (`.json`) or one object a line
/// (`.jsonl`). Values are strings, numbers, booleans and null; nested arrays and objects are
/// refused with their position, since a relation's cell holds one value.
public struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1
    private var lineStart = 0

    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// One object: its fields in order and the line it started on.
    public typealias Record = (fields: [(name: String, value: Value)], line: Int)

    /// Calls `body` with each object in turn, as it is read, and keeps none: the objects of a
    /// `.json` array (`inArray`), or of a `.jsonl` file, one a line, blank lines skipped.
    public mutating func forEachObject(inArray: Bool, _ body: (Record) throws(Diagnostic) -> Void) throws(Diagnostic) {
        inArray ? try forEachInArray(body) : try forEachLine(body)
    }

    private mutating func forEachInArray(_ body: (Record) throws(Diagnostic) -> Void) throws(Diagnostic) {
        skipSpace()
        try expect(0x5B, "a JSON array '[' of objects")
        skipSpace()
        if peek == 0x5D {
            position += 1
        } else {
            while true {
                skipSpace()
                try body(try readObject())
                skipSpace()
                if peek == 0x2C {
                    position += 1
                    continue
                }
                try expect(0x5D, "',' or ']'")
                break
            }
        }
        skipSpace()
        if position < bytes.count { throw problem("unexpected text after the array") }
    }

    private mutating func forEachLine(_ body: (Record) throws(Diagnostic) -> Void) throws(Diagnostic) {
        while true {
            skipSpace()
            guard position < bytes.count else { return }
            let recordLine = line
            try body(try readObject())
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] != 0x0A {
                throw problem("one JSON object a line: unexpected text after the object of line \(recordLine)")
            }
        }
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func readObject() throws(Diagnostic) -> Record {
        let startLine = line
        try expect(0x7B, "an object '{'")
        var fields: [(name: String, value: Value)] = []
        skipSpace()
        if peek == 0x7D {
            position += 1
            return (fields, startLine)
        }
        while true {
            skipSpace()
            guard peek == 0x22 else { throw problem("expected a field name in quotes") }
            let name = try readString()
            skipSpace()
            try expect(0x3A, "':' after the field name")
            skipSpace()
            fields.append((name, try readValue()))
            skipSpace()
            if peek == 0x2C {
                position += 1
                continue
            }
            try expect(0x7D, "',' or '}'")
            return (fields, startLine)
        }
    }

    private mutating func readValue() throws(Diagnostic) -> Value {
        guard let byte = peek else { throw problem("expected a value, found the end of the file") }
        switch byte {
        case 0x22: return .string(try readString())
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x5B, 0x7B: throw problem("nested arrays and objects are not supported: a cell holds one value")
        default: return try readNumber()
        }
    }

    private mutating func readNumber() throws(Diagnostic) -> Value {
        let start = position
        var isInteger = true
        while position < bytes.count, let byte = peek, (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45 {
            if byte == 0x2E || byte == 0x65 || byte == 0x45 { isInteger = false }
            position += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let int = Int64(text) { return .int(int) }
        guard !text.isEmpty, let number = Double(text), number.isFinite else {
            position = start
            throw problem(text.isEmpty ? "expected a value" : "number \(text) is out of range")
        }
        return .number(number)
    }

    private mutating func readString() throws(Diagnostic) -> String {
        let startColumn = position - lineStart + 1
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count else { throw Diagnostic(.malformedJSON, "unterminated string", line: line, column: startColumn) }
            let byte = bytes[position]
            if byte == 0x22 {
                position += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte == 0x0A { throw problem("line break inside a string; write it as \\n") }
            if byte == 0x5C {
                guard position + 1 < bytes.count else { throw problem("unterminated escape") }
                let escape = bytes[position + 1]
                position += 2
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x75:
                    guard let code = hexQuad(at: position) else { throw problem("bad \\u escape: it needs four hex digits") }
                    position += 4
                    var scalar = Unicode.Scalar(code)
                    // A surrogate pair; a lone surrogate becomes U+FFFD.
                    if (0xD800...0xDBFF).contains(code), position + 2 <= bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75,
                        let low = hexQuad(at: position + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                        position += 6
                    }
                    out.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
                default: throw problem("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
                continue
            }
            out.append(byte)
            position += 1
        }
    }

    /// The four hex digits at `offset` as a number; nil unless all four are hex digits.
    private func hexQuad(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func literal(_ word: String) throws(Diagnostic) {
        for byte in word.utf8 {
            guard peek == byte else { throw problem("expected \(word)") }
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Diagnostic) {
        guard peek == byte else {
            throw problem("expected \(what), found " + (peek.map { "'\(Character(Unicode.Scalar($0)))'" } ?? "the end of the file"))
        }
        position += 1
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A {
                line += 1
                lineStart = position + 1
            } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                return
            }
            position += 1
        }
    }

    private func problem(_ message: String) -> Diagnostic {
        Diagnostic(.malformedJSON, message, line: line, column: position - lineStart + 1)
    }
}
