/// The last pass: who the text credits with each number — "X said", "said X", "according to
/// X", "X told AP", "X claimed", "the clinic's director, Dr Ana Ruiz, said" (the name, not the
/// role), "Police put the crowd at 8,000; organisers said 30,000" (each its own). "He added"
/// and "she said" take the last person named; "it said" the last speaker; a quotation that
/// runs on keeps its speaker.
struct AttributionPass {
    /// The speaker of the previous sentences, for "it" and quotations that run on.
    var lastSpeaker: String?
    /// The last speaker who is a person, for "he" and "she".
    var lastPerson: String?
    /// The last body (not a person) named as a source, for "the report says".
    var lastBody: String?
    /// The last business the text named after what it is ("the department store chain Harlow
    /// & Finch"), for "the company said".
    var lastCompany: String?
    /// The businesses the text named after what they are, by that noun ("the low-cost
    /// carrier SkyVela"), for "the carrier said" when another business was named since.
    var companiesByNoun: [String: String] = [:]
    /// Short forms of names the text gave in full, for the guide's rule that a number is
    /// credited to a source "as first given in full": an acronym in brackets ("the regional
    /// emergency inspectorate (ISU)" ... "the ISU said") and a surname ("Anna Holm" ... "Holm
    /// said").
    var fullNames: [String: String] = [:]
    /// Bodies credited so far, for a shorter description of one of them ("the UN migration
    /// agency" ... "the UN agency").
    var bodiesCredited: [String] = []
    /// People named with a title ("Judge Elena Hartl", "Mayor Anna Holm"), by the title, for
    /// "the judge ruled" later.
    var titled: [String: String] = [:]

    /// Nouns that name a business by what it is.
    static let companyNouns: Set<String> = [
        "company", "firm", "group", "chain", "operator", "airline", "retailer", "maker", "carmaker", "manufacturer", "brewer",
        "bank", "insurer", "supplier", "producer", "carrier", "business", "developer", "owner"
    ]

    /// Credits each number with the nearest attribution of its sentence; returns the speaker
    /// the sentence names last, for a quotation's other sentences (`QuotedSpeech`).
    @discardableResult
    mutating func assign(_ drafts: inout [MentionDraft], in sentence: SentenceContext) -> String? {
        let speakers = find(in: sentence.tokens)
        for index in drafts.indices {
            let position = drafts[index].span.tokens.lowerBound
            // "Police put the crowd at 8,000; organisers said 30,000": a clause's own speaker first.
            let clause = sentence.clauses[position]
            let own = speakers.filter { sentence.clauses[min($0.position, sentence.clauses.count - 1)] == clause }
            // "Eight were swapped in March, and the government says it has freed 64": a later
            // clause's speaker reaches back only when it closes the sentence ("..., police said").
            let reaching = speakers.filter { speaker in
                sentence.clauses[min(speaker.position, sentence.clauses.count - 1)] <= clause
                    || !drafts.contains { $0.span.tokens.lowerBound > speaker.position }
            }
            let speaker = (own.isEmpty ? reaching : own).min { abs($0.position - position) < abs($1.position - position) }
            // "The airline, which operates 62 aircraft, said ...": a relative clause describing
            // the speaker is background, not what it said.
            if let speaker, Self.isInRelativeClause(position, before: speaker.position, in: sentence) { continue }
            drafts[index].attributedTo = speaker?.speaker
        }
        return speakers.last?.speaker
    }

    struct Attribution {
        var speaker: String
        /// Where the reporting verb stands, to pick the nearest when a sentence has several.
        var position: Int
    }

