import FactStore

/// Turns an article's sentences into mentions: every number with its qualifier, the noun it
/// counts, the event it belongs to, the day it refers to and who said it. Rule-based, with
/// no model and no network: each rule is general (a word list or a pattern of the language),
/// never a pattern of one report.
public struct MentionExtractor {
    public let articleDate: Day?

    public init(articleDate: Day?) { self.articleDate = articleDate }

    /// Mentions of every sentence, in order; `sentences[0]` is sentence 1.
    public func extract(_ sentences: [String]) -> [Mention] {
        var attributions = AttributionFinder()
        var mentions: [Mention] = []
        for (offset, sentence) in sentences.enumerated() {
            let tokens = WordTokenizer.tokenize(sentence)
            let speakers = attributions.find(in: tokens)
            let times = TimeExpressions(articleDate: articleDate).find(in: tokens)
            mentions += extract(tokens, sentence: sentence, number: offset + 1, speakers: speakers, times: times)
        }
        return mentions
    }

    private func extract(_ tokens: [WordToken], sentence: String, number: Int, speakers: [AttributionFinder.Attribution], times: [TimeExpressions.Found]) -> [Mention] {
        var mentions: [Mention] = []
        var units: [(position: Int, unit: String)] = []
        var index = 0
        let timeTokens = Set(times.flatMap { Array($0.tokens) })
        while index < tokens.count {
            if timeTokens.contains(index) {
                index += 1
                continue
            }
            switch NumberReader.read(tokens, at: index) {
            case .none:
                index += 1
            case .notACount(let range):
                index = range.upperBound
            case .number(var span):
                index = span.tokens.upperBound
                guard isCount(span, in: tokens) else { continue }
                var mention = Mention(value: span.value, qualifier: .exact, upper: span.upper, unit: nil, event: nil, date: nil, dateEnd: nil,
                                      attributedTo: nil, text: "", sentence: number)
                let qualifierStart = applyQualifier(&mention, &span, tokens)
                let unitEnd: Int
                if let attached = span.attachedUnit {
                    mention.unit = attached
                    unitEnd = span.tokens.upperBound
                } else {
                    (mention.unit, unitEnd) = countedNoun(after: span, in: tokens)
                }
                if mention.unit == nil {
                    // "12 people were killed and dozens injured": the noun is elided.
                    mention.unit = units.last?.unit
                } else if let unit = mention.unit {
                    units.append((span.tokens.lowerBound, unit))
                }
                if let unit = mention.unit, Lexicon.timeUnits.contains(unit), span.attachedUnit == nil { continue }
                mention.event = event(for: span, unitEnd: unitEnd, in: tokens)
                if let time = nearest(times, to: span.tokens) {
                    mention.date = time.start
                    mention.dateEnd = time.end
                }
                mention.attributedTo = speakers.min { abs($0.position - span.tokens.lowerBound) < abs($1.position - span.tokens.lowerBound) }?.speaker
                mention.text = Self.text(of: tokens[qualifierStart..<span.tokens.upperBound], in: sentence)
                mentions.append(mention)
            }
        }
        return mentions
    }

    /// Whether a number counts something, rather than being a year, a length of time, an
    /// age or part of a name.
    private func isCount(_ span: NumberSpan, in tokens: [WordToken]) -> Bool {
        let first = span.tokens.lowerBound
        let after = span.tokens.upperBound
        let next = after < tokens.count ? tokens[after].lower : ""
        let previous = first > 0 ? tokens[first - 1].lower : ""
        let token = tokens[first]
        // A year: four digits, no separator, standing alone or after "in", "since", a month.
        if token.kind == .number, token.text.count == 4, !token.text.contains(","), (1800...2100).contains(span.value),
           span.tokens.count == 1, span.attachedUnit == nil, !(next.hasSuffix("s") && !Lexicon.phraseStops.contains(next) && !Lexicon.timeUnits.contains(next)) {
            return false
        }
        if Lexicon.timeUnits.contains(next) || next == "o'clock" || next == "a.m" || next == "p.m" { return false }
        // "aged 45", "45-year-old" (the latter is one token the reader already refused)
        if previous == "aged" || previous == "age" { return false }
        if Lexicon.labelWords.contains(previous), first > 0, tokens[first - 1].isCapitalized { return false }
        if first > 0, tokens[first - 1].isPunctuation("#") { return false }
        // "one of the", "no one", "one another"
        if token.lower == "one" && span.tokens.count == 1 {
            if ["of", "another", "day", "side", "way", "time"].contains(next) || ["no", "the", "every", "any", "someone"].contains(previous) { return false }
            if after >= tokens.count || tokens[after].kind != .word || Lexicon.phraseStops.contains(next) { return false }
        }
        return true
    }

