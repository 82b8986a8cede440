/// One sentence as the passes see it: its tokens, which of them belong to time expressions,
/// and the clause each token is in.
struct SentenceContext {
    let text: String
    let tokens: [WordToken]
    let times: [TimeExpressions.Found]
    let isTimeToken: [Bool]
    let clauses: [Int]
    /// For every token, the aside it stands in ("The bridge, built in 1962, carries ..."): 0
    /// outside any, else a number of its own. A time in an aside dates only what is in it.
    let asides: [Int]

    init(text: String, tokens: [WordToken], times: [TimeExpressions.Found]) {
        self.text = text
        self.tokens = tokens
        self.times = times
        var marks = [Bool](repeating: false, count: tokens.count)
        for time in times { for index in time.tokens where index < tokens.count { marks[index] = true } }
        isTimeToken = marks
        clauses = Self.clauseNumbers(tokens)
        asides = Self.asideNumbers(tokens)
    }

    /// Asides are set off by commas and open with a participle or a relative pronoun (", set
    /// by the ministry in 2021,"), or are a noun phrase described by a participle (", a
    /// Korvan K-52 bought in 2011,").
    static func asideNumbers(_ tokens: [WordToken]) -> [Int] {
        var numbers = [Int](repeating: 0, count: tokens.count)
        var aside = 0
        var index = 0
        func isParticiple(_ word: String) -> Bool {
            !Vocabulary.auxiliaries.contains(word) && (Lemmatizer.pastOrParticiple(word) != nil || Vocabulary.sameFormParticiples.contains(word))
        }
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].isPunctuation(","), index + 1 < tokens.count else { continue }
            let opener = tokens[index + 1].lower
            let relative = ["which", "who", "whose"].contains(opener)
            let next = tokens[(index + 1)...].firstIndex(where: { $0.isPunctuation(",") || $0.isPunctuation(";") })
            let appositive =
                ["a", "an"].contains(opener)
                && next.map { close in
                    // (", an independent monitor that visited two camps last month," tells an event.)
                    (index + 2..<close).contains { position in
                        let word = tokens[position]
                        return word.kind == .word && !word.roles.contains(.reportingVerb) && !word.lower.hasSuffix("ing") && isParticiple(word.lower)
                            && !["that", "who", "which"].contains(tokens[position - 1].lower)
                    }
                } ?? false
            // (", are being treated" goes on with the sentence's own verb.)
            guard relative || appositive || isParticiple(opener) else { continue }
            // A relative clause with no comma to close it runs to the end: ", which employs 210
            // people."
            guard let close = next ?? (relative ? tokens.count : nil) else { continue }
            aside += 1
            for position in (index + 1)..<close { numbers[position] = aside }
            index = close - 1
        }
        return numbers
    }

    /// Whether the words after a range are a possessive "'s" ("Thursday's earthquake").
    func isPossessive(after range: Range<Int>) -> Bool {
        ["'s", "’s"].contains(lower(range.upperBound))
    }

    /// Whether a token stands in an aside that opens with "which", "who" or "whose".
    func isInRelativeAside(_ index: Int) -> Bool {
        let aside = asides[index]
        guard aside != 0, let opener = asides.firstIndex(of: aside) else { return false }
        return ["which", "who", "whose"].contains(lower(opener))
    }

    func lower(_ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    /// A clause number for every token: a new clause starts after ";" or at ", and", ", but",
    /// ", while", ", down from", ", up from", ", from 400", ", compared with".
    static func clauseNumbers(_ tokens: [WordToken]) -> [Int] {
        var numbers: [Int] = []
        var clause = 0
        for (index, token) in tokens.enumerated() {
            if token.isPunctuation(";") { clause += 1 }
            if index > 0, tokens[index - 1].isPunctuation(","),
                Vocabulary.clauseJoiners.contains(token.lower)
                    || ["down", "up"].contains(token.lower) && index + 1 < tokens.count && (tokens[index + 1].lower == "from" || tokens[index + 1].kind == .number)
                    || ["compared", "against"].contains(token.lower)
                    || token.lower == "from" && index + 1 < tokens.count && tokens[index + 1].kind == .number
            {
                clause += 1
            } else if token.lower == "and", index + 1 < tokens.count, tokens[index + 1].lower == "that" {
                // "said the closure would save £25m from 2026 and that production would move":
                // a second reported clause.
                clause += 1
            }
            numbers.append(clause)
        }
        return numbers
    }

    /// The sentence text a run of tokens covers.
    func text(from first: Int, to last: Int) -> String {
        let utf8 = text.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: tokens[first].start)..<utf8.index(utf8.startIndex, offsetBy: tokens[last].end)], as: UTF8.self)
    }
}