    mutating func find(in tokens: [WordToken]) -> [Attribution] {
        if let (noun, company) = Self.namedWithNoun(after: Self.companyNouns, in: tokens, unless: Vocabulary.nonBusinessGroups) {
            lastCompany = company
            companiesByNoun[noun] = company
        } else if let company = openingBusiness(in: tokens) {
            lastCompany = company
        }
        if let body = Self.named(after: Self.bodyNouns, in: tokens) { lastBody = body }
        var found: [Attribution] = []
        var participles: [Attribution] = []
        for index in tokens.indices where tokens[index].roles.contains(.attribution) {
            let word = tokens[index].lower
            if word == "according", index + 1 < tokens.count, tokens[index + 1].lower == "to",
                let speaker = phrase(after: index + 2, in: tokens)
            {
                found.append(Attribution(speaker: speaker, position: index))
            } else if Vocabulary.reportingVerbs.contains(word) || isEstimate(index, in: tokens) || isFinding(index, in: tokens) {
                // "the United States", "Reports" in a name: a capitalised word mid-sentence is a name.
                if tokens[index].isCapitalized, index > 0 { continue }
                // "has added six extra sailings", "added about 61,000 people": adding, not saying.
                if ["added", "adds", "add"].contains(word), index + 1 < tokens.count,
                    Vocabulary.determiners.contains(tokens[index + 1].lower)
                        || tokens[(index + 1)..<min(tokens.count, index + 4)].prefix(while: { $0.kind != .punctuation && $0.lower != "that" })
                            .contains(where: { $0.kind == .number || $0.roles.contains(.numberStart) })
                {
                    continue
                }
                // "Fadi Nour said his team registered 420": a verb inside what was said is not
                // another source.
                if !tokens[index].roles.contains(.speechVerb) || Vocabulary.evidenceVerbs.contains(word),
                    let said = tokens[..<index].lastIndex(where: { $0.roles.contains(.speechVerb) && !$0.isCapitalized }),
                    !tokens[said..<index].contains(where: { $0.isPunctuation(",") || $0.isPunctuation(";") })
                {
                    continue
                }
                // "181,400 registered voters": a participle before its noun reports nothing; nor
                // does "an amnesty announced by the president".
                if word.hasSuffix("ed"), index > 0,
                    tokens[index - 1].kind == .number || tokens[index - 1].lower == "'s"
                        || Vocabulary.determiners.contains(tokens[index - 1].lower) || index + 1 < tokens.count && tokens[index + 1].lower == "by"
                {
                    continue
                }
                // "£19 million more than first estimated", "higher than expected": a comparison
                // with an earlier figure names no source.
                let comparedAfter = index >= 2 && ["first", "originally", "initially", "previously", "earlier"].contains(tokens[index - 1].lower) ? index - 2 : index - 1
                if comparedAfter >= 0, ["than", "as"].contains(tokens[comparedAfter].lower) { continue }
                // "150 office posts", "the reports": a plural noun, not a verb.
                if word.hasSuffix("s"), !word.hasSuffix("ss"), Self.isCountedNoun(at: index, in: tokens) { continue }
                if Self.isNounReading(at: index, in: tokens) { continue }
                // "\"We counted 31 explosions,\" said Petr Halas": counting or expecting in the first
                // person is inside a quotation, whose speaker is named by its verb of saying.
                if ["counted", "counts", "expect", "expects"].contains(word), index > 0, ["we", "i"].contains(tokens[index - 1].lower) { continue }
                // "adding an average of €46 a year": adding is speech only before what is said.
                if word == "adding", index + 1 < tokens.count, !["that", "\"", "“", ":", ","].contains(tokens[index + 1].lower) { continue }
                // "..., telling supporters that": the speaker is the sentence's subject, not the hearer.
                let speaker =
                    word.hasSuffix("ing") && index > 0 && tokens[index - 1].isPunctuation(",")
                    ? mainSubject(in: tokens) ?? subject(before: index, in: tokens)
                    : subject(before: index, in: tokens) ?? invertedSubject(after: index, in: tokens)
                guard let speaker else { continue }
                // "..., adding that ...": the speaker of the main verb goes on; a participle
                // speaks for itself only when there is no main verb ("with the ministry saying").
                if word.hasSuffix("ing") {
                    participles.append(Attribution(speaker: speaker, position: index))
                } else {
                    found.append(Attribution(speaker: speaker, position: index))
                    // "The union said it would strike, when it expects thousands to march": a
                    // pronoun later in the sentence is its speaker's.
                    if speaker.first?.isUppercase == true {
                        lastSpeaker = speaker
                        if Self.isPerson(speaker) { lastPerson = speaker } else { lastBody = speaker }
                    }
                }
            }
        }
        if found.isEmpty { found = participles }
        rememberAcronyms(in: tokens)
        rememberTitles(in: tokens)
        for index in found.indices { found[index].speaker = fullName(of: found[index].speaker) }
        // "..., the company said": the business named before; "the report says": the body
        // whose report it is.
        for index in found.indices {
            let said = found[index].speaker.lowercased()
            // ("the low-cost carrier SkyVela ... the carrier said": the business named as one.)
            if let lastCompany, Self.isBusinessDescription(found[index].speaker) {
                found[index].speaker = said.split(separator: " ").last.flatMap { companiesByNoun[String($0)] } ?? lastCompany
            }
            // "..., the office said", "the agency said": the body named before.
            if found[index].speaker == said, let body = bodyDescribed(by: said) { found[index].speaker = body }
            // "..., the judge ruled": the judge named before.
            if let person = titled[said] { found[index].speaker = person }
            if let lastBody, said.split(separator: " ").last.map({ Vocabulary.documentNouns.contains(String($0)) }) ?? false, !found[index].speaker.first!.isUppercase {
                found[index].speaker = lastBody
            }
        }
        // A quotation running on from the sentence before keeps its speaker.
        if found.isEmpty, let speaker = lastSpeaker, Self.continuesQuote(tokens) {
            found.append(Attribution(speaker: speaker, position: 0))
        }
        // "the mine's operator, Kessel Coal, said", "Vantor Semiconductors, the maker of memory
        // chips, said": a business credited beside a noun saying what it is.
        if let business = found.last(where: { Self.isDescribedAsBusiness($0.speaker, in: tokens) }) { lastCompany = business.speaker }
        if let last = found.last { lastSpeaker = last.speaker }
        if let body = found.last(where: { !Self.isPerson($0.speaker) && $0.speaker.first?.isUppercase == true && $0.speaker != lastCompany }) { lastBody = body.speaker }
        if let person = found.last(where: { Self.isPerson($0.speaker) }) { lastPerson = person.speaker }
        for attribution in found {
            let words = attribution.speaker.split(separator: " ")
            if Self.isPerson(attribution.speaker), let surname = words.last, fullNames[String(surname)] == nil {
                fullNames[String(surname)] = attribution.speaker
            } else if !Self.isPerson(attribution.speaker), !bodiesCredited.contains(attribution.speaker) {
                bodiesCredited.append(attribution.speaker)
            }
        }
        return found
    }

