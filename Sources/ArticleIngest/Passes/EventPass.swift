/// The third pass: the verb each number belongs to, in its dictionary form ("were freed" →
/// free, "the release of 303 soldiers" → release, "lost their lives" → lose life), from which
/// the mention's event class follows (`EventClasses`). A verb of saying is never the event:
/// in "police said 12 people were arrested" the event is `arrest`.
enum EventPass {
    static func assign(_ drafts: inout [MentionDraft], in sentence: SentenceContext) {
        for index in drafts.indices {
            let partitive = Self.partitiveVerb(index, in: drafts, sentence: sentence)
            // "a 120-bed hospital", "58 of the 141 seats": a capacity or a whole, no event.
            if drafts[index].isStandingTotal(in: sentence), partitive == nil { continue }
            var found = partitive ?? verb(for: drafts[index], in: sentence)
            // "beating Redhill Athletic 3-1": a score belongs to the play before it.
            if drafts[index].span.isScore,
                let event = (max(0, drafts[index].start - 6)...min(sentence.tokens.count - 1, drafts[index].start + 1)).lazy
                    .compactMap({ Vocabulary.playEvents[sentence.lower($0)] }).last
            {
                found = event
            }
            // "expects 3,000 more people to arrive", "would allow six wolves to be culled": the
            // verb after "to" is what happens to them.
            if let raising = found, Self.raisingLemmas.contains(raising), let infinitive = Self.infinitive(after: drafts[index], in: sentence) {
                found = infinitive
            }
            // "45 migrants are feared dead": the hedge is not the event, what it hedges is.
            if let hedge = found, Self.hedgingLemmas.contains(hedge), let hedged = Self.hedged(after: drafts[index], in: sentence) {
                found = hedged
            }
            if let partitive { found = partitive }
            // "a boat carrying 87 people, among them two dozen children": the part shares the
            // whole's verb; so does the other side of a comparison ("distributed 48,700 parcels,
            // compared with 39,200 in 2024") and the level a change reached (", to €412 million").
            if index > 0,
                Self.introducesAPart(before: drafts[index].start, in: sentence) || Self.comparesWithTheOneBefore(drafts[index].start, in: sentence)
                    || Self.isShareOfTheOneBefore(drafts[index], in: sentence)
            {
                found = drafts[index - 1].verb
            }
            // "Social care will receive €312 million and public transport €188 million", "up from
            // 287 on Wednesday and 166 on Tuesday": a number with no verb of its own after "and"
            // shares the verb of the number before it (the verb is left out, not missing).
            if found == nil, index > 0, drafts[index - 1].verb != nil, Self.isGapped(drafts[index], after: drafts[index - 1], in: sentence),
                // ("and 212 patients are in hospital": a verb of its own, even one that says little.)
                !Vocabulary.auxiliaries.contains(sentence.lower(max(drafts[index].unitEnd, drafts[index].span.tokens.upperBound))),
                drafts[index].unit.flatMap({ EventClasses.eventNouns[String($0.split(separator: " ").last ?? "")] }) == nil
            {
                found = drafts[index - 1].verb
            }
            // "an 11 percent increase", "a 9% pay rise", "a 64% reduction": the change noun after.
            if ["a", "an"].contains(sentence.lower(drafts[index].start - 1)),
                let noun = EventClasses.eventNouns[sentence.lower(drafts[index].unitEnd)] ?? EventClasses.eventNouns[sentence.lower(drafts[index].unitEnd + 1)],
                Self.changeLemmas.contains(noun) || ["cut", "reduce"].contains(noun)
            {
                found = noun
            }
            // "The dead included 11 drivers": who is counted among the dead is a death.
            if found == "include", let include = (0..<drafts[index].start).last(where: { ["include", "included", "includes"].contains(sentence.lower($0)) }),
                Vocabulary.peopleAdjectives.contains(sentence.lower(include - 1)), ["the", "those"].contains(sentence.lower(include - 2))
            {
                let adjective = sentence.lower(include - 1)
                found = adjective == "dead" ? "die" : Vocabulary.events[adjective] ?? found
            }
            // "41 are missing" is `miss`; "remain missing" keeps its verb.
            if found == "miss", let missing = sentence.tokens[drafts[index].span.tokens.upperBound...].firstIndex(where: { $0.lower == "missing" }),
                sentence.tokens[max(0, missing - 2)..<missing].contains(where: { ["remain", "remains", "remained"].contains($0.lower) })
            {
                found = "remain"
            }
            // "revenue totalled $11.2bn, up from $10.1bn": the earlier level of the same change.
            let start = drafts[index].start
            // ", from 3.3% this year": the same holds after a bare "from" that opens an aside.
            if index > 0, sentence.lower(start - 1) == "from", ["up", "down"].contains(sentence.lower(start - 2)) || sentence.lower(start - 2) == "," {
                found = drafts[index - 1].verb
            }
            // "the death toll has risen to seven", "deaths rose to 40": what is counted is the
            // event; the verb only says how its number changed.
            // "made 17 arrests", "suffered minor injuries": a light verb's object is the event.
            if let light = found, Self.lightLemmas.contains(light), let noun = Self.eventNounAfter(drafts[index], in: sentence) {
                found = noun
            }
            // "Damage is estimated at $40m", "police put the crowd at 18,000": the thing
            // estimated names the event.
            // So does the toll that was revised or rose: "the death toll has been revised down to 34".
            if let estimate = found, ["estimate", "put", "revise"].contains(estimate) || Self.changeLemmas.contains(estimate),
                let noun = Self.eventNounBefore(drafts[index].start, in: sentence),
                !Self.changeLemmas.contains(estimate) || drafts[index].unit == nil || ["kill", "injure"].contains(EventClasses.event(for: noun))
            {
                found = noun
            }
            if let unit = drafts[index].unit, let noun = EventClasses.eventNouns[unit.split(separator: " ").last.map(String.init) ?? unit],
                EventClasses.event(for: noun) != noun, found == nil || Self.changeLemmas.contains(found!) || Self.recordingLemmas.contains(found!)
            {
                drafts[index].verb = noun == "death toll" || unit.hasSuffix("toll") ? "death toll" : noun
            } else if found == "lose", ["lives", "life"].contains(drafts[index].unit ?? "") {
                // "the loss of five lives"
                drafts[index].verb = "lose life"
            } else {
                drafts[index].verb = found
            }
            // "The storm killed 12 and injured 40": deaths and injuries are of people.
            if drafts[index].unit == nil, let verb = drafts[index].verb, ["kill", "injure"].contains(EventClasses.event(for: verb)) {
                drafts[index].unit = "people"
            }
        }
    }

