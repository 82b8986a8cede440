/// The second pass: what each number counts. Read after the number ("298 drones", "307
/// combatants and civilians", "dozens of people", "five of the crew"), glued to it ("20%",
/// "€25m"), taken from the subject of a change ("the number of arrivals rose to 12,406"), or
/// restored when the noun is left out ("12 people were killed and dozens injured"; "7 dead").
/// Lengths of time ("three days") are dropped here: they count no thing.
enum UnitPass {
    /// `previousUnit` is the last unit of the sentences before, for "12 of them".
    static func assign(_ drafts: inout [MentionDraft], in sentence: SentenceContext, previousUnit: String?) {
        let tokens = sentence.tokens
        var lastUnit: String?
        var kept: [MentionDraft] = []
        let whole = frontedWhole(in: sentence, previousUnit: previousUnit)
        for var draft in drafts {
            let span = draft.span
            let after = span.tokens.upperBound
            if span.isScore {
                // "a 2-0 victory": a score counts nothing.
                kept.append(draft)
                continue
            } else if let attached = span.attachedUnit {
                draft.unit = attached
            } else if after < tokens.count, Vocabulary.peopleAdjectives.contains(tokens[after].lower),
                !(after + 1 < tokens.count && isNounPhraseWord(tokens[after + 1]))
            {
                // "12 people were killed and dozens injured": people; "put the toll at 7 dead
                // and 40 injured": the dead and the injured.
                // ("received 31 bodies and treated 87 wounded": after a verb of its own, the
                // adjective is the noun.)
                let governed =
                    draft.start > 0 && sentence.tokens[draft.start - 1].kind == .word && !sentence.tokens[draft.start - 1].isCapitalized
                    && Lemmatizer.pastOrParticiple(sentence.lower(draft.start - 1)) != nil
                draft.unit = governed ? tokens[after].lower : lastUnit.flatMap { Vocabulary.peopleAdjectives.contains($0) ? nil : $0 } ?? tokens[after].lower
                draft.unitEnd = after + 1
            } else {
                (draft.unit, draft.unitEnd) = countedNoun(after: span, in: sentence)
            }
            // "12 of them": them are what the article counted last.
            // ("fewer than 4% of them": a share stays a share.)
            if sentence.lower(after) == "of", ["them", "those", "whom"].contains(sentence.lower(after + 1)), span.attachedUnit == nil {
                // ("87 wounded, 19 of them children": unless a noun of its own follows.)
                let own = sentence.lower(after + 2)
                let named =
                    after + 2 < tokens.count && isNounPhraseWord(tokens[after + 2]) && !tokens[after + 2].isCapitalized
                    && (looksPlural(own) || Vocabulary.irregularPlurals.contains(own))
                // ("Thirteen of those arrested": the participle names who they are.)
                let participle =
                    sentence.lower(after + 1) == "those" && after + 2 < tokens.count && tokens[after + 2].kind == .word
                    && Lemmatizer.pastOrParticiple(own) != nil && own.hasSuffix("ed") && !(after + 3 < tokens.count && isNounPhraseWord(tokens[after + 3]))
                draft.unit = named || participle ? own : lastUnit ?? previousUnit
            }
            if draft.unit == nil {
                // "the death toll has risen to seven": the subject is what is counted;
                // "12 people were killed and dozens injured": the noun is elided. A share is
                // never elided: "%" is written with each number it belongs to.
                // "1,130 collisions ..., up from 1,045": a baseline counts what the sentence's
                // first count counts ("That was up from 164,000": what the text counted last).
                let baseline = TimePass.isBaseline(draft, in: sentence)
                let compared = kept.first { $0.unit.map { !Vocabulary.shareUnits.contains($0) } ?? false }?.unit ?? (kept.isEmpty ? previousUnit : nil)
                let elidedUnit = baseline ? compared : lastUnit.flatMap { Vocabulary.shareUnits.contains($0) ? nil : $0 }
                let elided = baseline || isElided(after, start: draft.start, in: sentence) || NumberPass.isGappedListMember(at: draft.start, in: sentence)
                draft.unit = subjectOfChange(before: draft.start, in: sentence) ?? countedByNumberOf(near: draft.start, in: sentence) ?? (elided ? elidedUnit : nil)
                // "a passing ship rescued two more": more of what the text counted before; so is
                // a number that opens a sentence with a verb ("Two are still missing.").
                // So does "The first 530 were freed".
                let opensSentence = (0..<draft.start).allSatisfy { ["the", "first", "last", "final", "remaining", "another", "a", "further"].contains(sentence.lower($0)) }
                if draft.unit == nil, sentence.lower(after) == "more" || opensSentence && isElided(after, start: draft.start, in: sentence) {
                    draft.unit = previousUnit
                }
                if draft.unit == nil, let whole { draft.unit = whole }
                // "Civic Alliance 31 seats (down 3)": a change in brackets counts what the number
                // before it counts.
                if draft.unit == nil, ["down", "up"].contains(sentence.lower(draft.start - 1)), sentence.lower(draft.start - 2) == "(" {
                    draft.unit = kept.last?.unit
                }

            }
            // "Of the 2,569 teachers who voted, 2,004 backed strikes": the subject right after a
            // fronted whole with a number of its own is a part of that whole.
            if let comma = frontedWholeComma(in: sentence), draft.start == comma + 1, let whole = kept.first?.unit, !Vocabulary.shareUnits.contains(whole),
                Vocabulary.auxiliaries.contains(sentence.lower(after)) || Lemmatizer.pastOrParticiple(sentence.lower(after)) != nil
            {
                draft.unit = whole
                draft.unitEnd = after
            }
            // "Organisers claimed 60,000 took part", "put the crowd at 45,000": a bare number
            // that marches, gathers or makes a crowd counts people.
            if draft.unit == nil, span.attachedUnit == nil, Self.countsPeople(draft, in: sentence) { draft.unit = "people" }
            // "6,280 others", "14 others": more of what was counted before; a pronoun or an
            // adverb read after a number counts nothing ("the 1,000 they had expected").
            if let unit = draft.unit, Self.notUnits.contains(unit) {
                draft.unit = unit == "others" ? lastUnit ?? previousUnit : nil
            }
            if draft.unit != nil {
                lastUnit = draft.unit
            }
            if let unit = draft.unit, Vocabulary.timeUnits.contains(unit), span.attachedUnit == nil { continue }
            kept.append(draft)
        }
        drafts = kept
    }

