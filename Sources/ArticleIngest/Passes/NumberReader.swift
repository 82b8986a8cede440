import FactStore

/// A number found in a sentence, before its meaning is worked out.
struct NumberSpan {
    var value: Double
    /// The top of a range ("10-15", "between 10 and 15").
    var upper: Double?
    var isVague = false
    /// Token positions the number covers.
    var tokens: Range<Int>
    /// A unit written into the number itself: `20%`, `5km`.
    var attachedUnit: String?
    /// Written "1,000-plus": more than the number.
    var isPlus = false
    /// One side of a match's score ("3-1").
    var isScore = false
}

/// Reads numbers written in digits ("1,000", "2.5", "20%", "1.5 million") and in words
/// ("three", "twenty-one", "a thousand", "dozens", "tens of thousands").
enum NumberReader {
    enum Reading {
        case number(NumberSpan)
        /// A match's score, "3-1": two numbers that count nothing.
        case score(NumberSpan, NumberSpan)
        /// Digits that are no count: a time, an ordinal, a label such as `Su-34`. Skipped whole.
        case notACount(Range<Int>)
        case none
    }

    static func read(_ tokens: [WordToken], at index: Int) -> Reading {
        let token = tokens[index]
        if token.kind == .number { return readDigits(tokens, at: index) }
        guard token.kind == .word else { return .none }
        return readWords(tokens, at: index)
    }

    private static let ordinalSuffixes = ["st", "nd", "rd", "th"]
    private static let timeSuffixes = ["am", "pm", "h", "hrs", "gmt", "utc"]
    private static let glued: [String: (unit: String?, factor: Double)] = [
        "km": ("km", 1), "kg": ("kg", 1), "mph": ("mph", 1), "kmh": ("km/h", 1), "mw": ("mw", 1), "gw": ("gw", 1),
        "bn": (nil, 1_000_000_000), "tn": (nil, 1_000_000_000_000), "mln": (nil, 1_000_000), "k": (nil, 1000), "kph": ("km/h", 1), "p": ("pence", 1),
        "m": ("m", 1), "cm": ("cm", 1), "mm": ("mm", 1), "ha": ("hectares", 1), "t": ("tonnes", 1), "c": ("c", 1), "f": ("f", 1)
    ]

    private static func readDigits(_ tokens: [WordToken], at index: Int) -> Reading {
        var text = tokens[index].lower
        let currency = currency(before: index, in: tokens)
        // Digits alone ("1,000", "2.5"), most numbers, have no suffix, range or glued unit to read.
        if let value = plainASCIINumber(text) { return counted(value, factor: 1, attached: nil, currency: currency, tokens, at: index) }
        var perHour = false
        // "120km/h": a speed, the only slash a count may carry.
        if text.hasSuffix("km/h") || text.hasSuffix("kph") {
            text = String(text.dropLast(text.hasSuffix("kph") ? 3 : 4))
            perHour = true
        }
        if text.utf8.contains(where: { $0 == 0x3A || $0 == 0x2F }) { return .notACount(index..<index + 1) }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        // "beat Vesta 3-1", "lost 1-3", "a 34-32 win": the winner's score first, or a word of play before.
        if parts.count == 2, parts.allSatisfy({ $0.count <= 3 && $0.allSatisfy(\.isNumber) }), let first = plainNumber(parts[0]), let second = plainNumber(parts[1]),
            second <= first || tokens[max(0, index - 5)..<index].contains(where: { Vocabulary.playWords.contains($0.lower) })
        {
            return .score(
                NumberSpan(value: first, tokens: index..<index + 1, isScore: true), NumberSpan(value: second, tokens: index..<index + 1, isScore: true))
        }
        if parts.count == 2, let low = plainNumber(parts[0]), let high = plainNumber(parts[1]), high > low {
            return .number(NumberSpan(value: low, upper: high, tokens: index..<index + 1))
        }
        // "1,000-plus families": more than the number.
        if parts.count == 2, parts[1] == "plus", let value = plainNumber(parts[0]) {
            return .number(NumberSpan(value: value, tokens: index..<index + 1, isPlus: true))
        }
        // "a 30-bed ward", "a 45-seat council": the number counts the noun glued to it.
        if parts.count == 2, let value = plainNumber(parts[0]), parts[1].allSatisfy(\.isLetter), parts[1].count > 2,
            !Vocabulary.timeUnits.contains(parts[1]), !["year", "years", "old", "strong"].contains(parts[1])
        {
            return .number(NumberSpan(value: value, tokens: index..<index + 1, attachedUnit: parts[1] + "s"))
        }
        if parts.count > 1 { return .notACount(index..<index + 1) }
        if perHour, let value = plainNumber(text) { return .number(NumberSpan(value: value, tokens: index..<index + 1, attachedUnit: "km/h")) }
        var digits = text
        var attached: String?
        var factor = 1.0
        if digits.hasSuffix("%") {
            digits.removeLast()
            attached = "percent"
        } else if let letters = digits.firstIndex(where: \.isLetter) {
            let suffix = String(digits[letters...])
            digits = String(digits[..<letters])
            if ordinalSuffixes.contains(suffix) || timeSuffixes.contains(suffix) { return .notACount(index..<index + 1) }
            // "€25m", "$3.4bn": after a currency sign a letter is a scale, not a measure; so
            // is "m" before a plural ("1.2m people").
            let pluralFollows =
                index + 1 < tokens.count && tokens[index + 1].kind == .word && tokens[index + 1].lower.hasSuffix("s")
                || index + 1 < tokens.count && Vocabulary.irregularPlurals.contains(tokens[index + 1].lower)
            if let scale = Vocabulary.scaleAbbreviations[suffix], currency != nil || ["m", "bn", "mn"].contains(suffix) && pluralFollows {
                factor = scale
            } else {
                guard let unit = glued[suffix] else { return .notACount(index..<index + 1) }
                attached = unit.unit
                factor = unit.factor
            }
        }
        return counted(plainNumber(digits), factor: factor, attached: attached, currency: currency, tokens, at: index)
    }