    /// "More than 3,400 donors and 58 businesses gave money": a number coordinated with the
    /// next one, with no verb of its own, shares the verb the pair is the subject of.
    static func shareCoordinatedVerbs(_ drafts: inout [MentionDraft], in sentence: SentenceContext) {
        for index in drafts.indices.dropLast().reversed() where drafts[index].verb == nil {
            let next = drafts[index + 1]
            // (The pair is a subject: a verb form follows the second number's noun.)
            var after = next.unitEnd
            if after < sentence.tokens.count, sentence.tokens[after].isPunctuation(",") { after += 1 }
            guard let verb = next.verb, after < sentence.tokens.count,
                Vocabulary.auxiliaries.contains(sentence.lower(after)) || isPastVerb(at: after, in: sentence) || Lemmatizer.isVerb(sentence.lower(after)),
                drafts[index].unitEnd < next.start,
                sentence.tokens[drafts[index].unitEnd..<next.start].allSatisfy({ ["and", "or", ","].contains($0.lower) || $0.isPunctuation(",") }),
                sentence.tokens[drafts[index].unitEnd..<next.start].contains(where: { ["and", "or"].contains($0.lower) })
            else { continue }
            drafts[index].verb = verb
        }
    }

    /// "shot down 41 of the 56 missiles and 87 of the 112 drones launched by Velmora": a bare
    /// participle after a partitive's whole (or after the last of a list of them) describes
    /// the wholes, which take it ("12 of the 40 people arrested were released"); when no main
    /// verb follows it, each part takes the verb that governs it, or across "and" the earlier
    /// part's.
    private static func partitiveVerb(_ index: Int, in drafts: [MentionDraft], sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        func wholeIndex(of part: Int) -> Int? {
            var after = drafts[part].span.tokens.upperBound
            guard sentence.lower(after) == "of", part + 1 < drafts.count else { return nil }
            after += 1
            if Vocabulary.determiners.contains(sentence.lower(after)) { after += 1 }
            return drafts[part + 1].span.tokens.lowerBound == after ? part + 1 : nil
        }
        func describingParticiple(fromWhole first: Int) -> Int? {
            var whole = first
            while true {
                let end = drafts[whole].unitEnd
                guard end < tokens.count else { return nil }
                if sentence.lower(end) == "and" || tokens[end].isPunctuation(","), whole + 1 < drafts.count, drafts[whole + 1].start == end + 1,
                    let next = wholeIndex(of: whole + 1)
                {
                    whole = next
                    continue
                }
                return isDescribingParticiple(at: end, ofWholeWithPartAt: drafts[whole - 1].span.tokens.lowerBound, in: sentence) ? end : nil
            }
        }
        if let whole = wholeIndex(of: index) {
            // ("12 of the 40 people arrested were released": the main verb after is the part's.)
            guard let participle = describingParticiple(fromWhole: whole), mainVerb(after: participle, in: sentence) == nil else { return nil }
            let start = drafts[index].start
            // ("shot down 58 of the 71 drones": the verb is before its particle.)
            let governingAt = particles.contains(sentence.lower(start - 1)) ? start - 2 : start - 1
            if let governing = verb(at: governingAt, in: sentence, allowUnknown: true) { return governing }
            guard sentence.lower(start - 1) == "and" || tokens[max(0, start - 1)].isPunctuation(",") else { return nil }
            return (0..<index).last(where: { wholeIndex(of: $0) != nil }).flatMap { drafts[$0].verb }
        }
        if index > 0, wholeIndex(of: index - 1) == index, let participle = describingParticiple(fromWhole: index) {
            return verb(at: participle, in: sentence, allowUnknown: true)
        }
        return nil
    }

    /// Whether the word after a partitive's whole is a participle describing the whole: "shot
    /// down 87 of the 112 drones launched by Velmora" (the partitive is an object), "12 of the
    /// 40 people arrested were released" (a main verb follows) — but not the verb of a
    /// partitive subject ("two of the 36 escalators failed").
    static func isDescribingParticiple(at position: Int, ofWholeWithPartAt part: Int, in sentence: SentenceContext) -> Bool {
        let word = sentence.lower(position)
        guard position < sentence.tokens.count, sentence.tokens[position].kind == .word, !word.hasSuffix("ing"), !Vocabulary.auxiliaries.contains(word),
            Lemmatizer.pastOrParticiple(word) != nil
        else { return false }
        if mainVerb(after: position, in: sentence) != nil { return true }
        var before = part - 1
        while before > 0, Vocabulary.qualifierEndings.contains(sentence.lower(before)) || ["than", "about", "some", "nearly", "almost"].contains(sentence.lower(before)) {
            before -= 1
        }
        let governing = sentence.lower(before)
        if particles.contains(governing) || !Vocabulary.auxiliaries.contains(governing) && Lemmatizer.pastOrParticiple(governing) != nil && !governing.hasSuffix("ing") {
            return true
        }
        // "... 41 of the 56 missiles and 87 of the 112 drones launched": a list of partitive objects.
        guard governing == "and" || sentence.tokens[max(0, before)].isPunctuation(",") else { return false }
        return (max(1, before - 8)..<before).contains { sentence.lower($0) == "of" && sentence.tokens[$0 - 1].kind == .number }
    }

    /// Verbs whose object is the subject of an infinitive after it ("expects 175 to return").
    static let raisingLemmas: Set<String> = ["expect", "allow", "want", "need", "ask", "order", "force", "cause", "permit", "require", "urge"]

    /// The verb of "to VERB" or "to be VERBED" right after a number's noun phrase.
    private static func infinitive(after draft: MentionDraft, in sentence: SentenceContext) -> String? {
        var position = draft.unitEnd
        // "175 of its citizens to return": past the owner of the part.
        if sentence.lower(position) == "of", position + 3 < sentence.tokens.count, sentence.lower(position + 3) == "to" { position += 2 }
        while position < sentence.tokens.count, position - draft.unitEnd < 4, sentence.lower(position) != "to", sentence.tokens[position].kind == .word,
            !Vocabulary.auxiliaries.contains(sentence.lower(position))
        {
            position += 1
        }
        guard sentence.lower(position) == "to" else { return nil }
        if sentence.lower(position + 1) == "be", let participle = Lemmatizer.pastOrParticiple(sentence.lower(position + 2)) {
            return Vocabulary.events[sentence.lower(position + 2)] ?? participle
        }
        let verb = sentence.lower(position + 1)
        return Lemmatizer.isVerb(verb) && !Vocabulary.copulas.contains(verb) ? Vocabulary.events[verb] ?? verb : nil
    }

