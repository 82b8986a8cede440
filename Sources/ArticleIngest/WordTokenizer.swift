/// A word, number or punctuation mark of a sentence, with its place in the sentence.
struct WordToken: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    var kind: Kind
    /// As written.
    var text: String
    /// Lower case, for the word lists.
    var lower: String
    /// UTF-8 offsets in the sentence.
    var start: Int
    var end: Int
    var isCapitalized: Bool
    /// What the word lists say of the word, looked up once here.
    var roles: WordRoles

    func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}

/// Splits a sentence into words (letters, with inner hyphens and apostrophes), numbers
/// (digits with `,` and `.` separators, a `%` or letters glued on) and punctuation.
///
/// It reads UTF-8 bytes and makes one small string per token: ingest speed is set here.
enum WordTokenizer {
    static func tokenize(_ sentence: String) -> [WordToken] {
        var sentence = sentence
        return sentence.withUTF8 { tokenize(bytes: $0) }
    }

    static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            // No-break space and other Unicode spaces.
            if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                index += 2
                continue
            }
            let start = index
            if isDigit(byte) || isWordStart(bytes, index) {
                var sawLetter = false
                while index < count {
                    let current = bytes[index]
                    if isDigit(current) {
                        index += 1
                        continue
                    }
                    if current >= 0x80 {
                        let length = scalarLength(current)
                        if isLetter(bytes, index) {
                            sawLetter = true
                            index += length
                            continue
                        }
                        // ’ inside a word ("don’t"), but a possessive ’s is its own token.
                        if isApostrophe(bytes, index), sawLetter, index + 3 < count, isLetterByte(bytes[index + 3]),
                            !isPossessive(bytes, index + 3)
                        {
                            index += 3
                            continue
                        }
                        // – between digits: 10–15
                        if current == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93, index + 3 < count, isDigit(bytes[index + 3]) {
                            index += 3
                            continue
                        }
                        break
                    }
                    if isLetterByte(current) {
                        sawLetter = true
                        index += 1
                        continue
                    }
                    let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
                    if current == 0x2C || current == 0x2E, index > start, isDigit(bytes[index - 1]), isDigit(next) {
                        index += 1 // 1,000 and 2.5
                    } else if current == 0x2D || current == 0x2F || current == 0x3A, isDigit(next) || isLetterByte(next) || next >= 0x80 && isLetter(bytes, index + 1) {
                        index += 1 // twenty-one, Su-34, 10-15, 24/7, 10:30
                    } else if current == 0x27, sawLetter, isLetterByte(next), !isPossessive(bytes, index + 1) {
                        index += 1 // don't, o'clock
                    } else if current == 0x25, !sawLetter, isDigit(bytes[start]) {
                        index += 1 // 20%
                        break
                    } else {
                        break
                    }
                }
                append(isDigit(bytes[start]) ? .number : .word, bytes, start, index, &tokens)
            } else if byte == 0x27 || isApostrophe(bytes, index), let last = tokens.last, last.end == index,
                isPossessive(bytes, index + (byte == 0x27 ? 1 : 3))
            {
                index += byte == 0x27 ? 2 : 4
                append(.word, bytes, start, index, &tokens)
            } else {
                index += byte >= 0x80 ? scalarLength(byte) : 1
                append(.punctuation, bytes, start, min(index, count), &tokens)
            }
        }
        return tokens
    }

    /// `s` or `S` at `index` not followed by a letter: the end of `Russia's`.
    private static func isPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == 0x73 || bytes[index] == 0x53 else { return false }
        return index + 1 >= bytes.count || !(isLetterByte(bytes[index + 1]) || bytes[index + 1] >= 0x80 && isLetter(bytes, index + 1))
    }

    private static func append(_ kind: WordToken.Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ tokens: inout [WordToken]) {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let text = String(decoding: slice, as: UTF8.self)
        var lower = text
        var isCapitalized = false
        var roles: WordRoles = []
        let first = bytes[start]
        if first < 0x80, slice.allSatisfy({ $0 < 0x80 }) {
            isCapitalized = first >= 0x41 && first <= 0x5A
            // ASCII, the common case: lowered byte by byte, its roles read from the bytes.
            let isUpper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
            if slice.contains(where: isUpper) {
                (lower, roles) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slice.count) { buffer in
                    for (offset, byte) in slice.enumerated() { buffer[offset] = isUpper(byte) ? byte + 32 : byte }
                    let lowered = UnsafeBufferPointer(buffer)
                    return (String(decoding: lowered, as: UTF8.self), kind == .word ? roleTable.value(for: lowered) ?? [] : [])
                }
            } else if kind == .word {
                roles = roleTable.value(for: slice) ?? []
            }
        } else {
            isCapitalized = first < 0x80 ? first >= 0x41 && first <= 0x5A : text.unicodeScalars.first?.properties.isUppercase ?? false
            lower = text.lowercased().replacing("’", with: "'")
            if kind == .word { roles = Vocabulary.roles[lower] ?? [] }
        }
        tokens.append(WordToken(kind: kind, text: text, lower: lower, start: start, end: end, isCapitalized: isCapitalized, roles: roles))
    }

    /// `Vocabulary.roles` for ASCII words, read from their bytes.
    private static let roleTable = WordTable(Vocabulary.roles)

    /// Whether `word`'s UTF-8 holds `byte`.
    static func contains(_ byte: UInt8, in word: String) -> Bool {
        var word = word
        return word.withUTF8 { $0.contains(byte) }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) static func isLetterByte(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        isLetterByte(bytes[index]) || bytes[index] >= 0x80 && isLetter(bytes, index)
    }

    /// Whether the scalar starting at `index` is a letter (non-ASCII only is decoded).
    private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isLetterByte(byte) }
        guard let scalar = decode(bytes, index) else { return false }
        return scalar.properties.isAlphabetic
    }

    private static func isApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }

    private static func scalarLength(_ byte: UInt8) -> Int {
        byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Unicode.Scalar? {
        let length = scalarLength(bytes[index])
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}

extension [WordToken] {
    /// Whether the tokens from `start` on read `words`, in lower case, with no array built to compare.
    func lowers(from start: Int, equal words: [String]) -> Bool {
        guard start >= 0, start + words.count <= count else { return false }
        for (offset, word) in words.enumerated() where self[start + offset].lower != word { return false }
        return true
    }
}
