import FactStore

/// Splits body text into sentences: at `.`, `!` and `?` followed by a space and a capital,
/// a digit or a quote, but not after abbreviations (`Gen.`, `U.S.`, `No.`), initials or inside
/// decimals; and always at a paragraph break.
public enum SentenceSplitter {
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        for paragraph in paragraphs(text) {
            let scalars = Array(paragraph.unicodeScalars)
            var start = 0
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" {
                    var end = index + 1
                    // Closing quotes and brackets belong to the sentence they end.
                    while end < scalars.count, closers.contains(scalars[end]) || scalars[end] == "." { end += 1 }
                    if end < scalars.count, !scalars[end].properties.isWhitespace {
                        index += 1
                        continue
                    }
                    var next = end
                    while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
                    if next >= scalars.count || (startsSentence(scalars[next]) && !(scalar == "." && isAbbreviation(scalars, before: index))) {
                        append(scalars[start..<end], to: &sentences)
                        start = next
                        index = next
                        continue
                    }
                }
                index += 1
            }
            append(scalars[start..<scalars.count], to: &sentences)
        }
        return sentences
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»"]

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || ("0"..."9").contains(scalar) || ["\"", "“", "‘", "'", "(", "[", "«", "—", "–"].contains(scalar)
    }

    /// Whether the word before a full stop is an abbreviation or an initial.
    private static func isAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int) -> Bool {
        var start = dot
        while start > 0, !scalars[start - 1].properties.isWhitespace, !["(", "\"", "“"].contains(scalars[start - 1]) { start -= 1 }
        var word = String(String.UnicodeScalarView(scalars[start..<dot])).lowercased()
        while word.hasSuffix(".") { word.removeLast() }
        if word.count == 1, word.first?.isLetter == true { return true }
        return Lexicon.abbreviations.contains(word) || (word.contains(".") && word.count <= 5)
    }

    private static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    private static func append(_ scalars: ArraySlice<Unicode.Scalar>, to sentences: inout [String]) {
        let text = String(String.UnicodeScalarView(scalars)).trimmingWhitespace
        if !text.isEmpty { sentences.append(text) }
    }
}