    /// Verbs that hedge what they report: "are feared dead", "were presumed drowned".
    static let hedgingLemmas: Set<String> = ["fear", "presume", "believe", "report", "confirm", "think"]

    /// The word a hedge governs, as an event: "feared dead" → die, "believed killed" → kill.
    private static func hedged(after draft: MentionDraft, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        var position = draft.unitEnd
        while position + 1 < tokens.count, position - draft.unitEnd < 4 {
            if Lemmatizer.pastOrParticiple(tokens[position].lower).map(hedgingLemmas.contains) ?? false {
                let next = tokens[position + 1].lower
                if next == "dead" { return "die" }
                if next != "to", let lemma = Vocabulary.events[next] ?? Lemmatizer.pastOrParticiple(next) { return lemma }
                return nil
            }
            position += 1
        }
        return nil
    }

    /// "compared with 39,200", ", against nine who had not", ", to €412 million" after a change.
    private static func comparesWithTheOneBefore(_ start: Int, in sentence: SentenceContext) -> Bool {
        let previous = sentence.lower(start - 1)
        if ["with", "to"].contains(previous), sentence.lower(start - 2) == "compared" { return true }
        if previous == "against" || previous == "to", sentence.tokens[max(0, start - 2)].isPunctuation(",") { return true }
        return false
    }

    /// Whether only "and" and a noun phrase stand between the number before and this one:
    /// "€312 million and public transport €188 million", "won four seats and the Farmers' List two".
    private static func isGapped(_ draft: MentionDraft, after previous: MentionDraft, in sentence: SentenceContext) -> Bool {
        if NumberPass.isGappedListMember(at: draft.start, in: sentence) { return true }
        // (A number whose words reach back into the one before shares nothing with it.)
        guard previous.span.tokens.upperBound <= draft.start else { return false }
        let between = (previous.span.tokens.upperBound..<draft.start)
        // "11 drivers, five passengers and three pedestrians": a list joins by commas too.
        if between.count >= 1, between.count <= 4, sentence.tokens[between.lowerBound..<draft.start].contains(where: { $0.isPunctuation(",") }),
            sentence.tokens[between].allSatisfy({ $0.isPunctuation(",") || $0.kind == .word && UnitPass.isNounPhraseWord($0) }),
            sentence.asides[draft.start] == sentence.asides[previous.start]
        {
            return true
        }
        guard let and = between.first(where: { sentence.lower($0) == "and" }), sentence.clauses[and] == sentence.clauses[draft.start] || sentence.lower(and - 1) != ","
        else { return false }
        return between[(and + 1)...].allSatisfy { position in
            let token = sentence.tokens[position]
            return token.kind == .word && (token.isCapitalized || UnitPass.isNounPhraseWord(token) || Vocabulary.determiners.contains(token.lower) || token.lower == "'s")
                || ["'", "’"].contains(token.text)
        }
            && between[..<and].allSatisfy { position in
                let token = sentence.tokens[position]
                return token.kind != .word || sentence.isTimeToken[position] || UnitPass.isNounPhraseWord(token) || !Lemmatizer.isVerb(token.lower)
            }
    }

    /// Whether the words before a number say it is part of the number before it: "including",
    /// "among them", "of whom", "of which".
    private static func introducesAPart(before start: Int, in sentence: SentenceContext) -> Bool {
        // "has treated 14 people, three of them for serious burns"
        if sentence.tokens[max(0, start - 1)].isPunctuation(","), ["them", "whom"].contains(sentence.lower(start + 2)), sentence.lower(start + 1) == "of",
            !(start + 3 < sentence.tokens.count && Vocabulary.auxiliaries.contains(sentence.lower(start + 3)))
        {
            return true
        }
        let previous = sentence.lower(start - 1)
        // "will be handed over today, along with 24 civilians"
        if previous == "with", ["along", "together"].contains(sentence.lower(start - 2)) { return true }
        return previous == "including" && sentence.tokens[max(0, start - 2)].isPunctuation(",")
            || ["them", "whom", "which"].contains(previous) && ["among", "of"].contains(sentence.lower(start - 2))
    }

    /// "cut 1,800 jobs this year, about 12% of its workforce": a share of a whole set off after
    /// a number is that number told another way.
    private static func isShareOfTheOneBefore(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let after = draft.span.tokens.upperBound
        return draft.unit == "percent" && sentence.lower(after) == "of" && ["its", "their", "the"].contains(sentence.lower(after + 1))
            && sentence.tokens[max(0, draft.start - 1)].isPunctuation(",")
    }

    /// Verbs that say little of their own: the event is in their object.
    static let lightLemmas: Set<String> = ["make", "suffer", "sustain", "carry out", "take", "have", "give", "get"]

    /// The event noun a number counts or the one just after its phrase ("17 arrests",
    /// "six officers suffered minor injuries").
    private static func eventNounAfter(_ draft: MentionDraft, in sentence: SentenceContext) -> String? {
        if let unit = draft.unit, let noun = EventClasses.eventNouns[unit] { return noun }
        var position = draft.unitEnd
        while position < sentence.tokens.count, position - draft.unitEnd < 5, sentence.tokens[position].kind == .word {
            if let noun = EventClasses.eventNouns[sentence.lower(position)] { return noun }
            position += 1
        }
        return nil
    }

    /// An event noun in the clause before a number ("Damage from the fire is estimated at").
    private static func eventNounBefore(_ start: Int, in sentence: SentenceContext) -> String? {
        // "put the civilian death toll higher, at 2,400": past the comma to what was estimated.
        let start = isEstimateSetOff(start, in: sentence) ? start - 2 : start
        var back = start - 1
        while back >= 0, sentence.clauses[back] == sentence.clauses[start], sentence.tokens[back].kind != .punctuation || sentence.tokens[back].text == "'" {
            if let noun = EventClasses.eventNouns[sentence.lower(back)] { return noun }
            back -= 1
        }
        return nil
    }

    /// Verbs that only say a number was counted: "recorded 214 deaths" is a count of deaths.
    static let recordingLemmas: Set<String> = ["record", "register", "report", "confirm", "count", "log", "document", "see", "link", "attribute", "blame"]

