/// A word, number or punctuation mark of a sentence, with its place in the sentence.
struct WordToken: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    var kind: Kind
    /// As written.
    var text: String
    /// Lower case, for the word lists.
    var lower: String
    /// Scalar offsets in the sentence.
    var start: Int
    var end: Int

    var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
    func isPunctuation(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}

/// Splits a sentence into words (letters, with inner hyphens and apostrophes), numbers
/// (digits with `,` and `.` separators, a `%` or letters glued on) and punctuation.
enum WordTokenizer {
    static func tokenize(_ sentence: String) -> [WordToken] {
        let scalars = Array(sentence.unicodeScalars)
        var tokens: [WordToken] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if isDigit(scalar) || isWordScalar(scalar) {
                var sawLetter = false
                var sawDigit = false
                while index < scalars.count {
                    let current = scalars[index]
                    if isDigit(current) {
                        sawDigit = true
                    } else if isWordScalar(current) {
                        sawLetter = true
                    } else if (current == "," || current == "."), index > start, isDigit(scalars[index - 1]), index + 1 < scalars.count,
                              isDigit(scalars[index + 1]) {
                        // 1,000 and 2.5
                    } else if (current == "-" || current == "–" || current == "/" || current == ":") && index + 1 < scalars.count
                                && (isDigit(scalars[index + 1]) || isWordScalar(scalars[index + 1])) {
                        // twenty-one, Su-34, 10-15, 24/7, 10:30
                    } else if (current == "'" || current == "’") && sawLetter && index + 1 < scalars.count && isWordScalar(scalars[index + 1])
                                && !(index + 2 <= scalars.count && (scalars[index + 1] == "s" || scalars[index + 1] == "S")
                                     && (index + 2 == scalars.count || !isWordScalar(scalars[index + 2]))) {
                        // don't, o'clock — but Russia's splits into Russia + 's
                    } else if current == "%" && sawDigit && !sawLetter {
                        index += 1
                        break
                    } else {
                        break
                    }
                    index += 1
                }
                let kind: WordToken.Kind = isDigit(scalars[start]) ? .number : .word
                appendToken(kind, scalars, start, index, &tokens)
            } else if (scalar == "'" || scalar == "’"), index + 1 < scalars.count, scalars[index + 1] == "s" || scalars[index + 1] == "S",
                      index + 2 == scalars.count || !isWordScalar(scalars[index + 2]), !tokens.isEmpty, tokens.last!.end == index {
                index += 2
                appendToken(.word, scalars, start, index, &tokens)
            } else {
                index += 1
                appendToken(.punctuation, scalars, start, index, &tokens)
            }
        }
        return tokens
    }

    private static func appendToken(_ kind: WordToken.Kind, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ tokens: inout [WordToken]) {
        var text = String.UnicodeScalarView()
        var lower = String.UnicodeScalarView()
        var isASCII = true
        for scalar in scalars[start..<end] {
            text.append(scalar)
            if scalar.value < 0x80 {
                lower.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                isASCII = false
                lower.append(scalar == "’" ? "'" : scalar)
            }
        }
        let lowered = isASCII ? String(lower) : String(lower).lowercased()
        tokens.append(WordToken(kind: kind, text: String(text), lower: lowered, start: start, end: end))
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }
}