    /// The body a one-word description stands for: the last body credited whose name ends in
    /// it ("the National Tourism Office ... the office said"), else, for a noun that fits any
    /// body, the last body credited or named ("the aid agency Open Hands ... the agency said").
    /// A description with a modifier ("the disaster agency said") names a body of its own.
    private func bodyDescribed(by description: String) -> String? {
        guard !description.contains(" "), Self.bodyNouns.contains(description) || Vocabulary.publicBodyWords.contains(description) else { return nil }
        if let named = bodiesCredited.last(where: { $0.lowercased() != description && $0.split(separator: " ").last?.lowercased() == description }) {
            return named
        }
        return Vocabulary.genericBodyNouns.contains(description) ? lastBody : nil
    }

    /// "the NAO found that ...", "..., the inquiry found.": a finding reported, not a thing found.
    private func isFinding(_ index: Int, in tokens: [WordToken]) -> Bool {
        guard ["found", "finds"].contains(tokens[index].lower), index > 0, tokens[index - 1].kind == .word,
            !["were", "was", "been", "be", "being", "is", "are"].contains(tokens[index - 1].lower)
        else { return false }
        return index + 1 >= tokens.count || tokens[index + 1].lower == "that" || tokens[index + 1].kind == .punctuation
    }

    /// "the regional emergency inspectorate (ISU)": the acronym stands for the phrase before it.
    private mutating func rememberAcronyms(in tokens: [WordToken]) {
        for index in tokens.indices.dropFirst() where index + 2 < tokens.count && tokens[index].isPunctuation("(") && tokens[index + 2].isPunctuation(")") {
            let acronym = tokens[index + 1].text
            guard acronym.count >= 2, acronym.count <= 6, acronym.allSatisfy({ $0.isUppercase && $0.isLetter }), fullNames[acronym] == nil,
                let phrase = nounPhrase(endingBefore: index, in: tokens).flatMap({ trim(Array(tokens[(index - $0.split(separator: " ").count)..<index])) ?? $0 })
            else { continue }
            fullNames[acronym] = phrase
        }
    }

    /// "Judge Elena Hartl sentenced ...": a title before a person's name, for "the judge" later.
    private mutating func rememberTitles(in tokens: [WordToken]) {
        for index in tokens.indices.dropLast(2) where tokens[index].isCapitalized && Vocabulary.titles.contains(tokens[index].lower) {
            var end = index + 1
            while end < tokens.count, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
            let name = tokens[(index + 1)..<end].map(\.text).joined(separator: " ")
            if end - index >= 3, Self.isPerson(name) { titled[tokens[index].lower] = name }
        }
    }

    /// The name as first given in full for a short form of it, else the speaker as found.
    private func fullName(of speaker: String) -> String {
        if let full = fullNames[speaker] { return full }
        // "the UN agency" after "the UN migration agency": the words in order, the head the same.
        let words = speaker.split(separator: " ")
        guard words.count >= 2, !Self.isPerson(speaker) else { return speaker }
        let longer = bodiesCredited.last { body in
            let bodyWords = body.split(separator: " ")
            guard bodyWords.count > words.count, bodyWords.last == words.last else { return false }
            var remaining = words[...]
            for word in bodyWords where word == remaining.first { remaining = remaining.dropFirst() }
            return remaining.isEmpty
        }
        return longer ?? speaker
    }