    /// Verbs that only say a number changed: "rose", "reached", "stands at".
    static let changeLemmas: Set<String> = [
        "rise", "climb", "jump", "reach", "stand", "hit", "increase", "grow", "fall", "drop", "decline", "decrease", "soar", "surge", "total", "bring"
    ]

    /// Where the verb of a number is: an event noun it belongs to ("the release of 303"), a
    /// verb right before it ("launched 298"), a participle after its noun ("were killed",
    /// "buses arriving"), the nearest verb before it in the clause, else one shortly after.
    static func verb(for draft: MentionDraft, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        let start = draft.start
        if let noun = eventNoun(before: start, in: sentence) { return noun }
        // "Redhill had 58% of possession", "which has 420 members": having is the event.
        if ["had", "has", "have", "having"].contains(sentence.lower(start - 1)) { return "have" }
        // ", up 38% on last year", "down 2%": a change.
        if ["up", "down"].contains(sentence.lower(start - 1)), start < 2 || sentence.tokens[start - 2].kind == .punctuation {
            return sentence.lower(start - 1) == "up" ? "rise" : "fall"
        }
        // "7 dead and 40 injured": the adjective is the event — unless a verb of its own takes
        // them ("treated 87 wounded").
        let next = sentence.lower(draft.span.tokens.upperBound)
        if draft.unitEnd == draft.span.tokens.upperBound + 1, Vocabulary.peopleAdjectives.contains(next), let adjective = next == "dead" ? "die" : Vocabulary.events[next] {
            if start > 0, sentence.tokens[start - 1].roles.contains(.eventVerb), let lemma = Vocabulary.events[sentence.lower(start - 1)],
                !["leave", "kill", "injure"].contains(lemma), EventClasses.event(for: lemma) == lemma
            {
                return lemma
            }
            return adjective
        }
        var position = max(draft.unitEnd, draft.span.tokens.upperBound)
        // "40% of voters backed": past the share's of-phrase to its verb.
        if draft.unit == "percent", sentence.lower(position) == "of" {
            var end = position + 1
            while end < tokens.count, end - position <= 4, UnitPass.isNounPhraseWord(tokens[end]) || Vocabulary.determiners.contains(tokens[end].lower) {
                end += 1
                if UnitPass.looksPlural(tokens[end - 1].lower) || Vocabulary.irregularPlurals.contains(tokens[end - 1].lower) { break }
            }
            if end > position + 1 { position = end }
        }
        var skipped = 0
        var modal = false
        while position < tokens.count, skipped < 4, Vocabulary.auxiliaries.contains(tokens[position].lower) || Vocabulary.modals.contains(tokens[position].lower) && tokens[position].lower != "to" {
            modal = modal || Vocabulary.modals.contains(tokens[position].lower)
            position += 1
            skipped += 1
        }
        // "six are due to appear", "are expected to arrive": the verb after the "to".
        if position + 2 < tokens.count, Vocabulary.futureBeforeTo.contains(tokens[position].lower), tokens[position + 1].lower == "to",
            Lemmatizer.isVerb(tokens[position + 2].lower), !["be", "remain", "stay", "seem", "become", "keep"].contains(tokens[position + 2].lower)
        {
            return Vocabulary.events[tokens[position + 2].lower] ?? tokens[position + 2].lower
        }
        // "76 of 151 members must vote": a base form after a modal.
        if modal, position < tokens.count, Vocabulary.events[tokens[position].lower] == nil, Lemmatizer.isVerb(tokens[position].lower),
            !Vocabulary.copulas.contains(tokens[position].lower), !Vocabulary.phraseStops.contains(tokens[position].lower)
        {
            return tokens[position].lower
        }
        // A verb right before the number governs it: "launched 298", "employs 14,500", also
        // across "an average of", "a total of": "adding an average of €46".
        let amountOf =
            ["average", "total", "maximum", "minimum"].contains(sentence.lower(start - 2)) && sentence.lower(start - 1) == "of"
            && ["a", "an"].contains(sentence.lower(start - 3))
        // "cancelled all 64 crossings scheduled for today": past "all" to the verb.
        // ("cut off 27 men working a seam": past the particle to its verb.)
        let governing = amountOf ? start - 4 : sentence.lower(start - 1) == "all" || particles.contains(sentence.lower(start - 1)) ? start - 2 : start - 1
        // "has added six extra sailings": adding, not saying, when a number is its object.
        if ["add", "adds", "added", "adding"].contains(sentence.lower(governing)) { return "add" }
        if let lemma = verb(at: governing, in: sentence, allowUnknown: true), !isAdjective(at: governing, in: tokens) {
            return lemma
        }
        if start > 0, let lemma = presentVerb(at: start - 1, in: sentence) { return lemma }
        // "exceeded births by 14,300", "cut rations by 30%": the verb whose object changed by it.
        if sentence.lower(start - 1) == "by",
            let verb = (max(0, start - 6)..<(start - 1)).reversed().first(where: { position in
                isPastVerb(at: position, in: sentence) || Vocabulary.sameFormParticiples.contains(sentence.lower(position))
            }),
            sentence.tokens[(verb + 1)..<(start - 1)].allSatisfy({ UnitPass.isNounPhraseWord($0) || Vocabulary.determiners.contains($0.lower) }),
            let lemma = self.verb(at: verb, in: sentence, allowUnknown: true) ?? (Vocabulary.sameFormParticiples.contains(sentence.lower(verb)) ? sentence.lower(verb) : nil)
        {
            return lemma
        }
        // "nine aid workers and five miners, were handed over": a comma closing an apposition
        // ("The largest group, 412,000 visitors, came from Germany": its past verb).
        if position + 1 < tokens.count, tokens[position].isPunctuation(","), draft.unitEnd == position, sentence.asides[start] == 0,
            Vocabulary.auxiliaries.contains(tokens[position + 1].lower) && tokens[position + 1].lower != "all" && tokens[position + 1].lower != "also"
                || start > 0 && tokens[start - 1].isPunctuation(",") && isPastVerb(at: position + 1, in: sentence)
        {
            (position, skipped) = pastAuxiliaries(from: position + 1, in: tokens)
        }
        // "1,500 firefighters, backed by 12 helicopters, are working", "One man, aged 71,
        // died": skip the aside; "The hostages, nine aid workers and five miners, were
        // handed over": the apposition's verb is the sentence's.
        if start > 0, tokens[start - 1].isPunctuation(","), position < tokens.count, !tokens[position].isPunctuation(","),
            let close = tokens[position..<min(tokens.count, position + 10)].firstIndex(where: { $0.isPunctuation(",") }),
            close + 1 < tokens.count, Vocabulary.auxiliaries.contains(tokens[close + 1].lower) || isPastVerb(at: close + 1, in: sentence),
            // ("Since May, 14 cases have been reported, compared with 11": a verb of its own before the comma.)
            !(draft.unitEnd..<close).contains(where: { ["have", "has", "had", "were", "was", "are", "is"].contains(tokens[$0].lower) })
        {
            (position, skipped) = pastAuxiliaries(from: close + 1, in: tokens)
        }
        // "Two people who had received the vaccine died": past the relative clause to the verb.
        if ["who", "that"].contains(sentence.lower(position)), let main = verbAfterRelativeClause(at: position, in: sentence) {
            return main
        }
        if position < tokens.count, tokens[position].isPunctuation(","), sentence.asides[start] == 0,
            let close = tokens[(position + 1)..<min(tokens.count, position + 14)].firstIndex(where: { $0.isPunctuation(",") }),
            close + 1 < tokens.count, Vocabulary.auxiliaries.contains(tokens[close + 1].lower) || isPastVerb(at: close + 1, in: sentence)
        {
            (position, skipped) = pastAuxiliaries(from: close + 1, in: tokens)
        }
        // "Two of them turned back": past the pronoun of the whole to the verb.
        if skipped == 0, sentence.lower(position) == "of", ["them", "those", "these", "us"].contains(sentence.lower(position + 1)) {
            (position, skipped) = pastAuxiliaries(from: position + 2, in: tokens)
        }
        if let lemma = verb(at: position, in: sentence, allowUnknown: true) {
            // "1,180 deaths linked to the heat were registered": a participle that only describes
            // the noun gives way to the main verb after it.
            // ("five residents died in January 2023 had ignored ...": a verb that takes no
            // object describes no noun; it is the number's own.)
            if skipped == 0, !Vocabulary.intransitiveVerbs.contains(lemma), let main = mainVerb(after: position, in: sentence) { return main }
            return lemma
        }
        // "with 4,812 infections recorded", "600 redundancies announced in March": a participle
        // of reporting right after the counted noun, with no object of its own, is the event.
        if skipped == 0, position < tokens.count, position >= draft.unitEnd, tokens[position].roles.contains(.reportingVerb),
            !Vocabulary.speechVerbs.contains(tokens[position].lower), tokens[position].lower.hasSuffix("ed"),
            !UnitPass.startsAnObject(position + 1, in: sentence), sentence.lower(position + 1) != "that",
            // ("revised down to 34 from the 41 announced": a baseline shares the change's event.)
            !(sentence.lower(start - 1) == "from" || sentence.lower(start - 2) == "from")
        {
            return baseForm(tokens[position].lower)
        }
        // "16 of them remain in hospital": what the count is now.
        let afterPart = sentence.lower(position) == "of" && ["them", "those", "whom", "these"].contains(sentence.lower(position + 1)) ? position + 2 : position
        if skipped == 0, ["remain", "remains", "remained"].contains(sentence.lower(afterPart)) { return "remain" }
        // "6,000 buses run on the network": a verb in the present right after the counted noun
        // ("60,000 people now shelter there", "dozens still walk in": past adverbs alone).
        let pastAdverbsOnly = skipped > 0 && (position - skipped..<position).allSatisfy { ["now", "still", "also", "already", "all"].contains(sentence.lower($0)) }
        if skipped == 0 || pastAdverbsOnly, position < tokens.count, position > draft.span.tokens.upperBound, tokens[position].kind == .word,
            !tokens[position].isCapitalized, Lemmatizer.isVerb(tokens[position].lower), !Vocabulary.copulas.contains(tokens[position].lower),
            !Vocabulary.phraseStops.contains(tokens[position].lower), !Vocabulary.speechVerbs.contains(tokens[position].lower),
            sentence.lower(position + 1) != "of", draft.unit.map({ UnitPass.looksPlural($0) || Vocabulary.irregularPlurals.contains($0) }) ?? false
        {
            return tokens[position].lower
        }
        // After "were", "had": a participle of any verb WordNet knows ("were recorded", "had
        // quit"), but not an adjective ("were open").
        if skipped > 0, position < tokens.count, tokens[position].kind == .word, !Vocabulary.speechVerbs.contains(tokens[position].lower) {
            let word = tokens[position].lower
            if let base = Lemmatizer.pastOrParticiple(word) { return base }
            if Vocabulary.sameFormParticiples.contains(word) { return word }
        }
        // "In the six months that followed, 19 people ... were admitted": a number that opens
        // its clause is a subject, and its verb comes after it.
        let opensClause = start == 0 || tokens[start - 1].isPunctuation(",") && sentence.asides[start] == 0
        if opensClause, let lemma = verbAhead(from: position, in: sentence) { return lemma }
        // ("Eleven people have died, and 212 patients are in hospital": a subject after "and"
        // with a verb of its own takes none from before.)
        let subjectAfterAnd =
            ["and", "but"].contains(sentence.lower(start - 1)) && Vocabulary.auxiliaries.contains(sentence.lower(max(draft.unitEnd, draft.span.tokens.upperBound)))
        if !subjectAfterAnd, let lemma = verbBefore(start, in: sentence, unit: draft.unit) { return lemma }
        if !opensClause, let lemma = verbAhead(from: position, in: sentence) { return lemma }
        // A light verb the counted noun is the subject of: "58 businesses gave money".
        if position < tokens.count, position >= draft.unitEnd, let light = Vocabulary.lightVerbs[tokens[position].lower] { return light }
        // Last: a light verb before the number in its clause ("made 17 arrests", "gave her
        // alliance 29 seats").
        var back = start - 1
        while back >= 0, start - back <= 4, tokens[back].kind == .word {
            if let light = Vocabulary.lightVerbs[tokens[back].lower] { return light }
            back -= 1
        }
        return nil
    }