    /// "4.1 billion" is 4,100,000,000, not the 4,099,999,999.9999995 that binary floating point
    /// makes of 4.1 × 10⁹: a decimal scaled by a thousand or more is snapped to the whole number
    /// it is within rounding of.
    static func scaled(_ value: Double, by scale: Double) -> Double {
        let product = value * scale
        guard scale >= 1000, product.isFinite else { return product }
        let whole = product.rounded()
        return abs(product - whole) <= abs(product) * 1e-12 ? whole : product
    }

    /// The currency sign ("$") or code ("NOK") written right before a number, as its unit.
    static func currency(before index: Int, in tokens: [WordToken]) -> String? {
        guard index > 0 else { return nil }
        let previous = tokens[index - 1]
        // Signs are punctuation and codes capitalised words: no other token needs a lookup.
        switch previous.kind {
        case .punctuation: return Vocabulary.currencies[previous.text]
        case .word: return previous.isCapitalized ? Vocabulary.currencyCodes[previous.text] : nil
        case .number: return nil
        }
    }

    /// The number that digits and a scale after them ("1.5 million", "2 dozen") make, with its unit.
    private static func counted(_ digits: Double?, factor: Double, attached: String?, currency: String?, _ tokens: [WordToken], at index: Int) -> Reading {
        guard var value = digits else { return .notACount(index..<index + 1) }
        var attached = attached
        value = scaled(value, by: factor)
        var end = index + 1
        if end < tokens.count, let scale = Vocabulary.scales[tokens[end].lower] ?? Vocabulary.scaleAbbreviations[tokens[end].lower], scale >= 1000 {
            value = scaled(value, by: scale)
            end += 1
        } else if end < tokens.count, tokens[end].lower == "dozen" {
            value *= 12
            end += 1
        }
        // "$40 million": the currency written before the number is its unit.
        if attached == nil, let currency { attached = currency }
        return .number(NumberSpan(value: value, tokens: index..<end, attachedUnit: attached))
    }

    /// Digits with optional thousands separators and a decimal part.
    static func plainNumber(_ text: String) -> Double? {
        if let value = plainASCIINumber(text) { return value }
        guard !text.isEmpty, text.first!.isNumber else { return nil }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count <= 2 else { return nil }
        let whole = groups[0].split(separator: ",", omittingEmptySubsequences: false)
        if whole.count > 1, !whole.dropFirst().allSatisfy({ $0.count == 3 }) { return nil }
        return Double(text.filter { $0 != "," })
    }

    /// `plainNumber` read from the bytes when `text` is ASCII digits, commas and at most one
    /// point between digits, with at most 15 significant digits; `.none` means "not decided
    /// here", `.some(nil)` "not a number". The value is `mantissa / 10^decimals`: both are
    /// exact doubles, so the one rounded division gives what `Double(String)` parses.
    private static func plainASCIINumber(_ text: String) -> Double?? {
        var text = text
        return text.withUTF8 { bytes -> Double?? in
            guard let first = bytes.first, WordTokenizer.isDigit(first) else { return nil }
            var mantissa: Int64 = 0
            var significant = 0
            var decimals: Int?
            var groupLength = 0
            var sawComma = false
            var previous: UInt8 = 0
            for byte in bytes {
                if WordTokenizer.isDigit(byte) {
                    mantissa = mantissa &* 10 &+ Int64(byte &- 0x30)
                    if mantissa > 0 { significant += 1 }
                    if let count = decimals { decimals = count + 1 } else { groupLength += 1 }
                } else if byte == 0x2C, decimals == nil {
                    if sawComma, groupLength != 3 { return .some(nil) }
                    sawComma = true
                    groupLength = 0
                } else if byte == 0x2E, decimals == nil, WordTokenizer.isDigit(previous) {
                    decimals = 0
                } else {
                    return nil
                }
                previous = byte
            }
            if sawComma, groupLength != 3 { return .some(nil) }
            guard WordTokenizer.isDigit(previous), significant <= 15, (decimals ?? 0) < powersOfTen.count else { return nil }
            return .some(Double(mantissa) / powersOfTen[decimals ?? 0])
        }
    }

