import FactStore

/// The first pass: finds the numbers of a sentence that count something and reads the
/// qualifier in front of each ("at least", "more than £", "no more than") and ranges
/// ("between 40 and 55", "three or four"). Years, lengths of time, clock times, ages, phone
/// and reference numbers, and numbers in names ("Boeing 737") are left out here.
enum NumberPass {
    static func find(in sentence: SentenceContext) -> [MentionDraft] {
        let tokens = sentence.tokens
        var drafts: [MentionDraft] = []
        var index = 0
        // "aged 19, 34 and 71": after an age, the rest of its list are ages too.
        var ageListEnd = -1
        while index < tokens.count {
            if sentence.isTimeToken[index] {
                index += 1
                continue
            }
            switch NumberReader.read(tokens, at: index) {
            case .none:
                index += 1
            case .notACount(let range):
                index = range.upperBound
            case .score(let first, let second):
                index = first.tokens.upperBound
                drafts.append(MentionDraft(span: first, qualifier: .exact, start: first.tokens.lowerBound))
                drafts.append(MentionDraft(span: second, qualifier: .exact, start: second.tokens.lowerBound))
            case .number(var span):
                index = span.tokens.upperBound
                if span.tokens.lowerBound == ageListEnd + 1, [",", "and", "or"].contains(sentence.lower(span.tokens.lowerBound - 1)) {
                    ageListEnd = index
                    continue
                }
                if ["aged", "ages"].contains(sentence.lower(span.tokens.lowerBound - 1)) { ageListEnd = index }
                guard isCount(span, in: sentence) else {
                    // "aged between 19 and 54", "from 65 to 64": the other end goes too.
                    if index + 1 < tokens.count, ["and", "to", "or"].contains(tokens[index].lower), tokens[index + 1].kind == .number { index += 2 }
                    continue
                }
                // "fallen to minus 14 degrees": below zero.
                if sentence.lower(span.tokens.lowerBound - 1) == "minus", !span.isVague, span.upper == nil {
                    span.value = -span.value
                    span.tokens = (span.tokens.lowerBound - 1)..<span.tokens.upperBound
                }
                var qualifier: Qualifier = span.isVague ? .vague : span.upper != nil ? .range : span.isPlus ? .moreThan : .exact
                let start = readQualifier(&qualifier, &span, in: sentence)
                index = span.tokens.upperBound
                drafts.append(MentionDraft(span: span, qualifier: qualifier, start: start))
            }
        }
        return drafts
    }

