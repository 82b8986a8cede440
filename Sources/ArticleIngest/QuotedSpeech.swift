/// Who speaks a sentence inside a quotation that names no speaker of its own: the speaker
/// named in the quotation's other sentences ("Chief executive Margaret Oduya said: \"Demand
/// has never been higher. In November alone, 640 families came to us.\""), or in the
/// quotation just before or after it ("“Our staff work 14-hour shifts,” said Marisol Tan.
/// “There are 340 nurses at a hospital that needs 500.”").
enum QuotedSpeech {
    /// Where a sentence stands with respect to quotation marks.
    struct Marks {
        /// A quotation is open when the sentence starts (it opened in an earlier sentence).
        var startsInside = false
        /// The sentence's first character opens a quotation.
        var opensAtStart = false
        /// A quotation is still open when the sentence ends.
        var endsInside = false
        var hasQuotation = false

        /// Spoken inside a quotation from its first word.
        var isQuoted: Bool { startsInside || opensAtStart }
    }

    /// The marks of each sentence, following quotations across sentence ends: curly quotes open
    /// and close, a straight one toggles.
    static func marks(of sentences: [String]) -> [Marks] {
        var inside = false
        return sentences.map { text in
            var marks = Marks(startsInside: inside)
            var first = true
            // (Scalars, not characters: this reads every byte of every article.)
            for scalar in text.unicodeScalars where !isWhitespace(scalar) {
                switch scalar {
                case "“": inside = true
                case "”": inside = false
                case "\"": inside.toggle()
                default:
                    first = false
                    continue
                }
                marks.hasQuotation = true
                if first, inside { marks.opensAtStart = true }
                first = false
            }
            marks.endsInside = inside
            return marks
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" : scalar.properties.isWhitespace
    }

    /// The speaker of each quoted sentence that names none (`named[i]` is nil), else nil.
    static func speakers(of sentences: [String], named: [String?]) -> [String?] {
        let marks = marks(of: sentences)
        return sentences.indices.map { index in
            guard named[index] == nil, marks[index].isQuoted else { return nil }
            // The quotation's other sentences, nearest first: back while it ran on into the
            // next sentence, forward while it runs on.
            var back = index - 1
            while back >= 0, marks[back + 1].startsInside {
                if let speaker = named[back] { return speaker }
                back -= 1
            }
            var ahead = index + 1
            while ahead < sentences.count, marks[ahead].startsInside {
                if let speaker = named[ahead] { return speaker }
                ahead += 1
            }
            // A quotation of its own beside another by a named speaker.
            if index > 0, marks[index - 1].hasQuotation, let speaker = named[index - 1] { return speaker }
            if index + 1 < sentences.count, marks[index + 1].isQuoted, let speaker = named[index + 1] { return speaker }
            return nil
        }
    }
}