    /// "the release of 303 soldiers", "a death toll of 12", "the loss of 400 jobs".
    private static func eventNoun(before start: Int, in sentence: SentenceContext) -> String? {
        guard sentence.lower(start - 1) == "of", let verb = EventClasses.eventNouns[sentence.lower(start - 2)] else { return nil }
        // "A crowd of 61,342 watched": a crowd that does something is that doing.
        if sentence.lower(start - 2) == "crowd", (start + 1..<min(sentence.tokens.count, start + 3)).contains(where: { isPastVerb(at: $0, in: sentence) }) {
            return nil
        }
        if verb == "death toll" { return sentence.lower(start - 3) == "death" ? verb : nil }
        // A noun, not a verb: it has a determiner or an adjective before it.
        let before = sentence.lower(start - 3)
        guard
            Vocabulary.determiners.contains(before) || ["a", "an", "this", "that"].contains(before)
                || start >= 3 && sentence.tokens[start - 3].kind == .word && !Vocabulary.phraseStops.contains(before)
        else { return nil }
        return verb
    }

    /// An auxiliary and a verb shortly after a participle phrase, before any comma or number.
    static func mainVerb(after participle: Int, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        var index = participle + 1
        // ("38 flights scheduled for today and tomorrow ... have been cancelled": "and" between
        // two days; "18 people jailed over the 2024 protests had been freed": a number of the
        // phrase's own.)
        while index + 1 < tokens.count, index - participle < 12, tokens[index].kind == .word || tokens[index].kind == .number,
            tokens[index].lower != "and" || tokens[index + 1].roles.contains(.timeStart) || tokens[index + 1].lower == "tomorrow",
            !["but", "or", "while", "whereas", "which", "that", "who", "when", "where", "after", "before", "because", "as", "until", "if"].contains(tokens[index].lower)
        {
            if ["were", "was", "are", "is", "have", "has", "had"].contains(tokens[index].lower) {
                var next = index + 1
                while next < tokens.count, ["been", "being", "also", "now", "already"].contains(tokens[next].lower) { next += 1 }
                guard next < tokens.count else { return nil }
                let word = tokens[next].lower
                if Vocabulary.reportingVerbs.contains(word), !Vocabulary.speechVerbs.contains(word) { return baseForm(word) }
                return verb(at: next, in: sentence, allowUnknown: true)
            }
            // "24% of the kitchens inspected last year failed at least one check": a past verb
            // with its object is the main verb.
            if index > participle + 1, !tokens[index].isCapitalized, !Vocabulary.speechVerbs.contains(tokens[index].lower),
                isPastVerb(at: index, in: sentence) || Vocabulary.sameFormParticiples.contains(tokens[index].lower), UnitPass.startsAnObject(index + 1, in: sentence)
            {
                return verb(at: index, in: sentence, allowUnknown: true)
            }
            index += 1
        }
        return nil
    }