    /// 10^0 ... 10^22, every one an exact double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { product, _ in product * 10 } }

    private static func readWords(_ tokens: [WordToken], at index: Int) -> Reading {
        var position = index
        let word = tokens[index].lower
        guard tokens[index].roles.contains(.numberStart) || WordTokenizer.contains(0x2D, in: word) && Vocabulary.roles[String(word.prefix { $0 != "-" })]?.contains(.numberStart) == true else {
            return .none
        }
        // "a handful", "tens of thousands": the shared vague amounts of more than one word.
        if Vocabulary.longVagueStarts.contains(word), let vague = vagueAmount(tokens, at: index), vague.words.count > 1 {
            return .number(NumberSpan(value: vague.value, isVague: true, tokens: index..<index + vague.words.count))
        }
        // "half a million", "a quarter of a million": a fraction of the number after it.
        if Vocabulary.fractionStarts.contains(word), let fraction = fraction(tokens, at: index) { return .number(fraction) }
        // "a thousand", "a dozen", "an estimated" is a qualifier, not a number.
        if word == "a" || word == "an" {
            guard index + 1 < tokens.count else { return .none }
            let next = tokens[index + 1].lower
            if let collective = Vocabulary.collective[next] {
                return .number(NumberSpan(value: collective, tokens: index..<index + 2))
            }
            guard let scale = Vocabulary.scales[next] else { return .none }
            var value = scale
            position = index + 2
            // "a hundred and fifty"
            if let (rest, end) = wordNumber(tokens, from: position, allowAnd: true), rest < scale {
                value += rest
                position = end
            }
            return .number(NumberSpan(value: value, tokens: index..<position))
        }
        if let vague = Vocabulary.vague[word] {
            return .number(NumberSpan(value: vague, isVague: true, tokens: index..<index + 1))
        }
        guard let (value, end) = wordNumber(tokens, from: index, allowAnd: false) else { return .none }
        return .number(NumberSpan(value: value, tokens: index..<end))
    }

    /// `QualifierPhrases.vagueAmount` of the (up to three) words from `index`, read in place.
    private static func vagueAmount(_ tokens: [WordToken], at index: Int) -> (words: [String], value: Double)? {
        let available = min(tokens.count - index, 3)
        return QualifierPhrases.vagueAmounts.first { $0.words.count <= available && tokens.lowers(from: index, equal: $0.words) }
    }

    /// "half a million" (500,000), "a quarter of a million", "three quarters of a billion".
    private static func fraction(_ tokens: [WordToken], at index: Int) -> NumberSpan? {
        var position = index
        if ["a", "one", "three"].contains(tokens[position].lower), position + 1 < tokens.count { position += 1 }
        guard let part = Vocabulary.fractions[tokens[position].lower] else { return nil }
        var share = part
        if position > index, tokens[index].lower == "three" { share *= 3 }
        position += 1
        if position < tokens.count, tokens[position].lower == "of" { position += 1 }
        guard position + 1 < tokens.count, ["a", "an", "one"].contains(tokens[position].lower),
            let scale = Vocabulary.scales[tokens[position + 1].lower], scale >= 1000
        else { return nil }
        return NumberSpan(value: share * scale, tokens: index..<position + 2)
    }

    /// "three", "twenty-one", "one hundred and fifty", "two million", "1.5 million" in words.
    private static func wordNumber(_ tokens: [WordToken], from start: Int, allowAnd: Bool) -> (Double, Int)? {
        var total = 0.0
        var current = 0.0
        var position = start
        var consumed = false
        while position < tokens.count {
            let word = tokens[position].lower
            if word == "and", consumed || allowAnd, position + 1 < tokens.count, small(tokens[position + 1].lower) != nil {
                position += 1
                continue
            }
            if let value = small(word) {
                if consumed, current.truncatingRemainder(dividingBy: 100) != 0, value < 100 { break }
                current += value
            } else if word == "dozen", consumed {
                current *= 12
            } else if let scale = Vocabulary.scales[word], consumed {
                if scale == 100 {
                    current = max(current, 1) * 100
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
            } else {
                break
            }
            consumed = true
            position += 1
        }
        guard consumed else { return nil }
        return (total + current, position)
    }

    /// A number word below a hundred, hyphenated compounds included: "seven", "twenty-one".
    private static func small(_ word: String) -> Double? {
        if let unit = Vocabulary.units[word] { return unit }
        if let ten = Vocabulary.tens[word] { return ten }
        guard WordTokenizer.contains(0x2D, in: word) else { return nil }
        let parts = word.split(separator: "-")
        if parts.count == 2, let ten = Vocabulary.tens[String(parts[0])], let unit = Vocabulary.units[String(parts[1])], unit < 10 {
            return ten + unit
        }
        return nil
    }
}
