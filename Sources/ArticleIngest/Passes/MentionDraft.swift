import FactStore

/// A number on its way to becoming a mention. The passes run in order — numbers and
/// qualifiers, units, events, time, attribution — and each fills in what it knows.
struct MentionDraft {
    var span: NumberSpan
    var qualifier: Qualifier
    /// The token where the mention's words start: the qualifier before the number, if any.
    var start: Int
    var unit: String?
    /// The token after the counted noun phrase (or after the number when there is none).
    var unitEnd: Int
    /// The verb's dictionary form.
    var verb: String?
    var date: Day?
    var dateEnd: Day?
    var attributedTo: String?

    init(span: NumberSpan, qualifier: Qualifier, start: Int) {
        self.span = span
        self.qualifier = qualifier
        self.start = start
        unitEnd = span.tokens.upperBound
    }
}

extension MentionDraft {
    /// A capacity, a distance to a place or a whole that a count is part of, true whatever the
    /// day: "a 120-bed hospital", "60 km away", "14 of the city's 20 districts", "58 of the 141 seats".
    func isStandingTotal(in sentence: SentenceContext) -> Bool {
        let first = span.tokens.lowerBound
        let written = sentence.tokens[first]
        // "Halden, 60 km away", "in Castra, 40 km down the valley": where a place lies, set off
        // after its name ("rolled 80 metres down a slope" is a distance moved).
        if let unit, Vocabulary.distanceUnits.contains(unit), Vocabulary.directions.contains(sentence.lower(unitEnd)),
            start > 0, sentence.tokens[start - 1].isPunctuation(",")
        {
            return true
        }
        // "4 km south of Hollin", "within 2 km of the plant", "30 km from the border", "640
        // metres below ground", "a wall 40 metres thick": where something lies or how big it is.
        if let unit, Vocabulary.distanceUnits.contains(unit) {
            let next = sentence.lower(unitEnd)
            // (After a verb, "from" starts a distance covered: "walked some 400 km from the mountains".)
            var before = first - 1
            while before > 0, ["some", "about", "around", "nearly", "almost", "roughly"].contains(sentence.lower(before)) { before -= 1 }
            let afterMotion = sentence.lower(before) == "for" || Lemmatizer.pastOrParticiple(sentence.lower(before)) != nil
            // ("some 190 km to the south": where a place lies.)
            let toTheSide = next == "to" && sentence.lower(unitEnd + 1) == "the" && Vocabulary.directions.contains(sentence.lower(unitEnd + 2))
            if Vocabulary.directions.contains(next) && sentence.lower(unitEnd + 1) == "of" || (next == "from" || toTheSide) && !afterMotion
                || sentence.lower(first - 1) == "within" || Vocabulary.dimensions.contains(next)
            {
                return true
            }
        }
        // "against a target of 15%", "a long-term average of 162 mm": a yardstick, not a count.
        if ["target", "norm", "benchmark"].contains(sentence.lower(first - 2)) && ["of", "is", "was"].contains(sentence.lower(first - 1))
            || sentence.lower(first - 2) == "average" && sentence.lower(first - 1) == "of" && ["long-term", "historical", "normal", "usual"].contains(sentence.lower(first - 3))
        {
            return true
        }
        // "where the limit is 15 km/h", "its capacity is 230 million", "with room for 2,200 people".
        if Vocabulary.limitNouns.contains(sentence.lower(first - 2)) && ["is", "was", "of", "at"].contains(sentence.lower(first - 1))
            || ["room", "space"].contains(sentence.lower(first - 2)) && sentence.lower(first - 1) == "for"
            // "built in 2022 for 20,000 people", "set up for 8,000": what a place was made for.
            || sentence.lower(first - 1) == "for" && (max(0, first - 7)..<first).contains { ["built", "designed", "set", "meant", "intended", "planned"].contains(sentence.lower($0)) }
        {
            return true
        }
        // "Tolu, a nation of about 110,000 people": a place's size.
        if sentence.lower(start - 1) == "of", Vocabulary.populatedPlaces.contains(sentence.lower(start - 2)), ["a", "an"].contains(sentence.lower(start - 3)) {
            return true
        }
        if span.tokens.count == 1, written.kind == .number, span.attachedUnit != nil,
            written.text.utf8.contains(0x2D), written.text.last?.isLetter == true
        {
            return true
        }
        var position = first - 1
        let all = sentence.lower(position) == "all"
        let owned = ["'s", "’s", "its", "their", "our"].contains(sentence.lower(position))
        // "the city's": the possessor and its "'s" (a token of its own).
        if ["'s", "’s"].contains(sentence.lower(position)) { position -= 2 }
        if sentence.lower(position) == "the" || Vocabulary.determiners.contains(sentence.lower(position)) { position -= 1 }
        if all { position -= 1 }
        // "at its 640 member hotels", "in the country's 14 regions", "at all 212 health centres":
        // a whole a preposition names by its owner, or by "all" where things are ("convicted
        // on all four counts" is the event's), is what a place or body has.
        if owned && Vocabulary.wholePrepositions.contains(sentence.lower(position)) || all && Vocabulary.placePrepositions.contains(sentence.lower(position)),
            !isDatedByItsOwnVerb(in: sentence)
        {
            return true
        }
        guard sentence.lower(position) == "of", position > 0 else { return false }
        let part = sentence.tokens[position - 1]
        guard part.kind == .number || part.roles.contains(.numberWord) || QualifierPhrases.vagueAmounts.contains(where: { $0.words.last == part.lower }) else {
            return false
        }
        // "87 of the 112 drones launched by Velmora": a whole described by what happened to it.
        if EventPass.isDescribingParticiple(at: unitEnd, ofWholeWithPartAt: position - 1, in: sentence) { return false }
        return !isDatedByItsOwnVerb(in: sentence)
    }

    /// "58 of the 71 drones launched overnight": a whole that a verb of its own dates is an
    /// event's ("58 of the 141 seats in Sunday's election" is still the chamber's size).
    /// (Before any comma: ", according to results published on Monday" dates the results,
    /// not the chamber; and only a participle with no object of its own: "four of the
    /// league's 12 clubs drew more than 10,000 on Saturday" dates the four.)
    private func isDatedByItsOwnVerb(in sentence: SentenceContext) -> Bool {
        let first = span.tokens.lowerBound
        let phraseEnd = sentence.tokens[first...].firstIndex { $0.isPunctuation(",") } ?? sentence.tokens.count
        return sentence.times.contains { time in
            time.tokens.lowerBound > first && time.tokens.lowerBound <= phraseEnd && sentence.clauses[time.tokens.lowerBound] == sentence.clauses[first]
                && (first..<time.tokens.lowerBound).contains { position in
                    sentence.tokens[position].kind == .word && Lemmatizer.pastOrParticiple(sentence.lower(position)) != nil
                        && !UnitPass.startsAnObject(position + 1, in: sentence)
                }
        }
    }
}