    /// Walks left from a number to the verb that governs it, within its clause: a comma is
    /// crossed only into a list ("298 drones, including ..., and 69 missiles"), "with" only
    /// before a share ("won ... with 53.4% of the vote").
    private static func verbBefore(_ start: Int, in sentence: SentenceContext, unit: String?) -> String? {
        let tokens = sentence.tokens
        var back = start - 1
        while back >= 0 {
            let token = tokens[back]
            let word = token.lower
            if token.kind == .punctuation {
                if token.text == "," || token.text == "(" || token.text == ")" {
                    let next = back + 1 < tokens.count ? tokens[back + 1].lower : ""
                    let asWellAs = next == "as" && sentence.lower(back + 2) == "well" && sentence.lower(back + 3) == "as"
                    // (A list's next item: a number, a sum of money, a number word or a qualifier.)
                    let nextItem =
                        tokens[back + 1].kind == .number || Vocabulary.currencies[tokens[back + 1].text] != nil
                        || tokens[back + 1].roles.contains(.numberWord) || Vocabulary.qualifierPrefixes.contains { $0.words.first == next }
                    // ("put the death toll higher, at 2,400": the estimate goes on past the comma.)
                    let estimateGoesOn = back == start - 2 && isEstimateSetOff(start, in: sentence)
                    guard ["and", "or", "including", "plus"].contains(next) || asWellAs || nextItem || estimateGoesOn else { return nil }
                } else if token.text != "\"" && token.text != "“" && token.text != "”" && Vocabulary.currencies[token.text] == nil {
                    return nil
                }
                back -= 1
                continue
            }
            // "came third with 640", "finished first with 1,874 votes": past the rank to its verb.
            let ranked = Self.rankWords.contains(sentence.lower(back - 1))
            if word == "with", unit == "percent" || unit == "votes" || ranked {
                back -= ranked ? 2 : 1
                continue
            }
            if token.roles.contains(.clauseOpener) { return word == "with" ? travelVerb(before: back, in: sentence) : nil }
            // "58 of the 141 seats": a number in an of-phrase after another number has no verb of its own.
            if word == "of", back >= start - 3, back > 0, tokens[back - 1].kind == .number { return nil }
            // ("a record low": after an article, a noun.)
            if token.roles.contains(.reportingVerb), !["a", "an", "the"].contains(sentence.lower(back - 1)) {
                if Vocabulary.writingVerbs.contains(word), back == start - 1 { return baseForm(word) }
                if Vocabulary.speechVerbs.contains(word) { return nil }
                // (", at 2,400" after what was estimated is still the estimate's.)
                let estimateEnd = isEstimateSetOff(start, in: sentence) ? start - 2 : start
                let between = tokens[(back + 1)..<max(back + 1, estimateEnd)]
                guard !between.contains(where: { $0.lower == "that" || $0.kind == .punctuation && Vocabulary.currencies[$0.text] == nil }) else { return nil }
                return Vocabulary.events[word] ?? baseForm(word)
            }
            // ("cut capital spending by 25%": a word in "-ing" after a modifier is a noun.)
            let isGerundNoun =
                word.hasSuffix("ing") && back > 0 && EventClasses.eventNouns[word] != nil && tokens[back - 1].kind == .word
                && UnitPass.isNounPhraseWord(tokens[back - 1]) && !Vocabulary.auxiliaries.contains(tokens[back - 1].lower)
            if !isGerundNoun, let lemma = verb(at: back, in: sentence, allowUnknown: true), !isAdjective(at: back, in: tokens), !isPrenominal(at: back, in: tokens) {
                return lemma
            }
            // "stands at 6.1%", "will narrow to 2.6%": a present verb right before the number's
            // preposition (further back, a word in "-s" is more often a plural noun).
            // ("supplies callipers to three carmakers": before "to", a plural noun is likelier.)
            // ("would keep research spending at €400m": after a modal, a base form is the verb.)
            if back >= start - 2
                && (back == start - 1 || ["at", "by", "for"].contains(sentence.lower(back + 1)) || particles.contains(sentence.lower(back + 1))
                    || sentence.lower(back + 1) == "to" && Vocabulary.modals.contains(sentence.lower(back - 1)))
                || sentence.lower(back - 1) != "to" && Vocabulary.modals.contains(sentence.lower(back - 1)),
                let lemma = presentVerb(at: back, in: sentence)
            {
                return lemma
            }
            if ["was", "were", "is", "are", "be"].contains(word) { return nil }
            // "plans to spend 15 billion": a word after an infinitive "to" is a verb.
            if back > 0, tokens[back - 1].lower == "to", token.kind == .word, !Vocabulary.phraseStops.contains(word), !token.isCapitalized,
                Vocabulary.units[word] == nil, Lemmatizer.base(word) != nil
            {
                return baseForm(word)
            }
            back -= 1
        }
        return nil
    }

