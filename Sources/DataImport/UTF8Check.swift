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
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return Problem(line: line, column: column, offset: index, byte: 0, isNUL: true) }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            guard length > 0, index + length <= count,
                  (1..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }),
                  !(byte == 0xE0 && bytes[index + 1] < 0xA0), !(byte == 0xED && bytes[index + 1] >= 0xA0),
                  !(byte == 0xF0 && bytes[index + 1] < 0x90), !(byte == 0xF4 && bytes[index + 1] >= 0x90) else {
                return Problem(line: line, column: column, offset: index, byte: byte, isNUL: false)
            }
            index += length
            column += 1
        }
        return nil
    }
}
