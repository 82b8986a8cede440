/// Splits body text into sentences: at `.`, `!` and `?` followed by a space and a capital,
/// a digit or a quote, but not after abbreviations (`Gen.`, `U.S.`, `No.`), initials or inside
/// decimals; and always at a paragraph break. Reads UTF-8 bytes.
public enum SentenceSplitter {
    /// A run of text with no sentence end that was cut into pieces of bounded size: where it
    /// starts (a UTF-8 offset in the text) and into how many pieces it went.
    public struct Cut: Equatable, Sendable {
        public var offset: Int
        public var pieces: Int
    }

    public static func split(_ text: String) -> [String] {
        splitReportingCuts(text).sentences
    }

    /// The sentences, and every overlong run that had to be cut (a reader is told of those).
    public static func splitReportingCuts(_ text: String) -> (sentences: [String], cuts: [Cut]) {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    static func split(bytes: UnsafeBufferPointer<UInt8>) -> (sentences: [String], cuts: [Cut]) {
        var sentences: [String] = []
        var sentence: [UInt8] = []
        var cuts: [Cut] = []
        var sentenceStart = 0
        var lastWasCut = false
        var index = 0
        let count = bytes.count
        func finish(cut: Bool = false) {
            while let last = sentence.last, last == 0x20 { sentence.removeLast() }
            let emitted = !sentence.isEmpty
            if emitted { sentences.append(String(decoding: sentence, as: UTF8.self)) }
            sentence.removeAll(keepingCapacity: true)
            if lastWasCut, emitted, let last = cuts.indices.last {
                cuts[last].pieces += 1
            } else if cut {
                cuts.append(Cut(offset: sentenceStart, pieces: 1))
            }
            lastWasCut = cut
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x20 {
                // Runs of white space become one space; a blank line ends the paragraph.
                var newlines = 0
                while index < count, bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 || bytes[index] == 0x20 {
                    if bytes[index] == 0x0A { newlines += 1 }
                    index += 1
                }
                if newlines >= 2 {
                    finish()
                } else if sentence.count >= maximumSentenceBytes {
                    finish(cut: true)
                } else if !sentence.isEmpty {
                    sentence.append(0x20)
                }
                continue
            }
            // A "sentence" of megabytes (a file with no full stops) is cut, at a character
            // boundary, so that no later pass holds more than a few pages at once.
            if sentence.count >= 4 * maximumSentenceBytes, byte & 0xC0 != 0x80 { finish(cut: true) }
            if sentence.isEmpty, !lastWasCut { sentenceStart = index }
            sentence.append(byte)
            index += 1
            let isEllipsis = byte == 0xA6 && sentence.count >= 3 && sentence[sentence.count - 3] == 0xE2 && sentence[sentence.count - 2] == 0x80
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F || isEllipsis else { continue }
            // Closing quotes and brackets belong to the sentence they end.
            while index < count, let length = closerLength(bytes, index) {
                sentence.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            }
            guard index >= count || isSpace(bytes[index]) else { continue }
            var next = index
            while next < count, isSpace(bytes[next]) { next += 1 }
            if next >= count || startsSentence(bytes, next) && !(byte == 0x2E && isAbbreviation(sentence)) {
                finish()
                index = next
            }
        }
        finish()
        return (sentences, cuts)
    }

    /// Sentences in news are a few hundred bytes; past this a run of text is cut at its next space.
    public static let maximumSentenceBytes = 4096

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// `"`, `'`, `)`, `]`, `.` or a closing curly quote or `»` at `index`: its length in bytes.
    private static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x2E { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 { return 3 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xBB { return 2 }
        return nil
    }

    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B { return true }
        guard byte >= 0x80 else { return false }
        // “ ‘ — – « and capital letters beyond ASCII.
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, [0x9C, 0x98, 0x94, 0x93].contains(bytes[index + 2]) { return true }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAB { return true }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Whether the word before the full stop that ends `sentence` is an abbreviation or an initial.
    private static func isAbbreviation(_ sentence: [UInt8]) -> Bool {
        var end = sentence.count - 1
        while end > 0, sentence[end] != 0x2E { end -= 1 }
        var start = end
        while start > 0, sentence[start - 1] != 0x20, sentence[start - 1] != 0x28, sentence[start - 1] != 0x22 { start -= 1 }
        var word = sentence[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        while word.last == 0x2E { word.removeLast() }
        if word.count == 1, (word[0] | 0x20) >= 0x61, (word[0] | 0x20) <= 0x7A { return true }
        let text = String(decoding: word, as: UTF8.self)
        // "U.S." is one; "2.1%." and "4.5." end sentences.
        if let first = word.first, first >= 0x30 && first <= 0x39 { return false }
        return Vocabulary.abbreviations.contains(text) || (word.contains(0x2E) && word.count <= 5)
    }
}