    /// Whether a number counts something, rather than being a year, a length of time, an
    /// age, a phone or reference number, or part of a name.
    static func isCount(_ span: NumberSpan, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        let first = span.tokens.lowerBound
        let after = span.tokens.upperBound
        let next = sentence.lower(after)
        let previous = sentence.lower(first - 1)
        let token = tokens[first]
        // A year: four digits, no separator, standing alone or after "in", "since", a month.
        if token.kind == .number, token.text.utf8.count == 4, !token.text.utf8.contains(0x2C), (1800...2100).contains(span.value),
            span.tokens.count == 1, span.attachedUnit == nil,
            !(next.hasSuffix("s") && !Vocabulary.phraseStops.contains(next) && !Vocabulary.timeUnits.contains(next))
        {
            return false
        }
        if Vocabulary.timeUnits.contains(next) || next == "o'clock" { return false }
        // "8 a.m.", "6 p.m."
        if next == "a" || next == "p", sentence.tokens.indices.contains(after + 2), tokens[after + 1].isPunctuation("."), tokens[after + 2].lower == "m" {
            return false
        }
        // Phone numbers and codes: "0300 555 0142" — a leading zero, or digits right after digits.
        if token.kind == .number, span.attachedUnit == nil {
            if token.text.utf8.count > 1, token.text.hasPrefix("0"), !token.text.hasPrefix("0.") { return false }
            if first > 0, tokens[first - 1].kind == .number, !tokens[first - 1].text.utf8.contains(0x2C) { return false }
            if after < tokens.count, tokens[after].kind == .number, !token.text.utf8.contains(0x2C), !tokens[after].text.utf8.contains(0x2C) { return false }
        }
        // Ages: "aged 45", "aged between 19 and 54", "Mark Hale, 54, of Church Street", "the
        // pension age will drop from 65 to 64".
        if ["aged", "age", "ages"].contains(previous) { return false }
        if ["between", "from"].contains(previous), ["aged", "age", "ages"].contains(sentence.lower(first - 2)) { return false }
        if isAgeInApposition(span, in: sentence) { return false }
        // "residents aged over 80", "children under five", "everyone over 75": an age bound
        // after people, with nothing counted after it.
        let bound = [first, first - 1].first { ["over", "under"].contains(sentence.lower($0)) }
        let beforeBound = bound.map { sentence.lower($0 - 1) } ?? ""
        if span.attachedUnit == nil, !beforeBound.isEmpty, !nextIsCountedNoun(after, in: sentence),
            ["aged", "age", "ages", "everyone", "anyone", "those", "people", "adults", "children", "residents", "patients", "volunteers", "women", "men"]
                .contains(beforeBound)
        {
            return false
        }
        if span.attachedUnit == nil, !nextIsCountedNoun(after, in: sentence),
            (max(0, first - 7)..<first).contains(where: { (tokens[$0].lower == "age" || tokens[$0].lower == "ages") && sentence.clauses[$0] == sentence.clauses[first] })
        {
            return false
        }
        // "call 101", "quoting reference 2231": nothing counted after it.
        if Vocabulary.referenceWords.contains(previous), after >= tokens.count || tokens[after].kind == .punctuation { return false }
        // "Flight 17", "sat in row 9": a label, unless something counted follows.
        if Vocabulary.labelWords.contains(previous), first > 0, tokens[first - 1].isCapitalized || !nextIsCountedNoun(after, in: sentence) {
            return false
        }
        if first > 0, tokens[first - 1].isPunctuation("#") { return false }
        // "Boeing 737", "Airbus A320" (one token), "Apollo 11": a capitalised name right before
        // a number that counts nothing.
        if token.kind == .number, span.attachedUnit == nil, first > 1, tokens[first - 1].kind == .word, tokens[first - 1].isCapitalized,
            Vocabulary.months[previous] == nil, Vocabulary.weekdays[previous] == nil, !nextIsCountedNoun(after, in: sentence),
            !(after < tokens.count && Vocabulary.peopleAdjectives.contains(next)), !isGappedListMember(at: first, in: sentence)
        {
            return false
        }
        // "one of the", "no one", "one another"
        if token.lower == "one" && span.tokens.count == 1 {
            if ["of", "another", "day", "side", "way", "time"].contains(next) || ["no", "the", "every", "any", "someone"].contains(previous) { return false }
            // "... and one was taken to hospital": one of what was just counted.
            let elided = ["and", ","].contains(previous) && tokens.indices.contains(after) && tokens[after].roles.contains(.auxiliary)
            if !elided, after >= tokens.count || tokens[after].kind != .word || Vocabulary.phraseStops.contains(next) { return false }
        }
        return true
    }

    /// "won 1,204 votes, the Social Democrats 987 and the Greens 412", "gave the alliance 25
    /// seats and the conservative People's Union 20": a later member of a list whose verb is
    /// left out, a name and its number after "the".
    static func isGappedListMember(at first: Int, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        var position = first - 1
        var lowercase = 0
        while position > 0, tokens[position].kind == .word || ["'", "’"].contains(tokens[position].text), tokens[position].lower != "the" {
            if tokens[position].kind == .word, !tokens[position].isCapitalized, !["'s", "’s"].contains(tokens[position].lower) {
                lowercase += 1
                if lowercase > 1 { return false }
            }
            position -= 1
        }
        let after = first + 1
        guard sentence.lower(position) == "the", position > 0, tokens[position - 1].isPunctuation(",") || sentence.lower(position - 1) == "and",
            after >= tokens.count || tokens[after].kind == .punctuation || ["and", "or"].contains(tokens[after].lower)
        else { return false }
        return tokens[..<position].contains { $0.kind == .number }
    }