    /// "put the death toll higher, at 2,400": a figure set off by a comma and "at" that is
    /// still what the clause before it estimates.
    private static func isEstimateSetOff(_ start: Int, in sentence: SentenceContext) -> Bool {
        start >= 3 && sentence.lower(start - 1) == "at" && sentence.tokens[start - 2].isPunctuation(",")
    }

    /// "left Dravno with 1,100 passengers", "went into the water with four friends": a verb
    /// of going shortly before "with", in its clause, is the event of those who go with it.
    private static func travelVerb(before with: Int, in sentence: SentenceContext) -> String? {
        var back = with - 1
        while back >= 0, with - back <= 8, sentence.tokens[back].kind == .word {
            if isPastVerb(at: back, in: sentence) || Lemmatizer.isVerb(sentence.lower(back)),
                let lemma = verb(at: back, in: sentence, allowUnknown: true)
            {
                return Vocabulary.travelVerbs.contains(lemma) ? lemma : nil
            }
            back -= 1
        }
        return nil
    }

    /// The verb of the clause a relative clause sits in: the second group of verb forms after
    /// "who" ("who had received the vaccine died" → die).
    private static func verbAfterRelativeClause(at opener: Int, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        var groups = 0
        var inGroup = false
        var position = opener + 1
        while position < tokens.count, position - opener < 12, tokens[position].kind == .word {
            let isVerbForm = Vocabulary.auxiliaries.contains(tokens[position].lower) || isPastVerb(at: position, in: sentence)
            if isVerbForm, !inGroup {
                groups += 1
                if groups == 2 {
                    while position < tokens.count, Vocabulary.auxiliaries.contains(tokens[position].lower) { position += 1 }
                    return position < tokens.count ? verb(at: position, in: sentence, allowUnknown: true) : nil
                }
            }
            inGroup = isVerbForm
            position += 1
        }
        return nil
    }

    /// The first position past up to four auxiliaries ("have been"), and how many there were.
    private static func pastAuxiliaries(from start: Int, in tokens: [WordToken]) -> (position: Int, skipped: Int) {
        var position = start
        while position < tokens.count, position - start < 4, Vocabulary.auxiliaries.contains(tokens[position].lower) { position += 1 }
        return (position, position - start)
    }

    /// A past form of a verb that is not a name: "died", "fell".
    private static func isPastVerb(at position: Int, in sentence: SentenceContext) -> Bool {
        let token = sentence.tokens[position]
        return token.kind == .word && !token.isCapitalized && !token.lower.hasSuffix("ing") && Lemmatizer.pastOrParticiple(token.lower) != nil
    }

    /// A verb shortly after a position, before any comma: a known verb, or any after an auxiliary.
    private static func verbAhead(from position: Int, in sentence: SentenceContext) -> String? {
        let tokens = sentence.tokens
        var ahead = position
        while ahead < tokens.count, ahead - position < 9, !tokens[ahead].isPunctuation(","), !tokens[ahead].isPunctuation(";") {
            if let lemma = verb(at: ahead, in: sentence, allowUnknown: ahead > position && Vocabulary.auxiliaries.contains(tokens[ahead - 1].lower)) {
                return lemma
            }
            ahead += 1
        }
        return nil
    }