    /// A business a sentence opens with as its subject: "Arvika Motors delivered 412,600
    /// vehicles" (a name that ends in a word of a body, not a person's name).
    private func openingBusiness(in tokens: [WordToken]) -> String? {
        // ("Veltra Group, the maker of fridges, said": a name set off by a comma.)
        let run = tokens.prefix { $0.kind == .word && $0.isCapitalized }
        let setOff = run.count >= 2 && run.count < tokens.count && tokens[run.count].isPunctuation(",") ? trim(Array(run)) : nil
        guard let name = setOff ?? sentenceSubject(in: tokens), name.contains(" "), !Self.isPerson(name),
            let last = name.split(separator: " ").last, Vocabulary.bodyWords.contains(last.lowercased()), !Vocabulary.publicBodyWords.contains(last.lowercased())
        else { return nil }
        return name
    }

    /// A name set beside a noun of business in apposition: "the mine's operator, Kessel Coal,"
    /// or "Vantor Semiconductors, the maker of memory chips,".
    private static func isDescribedAsBusiness(_ name: String, in tokens: [WordToken]) -> Bool {
        let words = name.split(separator: " ").map { $0.lowercased() }
        guard let last = words.last, !Vocabulary.publicBodyWords.contains(last), !isBusinessDescription(name),
            let start = tokens.indices.first(where: { index in
                index + words.count <= tokens.count && zip(tokens[index..<index + words.count], words).allSatisfy { $0.lower == $1 }
            })
        else { return false }
        if start >= 2, tokens[start - 1].isPunctuation(","), companyNouns.contains(tokens[start - 2].lower) { return true }
        let after = start + words.count
        guard after + 1 < tokens.count, tokens[after].isPunctuation(","), ["the", "a", "an"].contains(tokens[after + 1].lower) else { return false }
        return tokens[(after + 1)..<min(tokens.count, after + 10)].prefix(while: { $0.kind != .punctuation }).contains { companyNouns.contains($0.lower) }
    }

    /// "company", "the carmaker", "Lindholm-based carmaker": a business named only by what it
    /// is, all in lower case but for a place in a modifier.
    static func isBusinessDescription(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ")
        guard let head = words.last, companyNouns.contains(head.lowercased()), words.count <= 3 else { return false }
        return words.allSatisfy { word in
            word.first?.isLowercase == true || word.contains("-") && word.split(separator: "-").last?.first?.isLowercase == true
        }
    }

    /// Nouns that name any body by what it is ("the aid agency Open Hands").
    static let bodyNouns: Set<String> = companyNouns.union(["agency", "charity", "organisation", "organization", "union", "institute", "ngo", "regulator", "watchdog", "monitor"])

    /// A name after a noun that says what it is: "the car-parts maker Corvell Components",
    /// "the department store chain Harlow & Finch", "the aid agency Open Hands".
    private static func named(after nouns: Set<String>, in tokens: [WordToken], unless modifiers: Set<String> = []) -> String? {
        namedWithNoun(after: nouns, in: tokens, unless: modifiers)?.name
    }

    /// `named(after:in:unless:)`, with the noun that said what the name is.
    private static func namedWithNoun(after nouns: Set<String>, in tokens: [WordToken], unless modifiers: Set<String> = []) -> (noun: String, name: String)? {
        for index in tokens.indices.dropLast()
        where tokens[index + 1].isCapitalized && tokens[index + 1].kind == .word && !tokens[index].isCapitalized
            && nouns.contains(tokens[index].lower) && (index == 0 || !modifiers.contains(tokens[index - 1].lower))
        {
            var end = index + 1
            var name = ""
            while end < tokens.count, tokens[end].kind == .word && tokens[end].isCapitalized || tokens[end].text == "&" && end + 1 < tokens.count && tokens[end + 1].isCapitalized {
                name += (name.isEmpty ? "" : " ") + tokens[end].text
                end += 1
            }
            return (tokens[index].lower, name)
        }
        return nil
    }

    /// A word in "-s" that is the counted noun of a number ("150 office posts") or follows an
    /// article ("the reports").
    private static func isCountedNoun(at index: Int, in tokens: [WordToken]) -> Bool {
        guard index > 0 else { return false }
        let before = tokens[index - 1]
        if before.kind == .number || before.roles.contains(.numberWord) || ["the", "a", "an", "its", "their"].contains(before.lower) { return true }
        return index > 1 && before.kind == .word && !before.isCapitalized && (tokens[index - 2].kind == .number || tokens[index - 2].roles.contains(.numberWord))
    }

