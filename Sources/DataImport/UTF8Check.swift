/// Finds the first byte that is not valid UTF-8, or a NUL, with its line and column, so a
/// file is refused with a place to look rather than loaded with replacement characters.
public enum UTF8Check {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        /// 0-based byte offset.
        public var offset: Int
        public var byte: UInt8
        public var isNUL: Bool
    }

    public static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        firstProblem(bytes, allowingNUL: false)
    }

    /// The first problem; `allowingNUL` for CSV, where a NUL inside quotes is data and the
    /// reader refuses one outside them.
    public static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>, allowingNUL: Bool) -> Problem? {
        guard let offset = firstBadOffset(bytes, allowingNUL: allowingNUL) else { return nil }
        // Line and column are counted only up to the problem: a column per character.
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Problem(line: line, column: column, offset: offset, byte: bytes[offset], isNUL: bytes[offset] == 0)
    }

    /// The offset of the first NUL or byte that breaks UTF-8. Runs of ASCII without NUL are
    /// skipped eight bytes at a time.
    private static func firstBadOffset(_ bytes: UnsafeBufferPointer<UInt8>, allowingNUL: Bool) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // No byte ≥ 0x80 and no zero byte among the eight.
                if word & highBits == 0, allowingNUL || (word &- ones) & ~word & highBits == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0, !allowingNUL { return index }
                index += 1
                continue
            }
            // F5–FF never start a character; 80–C1 are continuations or overlong leads.
            let length = byte >= 0xF5 ? 0 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            guard length > 0, index + length <= count,
                (1..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }),
                !(byte == 0xE0 && bytes[index + 1] < 0xA0), !(byte == 0xED && bytes[index + 1] >= 0xA0),
                !(byte == 0xF0 && bytes[index + 1] < 0x90), !(byte == 0xF4 && bytes[index + 1] >= 0x90)
            else {
                return index
            }
            index += length
        }
        return nil
    }
}