    /// Reads "at least", "nearly", "more than", "between ... and" before the number.
    /// Returns the token where the mention's text starts.
    private func applyQualifier(_ mention: inout Mention, _ span: inout NumberSpan, _ tokens: [WordToken]) -> Int {
        let start = span.tokens.lowerBound
        if span.isVague {
            mention.qualifier = .vague
        }
        if span.upper != nil {
            mention.qualifier = .range
        }
        // "between 10 and 15", "from 10 to 15", "10 to 15"
        if span.upper == nil, !span.isVague, span.tokens.upperBound + 1 < tokens.count,
           ["and", "to", "-", "–"].contains(tokens[span.tokens.upperBound].lower),
           case .number(let high) = NumberReader.read(tokens, at: span.tokens.upperBound + 1), high.value > span.value, !high.isVague {
            let connector = tokens[span.tokens.upperBound].lower
            let before = start > 0 ? tokens[start - 1].lower : ""
            if connector != "and" || before == "between" {
                mention.qualifier = .range
                mention.upper = high.value
                span.tokens = span.tokens.lowerBound..<high.tokens.upperBound
                if span.attachedUnit == nil { span.attachedUnit = high.attachedUnit }
                if before == "between" || before == "from" { return start - 1 }
                return start
            }
        }
        for (words, qualifier) in Lexicon.qualifierPrefixes where words.count <= start {
            let candidate = tokens[(start - words.count)..<start].map(\.lower)
            guard candidate == words else { continue }
            if mention.qualifier == .vague || mention.qualifier == .range { return start - words.count }
            mention.qualifier = switch qualifier {
            case .exact: .exact
            case .atLeast: .atLeast
            case .atMost: .atMost
            case .about: .about
            case .nearly: .nearly
            case .moreThan: .moreThan
            case .fewerThan: .fewerThan
            }
            return start - words.count
        }
        return start
    }

    /// The noun phrase a number counts, read after it: "298 drones", "307 combatants and
    /// civilians", "110 Ukrainian drones" (the head, "drones"), "dozens of people".
    /// Returns the unit and the token after the phrase.
    private func countedNoun(after span: NumberSpan, in tokens: [WordToken]) -> (String?, Int) {
        var position = span.tokens.upperBound
        if position < tokens.count, ["percent", "per"].contains(tokens[position].lower) {
            let end = tokens[position].lower == "per" && position + 1 < tokens.count && tokens[position + 1].lower == "cent" ? position + 2 : position + 1
            return ("percent", end)
        }
        // "dozens of people", "tens of thousands of soldiers", "a third of"
        if position + 1 < tokens.count, tokens[position].lower == "of", span.isVague || Lexicon.scales[tokens[position - 1].lower] != nil {
            position += 1
            while position < tokens.count, ["the", "them", "those", "these"].contains(tokens[position].lower) { position += 1 }
        }
        var words: [WordToken] = []
        while position < tokens.count, words.count < 4, isNounPhraseWord(tokens[position]) {
            words.append(tokens[position])
            position += 1
        }
        guard let head = words.last else { return (nil, position) }
        var unit = head.lower
        // "soldiers and civilians", "cities and villages": a second noun with no number of its own.
        if position + 1 < tokens.count, tokens[position].lower == "and" || tokens[position].lower == "or",
           isNounPhraseWord(tokens[position + 1]), tokens[position + 1].lower.hasSuffix("s") || tokens[position + 1].lower == head.lower,
           !(position + 2 < tokens.count && isNounPhraseWord(tokens[position + 2]) && !tokens[position + 2].lower.hasSuffix("s")) {
            unit += " " + tokens[position].lower + " " + tokens[position + 1].lower
            position += 2
        }
        return (unit, position)
    }