    /// A reporting word read as a noun: the object of a verb ("29 have filed claims",
    /// "denied reports"), or a singular after its article ("a local record", "the previous
    /// record", "the country's estimate") — a verb there would need "-s".
    private static func isNounReading(at index: Int, in tokens: [WordToken]) -> Bool {
        let word = tokens[index].lower
        // ("said", "found", "put": past forms are verbs here.)
        guard index > 0, !word.hasSuffix("ed"), !word.hasSuffix("ing"), !["said", "told", "wrote", "put"].contains(word), Lemmatizer.pastOrParticiple(word) == nil else {
            return false
        }
        let before = tokens[index - 1]
        if before.kind == .word, !before.isCapitalized, !Vocabulary.auxiliaries.contains(before.lower), Lemmatizer.pastOrParticiple(before.lower) != nil {
            return true
        }
        // "the number of empty posts has risen": the subject of a verb after it.
        if index + 1 < tokens.count, ["has", "have", "had", "is", "are", "was", "were", "will", "would"].contains(tokens[index + 1].lower) { return true }
        guard !word.hasSuffix("s") else { return false }
        let articles: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "'s"]
        if articles.contains(before.lower) { return true }
        // ("the police estimate": a plural subject without "-s".)
        return index > 1 && articles.contains(tokens[index - 2].lower) && before.kind == .word && !before.isCapitalized && !UnitPass.looksPlural(before.lower)
            && !["police", "people", "staff", "media", "military", "public", "crew"].contains(before.lower)
    }

    /// A sentence that closes a quotation it did not open.
    static func continuesQuote(_ tokens: [WordToken]) -> Bool {
        guard let last = tokens.last(where: { $0.kind == .punctuation && $0.text != "." && $0.text != "!" && $0.text != "?" }),
            last.text == "\"" || last.text == "”"
        else { return false }
        var straight = 0
        for token in tokens where token.kind == .punctuation {
            if token.text == "“" { return false }
            if token.text == "\"" { straight += 1 }
        }
        return last.text == "”" || straight % 2 == 1
    }

    private static func isInRelativeClause(_ position: Int, before verb: Int, in sentence: SentenceContext) -> Bool {
        let aside = sentence.asides[position]
        guard aside != 0, verb > position, let opener = sentence.asides.firstIndex(of: aside) else { return false }
        return ["which", "who", "whose"].contains(sentence.lower(opener)) && sentence.asides[verb] != aside
    }

    /// A name of two or more capitalised words with no word of a body in it: "Ana Ruiz", not
    /// "Interior Ministry" or "Red Cross".
    static func isPerson(_ name: String) -> Bool {
        var bytes = name
        if let person = bytes.withUTF8(isASCIIPerson) { return person }
        let words = name.split(separator: " ")
        return words.count >= 2 && words.count <= 4 && words.allSatisfy { $0.first?.isUppercase == true }
            && !words.contains { Vocabulary.bodyWords.contains($0.lowercased()) }
    }

    /// `isPerson` read from the bytes of an ASCII name, without a string per word; nil for
    /// any other name.
    private static func isASCIIPerson(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let words = bytes.split(separator: 0x20)
        return words.count >= 2 && words.count <= 4 && words.allSatisfy { $0.first.map { $0 >= 0x41 && $0 <= 0x5A } == true }
            && !words.contains { word in Vocabulary.bodyWords.contains(String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)) }
    }

    private static func hasHonorific(_ words: ArraySlice<WordToken>) -> Bool {
        words.first.map { Vocabulary.honorifics.contains($0.lower.filter { $0 != "." }) } ?? false
    }

    /// "police put the crowd at 18,000": `put ... at` and a number reports an estimate.
    private func isEstimate(_ index: Int, in tokens: [WordToken]) -> Bool {
        guard tokens[index].lower.hasPrefix("put"), ["put", "puts", "putting"].contains(tokens[index].lower) else { return false }
        let window = tokens[(index + 1)..<min(tokens.count, index + 6)]
        guard let at = window.firstIndex(where: { $0.lower == "at" }) else { return false }
        return at + 1 < tokens.count
            && (tokens[at + 1].kind == .number || Vocabulary.qualifierPrefixes.contains { $0.words.first == tokens[at + 1].lower }
                || Vocabulary.units[tokens[at + 1].lower] != nil)
    }

    /// The noun phrase before a reporting verb, skipping an appositive set off by commas
    /// ("Yuri Dashkin, commander of a division, said").
    private func subject(before verb: Int, in tokens: [WordToken]) -> String? {
        var end = verb
        // "Moscow also claimed", "the ministry has said"
        while end > 0,
            [
                "also", "has", "have", "had", "later", "previously", "earlier", "further", "separately", "then", "again", "would", "will",
                "now", "still", "today"
            ].contains(tokens[end - 1].lower)
        {
            end -= 1
        }
        guard end > 0 else { return nil }
        // "Interior Minister Karel Vondrak praised the operation and said": the sentence's subject.
        if ["and", "but"].contains(tokens[end - 1].lower) { return sentenceSubject(in: tokens) }
        if Vocabulary.pronouns.contains(tokens[end - 1].lower), end - 1 == 0 || !tokens[end - 2].isCapitalized {
            switch tokens[end - 1].lower {
            case "he", "she": return lastPerson ?? lastSpeaker
            // "it added": the last body that spoke, never a person.
            // ("the aid agency Open Hands ... it said": a body named as one, though its name reads
            // like a person's.)
            case "it": return lastSpeaker.flatMap { Self.isPerson($0) && $0 != lastCompany && $0 != lastBody ? nil : $0 } ?? lastBody ?? lastCompany
            default: return lastSpeaker
            }
        }
        // "the International Organization for Migration (IOM) said": skip the bracket.
        if tokens[end - 1].isPunctuation(")"), let open = tokens[..<(end - 1)].lastIndex(where: { $0.isPunctuation("(") }), open > 0 {
            end = open
        }
        if tokens[end - 1].isPunctuation(",") {
            // An appositive: go back to the comma before it and take the phrase there — unless
            // the appositive is the name and the phrase before it a role ("the clinic's
            // director, Dr Ana Ruiz, said").
            var comma = end - 2
            while comma > 0, !tokens[comma].isPunctuation(","), verb - comma < 16 { comma -= 1 }
            guard comma > 0, tokens[comma].isPunctuation(",") else { return nil }
            // "Ebbesen, 56, who took over in 2023, said": past an age and a relative clause.
            while ["who", "which", "whose"].contains(tokens[comma + 1].lower) || tokens[comma + 1].kind == .number && comma + 2 == end - 1 {
                end = comma + 1
                comma = end - 2
                while comma > 0, !tokens[comma].isPunctuation(","), verb - comma < 24 { comma -= 1 }
                guard comma > 0, tokens[comma].isPunctuation(",") else { return nounPhrase(endingBefore: end - 1, in: tokens) }
            }
            // (A role may have an owner: "Drevia's human rights ombudsman"; a name may be an
            // acronym: "the seamen's union, SJF, says".)
            let isAcronym: (String) -> Bool = { name in name.count >= 2 && name.count <= 6 && name.allSatisfy { $0.isUppercase && $0.isLetter } }
            if let name = nounPhrase(endingBefore: end - 1, in: tokens),
                Self.isPerson(name) || Self.hasHonorific(tokens[(comma + 1)..<(end - 1)]) || name.split(separator: " ").count >= 2 && name.first?.isUppercase == true || isAcronym(name),
                let role = nounPhrase(endingBefore: comma, in: tokens).map({ Self.ownedPart(of: $0) }),
                !role.contains(where: \.isUppercase) || !Self.isPerson(role) && role.split(separator: " ").count <= 1
            {
                return name
            }
            return nounPhrase(endingBefore: comma, in: tokens)
        }
        return nounPhrase(endingBefore: end, in: tokens)
    }

    /// What a phrase names past its owner: "Drevia's human rights ombudsman" → "human rights
    /// ombudsman", "the Greens' leader" → "leader".
    private static func ownedPart(of phrase: String) -> String {
        let plain = phrase.replacing("’", with: "'")
        let afterOwner = plain.ranges(of: "'s ").last ?? plain.ranges(of: "s' ").last
        return afterOwner.map { String(plain[$0.upperBound...]) } ?? phrase
    }

    /// "..., said Yuriy Ihnat, the spokesperson."
    private func invertedSubject(after verb: Int, in tokens: [WordToken]) -> String? {
        guard verb > 0, tokens[verb - 1].kind == .punctuation || tokens[verb - 1].kind == .number else { return nil }
        // ("..., said the company would keep ...": what was said, not who said it.)
        guard let phrase = phrase(after: verb + 1, in: tokens),
            !phrase.split(separator: " ").contains(where: { ["would", "will", "had", "has", "have", "was", "were", "is", "are", "could"].contains($0.lowercased()) })
        else { return nil }
        return phrase
    }

    /// The words from `start` to the next punctuation, trimmed to a name where one ends it.
    private func phrase(after start: Int, in tokens: [WordToken]) -> String? {
        var start = start
        var end = start
        // "according to figures published by the commission": the source is after "by".
        if let by = (start..<min(tokens.count, start + 8)).first(where: { tokens[$0].lower == "by" }),
            !tokens[start..<by].contains(where: { $0.kind == .punctuation })
        {
            start = by + 1
            end = start
        }
        while end < tokens.count, tokens[end].kind == .word || Self.isPluralPossessive(end, in: tokens), end - start < 8,
            !["that", "which", "who", "on", "in", "at", "as", "said", "told"].contains(tokens[end].lower) || end == start
        {
            // "said Priya Nair of the Rail Users' Alliance": the person, not where she works.
            if ["of", "from"].contains(tokens[end].lower), trim(Array(tokens[start..<end])).map(Self.isPerson) ?? false { break }
            end += 1
        }
        // "said the Minister of Finance, Petra Lindqvist.": the name in apposition.
        if end + 1 < tokens.count, tokens[end].isPunctuation(","), tokens[end + 1].isCapitalized {
            var nameEnd = end + 1
            while nameEnd < tokens.count, tokens[nameEnd].kind == .word, tokens[nameEnd].isCapitalized { nameEnd += 1 }
            if let name = trim(Array(tokens[(end + 1)..<nameEnd])), Self.isPerson(name), nameEnd >= tokens.count || tokens[nameEnd].kind == .punctuation {
                return name
            }
            // "according to the mediator, Belvar's special envoy Tomas Reuter."
            let clauseEnd = tokens[(end + 1)...].firstIndex(where: { $0.kind == .punctuation && $0.text != "'" && $0.text != "’" }) ?? tokens.count
            if let described = trim(Array(tokens[(end + 1)..<clauseEnd])), Self.isPerson(described), clauseEnd - end <= 8 { return described }
        }
        return trim(Array(tokens[start..<end]))
    }

    /// The apostrophe of a plural possessive inside a name: "the farmers' union".
    private static func isPluralPossessive(_ index: Int, in tokens: [WordToken]) -> Bool {
        index > 0 && index + 1 < tokens.count && (tokens[index].text == "'" || tokens[index].text == "’")
            && tokens[index - 1].kind == .word && tokens[index - 1].lower.hasSuffix("s") && tokens[index + 1].kind == .word
    }

    /// "She also criticised the bank, Norda, saying ...": who the sentence is about — a
    /// pronoun that opens it (resolved as "she said" is), else the name it opens with.
    private func mainSubject(in tokens: [WordToken]) -> String? {
        if let first = tokens.first, Vocabulary.pronouns.contains(first.lower), tokens.count > 1 {
            return subject(before: 1, in: tokens)
        }
        return sentenceSubject(in: tokens)
    }

    /// The capitalised name a sentence opens with ("Decker conceded ..."), for a speaker named
    /// only as the subject of the main clause.
    private func sentenceSubject(in tokens: [WordToken]) -> String? {
        // "The coastguard gave lower figures, saying ...", "Liberal campaign chief Otto Brandvik
        // dismissed the survey": the words before the first past verb.
        if tokens.count > 1, let verb = tokens[1..<min(tokens.count, 10)].firstIndex(where: { $0.kind != .word || !$0.isCapitalized && Lemmatizer.pastOrParticiple($0.lower) != nil }),
            tokens[verb].kind == .word, !Vocabulary.determiners.contains(tokens[verb - 1].lower), let phrase = nounPhrase(endingBefore: verb, in: tokens)
        {
            return Vocabulary.pronouns.contains(phrase.lowercased()) ? nil : phrase
        }
        var end = 0
        while end < tokens.count, tokens[end].kind == .word, tokens[end].isCapitalized || tokens[end].lower == "'s" { end += 1 }
        guard end > 0, end < tokens.count, tokens[end].kind == .word, !tokens[end].isCapitalized else { return nil }
        let name = trim(Array(tokens[0..<end]))
        return name.flatMap { Vocabulary.pronouns.contains($0.lowercased()) ? nil : $0 }
    }

    /// Walks back from `end` over the words a subject is made of.
    private func nounPhrase(endingBefore end: Int, in tokens: [WordToken]) -> String? {
        var start = end
        while start > 0 {
            let token = tokens[start - 1]
            // "the Rail Users' Alliance": a plural possessive inside a name.
            if Self.isPluralPossessive(start - 1, in: tokens), start - 2 >= 0, tokens[start - 2].isCapitalized {
                start -= 1
                continue
            }
            guard token.kind == .word, end - start < 8, !token.roles.contains(.numberWord) else { break }
            let lower = token.lower
            if lower == "'s" || token.isCapitalized {
                start -= 1
                continue
            }
            // "Ministry of Health", "Organization for Migration": a small word between capitalized ones.
            if ["of", "for", "and", "on"].contains(lower), start - 2 >= 0, tokens[start - 2].isCapitalized, start < end, tokens[start].isCapitalized {
                start -= 1
                continue
            }
            // "authorities from both sides": a plural noun's "from" or "of" stays in the subject,
            // and so does "both" before a plural.
            if ["both", "all"].contains(lower), start < end, UnitPass.looksPlural(tokens[start].lower) {
                start -= 1
                continue
            }
            if ["from", "of"].contains(lower), start >= 2, UnitPass.looksPlural(tokens[start - 2].lower), !tokens[start - 2].isCapitalized {
                start -= 1
                continue
            }
            // ("the report says": a noun of what was published heads the subject.)
            let isHead = start == end && Vocabulary.documentNouns.contains(lower)
            if !isHead, Vocabulary.phraseStops.contains(lower) && lower != "the" || Vocabulary.reportingVerbs.contains(lower) || Vocabulary.events[lower] != nil {
                break
            }
            if lower == "the" {
                start -= 1
                break
            }
            // A lower-case word belongs to the subject only before its head ("defence ministry").
            start -= 1
        }
        guard start < end else { return nil }
        // "samples taken at nine sites showed": a counted noun is no source.
        // (A live blog's "07:30" before "Marchenko said" is a time, not a count.)
        // "14% of volunteers reported a sore arm": nor is a share of people.
        func isCount(_ position: Int) -> Bool {
            position >= 0 && (tokens[position].kind == .number && !tokens[position].text.contains(":") || tokens[position].roles.contains(.numberWord))
        }
        if isCount(start - 1) || start > 1 && tokens[start - 1].lower == "of" && isCount(start - 2) { return nil }
        return trim(Array(tokens[start..<end]))
    }

    /// Drops a leading article and, where the phrase ends in a person's name, the words
    /// before it ("Air Force spokesperson Yuriy Ihnat" → "Yuriy Ihnat", "President Volodymyr
    /// Zelensky" → "Volodymyr Zelensky").
    private func trim(_ words: [WordToken]) -> String? {
        var words = words
        while let first = words.first, ["the", "a", "an", "that", "its", "his", "her", "their", "our", "my"].contains(first.lower) { words.removeFirst() }
        // "the country's emergency services": a common-noun possessor goes; "the ministry's
        // daily bulletin": the possessor of a document is the source.
        if words.count > 2, words[1].lower == "'s", !words[0].isCapitalized {
            if let last = words.last, Vocabulary.sourceNouns.contains(last.lower) { words = [words[0]] } else { words.removeFirst(2) }
        }
        while let last = words.last, last.kind != .word || ["the", "a", "an"].contains(last.lower) { words.removeLast() }
        let isApostrophe = { (word: WordToken) in word.text == "'" || word.text == "’" }
        // "IOM figures", "Interior Ministry data": the body behind the numbers.
        if words.count >= 2, Vocabulary.sourceNouns.contains(words.last!.lower), !words.last!.isCapitalized, words[words.count - 2].isCapitalized { words.removeLast() }
        guard !words.isEmpty else { return nil }
        if words.last!.isCapitalized {
            // The name at the end: "Air Force spokesperson Yuriy Ihnat", "the statistics office Eurostat".
            var run = words.count
            while run > 0,
                words[run - 1].isCapitalized || isApostrophe(words[run - 1])
                    || (["of", "for", "and", "on"].contains(words[run - 1].lower) && run > 1 && words[run - 2].isCapitalized)
            {
                run -= 1
            }
            var nameStart = run
            if let lastTitle = (run..<(words.count - 1)).last(where: { Vocabulary.titles.contains(words[$0].lower.filter { $0 != "." }) }) {
                nameStart = lastTitle + 1
            }
            let describedBefore = run > 0 && !words[run - 1].isCapitalized
            if nameStart > run || describedBefore || words.count - nameStart >= 2 {
                words = Array(words[nameStart...])
            }
        }
        guard let first = words.first, first.isCapitalized || words.count > 1 || !Vocabulary.phraseStops.contains(first.lower) else { return nil }
        var text = ""
        for word in words {
            if !text.isEmpty, word.lower != "'s", !isApostrophe(word) { text += " " }
            text += word.text
        }
        return text
    }
}