    /// "put the number of injured at 75", "bringing the number of dead to nine", "brings to
    /// 4,600 the number of Kestrians freed": "the number of" in a bare number's clause names
    /// what it counts.
    private static func countedByNumberOf(near start: Int, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        let clause = sentence.clauses[start]
        guard
            let number = tokens.indices.first(where: {
                sentence.clauses[$0] == clause && ["number", "total", "tally"].contains(tokens[$0].lower) && sentence.lower($0 - 1) == "the"
                    && sentence.lower($0 + 1) == "of"
            })
        else { return nil }
        var position = number + 2
        var words: [String] = []
        while position < tokens.count, words.count < 3,
            isNounPhraseWord(tokens[position]) || Vocabulary.peopleAdjectives.contains(tokens[position].lower) || isAdjectivalParticiple(at: position, in: sentence)
        {
            words.append(tokens[position].lower)
            if looksPlural(tokens[position].lower) || Vocabulary.irregularPlurals.contains(tokens[position].lower) || Vocabulary.peopleAdjectives.contains(tokens[position].lower) {
                break
            }
            position += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Verbs whose subject is people: a bare number before them counts people.
    static let peopleVerbs: Set<String> = [
        "took", "take", "marched", "march", "gathered", "gather", "protested", "protest", "rallied", "rally", "attended", "attend",
        "demonstrated", "joined", "join", "walked", "walk", "fled", "flee", "queued", "voted", "vote", "signed", "turned"
    ]

    /// Whether a bare number counts people: a verb of people follows it ("60,000 took part",
    /// "up to 15,000 to march"), or it is the size of a crowd ("put the crowd at 45,000").
    private static func countsPeople(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        var next = draft.span.tokens.upperBound
        while ["to", "still", "also", "have", "had", "will", "would", "could"].contains(sentence.lower(next)) { next += 1 }
        let verb = sentence.lower(next)
        // ("took part", "turned out": these only with their particle.)
        let needsParticle: Set<String> = ["took", "take", "turned"]
        if peopleVerbs.contains(verb), !needsParticle.contains(verb) || ["part", "out"].contains(sentence.lower(next + 1)) { return true }
        let start = draft.start
        return sentence.lower(start - 1) == "at" && (max(0, start - 5)..<start).contains { sentence.lower($0) == "crowd" }
    }

    /// Words a noun phrase after a number may pick up that count nothing themselves.
    static let notUnits: Set<String> = ["others", "it", "they", "them", "we", "he", "she", "you", "once", "twice", "underground", "each", "apiece"]

    /// "Of the injured, 31 were taken to hospital and five remain": the whole a sentence opens
    /// with names what its bare numbers count ("Of those, 120 ...": what the text counted last).
    private static func frontedWhole(in sentence: SentenceContext, previousUnit: String?) -> String? {
        let tokens = sentence.tokens
        guard sentence.lower(0) == "of", let comma = tokens.prefix(8).firstIndex(where: { $0.isPunctuation(",") }), comma > 1,
            !tokens[1..<comma].contains(where: { $0.kind == .number || $0.roles.contains(.numberWord) })
        else { return nil }
        if comma == 2, ["those", "them", "these"].contains(sentence.lower(1)) { return previousUnit }
        guard Vocabulary.determiners.contains(sentence.lower(1)) || sentence.lower(1) == "all" else { return nil }
        let head = tokens[comma - 1]
        return head.kind == .word && !head.isCapitalized ? head.lower : nil
    }

    /// The comma closing a fronted whole that holds a number of its own: "Of the 2,569 teachers
    /// who voted, ...".
    private static func frontedWholeComma(in sentence: SentenceContext) -> Int? {
        guard sentence.lower(0) == "of", let comma = sentence.tokens.prefix(10).firstIndex(where: { $0.isPunctuation(",") }),
            sentence.tokens[1..<comma].contains(where: { $0.kind == .number })
        else { return nil }
        return comma
    }

    /// A number whose noun was left out, so that it counts what the sentence counted last: a
    /// verb or participle follows it ("and dozens injured", "and 19 were hurt"), or nothing
    /// that could be a noun does ("detained 20 protesters and released 15.", "killing 41
    /// people and injuring more than 300,", "down from nearly 158,000 in 2023").
    private static func isElided(_ position: Int, start: Int, in sentence: SentenceContext) -> Bool {
        if position >= sentence.tokens.count || sentence.tokens[position].kind == .punctuation { return true }
        let word = sentence.lower(position)
        if ["in", "on", "by", "at", "for", "last", "this", "a", "per", "each", "more", "others", "other", "against"].contains(word) { return true }
        if Vocabulary.auxiliaries.contains(word) || Vocabulary.events[word] != nil { return true }
        return sentence.tokens[position].kind == .word && Lemmatizer.pastOrParticiple(word) != nil
    }

    /// The noun phrase a number counts, read after it. Returns the unit and the token after it.
    static func countedNoun(after span: NumberSpan, in sentence: SentenceContext) -> (String?, Int) {
        let tokens = sentence.tokens
        var position = span.tokens.upperBound
        if position < tokens.count, ["percent", "per"].contains(tokens[position].lower) {
            let end = tokens[position].lower == "per" && sentence.lower(position + 1) == "cent" ? position + 2 : position + 1
            if sentence.lower(end) == "of", sentence.lower(end + 1) == "the", sentence.lower(end + 2) == "vote" { return ("percent", end + 3) }
            return ("percent", end)
        }
        if sentence.lower(position) == "percentage", sentence.lower(position + 1) == "points" { return ("percentage points", position + 2) }
        // "58 of the 141 seats": the whole names the unit of the part; "nine of the dead",
        // "five of the crew": the noun after "of the" does.
        if position + 1 < tokens.count, tokens[position].lower == "of", !span.isVague {
            var next = position + 1
            if Vocabulary.determiners.contains(tokens[next].lower) { next += 1 }
            // "12 of the operator's 95 coaches": past the possessor; "1,900 of its usual 3,100
            // services": past an adjective before the whole.
            if next + 1 < tokens.count, tokens[next + 1].lower == "'s" { next += 2 }
            if next + 1 < tokens.count, tokens[next + 1].kind == .number, tokens[next].kind == .word { next += 1 }
            if next < tokens.count, case .number(let whole) = NumberReader.read(tokens, at: next), !whole.isVague {
                return countedNoun(after: whole, in: sentence)
            }
            // "38,000 of the affected cars", "four of the injured miners", "31 of the returning
            // Lanmari prisoners": past the words that describe the whole to its plural noun.
            if next > position + 1, let noun = (next..<min(tokens.count, next + 3)).first(where: { isNounPhraseWord(tokens[$0]) && looksPlural(tokens[$0].lower) }),
                noun > next, tokens[next..<noun].allSatisfy({ $0.kind == .word && ($0.lower.hasSuffix("ed") || $0.lower.hasSuffix("ing") || $0.isCapitalized) })
            {
                return (tokens[noun].lower, noun + 1)
            }
            if next > position + 1, next < tokens.count, isNounPhraseWord(tokens[next]) || Vocabulary.irregularPlurals.contains(tokens[next].lower) {
                return (tokens[next].lower, next + 1)
            }
        }
        // "dozens of people", "tens of thousands of soldiers", "a third of"
        if position + 1 < tokens.count, tokens[position].lower == "of", span.isVague || Vocabulary.scales[tokens[position - 1].lower] != nil {
            position += 1
            while position < tokens.count, ["the", "them", "those", "these"].contains(tokens[position].lower) { position += 1 }
        }
        // "5,000 more nurses", "300 fewer beds": the comparative is no part of the noun.
        if ["more", "fewer", "additional", "extra"].contains(sentence.lower(position)), position + 1 < tokens.count, isNounPhraseWord(tokens[position + 1]),
            looksPlural(tokens[position + 1].lower) || Vocabulary.irregularPlurals.contains(tokens[position + 1].lower)
        {
            position += 1
        }
        var words: [WordToken] = []
        // "17 arrests", "5 strikes", "12 counts": right after a number, a plural is a noun even
        // when the same word can be a verb.
        if position < tokens.count, tokens[position].kind == .word, looksPlural(tokens[position].lower),
            Vocabulary.events[tokens[position].lower] != nil || tokens[position].roles.contains(.reportingVerb),
            !Vocabulary.phraseStops.contains(tokens[position].lower)
        {
            return (tokens[position].lower, position + 1)
        }
        // ("up from 110,000 last year": a time after the number is no noun of it.)
        while position < tokens.count, words.count < 4, !sentence.isTimeToken[position],
            isNounPhraseWord(tokens[position]) || isAdjectivalParticiple(at: position, in: sentence) || isNounModifier(at: position, in: sentence)
        {
            words.append(tokens[position])
            position += 1
            if isAdjectivalParticiple(at: position - 1, in: sentence) || isNounModifier(at: position - 1, in: sentence) { continue }
            // A plural ends the phrase: "six seats short of", "110 Ukrainian drones", "11 people
            // remain" — unless another plural noun follows it: "96 sports bags", "three fish
            // farms", "150 office posts".
            let last = words.last!.lower
            let pluralFollows =
                position < tokens.count && tokens[position].kind == .word && !tokens[position].isCapitalized
                && looksPlural(tokens[position].lower) && (isNounPhraseWord(tokens[position]) || tokens[position].roles.contains(.reportingVerb))
                && Vocabulary.events[tokens[position].lower] == nil
            if !pluralFollows, looksPlural(last) || Vocabulary.irregularPlurals.contains(last) || last.utf8.count > 4 && last.hasSuffix("men") || Vocabulary.measures.contains(last) {
                break
            }
        }
        // "150 office posts", "12 bus stops": after a modifier, a plural that could be a verb is
        // the head, unless an object follows it ("the firm posts 40 videos").
        if let last = words.last, !looksPlural(last.lower), position < tokens.count, tokens[position].kind == .word, !tokens[position].isCapitalized,
            looksPlural(tokens[position].lower), !tokens[position].roles.isDisjoint(with: [.reportingVerb, .eventVerb, .presentVerb]),
            !Vocabulary.phraseStops.contains(tokens[position].lower), !startsAnObject(position + 1, in: sentence)
        {
            words.append(tokens[position])
            position += 1
        }
        // "40 freight and passenger trains", "24 ballistic and cruise missiles": two modifiers of one plural.
        if let last = words.last, !looksPlural(last.lower), position + 2 < tokens.count, ["and", "or"].contains(tokens[position].lower),
            isNounPhraseWord(tokens[position + 1]), !looksPlural(tokens[position + 1].lower), isNounPhraseWord(tokens[position + 2]),
            looksPlural(tokens[position + 2].lower) || Vocabulary.irregularPlurals.contains(tokens[position + 2].lower)
        {
            let modifiers = words.map(\.lower).joined(separator: " ")
            return ([modifiers, tokens[position].lower, tokens[position + 1].lower, tokens[position + 2].lower].joined(separator: " "), position + 3)
        }
        guard let head = words.last else { return (nil, position) }
        var unit = head.lower
        // "70 firefighters, soldiers and volunteers": a list of plurals with no number of its own.
        var listEnd = position
        var list = [unit]
        while listEnd + 1 < tokens.count, tokens[listEnd].isPunctuation(","), isNounPhraseWord(tokens[listEnd + 1]), looksPlural(tokens[listEnd + 1].lower) {
            list.append(tokens[listEnd + 1].lower)
            listEnd += 2
        }
        if list.count > 1, listEnd + 1 < tokens.count, ["and", "or"].contains(tokens[listEnd].lower), isNounPhraseWord(tokens[listEnd + 1]),
            looksPlural(tokens[listEnd + 1].lower) || Vocabulary.irregularPlurals.contains(tokens[listEnd + 1].lower)
        {
            return (list.joined(separator: ", ") + " " + tokens[listEnd].lower + " " + tokens[listEnd + 1].lower, listEnd + 2)
        }
        // "soldiers and civilians", "cities and villages": a second noun with no number of its own.
        if position + 1 < tokens.count, tokens[position].lower == "and" || tokens[position].lower == "or",
            isNounPhraseWord(tokens[position + 1]), tokens[position + 1].lower.hasSuffix("s") || tokens[position + 1].lower == head.lower,
            !(position + 2 < tokens.count && isNounPhraseWord(tokens[position + 2]) && !tokens[position + 2].lower.hasSuffix("s")),
            // "150 km/h and gusts of up to 185": the second noun has a number of its own.
            !(position + 2 < tokens.count && tokens[position + 2].lower == "of"),
            // "serves 2.9 million people and employs about 38,000": a verb with its object.
            !startsAnObject(position + 2, in: sentence)
        {
            unit += " " + tokens[position].lower + " " + tokens[position + 1].lower
            position += 2
        }
        return (unit, position)
    }

    /// "The death toll from the floods has risen to seven" → "death toll"; "the number of
    /// arrivals rose to 12,406" → "arrivals": the head of the clause's subject, for a number
    /// with no noun of its own after a verb of change.
    static func subjectOfChange(before start: Int, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        var verb = start - 1
        // "has risen by 38% to 41,900": the change by a share comes between verb and number.
        if verb >= 0, tokens[verb].lower == "to", let by = changeByShare(endingAt: verb - 1, in: sentence) { verb = by }
        if verb >= 0, ["to", "at", "by"].contains(tokens[verb].lower) { verb -= 1 }
        guard verb > 0, Vocabulary.changeVerbs.contains(tokens[verb].lower) else { return nil }
        var clauseStart = verb
        while clauseStart > 0, tokens[clauseStart - 1].kind != .punctuation { clauseStart -= 1 }
        // "The death toll rose", or a bare plural subject: "Deaths rose to 40", "Job vacancies
        // totalled 96,500", "Applications from overseas fell 12% to 4,900".
        let determiner = (clauseStart..<verb).first(where: { ["the", "its", "their"].contains(tokens[$0].lower) })
        let barePlural = (clauseStart..<min(verb, clauseStart + 3)).first { looksPlural(tokens[$0].lower) && isNounPhraseWord(tokens[$0]) }
        guard determiner != nil || barePlural.map({ plural in (clauseStart...plural).allSatisfy { isNounPhraseWord(tokens[$0]) } }) ?? false else { return nil }
        var words: [String] = []
        var position = determiner.map { $0 + 1 } ?? clauseStart
        // "the number of arrivals", "the total of": the noun after "of" is counted.
        if ["number", "total", "count", "tally"].contains(sentence.lower(position)), sentence.lower(position + 1) == "of" {
            position += 2
            if Vocabulary.determiners.contains(sentence.lower(position)) { position += 1 }
        }
        while position < verb, words.count < 3, !Vocabulary.auxiliaries.contains(tokens[position].lower), !Vocabulary.changeVerbs.contains(tokens[position].lower),
            isNounPhraseWord(tokens[position])
                // "the number of empty posts has risen": a plural that could be a verb, after a modifier.
                || !words.isEmpty && looksPlural(tokens[position].lower) && tokens[position].roles.contains(.reportingVerb)
        {
            words.append(tokens[position].lower)
            position += 1
        }
        // A death toll counts deaths.
        if words.last == "toll" { return "deaths" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Where "by 38%" (or "by 38 percent") starts, when it ends at `end`.
    private static func changeByShare(endingAt end: Int, in sentence: SentenceContext) -> Int? {
        var position = end
        if sentence.lower(position) == "percent" || sentence.lower(position) == "%" { position -= 1 }
        guard position > 0, sentence.tokens[position].kind == .number || sentence.tokens[position].roles.contains(.numberStart) else { return nil }
        if sentence.lower(position - 1) == "by" { return position - 1 }
        // "fell 12% to 4,900": a share right after the verb.
        return Vocabulary.changeVerbs.contains(sentence.lower(position - 1)) ? position - 1 : nil
    }

    /// A word that can stand in the noun phrase after a number: not a function word, not a
    /// verb form we know, not a number.
    static func isNounPhraseWord(_ token: WordToken) -> Bool {
        guard token.kind == .word else { return false }
        let lower = token.lower
        if !token.roles.isDisjoint(with: [.phraseStop, .reportingVerb, .presentVerb, .numberWord, .phrasalVerb]) { return false }
        // "wiping 1.1 billion kronor off its value", "flights out": a particle is no noun.
        if lower == "'s" || Vocabulary.adverbialParticles.contains(lower) { return false }
        // "the final four shortly before": an adverb in "-ly" is no noun (a few nouns end so).
        if lower.utf8.count > 5, lower.hasSuffix("ly"), !["family", "supply", "assembly", "monopoly", "anomaly", "butterfly"].contains(lower) { return false }
        if token.roles.contains(.eventVerb), !token.roles.contains(.eventNounForm) { return false }
        // Past participles and gerunds end the phrase ("390 soldiers freed"), adjectives
        // written with a hyphen do not ("Iranian-designed").
        if lower.utf8.count > 4, !lower.utf8.contains(0x2D), lower.hasSuffix("ed") || lower.hasSuffix("ing") { return false }
        return true
    }

    /// Whether an object starts here, as after a verb: a number, a determiner, a qualifier
    /// (not a preposition: "42 homes and businesses in Varn").
    static func startsAnObject(_ position: Int, in sentence: SentenceContext) -> Bool {
        guard position < sentence.tokens.count else { return false }
        let token = sentence.tokens[position]
        return token.kind == .number || token.roles.contains(.numberStart) || Vocabulary.determiners.contains(token.lower)
            || ["about", "around", "some", "nearly", "almost", "roughly", "approximately", "more", "fewer", "less", "up", "that"].contains(token.lower)
            || token.lower == "at" && ["least", "most"].contains(sentence.lower(position + 1))
    }

    /// "85,000 magnetic building sets", "five fishing boats": a word in "-ing" before a plural
    /// noun names a kind of it.
    private static func isNounModifier(at position: Int, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        guard position + 1 < tokens.count, tokens[position].kind == .word, tokens[position].lower.hasSuffix("ing"), !tokens[position].isCapitalized,
            !Vocabulary.phraseStops.contains(tokens[position].lower), isNounPhraseWord(tokens[position + 1]) || tokens[position + 1].roles.contains(.reportingVerb)
        else { return false }
        return looksPlural(tokens[position + 1].lower) && !startsAnObject(position + 2, in: sentence)
    }

    /// "181,400 registered voters", "2,980 displaced civilians": a participle before a plural
    /// noun describes it.
    private static func isAdjectivalParticiple(at position: Int, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        guard position + 1 < tokens.count, tokens[position].kind == .word,
            Lemmatizer.pastOrParticiple(tokens[position].lower) != nil || Lemmatizer.isNegatedParticiple(tokens[position].lower),
            !Vocabulary.phraseStops.contains(tokens[position].lower), isNounPhraseWord(tokens[position + 1])
        else { return false }
        let next = tokens[position + 1].lower
        return looksPlural(next) || Vocabulary.irregularPlurals.contains(next)
    }

    static func looksPlural(_ word: String) -> Bool {
        // Byte tests: this runs for every word after a number.
        let bytes = word.utf8
        guard bytes.count > 3, bytes.last == 0x73, !bytes.contains(0x2D) else { return false }
        let beforeLast = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        return beforeLast != 0x73 && beforeLast != 0x75 && beforeLast != 0x69 // not -ss, -us, -is
    }
}