    /// A word that can stand in the noun phrase after a number: not a function word, not a
    /// verb form we know, not a number.
    private func isNounPhraseWord(_ token: WordToken) -> Bool {
        guard token.kind == .word else { return false }
        let lower = token.lower
        if Lexicon.phraseStops.contains(lower) || Lexicon.reportingVerbs.contains(lower) || Lexicon.timeUnits.contains(lower) && false { return false }
        if Lexicon.units[lower] != nil || Lexicon.tens[lower] != nil || Lexicon.scales[lower] != nil { return false }
        if lower == "'s" { return false }
        if let lemma = Lexicon.events[lower], !isNounForm(lower, lemma: lemma) { return false }
        if Lexicon.phrasalEvents[lower] != nil { return false }
        // Past participles and gerunds end the phrase ("390 soldiers freed"), adjectives
        // written with a hyphen do not ("Iranian-designed").
        if !lower.contains("-"), lower.count > 4, lower.hasSuffix("ed") || lower.hasSuffix("ing") { return false }
        return true
    }

    /// Event words that are nouns in a counted phrase ("300 deaths", "5 strikes", "12 attacks").
    private func isNounForm(_ word: String, lemma: String) -> Bool {
        ["deaths", "fatalities", "injuries", "strikes", "attacks", "exchanges", "swaps", "raids", "wounds", "hits"].contains(word)
    }

    /// The verb or event noun a number belongs to: a participle right after its noun ("were
    /// killed"), else the nearest event word before it in the same clause, else one shortly after.
    private func event(for span: NumberSpan, unitEnd: Int, in tokens: [WordToken]) -> String? {
        var position = max(unitEnd, span.tokens.upperBound)
        var skipped = 0
        while position < tokens.count, skipped < 4,
              ["were", "was", "have", "has", "had", "been", "being", "be", "are", "is", "reportedly", "also", "all", "later", "initially", "now", "already"].contains(tokens[position].lower) {
            position += 1
            skipped += 1
        }
        if let lemma = eventWord(at: position, in: tokens) { return lemma }
        var back = span.tokens.lowerBound - 1
        while back >= 0 {
            let word = tokens[back].lower
            if tokens[back].isPunctuation(";") || tokens[back].isPunctuation(":") { break }
            if let lemma = eventWord(at: back, in: tokens) { return lemma }
            if ["was", "were", "is", "are", "said", "says", "told"].contains(word) || Lexicon.reportingVerbs.contains(word) { break }
            back -= 1
        }
        var ahead = position
        while ahead < tokens.count, ahead - position < 6, !tokens[ahead].isPunctuation(",") {
            if tokens[ahead].kind == .number { break }
            if let lemma = eventWord(at: ahead, in: tokens) { return lemma }
            ahead += 1
        }
        return nil
    }

    /// The lemma of an event word at a position, phrasal verbs ("shot down") included.
    private func eventWord(at position: Int, in tokens: [WordToken]) -> String? {
        guard position >= 0, position < tokens.count, tokens[position].kind == .word else { return nil }
        let word = tokens[position].lower
        if let particles = Lexicon.phrasalEvents[word] {
            let next = position + 1 < tokens.count ? tokens[position + 1].lower : ""
            if let lemma = particles[next] ?? particles[""] { return lemma }
        }
        return Lexicon.events[word]
    }

    private func nearest(_ times: [TimeExpressions.Found], to span: Range<Int>) -> TimeExpressions.Found? {
        times.min { distance($0.tokens, span) < distance($1.tokens, span) }
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
    }

    /// The sentence text a run of tokens covers.
    static func text(of tokens: ArraySlice<WordToken>, in sentence: String) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        return String(String.UnicodeScalarView(sentence.unicodeScalars.dropFirst(first.start).prefix(last.end - first.start)))
    }
}
