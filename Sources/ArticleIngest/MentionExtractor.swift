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
            mentions += extract(tokens, sentence: sentence, number: offset + 1, speakers: speakers, times: times,
                                previousUnit: mentions.last?.unit)
        }
        return mentions
    }

    private func extract(_ tokens: [WordToken], sentence: String, number: Int, speakers: [AttributionFinder.Attribution], times: [TimeExpressions.Found],
                         previousUnit: String?) -> [Mention] {
        var mentions: [Mention] = []
        var units: [(position: Int, unit: String)] = []
        var index = 0
        var timeTokens = [Bool](repeating: false, count: tokens.count)
        for time in times { for index in time.tokens where index < tokens.count { timeTokens[index] = true } }
        let clauses = Self.clauseNumbers(tokens)
        while index < tokens.count {
            if timeTokens[index] {
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
                guard isCount(span, in: tokens) else {
                    // "aged between 19 and 54": the top of an excluded range goes too.
                    if index + 1 < tokens.count, ["and", "to"].contains(tokens[index].lower), tokens[index + 1].kind == .number { index += 2 }
                    continue
                }
                var mention = Mention(value: span.value, qualifier: .exact, upper: span.upper, unit: nil, event: nil, date: nil, dateEnd: nil,
                                      attributedTo: nil, text: "", sentence: number)
                let qualifierStart = applyQualifier(&mention, &span, tokens)
                index = span.tokens.upperBound
                let unitEnd: Int
                if let attached = span.attachedUnit {
                    mention.unit = attached
                    unitEnd = span.tokens.upperBound
                } else {
                    (mention.unit, unitEnd) = countedNoun(after: span, in: tokens)
                }
                // "12 of them": them are what the article counted last.
                let after = span.tokens.upperBound
                if after + 1 < tokens.count, tokens[after].lower == "of", ["them", "those", "whom"].contains(tokens[after + 1].lower) {
                    mention.unit = units.last?.unit ?? previousUnit
                }
                if mention.unit == nil {
                    // "the death toll has risen to seven": the subject is what is counted;
                    // "12 people were killed and dozens injured": the noun is elided.
                    mention.unit = subjectOfChange(before: qualifierStart, in: tokens) ?? units.last?.unit
                } else if let unit = mention.unit {
                    units.append((span.tokens.lowerBound, unit))
                }
                if let unit = mention.unit, Lexicon.timeUnits.contains(unit), span.attachedUnit == nil { continue }
                mention.event = event(for: span, qualifierStart: qualifierStart, unitEnd: unitEnd, in: tokens)
                if let time = nearest(times, to: span.tokens, clauses: clauses) {
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
        if Lexicon.timeUnits.contains(next) || next == "o'clock" { return false }
        // "8 a.m.", "6 p.m."
        if next == "a" || next == "p", after + 1 < tokens.count, tokens[after + 1].isPunctuation("."), after + 2 < tokens.count, tokens[after + 2].lower == "m" {
            return false
        }
        // "aged 45", "45-year-old" (the latter is one token the reader already refused)
        if previous == "aged" || previous == "age" || previous == "ages" { return false }
        // "aged between 19 and 54"
        if ["between", "from"].contains(previous), first > 1, ["aged", "age", "ages"].contains(tokens[first - 2].lower) { return false }
        // "call 101", "quoting reference 2231": nothing counted after it.
        if Lexicon.referenceWords.contains(previous), after >= tokens.count || tokens[after].kind == .punctuation { return false }
        if Lexicon.labelWords.contains(previous), first > 0, tokens[first - 1].isCapitalized { return false }
        if first > 0, tokens[first - 1].isPunctuation("#") { return false }
        // "one of the", "no one", "one another"
        if token.lower == "one" && span.tokens.count == 1 {
            if ["of", "another", "day", "side", "way", "time"].contains(next) || ["no", "the", "every", "any", "someone"].contains(previous) { return false }
            if after >= tokens.count || tokens[after].kind != .word || Lexicon.phraseStops.contains(next) { return false }
        }
        return true
    }

    static let qualifierEndings = Set(Lexicon.qualifierPrefixes.map { $0.words.last! })

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
        var highStart = span.tokens.upperBound + 1
        if highStart < tokens.count, Lexicon.currencies[tokens[highStart].text] != nil { highStart += 1 }
        if span.upper == nil, !span.isVague, highStart < tokens.count,
           ["and", "to", "-", "–"].contains(tokens[span.tokens.upperBound].lower),
           case .number(let high) = NumberReader.read(tokens, at: highStart), high.value > span.value, !high.isVague {
            let connector = tokens[span.tokens.upperBound].lower
            let before = start > 0 ? tokens[start - 1].lower : ""
            if connector != "and" || before == "between" {
                mention.qualifier = .range
                mention.upper = high.value
                // "between 15 and 20 billion": the scale of the top applies to the bottom.
                if high.tokens.count > 1, let scale = Lexicon.scales[tokens[high.tokens.upperBound - 1].lower], span.tokens.count == 1,
                   span.value * scale <= high.value {
                    mention.value = span.value * scale
                }
                span.tokens = span.tokens.lowerBound..<high.tokens.upperBound
                if span.attachedUnit == nil { span.attachedUnit = high.attachedUnit }
                if before == "between" || before == "from" { return start - 1 }
                return start
            }
        }
        guard start > 0, Self.qualifierEndings.contains(tokens[start - 1].lower) else { return start }
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
        // "58 of the 141 seats": the whole names the unit of the part; "nine of the dead",
        // "two of the victims": the noun after "of the" does.
        if position + 1 < tokens.count, tokens[position].lower == "of", !span.isVague {
            var next = position + 1
            if ["the", "its", "their", "his", "her", "those", "these"].contains(tokens[next].lower) { next += 1 }
            if next < tokens.count, case .number(let whole) = NumberReader.read(tokens, at: next), !whole.isVague {
                return countedNoun(after: whole, in: tokens)
            }
            if next > position + 1, next < tokens.count, isNounPhraseWord(tokens[next]) || Lexicon.irregularPlurals.contains(tokens[next].lower) {
                return (tokens[next].lower, next + 1)
            }
        }
        // "dozens of people", "tens of thousands of soldiers", "a third of"
        if position + 1 < tokens.count, tokens[position].lower == "of", span.isVague || Lexicon.scales[tokens[position - 1].lower] != nil {
            position += 1
            while position < tokens.count, ["the", "them", "those", "these"].contains(tokens[position].lower) { position += 1 }
        }
        var words: [WordToken] = []
        // "17 arrests", "5 strikes": right after a number, a plural is a noun even when the
        // same word can be a verb.
        if position < tokens.count, tokens[position].kind == .word, Self.looksPlural(tokens[position].lower),
           Lexicon.events[tokens[position].lower] != nil, !Lexicon.phraseStops.contains(tokens[position].lower) {
            return (tokens[position].lower, position + 1)
        }
        while position < tokens.count, words.count < 4, isNounPhraseWord(tokens[position]) {
            words.append(tokens[position])
            position += 1
            // A plural ends the phrase: "six seats short of", "110 Ukrainian drones", "11 people remain".
            if Self.looksPlural(words.last!.lower) || Lexicon.irregularPlurals.contains(words.last!.lower) { break }
        }
        guard let head = words.last else { return (nil, position) }
        var unit = head.lower
        // "soldiers and civilians", "cities and villages": a second noun with no number of its own.
        if position + 1 < tokens.count, tokens[position].lower == "and" || tokens[position].lower == "or",
           isNounPhraseWord(tokens[position + 1]), tokens[position + 1].lower.hasSuffix("s") || tokens[position + 1].lower == head.lower,
           !(position + 2 < tokens.count && isNounPhraseWord(tokens[position + 2]) && !tokens[position + 2].lower.hasSuffix("s")),
           // "150 km/h and gusts of up to 185": the second noun has a number of its own.
           !(position + 2 < tokens.count && tokens[position + 2].lower == "of") {
            unit += " " + tokens[position].lower + " " + tokens[position + 1].lower
            position += 2
        }
        return (unit, position)
    }

    /// Verbs that give a new level to their subject: "the toll rose to 41", "stands at 81".
    static let changeVerbs: Set<String> = [
        "risen", "rose", "rise", "rises", "climbed", "climbs", "jumped", "reached", "reaches", "stands", "stood", "hit", "increased",
        "grew", "fell", "dropped", "declined", "decreased", "soared", "surged",
    ]

    /// "The death toll from the floods has risen to seven" → "death toll": the head of the
    /// clause's subject, for a number with no noun of its own after a verb of change.
    private func subjectOfChange(before start: Int, in tokens: [WordToken]) -> String? {
        var verb = start - 1
        if verb >= 0, ["to", "at", "by"].contains(tokens[verb].lower) { verb -= 1 }
        guard verb > 0, Self.changeVerbs.contains(tokens[verb].lower) else { return nil }
        var clauseStart = verb
        while clauseStart > 0, tokens[clauseStart - 1].kind != .punctuation { clauseStart -= 1 }
        guard let determiner = (clauseStart..<verb).first(where: { ["the", "its", "their"].contains(tokens[$0].lower) }) else { return nil }
        var words: [String] = []
        var position = determiner + 1
        while position < verb, words.count < 3, isNounPhraseWord(tokens[position]), !Self.auxiliaries.contains(tokens[position].lower) {
            words.append(tokens[position].lower)
            position += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// A word that can stand in the noun phrase after a number: not a function word, not a
    /// verb form we know, not a number.
    private func isNounPhraseWord(_ token: WordToken) -> Bool {
        guard token.kind == .word else { return false }
        let lower = token.lower
        if Lexicon.phraseStops.contains(lower) || Lexicon.reportingVerbs.contains(lower) || Lexicon.presentVerbs.contains(lower) { return false }
        if Lexicon.units[lower] != nil || Lexicon.tens[lower] != nil || Lexicon.scales[lower] != nil { return false }
        if lower == "'s" { return false }
        if let lemma = Lexicon.events[lower], !isNounForm(lower, lemma: lemma) { return false }
        if Lexicon.phrasalEvents[lower] != nil { return false }
        // Past participles and gerunds end the phrase ("390 soldiers freed"), adjectives
        // written with a hyphen do not ("Iranian-designed").
        if !lower.contains("-"), lower.count > 4, lower.hasSuffix("ed") || lower.hasSuffix("ing") { return false }
        return true
    }

    static func looksPlural(_ word: String) -> Bool {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && !word.contains("-")
    }

    /// Event words that are nouns in a counted phrase ("300 deaths", "5 strikes", "12 attacks").
    private func isNounForm(_ word: String, lemma: String) -> Bool {
        ["deaths", "fatalities", "injuries", "strikes", "attacks", "exchanges", "swaps", "raids", "wounds", "hits"].contains(word)
    }

    /// The verb a number belongs to: a participle right after its noun ("were killed",
    /// "buses arriving"), else the nearest verb before it in the same clause ("launched 298
    /// drones"), else one shortly after ("2,400 rescuers and 150 vehicles have been deployed").
    private func event(for span: NumberSpan, qualifierStart: Int, unitEnd: Int, in tokens: [WordToken]) -> String? {
        var position = max(unitEnd, span.tokens.upperBound)
        var skipped = 0
        while position < tokens.count, skipped < 4, Self.auxiliaries.contains(tokens[position].lower) {
            position += 1
            skipped += 1
        }
        // A verb right before the number governs it: "launched 298", "gusting up to 60 mph",
        // "made 17 arrests".
        if let lemma = verb(at: qualifierStart - 1, in: tokens, allowUnknown: true), !isAdjective(at: qualifierStart - 1, in: tokens) {
            return lemma
        }

        // "1,500 firefighters, backed by 12 helicopters, are working": skip the aside.
        if position < tokens.count, tokens[position].isPunctuation(","),
           let close = tokens[(position + 1)..<min(tokens.count, position + 14)].firstIndex(where: { $0.isPunctuation(",") }),
           close + 1 < tokens.count, Self.auxiliaries.contains(tokens[close + 1].lower) {
            position = close + 1
            skipped = 0
            while position < tokens.count, skipped < 4, Self.auxiliaries.contains(tokens[position].lower) {
                position += 1
                skipped += 1
            }
        }
        if let lemma = verb(at: position, in: tokens, allowUnknown: true) {
            // "1,180 deaths linked to the heat were registered": a participle that only describes
            // the noun gives way to the main verb after it.
            if skipped == 0, let main = mainVerb(after: position, in: tokens) { return main }
            return lemma
        }
        if let lemma = verbBefore(qualifierStart, in: tokens) { return lemma }
        var ahead = position
        while ahead < tokens.count, ahead - position < 6, !tokens[ahead].isPunctuation(","), !tokens[ahead].isPunctuation(";") {
            if let lemma = verb(at: ahead, in: tokens, allowUnknown: ahead > position && Self.auxiliaries.contains(tokens[ahead - 1].lower)) {
                return lemma
            }
            ahead += 1
        }
        // Last: a light verb right before the number ("made 17 arrests").
        if qualifierStart > 0, let light = Lexicon.lightVerbs[tokens[qualifierStart - 1].lower] { return light }
        return nil
    }

    /// An auxiliary and a verb shortly after a participle phrase, before any comma or number.
    private func mainVerb(after participle: Int, in tokens: [WordToken]) -> String? {
        var index = participle + 1
        while index + 1 < tokens.count, index - participle < 8, tokens[index].kind == .word,
              !["and", "but", "or", "while", "whereas", "which", "that", "who"].contains(tokens[index].lower) {
            if ["were", "was", "are", "is", "have", "has", "had"].contains(tokens[index].lower) {
                var next = index + 1
                while next < tokens.count, ["been", "being", "also", "now", "already"].contains(tokens[next].lower) { next += 1 }
                guard next < tokens.count else { return nil }
                let word = tokens[next].lower
                if Lexicon.reportingVerbs.contains(word), !Lexicon.speechVerbs.contains(word) { return Self.reportingLemma(word) }
                return verb(at: next, in: tokens, allowUnknown: true)
            }
            index += 1
        }
        return nil
    }

    static let auxiliaries: Set<String> = [
        "were", "was", "have", "has", "had", "been", "being", "be", "are", "is", "reportedly", "also", "all", "later", "initially",
        "now", "already", "still", "then", "not",
    ]

    /// Walks left from a number to the verb that governs it, within its clause: a comma is
    /// crossed only into a list ("298 drones, including ..., and 69 missiles").
    private func verbBefore(_ start: Int, in tokens: [WordToken]) -> String? {
        var back = start - 1
        while back >= 0 {
            let token = tokens[back]
            let word = token.lower
            if token.kind == .punctuation {
                if token.text == "," || token.text == "(" || token.text == ")" {
                    let next = back + 1 < tokens.count ? tokens[back + 1].lower : ""
                    guard ["and", "or", "including", "plus"].contains(next) || tokens[back + 1].kind == .number else { return nil }
                } else if token.text != "\"" && token.text != "“" && token.text != "”" && Lexicon.currencies[token.text] == nil {
                    return nil
                }
                back -= 1
                continue
            }
            if Lexicon.clauseOpeners.contains(word) { return nil }
            // "58 of the 141 seats": a number in an of-phrase after another number has no verb of its own.
            if word == "of", back > 0, tokens[back - 1].kind == .number { return nil }
            if Lexicon.reportingVerbs.contains(word) {
                if Lexicon.speechVerbs.contains(word) { return nil }
                let between = tokens[(back + 1)..<start]
                guard !between.contains(where: { $0.lower == "that" || $0.kind == .punctuation && Lexicon.currencies[$0.text] == nil }) else { return nil }
                return Lexicon.events[word] ?? Self.reportingLemma(word)
            }
            if let lemma = verb(at: back, in: tokens, allowUnknown: true), !isAdjective(at: back, in: tokens), !isPrenominal(at: back, in: tokens) {
                return lemma
            }
            if ["was", "were", "is", "are", "be"].contains(word) { return nil }
            // "plans to spend 15 billion": a word after an infinitive "to" is a verb.
            if back > 0, tokens[back - 1].lower == "to", token.kind == .word, !Lexicon.phraseStops.contains(word), !token.isCapitalized,
               back + 1 <= start, Lexicon.units[word] == nil {
                return word
            }
            back -= 1
        }
        return nil
    }

    /// Verb forms that are nouns just as often ("a pay rise", "the cost").
    static let nounsToo: Set<String> = [
        "rise", "fall", "cost", "release", "return", "control", "swap", "strike", "hit", "attack", "launch", "fire", "damage",
        "exchange", "increase", "decrease", "drop", "decline", "arrest", "capture", "rescue", "win", "loss", "pay", "hold", "take",
    ]

    /// "the remaining 42 seats": a participle after a determiner is an adjective.
    private func isAdjective(at position: Int, in tokens: [WordToken]) -> Bool {
        guard position > 0, tokens[position].lower.hasSuffix("ing") else { return false }
        return ["the", "a", "an", "its", "their", "his", "her"].contains(tokens[position - 1].lower)
    }

    /// "sustained winds", "a collapsed church": an unknown participle right before a noun
    /// describes it; the verb is further left.
    private func isPrenominal(at position: Int, in tokens: [WordToken]) -> Bool {
        let word = tokens[position].lower
        guard Lexicon.events[word] == nil, word.hasSuffix("ed") || word.hasSuffix("ing"), position + 1 < tokens.count,
              position == 0 || !Self.auxiliaries.contains(tokens[position - 1].lower) else { return false }
        let next = tokens[position + 1]
        return next.kind == .word && !Lexicon.phraseStops.contains(next.lower) && Lexicon.qualifierPrefixes.allSatisfy { $0.words.first != next.lower }
            && Lemmatizer.verb(next.lower) == nil
    }

    /// "confirms" → confirm, "estimated" → estimate.
    static func reportingLemma(_ word: String) -> String {
        if let lemma = Lemmatizer.verb(word) { return lemma }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// The lemma of the verb at a position: a known word or phrasal verb ("shot down"), or,
    /// when `allowUnknown`, any regular past form or participle.
    private func verb(at position: Int, in tokens: [WordToken], allowUnknown: Bool) -> String? {
        guard position >= 0, position < tokens.count, tokens[position].kind == .word else { return nil }
        let word = tokens[position].lower
        if let particles = Lexicon.phrasalEvents[word] {
            let next = position + 1 < tokens.count ? tokens[position + 1].lower : ""
            if let lemma = particles[next] ?? particles[""] { return lemma }
        }
        // "a pay rise", "the release": a word that is also a noun, after a determiner, is the noun.
        if Self.nounsToo.contains(word), position > 0 {
            let determiners: Set<String> = ["a", "an", "the", "its", "their", "this", "that", "his", "her", "our"]
            if determiners.contains(tokens[position - 1].lower)
                || position > 1 && determiners.contains(tokens[position - 2].lower) && tokens[position - 1].kind == .word {
                return nil
            }
        }
        var lemma = Lexicon.events[word]
        if lemma == nil {
            guard allowUnknown, !tokens[position].isCapitalized || position == 0, !Lexicon.phraseStops.contains(word),
                  !Lexicon.reportingVerbs.contains(word) else { return nil }
            lemma = Lemmatizer.verb(word)
        }
        // "called out", "called off", "wiped out": a particle makes one verb ("up to" is a qualifier).
        if let base = lemma, !base.contains(" "), position + 1 < tokens.count,
           ["out", "off", "down", "back", "away", "up"].contains(tokens[position + 1].lower),
           !(position + 2 < tokens.count && tokens[position + 2].lower == "to") {
            return base + " " + tokens[position + 1].lower
        }
        return lemma
    }

    /// The time expression a number refers to: the nearest in its own clause, else the
    /// nearest in an earlier clause of the sentence ("Overnight, Russia launched 298 drones ...,
    /// and 69 missiles"). A time in a later clause does not reach back.
    private func nearest(_ times: [TimeExpressions.Found], to span: Range<Int>, clauses: [Int]) -> TimeExpressions.Found? {
        let clause = clauses[span.lowerBound]
        let times = times.filter { distance($0.tokens, span) <= $0.reach }
        let own = times.filter { clauses[$0.tokens.lowerBound] == clause }
        if !own.isEmpty { return own.min { distance($0.tokens, span) < distance($1.tokens, span) } }
        return times.filter { clauses[$0.tokens.lowerBound] < clause }.max { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A clause number for every token: a new clause starts after ";" or at ", and", ", but",
    /// ", while", ", whereas".
    static func clauseNumbers(_ tokens: [WordToken]) -> [Int] {
        var numbers: [Int] = []
        var clause = 0
        for (index, token) in tokens.enumerated() {
            if token.isPunctuation(";") { clause += 1 }
            if index > 0, tokens[index - 1].isPunctuation(","), ["and", "but", "while", "whereas", "although", "though"].contains(token.lower) {
                clause += 1
            }
            numbers.append(clause)
        }
        return numbers
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
    }

    /// The sentence text a run of tokens covers.
    static func text(of tokens: ArraySlice<WordToken>, in sentence: String) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        let utf8 = sentence.utf8
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: first.start)..<utf8.index(utf8.startIndex, offsetBy: last.end)], as: UTF8.self)
    }
}