    /// "Mark Hale, 54, of Church Street": a small number alone between commas after a name.
    private static func isAgeInApposition(_ span: NumberSpan, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        let first = span.tokens.lowerBound
        let after = span.tokens.upperBound
        guard span.tokens.count == 1, tokens[first].kind == .number, span.value < 120, span.value == span.value.rounded(),
            first >= 2, tokens[first - 1].isPunctuation(","), tokens[first - 2].isCapitalized, tokens[first - 2].kind == .word,
            after < tokens.count, tokens[after].kind == .punctuation
        else { return false }
        return true
    }

    /// Whether a plural noun (or a noun phrase ending in one) follows, so that the number counts it.
    private static func nextIsCountedNoun(_ position: Int, in sentence: SentenceContext) -> Bool {
        var position = position
        var words = 0
        while position < sentence.tokens.count, words < 3, sentence.tokens[position].kind == .word {
            let word = sentence.tokens[position].lower
            if Vocabulary.phraseStops.contains(word) { return false }
            if UnitPass.looksPlural(word) || Vocabulary.irregularPlurals.contains(word) { return true }
            position += 1
            words += 1
        }
        return false
    }

    /// Reads a range ("between 10 and 15", "10 to 15", "three or four") or a qualifier phrase
    /// before the number ("at least", "more than £"). Returns the token where the mention's
    /// words start.
    private static func readQualifier(_ qualifier: inout Qualifier, _ span: inout NumberSpan, in sentence: SentenceContext) -> Int {
        let tokens = sentence.tokens
        var start = span.tokens.lowerBound
        // "more than £18,000": the qualifier stands before the currency sign.
        if NumberReader.currency(before: start, in: tokens) != nil { start -= 1 }
        if readRange(&qualifier, &span, start: start, in: sentence) {
            let before = sentence.lower(start - 1)
            return before == "between" || before == "from" ? start - 1 : start
        }
        guard start > 0, Vocabulary.qualifierEndings.contains(tokens[start - 1].lower) else { return start }
        // "handed over 106 men": the particle of a verb of giving, not "more than".
        if tokens[start - 1].lower == "over", Vocabulary.verbsGivingOver.contains(sentence.lower(start - 2)) { return start }
        for (words, phrase) in Vocabulary.qualifierPrefixes where words.count <= start {
            guard tokens.lowers(from: start - words.count, equal: words) else { continue }
            if qualifier == .exact { qualifier = phrase }
            return start - words.count
        }
        return start
    }

    private static func readRange(_ qualifier: inout Qualifier, _ span: inout NumberSpan, start: Int, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        let connectorAt = span.tokens.upperBound
        var highStart = connectorAt + 1
        if highStart < tokens.count, Vocabulary.currencies[tokens[highStart].text] != nil { highStart += 1 }
        guard span.upper == nil, !span.isVague, highStart < tokens.count, ["and", "to", "-", "–", "or"].contains(sentence.lower(connectorAt)),
            case .number(let high) = NumberReader.read(tokens, at: highStart), high.value > span.value, !high.isVague
        else { return false }
        let connector = sentence.lower(connectorAt)
        // ("grown by nearly a quarter of a million to 1.9 million": past the qualifier.)
        let qualifierLength = Vocabulary.qualifierPrefixes.first { $0.words.count < start && tokens.lowers(from: start - $0.words.count, equal: $0.words) }?.words.count ?? 0
        let before = sentence.lower(start - 1 - qualifierLength)
        // "rose 4% to $2.3 billion": a change and its new level, in two units, are two numbers.
        if let low = span.attachedUnit, let top = high.attachedUnit, low != top { return false }
        if connector == "to", Vocabulary.changeVerbs.contains(before) || before == "by" { return false }
        if connector == "and", before != "between" { return false }
        // "three or four firms": only small neighbours make a range with "or".
        if connector == "or", !(high.value - span.value <= 2 && span.tokens.count == 1 && tokens[span.tokens.lowerBound].kind == .word) { return false }
        qualifier = .range
        span.upper = high.value
        // "between 15 and 20 billion": the scale of the top applies to the bottom.
        if high.tokens.count > 1, let scale = Vocabulary.scales[tokens[high.tokens.upperBound - 1].lower], span.tokens.count == 1,
            span.value * scale <= high.value
        {
            span.value *= scale
        }
        span.tokens = span.tokens.lowerBound..<high.tokens.upperBound
        if span.attachedUnit == nil { span.attachedUnit = high.attachedUnit }
        return true
    }
}