    /// The particles that make one verb of two ("turned away", "handed out").
    static let particles: Set<String> = ["out", "off", "down", "back", "away", "up"]
    /// Places in a race or a vote: "came third with 640".
    private static let rankWords: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "last"]

    /// "the remaining 42 seats", "a combined £21m": a participle after a determiner is an adjective.
    private static func isAdjective(at position: Int, in tokens: [WordToken]) -> Bool {
        guard position > 0, position < tokens.count else { return false }
        let word = tokens[position].lower
        // "owners of damaged homes", "for each hectare of burnt olive grove": a past participle
        // between a preposition and its noun describes the noun.
        if ["of", "for", "in", "on", "with", "from", "about"].contains(tokens[position - 1].lower), !word.hasSuffix("ing"), Lemmatizer.pastOrParticiple(word) != nil,
            position + 1 < tokens.count, tokens[position + 1].kind == .word, !Vocabulary.phraseStops.contains(tokens[position + 1].lower),
            !particles.contains(tokens[position + 1].lower), Lemmatizer.pastOrParticiple(tokens[position + 1].lower) == nil
        {
            return true
        }
        guard word.hasSuffix("ing") || word.hasSuffix("ed") else { return false }
        return ["the", "a", "an", "its", "their", "his", "her"].contains(tokens[position - 1].lower)
    }

    /// "sustained winds", "a collapsed church": an unknown participle right before a noun
    /// describes it; the verb is further left.
    private static func isPrenominal(at position: Int, in tokens: [WordToken]) -> Bool {
        let word = tokens[position].lower
        guard Vocabulary.events[word] == nil, word.hasSuffix("ed") || word.hasSuffix("ing"), position + 1 < tokens.count,
            position == 0 || !Vocabulary.auxiliaries.contains(tokens[position - 1].lower)
        else { return false }
        let next = tokens[position + 1]
        // ("turned away 900": a particle, not a noun; "finished first": a rank.)
        return next.kind == .word && !Vocabulary.phraseStops.contains(next.lower) && !Self.particles.contains(next.lower) && !Self.rankWords.contains(next.lower)
            && Vocabulary.qualifierPrefixes.allSatisfy { $0.words.first != next.lower }
            && Lemmatizer.pastOrParticiple(next.lower) == nil
    }

    /// "employs 14,500", "would review 120": a present "-s" form, or a base form after a
    /// modal or "to", right before a number is its verb.
    /// "residents receive", "scanners check": a plural noun that can be a subject.
    private static func isPluralSubject(at position: Int, in sentence: SentenceContext) -> Bool {
        guard position >= 0, position < sentence.tokens.count else { return false }
        let token = sentence.tokens[position]
        return token.kind == .word && !token.isCapitalized && UnitPass.looksPlural(token.lower) && UnitPass.isNounPhraseWord(token)
            && Vocabulary.events[token.lower] == nil
    }

    private static func presentVerb(at position: Int, in sentence: SentenceContext) -> String? {
        let token = sentence.tokens[position]
        let modalBefore =
            Vocabulary.modals.contains(sentence.lower(position - 1))
            || Vocabulary.auxiliaries.contains(sentence.lower(position - 1)) && Vocabulary.modals.contains(sentence.lower(position - 2))
        if modalBefore, Lemmatizer.isVerb(token.lower), Vocabulary.lightVerbs[token.lower] == nil, !Vocabulary.copulas.contains(token.lower),
            !Vocabulary.phraseStops.contains(token.lower)
        {
            // "would hand out 300"
            let particle = sentence.lower(position + 1)
            return particles.contains(particle) && sentence.lower(position + 2) != "to" ? token.lower + " " + particle : token.lower
        }
        // "Ferries normally carry about 1.2 million": a base form after a plural subject or an adverb.
        if position > 0, token.kind == .word, !token.isCapitalized, Lemmatizer.isVerb(token.lower), Vocabulary.lightVerbs[token.lower] == nil,
            !Vocabulary.copulas.contains(token.lower), !Vocabulary.phraseStops.contains(token.lower), !Vocabulary.speechVerbs.contains(token.lower),
            sentence.lower(position - 1).hasSuffix("ly")
                || ["they", "we", "i", "you", "now", "still", "also", "often", "usually", "together", "which", "who", "that"].contains(sentence.lower(position - 1))
                || Self.isPluralSubject(at: position - 1, in: sentence)
        {
            // "members look after 30 patients": with its particle.
            let particle = sentence.lower(position + 1)
            return particles.contains(particle) && sentence.lower(position + 2) != "to" ? token.lower + " " + particle : token.lower
        }
        // ("exceeded births by 14,300", "cut rations by 30%": after a past verb, a plural is its object.)
        guard token.kind == .word, !token.isCapitalized, token.lower.hasSuffix("s"), !token.lower.hasSuffix("ss"),
            Vocabulary.lightVerbs[token.lower] == nil, !Vocabulary.speechVerbs.contains(token.lower), !Vocabulary.phraseStops.contains(token.lower),
            position > 0, sentence.tokens[position - 1].kind == .word || sentence.tokens[position - 1].isPunctuation(","),
            // ("fired six rockets from hills": after a preposition, a noun.)
            !["from", "in", "on", "at", "of", "with", "into", "across", "near", "over"].contains(sentence.lower(position - 1)),
            !((isPastVerb(at: position - 1, in: sentence) || Vocabulary.sameFormParticiples.contains(sentence.lower(position - 1)))
                && !Vocabulary.auxiliaries.contains(sentence.lower(position - 1)))
        else { return nil }
        return Lemmatizer.base(token.lower).flatMap { $0 == token.lower ? nil : $0 }
    }

    /// Whether a known verb, or a past form WordNet knows, stands at a position.
    static func isVerb(at position: Int, in sentence: SentenceContext) -> Bool {
        verb(at: position, in: sentence, allowUnknown: true) != nil
    }

    /// The dictionary form of any verb form ("confirms" → confirm, "estimated" → estimate).
    static func baseForm(_ word: String) -> String {
        Lemmatizer.base(word) ?? word
    }

    /// The dictionary form of the verb at a position: a known word or phrasal verb ("shot
    /// down"), or, when `allowUnknown`, any past form or participle WordNet knows.
    private static func verb(at position: Int, in sentence: SentenceContext, allowUnknown: Bool) -> String? {
        let tokens = sentence.tokens
        guard position >= 0, position < tokens.count, tokens[position].kind == .word else { return nil }
        let word = tokens[position].lower
        let roles = tokens[position].roles
        // Most words are no verb: the role bits answer that before any lookup.
        if !allowUnknown, roles.isDisjoint(with: [.eventVerb, .phrasalVerb]) { return nil }
        if allowUnknown, !roles.contains(.eventVerb), !roles.contains(.phrasalVerb),
            !roles.isDisjoint(with: [.phraseStop, .reportingVerb]) || tokens[position].isCapitalized && position > 0
        {
            return nil
        }
        if roles.contains(.phrasalVerb), let particles = Vocabulary.phrasalEvents[word] {
            let next = sentence.lower(position + 1)
            if let lemma = particles[next] ?? particles[""] { return lemma }
        }
        // "a pay rise", "the release": a word that is also a noun, after a determiner, is the
        // noun — unless a number follows it ("the firm cut 400 jobs").
        if position > 0, Vocabulary.nounsToo.contains(word),
            !(position + 1 < tokens.count
                && (tokens[position + 1].kind == .number
                    || Vocabulary.currencies[tokens[position + 1].text] != nil || Vocabulary.qualifierEndings.contains(tokens[position + 1].lower)
                    || tokens[position + 1].roles.contains(.numberStart)))
        {
            let determiners: Set<String> = ["a", "an", "the", "its", "their", "this", "that", "his", "her", "our"]
            if determiners.contains(tokens[position - 1].lower)
                || position > 1 && determiners.contains(tokens[position - 2].lower) && tokens[position - 1].kind == .word
            {
                return nil
            }
        }
        var lemma = roles.contains(.eventVerb) ? Vocabulary.events[word] : nil
        if lemma == nil {
            // Light verbs ("saw", "made") are the event only when nothing else is (see above).
            guard allowUnknown, Vocabulary.lightVerbs[word] == nil, !tokens[position].isCapitalized || position == 0, !Vocabulary.phraseStops.contains(word),
                !Vocabulary.reportingVerbs.contains(word)
            else { return nil }
            lemma = Lemmatizer.pastOrParticiple(word)
        }
        // "lost their lives" is a death.
        if lemma == "lose", Vocabulary.lifeOwners.contains(sentence.lower(position + 1)), ["lives", "life"].contains(sentence.lower(position + 2)) {
            return "lose life"
        }
        // "called out", "called off", "wiped out": a particle makes one verb ("up to" is a qualifier).
        if let base = lemma, !base.contains(" "), position + 1 < tokens.count,
            particles.contains(tokens[position + 1].lower),
            !(position + 2 < tokens.count && tokens[position + 2].lower == "to")
        {
            return base + " " + tokens[position + 1].lower
        }
        return lemma
    }
}
