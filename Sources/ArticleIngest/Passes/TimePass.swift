import FactStore

/// The fourth pass: the day each number refers to. A number takes the time expression of its
/// own clause, else one from an earlier clause of its sentence. A sentence with no time words
/// of its own that goes on narrating — past tense, or a present perfect — takes the time of
/// the event being narrated: the last day resolved for a number (the lead's, for the body).
/// That is how HeidelTime and SUTime keep a reference time through a text.
struct TimePass {
    let articleDate: Day?
    /// The last day (or span) a number was tied to by the text itself.
    private(set) var reference: (start: Day, end: Day?)?
    /// The last past month, quarter or year a number was tied to: the period a company's
    /// accounts in the text are for.
    private var period: (start: Day, end: Day)?
    /// The day of the vote the text tells of ("after polls closed on Thursday", "Sunday's
    /// runoff"): the day of its votes and turnout, however late they are counted.
    private var pollingDay: Day?
    /// The days things were said to begin on, by noun: "The strike ... began on 12 February".
    private var beginnings: [String: Day] = [:]

    init(articleDate: Day?) { self.articleDate = articleDate }

    /// The time expressions of a sentence, resolved against the article date and the reference.
    func times(in tokens: [WordToken]) -> [TimeExpressions.Found] {
        var expressions = TimeExpressions(articleDate: articleDate, reference: reference?.start)
        expressions.referenceEnd = reference?.end
        expressions.beginnings = beginnings
        if let reference, let end = reference.end, end.number == reference.start.number + 1 { expressions.night = (reference.start, end) }
        return expressions.find(in: tokens)
    }

    mutating func assign(_ drafts: inout [MentionDraft], in sentence: SentenceContext) {
        var resolved: (start: Day, end: Day?)?
        // Read once per sentence, and only for a sentence with numbers.
        lazy var isNow = describesNow(sentence)
        // The tense each word gives its clause, worked out when first asked for and kept for
        // the sentence's other numbers.
        var tenses = TenseMemo(count: sentence.tokens.count)
        // The times of baselines ("against 27% in the third quarter of 2024") date their
        // numbers but are no time the text goes on telling.
        var baselineTimes: [Range<Int>] = []
        // The numbers dated "a year earlier", to move with the period they are compared with.
        var yearEarlier: [Int] = []
        if let day = Self.pollingDay(in: sentence, before: articleDate) { pollingDay = day }
        for (noun, day) in Self.beginnings(in: sentence, before: articleDate) { beginnings[noun] = day }
        for index in drafts.indices {
            let span = drafts[index].span.tokens
            if drafts[index].isStandingTotal(in: sentence) { continue }
            var time = nearest(to: span, others: drafts.map(\.span.tokens).filter { $0 != span }, isBaseline: Self.isBaseline(drafts[index], in: sentence), in: sentence)
            // "reported a 12% rise in first-half profit on Thursday, to 388 million": a figure of
            // the accounts is of the period they cover, not of the day they were reported ("now
            // make up 9%" is of the day).
            if let day = time?.found, day.end == nil, !Vocabulary.presentStateWords.contains(sentence.lower(day.tokens.lowerBound)), Self.isAccountsFigure(drafts[index], in: sentence),
                !Self.isMarketMove(sentence),
                let accounts = sentence.times.first(where: { Self.isAccountsPeriod($0, before: articleDate) })
            {
                time = (accounts, true)
            }
            // "took 1,874 votes", "Turnout was 41.3%": of the day of the vote, told after it.
            if let pollingDay, time.map({ $0.found.isStamp || !$0.ownClause }) ?? true, Self.isVoteCount(drafts[index], in: sentence) {
                drafts[index].date = pollingDay
                continue
            }
            let tense = Self.tense(of: drafts[index], in: sentence, tenses: &tenses)
            // "The clinic, which serves about 9,500 patients, closed on Monday": a description in
            // the present, dated only by a time of its own ("who took 14.2% in the first round"
            // tells of an event).
            if sentence.isInRelativeAside(span.lowerBound), tense != .past, tense != .presentPerfect,
                time.map({ sentence.asides[$0.found.tokens.lowerBound] != sentence.asides[span.lowerBound] }) ?? true
            {
                continue
            }
            // "The conflict, which began in March 2022, has killed tens of thousands": all the
            // time since it began, when that is a month or a year ago ("The fire, which broke
            // out on Saturday, has burned 18,400 hectares" is the count as it stands).
            if tense == .presentPerfect, let now = articleDate, !(time?.ownClause ?? false),
                let began = sentence.times.first(where: {
                    $0.tokens.upperBound <= span.lowerBound && $0.end != nil && $0.start < now && Self.tellsWhenItBegan($0, in: sentence)
                })
            {
                drafts[index].date = began.start
                drafts[index].dateEnd = now
                continue
            }
            // "said on Friday that the demand would cost 610 million": a plan has no day of its
            // own in the day it was told.
            if tense == .future, let time, Self.isSaying(time.found, in: sentence) {
                // "said on Wednesday that £250,000 would be allocated next year": the plan's own time.
                if let planned = sentence.times.first(where: { $0.tokens.lowerBound > span.upperBound && $0.reach > 0 && !Self.isSaying($0, in: sentence) }) {
                    drafts[index].date = planned.start
                    drafts[index].dateEnd = planned.end
                }
                continue
            }
            // "The toll from last Thursday's earthquake has risen to 212": a time that dates a
            // noun is not the count's when the count is as reported now.
            if tense == .presentPerfect, let time, sentence.isPossessive(after: time.found.tokens), let now = dayOfSaying(after: span, in: sentence).map(\.start) ?? articleDate {
                drafts[index].date = now
                continue
            }
            // (What usually happens has no day even beside one: "normally made 14 crossings a day
            // and had passed an inspection in March"; a live blog's stamp dates its entry's news,
            // not what a place is.)
            if Self.isHabitual(drafts[index], in: sentence) || time?.found.isStamp ?? false && Self.isStandingFact(drafts[index], in: sentence) { continue }
            if let time, time.ownClause {
                drafts[index].date = time.found.start
                drafts[index].dateEnd = time.found.end
                if Self.isAYearEarlier(time.found, in: sentence) { yearEarlier.append(index) }
                // The sentence's first resolved time leads: "rose 2.3% in May, slowing from 2.6%
                // in April" goes on about May.
                if Self.isBaseline(drafts[index], in: sentence) || Self.isFlashback(time.found.tokens, in: sentence) {
                    baselineTimes.append(time.found.tokens)
                } else {
                    if resolved == nil, Self.isEventTime(time.found, in: sentence) { resolved = (time.found.start, time.found.end) }
                    // (The latest such period: "up from $1.5bn a year earlier" compares with an older one.)
                    if let end = time.found.end, end.number - time.found.start.number >= 27, articleDate.map({ end <= $0 }) ?? true,
                        period.map({ $0.end <= end }) ?? true
                    {
                        period = (time.found.start, end)
                    }
                }
                continue
            }
            // What is to come ("would cost €610m") has no day until the text gives it one, nor
            // has what usually happens ("normally carries 7,500 vehicles a day").
            if tense == .future || Self.isStandingFact(drafts[index], in: sentence) { continue }
            let now = dayOfSaying(after: span, in: sentence).map(\.start) ?? articleDate
            if tense != .present, let period, Self.isAccountsFigure(drafts[index], in: sentence) {
                // "... for 2025. Revenue fell 9% to €3.1 billion.": the period being reported.
                drafts[index].date = period.start
                drafts[index].dateEnd = period.end
            } else if tense == .present, let now {
                // "nine are being treated": the count as reported, whatever an earlier clause said.
                drafts[index].date = now
            } else if let time, tense != .presentPerfect || articleDate.map({ time.found.start <= $0 }) ?? true {
                drafts[index].date = time.found.start
                drafts[index].dateEnd = time.found.end
            } else if tense == .presentPerfect, let now {
                // ("The match is on 9 August, and the club has already sold 6,000 tickets": the
                // count up to the day reported, not an earlier clause's day still to come.)
                // "the toll has risen to 11": the count up to the day reported.
                drafts[index].date = now
            } else if tense == .past, let now, Self.isMarketMove(sentence) {
                // "Shares fell 5.3% to €47.12 in early trading": a price moves on the day it is reported.
                drafts[index].date = now
            } else if tense == .past, let now, Self.isStillSo(drafts[index], in: sentence) {
                // "He said 11 people were still missing": the state as reported, told in the past.
                drafts[index].date = now
            } else if let reference, Self.mayNarrate(drafts[index], in: sentence),
                narrates(drafts[index], in: sentence) || Self.isPastEstimate(drafts[index], in: sentence)
            {
                // "Net profit rose 18%, the company said on Wednesday": the narrated period; so is
                // a past estimate of it ("Police put the crowd at 8,000").
                drafts[index].date = reference.start
                drafts[index].dateEnd = reference.end
            } else if let saidOn = dayOfSaying(after: span, in: sentence) {
                drafts[index].date = saidOn.start
                drafts[index].dateEnd = saidOn.end
            } else if tense == nil, let now, Self.isReportedInThePresent(drafts[index], in: sentence) {
                // "The ministry puts participation at 38%", "Forecasters warn of surges of up to
                // 4 metres": a figure given now, as of the day it is given.
                drafts[index].date = now
            } else if let articleDate, isNow {
                // "3,000 people are still without power": the situation as reported.
                drafts[index].date = articleDate
            }
        }
        // "Net profit dropped to €214 million from €578 million a year earlier": a year before
        // the accounts' period the number compared was given.
        for index in yearEarlier where index > 0 {
            guard let period, drafts[index - 1].date == period.start, drafts[index - 1].dateEnd == period.end,
                let start = TimeExpressions.yearBack(period.start, by: 1), let end = TimeExpressions.yearBack(period.end, by: 1)
            else { continue }
            drafts[index].date = start
            drafts[index].dateEnd = end
        }
        // "net profit fell 9% to 1.47 billion in the three months to June": a change by a share
        // and the level it reached are of one time.
        for index in drafts.indices.dropLast()
        where drafts[index].unit == "percent" && sentence.lower(drafts[index].span.tokens.upperBound) == "to"
            && drafts[index + 1].span.tokens.lowerBound == drafts[index].span.tokens.upperBound + 1 && drafts[index + 1].date != nil
        {
            drafts[index].date = drafts[index + 1].date
            drafts[index].dateEnd = drafts[index + 1].dateEnd
        }
        // A time the sentence tells of, even with no number tied to it ("Voters went to the
        // polls on Sunday."), is the new reference; a dateline or a plan is not ("voted on
        // Tuesday night to raise the tax by 4.9% from January" goes on about Tuesday).
        if let planned = resolved, let articleDate, planned.start > articleDate { resolved = nil }
        if resolved == nil, !speaksOfFuture(sentence),
            let told = sentence.times.first(where: {
                $0.reach == .max && Self.isEventTime($0, in: sentence) && !baselineTimes.contains($0.tokens) && !Self.isFlashback($0.tokens, in: sentence)
                    && !Self.isSaying($0, in: sentence)
            })
        {
            resolved = (told.start, told.end)
        }
        // A day still to come is a plan, never the time the text goes on telling.
        if let resolved, articleDate.map({ resolved.start <= $0 }) ?? true { reference = resolved }
    }

    /// "52,000 tickets had been sold ... announced in August", "A day earlier, inspectors had
    /// found 11 faults": a time told in the past perfect is a flashback, not the time the text
    /// goes on telling — whether the "had" comes before it in its clause or after it when the
    /// time opens the sentence.
    static func isFlashback(_ time: Range<Int>, in sentence: SentenceContext) -> Bool {
        let isPerfect = { (index: Int) in
            sentence.lower(index) == "had" && (sentence.lower(index + 1) == "been" || Lemmatizer.pastOrParticiple(sentence.lower(index + 1)) != nil)
        }
        if (0..<time.lowerBound).contains(where: { isPerfect($0) && sentence.clauses[$0] == sentence.clauses[time.lowerBound] }) { return true }
        guard time.lowerBound == 0 else { return false }
        // The verb of the clause after an opening time: the first verb-like word decides.
        for index in time.upperBound..<min(sentence.tokens.count, time.upperBound + 8) {
            if isPerfect(index) { return true }
            let word = sentence.lower(index)
            if ["was", "were", "is", "are", "has", "have", "will", "would"].contains(word) || Lemmatizer.pastOrParticiple(word) != nil { return false }
        }
        return false
    }

    /// Whether a number's clause says "was still" or "were still": a state that lasts to the
    /// day it was told.
    static func isStillSo(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        return sentence.tokens.indices.contains {
            sentence.clauses[$0] == clause && ["was", "were"].contains(sentence.lower($0)) && sentence.lower($0 + 1) == "still"
        }
    }

    /// Present forms of the verbs that give a figure as reported: "puts participation at 38%".
    private static let presentReportingVerbs: Set<String> = [
        "says", "puts", "estimates", "estimate", "warns", "warn", "reports", "predicts", "predict", "forecasts", "forecast", "projects",
        "calculates", "calculate", "counts"
    ]

    /// Whether a number's clause gives it with a reporting verb in the present and tells of no
    /// past: "The ministry puts participation at 38%".
    static func isReportedInThePresent(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        let inClause = sentence.tokens.indices.lazy.filter { sentence.clauses[$0] == clause }
        return inClause.contains { presentReportingVerbs.contains(sentence.lower($0)) && !sentence.tokens[$0].isCapitalized }
            && !inClause.contains { ["was", "were", "had", "did"].contains(sentence.lower($0)) }
    }

    /// "a year earlier", "a year before": one year back from what the sentence compares.
    static func isAYearEarlier(_ time: TimeExpressions.Found, in sentence: SentenceContext) -> Bool {
        time.tokens.count == 3 && ["a", "one"].contains(sentence.lower(time.tokens.lowerBound)) && sentence.lower(time.tokens.lowerBound + 1) == "year"
            && ["earlier", "before"].contains(sentence.lower(time.tokens.lowerBound + 2))
    }

    /// Words that name a figure of a company's accounts.
    private static let accountsWords: Set<String> = [
        "profit", "profits", "revenue", "revenues", "sales", "turnover", "earnings", "income", "loss", "losses", "ebitda", "ebit", "margin"
    ]

    /// Whether a number's clause gives a figure of the accounts: "Revenue fell 9% to €3.1 billion".
    static func isAccountsFigure(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        return sentence.tokens.indices.contains { sentence.clauses[$0] == clause && accountsWords.contains(sentence.lower($0)) }
    }

    /// The day of a vote a sentence tells of: a single past day told just after a word of
    /// voting or just before it, with no comma between ("polls closed at 10pm on Thursday",
    /// "in Sunday's parliamentary election"; not "..., according to results published on Monday").
    static func pollingDay(in sentence: SentenceContext, before articleDate: Day?) -> Day? {
        sentence.times.first { time in
            // ("212 ballot papers have been rejected so far": the count as it stands.)
            guard !time.isStamp, time.end == nil, articleDate.map({ time.start <= $0 }) ?? true,
                !["so", "now", "currently"].contains(sentence.lower(time.tokens.lowerBound))
            else { return false }
            let near = max(0, time.tokens.lowerBound - 6)..<min(sentence.tokens.count, time.tokens.upperBound + 3)
            return near.contains { position in
                guard Vocabulary.votingWords.contains(sentence.lower(position)) else { return false }
                let between = position < time.tokens.lowerBound ? position..<time.tokens.lowerBound : time.tokens.upperBound..<position
                return !sentence.tokens[between].contains { $0.isPunctuation(",") }
            }
        }?.start
    }

    /// What a sentence says began on a day, and that day: "The strike by members of the GTSU
    /// began on 12 February", "a blackout that began on Monday evening".
    static func beginnings(in sentence: SentenceContext, before articleDate: Day?) -> [(noun: String, day: Day)] {
        sentence.times.compactMap { time in
            guard !time.isStamp, articleDate.map({ time.start <= $0 }) ?? true else { return nil }
            // The verb right before the time, with at most a preposition between: "began on".
            guard let verb = (max(0, time.tokens.lowerBound - 3)..<time.tokens.lowerBound).first(where: { TimeExpressions.beginningVerbEnd(sentence.tokens, at: $0) != nil }),
                let noun = (max(0, verb - 15)..<verb).last(where: { Vocabulary.happenings.contains(sentence.lower($0)) })
            else { return nil }
            return (sentence.lower(noun), time.start)
        }
    }

    /// Whether a time is told in an aside on when the subject began: ", which began in March
    /// 2022,", ", which started on Monday,".
    static func tellsWhenItBegan(_ time: TimeExpressions.Found, in sentence: SentenceContext) -> Bool {
        guard let verb = (max(0, time.tokens.lowerBound - 3)..<time.tokens.lowerBound).first(where: { TimeExpressions.beginningVerbEnd(sentence.tokens, at: $0) != nil })
        else { return false }
        return ["which", "that"].contains(sentence.lower(verb - 1)) && sentence.lower(verb - 2) == ","
    }

    /// Whether a number counts votes or the turnout: "took 1,874 votes", "96,420 votes were
    /// cast", "Turnout was 41.3%", "the Greens' vote share rose by 17 points".
    static func isVoteCount(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        if let unit = draft.unit, ["votes", "ballots"].contains(unit) { return true }
        guard let unit = draft.unit, ["percent", "percentage points", "points"].contains(unit) else { return false }
        // ("64% of respondents are certain to vote" is a poll's, not a count of votes.)
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        return sentence.tokens.indices.contains { position in
            sentence.clauses[position] == clause
                && (sentence.lower(position) == "turnout" || sentence.lower(position) == "vote" && (sentence.lower(position - 1) == "the" || sentence.lower(position + 1) == "share"))
        }
    }

    /// Whether a time is a period a company's accounts can cover, a quarter or more, ended by
    /// the article's day: "the first half", "the six months to June", "2024".
    static func isAccountsPeriod(_ time: TimeExpressions.Found, before articleDate: Day?) -> Bool {
        guard let end = time.end else { return false }
        return end.number - time.start.number >= 80 && articleDate.map { end <= $0 } ?? true
    }

    /// Where the word before a number is, past its qualifier and a currency sign: "at" in
    /// "at more than €8,000", "of" in "at a cost of £86 million".
    static func wordBefore(_ draft: MentionDraft, in sentence: SentenceContext) -> Int {
        var before = draft.start - 1
        while before > 0,
            Vocabulary.qualifierEndings.contains(sentence.lower(before)) || ["than", "some"].contains(sentence.lower(before))
                || Vocabulary.currencies[sentence.tokens[before].text] != nil
        {
            before -= 1
        }
        return before
    }

    /// Whether a number is what someone put something at, in the past: "Police put the crowd
    /// at 8,000", "a count estimated the crowd at 45,000".
    static func isPastEstimate(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let before = wordBefore(draft, in: sentence)
        guard sentence.lower(before) == "at" else { return false }
        return (max(0, before - 5)..<before).contains { ["put", "estimated", "counted", "placed"].contains(sentence.lower($0)) }
    }

    /// Whether a sentence tells how a share price moved in trading: "Shares in Arvika fell 5.3%
    /// in early trading", "The stock closed 2% higher".
    static func isMarketMove(_ sentence: SentenceContext) -> Bool {
        sentence.tokens.contains { ["shares", "stock", "stocks"].contains($0.lower) }
            && sentence.tokens.contains { ["trading", "traded", "trade", "closed", "opened"].contains($0.lower) }
    }

    /// Whether a number tells what a place or a body is, true whatever the day: "employs 260
    /// people", "is home to 3,200 producers", "holds 64,000 people", "costs €180 a dose" —
    /// unless the clause says it is so now ("now holds 14,600").
    static func isStandingFact(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let start = draft.start
        let before = wordBefore(draft, in: sentence)
        let verb = sentence.lower(before)
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        // ("If we hold 20 seats": a condition, not a standing fact.)
        let saysNow = sentence.tokens.indices.contains { sentence.clauses[$0] == clause && ["now", "currently", "still", "today", "if"].contains(sentence.lower($0)) }
        if saysNow { return false }
        if ["employs", "employ", "seats", "accommodates", "houses"].contains(verb) { return true }
        // "licensed to carry 50 people", "meant to carry no more than 20": what something is made to take.
        if Vocabulary.capacityVerbs.contains(sentence.lower(start - 1)), sentence.lower(start - 2) == "to", start >= 3, sentence.tokens[start - 3].kind == .word,
            Lemmatizer.pastOrParticiple(sentence.lower(start - 3)) != nil || ["able", "enough"].contains(sentence.lower(start - 3))
        {
            return true
        }
        // "34% owned by the state": a stake.
        if draft.unit == "percent", [draft.unitEnd, draft.span.tokens.upperBound].contains(where: { ["owned", "held", "controlled"].contains(sentence.lower($0)) }) { return true }
        // "the council has offered 4.5%", "the union is demanding a rise of €555 a month": a
        // position held until it changes, when no time is told ("antibiotics have been offered to 214 contacts"
        // is an event).
        if draft.unit.map({ $0 == "percent" || Vocabulary.moneyUnits.contains($0) }) ?? false, !sentence.times.contains(where: { !$0.isStamp }),
            let bargaining = (max(0, start - 6)..<start).last(where: { Lemmatizer.base(sentence.lower($0)).map(Vocabulary.bargainingVerbs.contains) ?? false }),
            !["been", "being"].contains(sentence.lower(bargaining - 1)), !sentence.tokens[bargaining..<start].contains(where: { $0.isPunctuation(",") || $0.lower == "and" })
        {
            return true
        }
        if verb == "home", sentence.lower(before + 1) == "to" || verb == "to" && sentence.lower(before - 1) == "home" { return true }
        if ["holds", "hold"].contains(verb), draft.unit.map({ UnitPass.looksPlural($0) || Vocabulary.irregularPlurals.contains($0) }) ?? false { return true }
        // ("costs €180 a dose": a price for each one.)
        if ["costs", "cost"].contains(verb), ["a", "per", "each"].contains(sentence.lower(draft.unitEnd)) { return true }
        // "was restored at a cost of £86 million", "The line cost €1.9 billion to build": what a
        // work cost, spent over no one day.
        if verb == "cost", ["a", "the", "total"].contains(sentence.lower(before - 1)) { return true }
        if ["costs", "cost"].contains(verb), sentence.lower(draft.unitEnd) == "to", Lemmatizer.isVerb(sentence.lower(draft.unitEnd + 1)) { return true }
        return false
    }

    /// Adverbs that make a clause tell what usually happens rather than what happened.
    private static let habitualAdverbs: Set<String> = ["usually", "normally", "typically", "generally", "routinely", "ordinarily"]

    /// Whether a number's clause tells what usually happens: "the ferry normally made 14
    /// crossings a day", "we usually see 20 cases a year".
    static func isHabitual(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let first = draft.span.tokens.lowerBound
        let clause = sentence.clauses[first]
        // ("Meridia, usually a net exporter, has shipped ...": an adverb set off by a comma is its aside's.)
        return sentence.tokens.indices.contains { position in
            guard sentence.clauses[position] == clause, habitualAdverbs.contains(sentence.lower(position)) else { return false }
            let between = position < first ? position..<first : first..<position
            return !sentence.tokens[between].contains { $0.isPunctuation(",") }
        }
    }

    /// A number given as the baseline of a comparison: "against 27%", "up from 19", "compared
    /// with 66", "versus 1.2m".
    static func isBaseline(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        var before = draft.span.tokens.lowerBound - 1
        while before >= 0, ["about", "around", "some", "roughly", "nearly", "almost", "just"].contains(sentence.lower(before)) { before -= 1 }
        let word = sentence.lower(before)
        let previous = sentence.lower(before - 1)
        return ["against", "versus", "vs"].contains(word) || word == "from" && ["up", "down"].contains(previous)
            || ["with", "to"].contains(word) && previous == "compared"
    }

    /// A day, a night, a week, a month or a quarter can be the time the next sentences go on
    /// telling; a year or "since 2008" frames figures but is no event the text narrates.
    /// So is the period results are given for: "reported a 12% fall in profit for 2025".
    private static func isEventTime(_ time: TimeExpressions.Found, in sentence: SentenceContext) -> Bool {
        // ("since April" runs up to now: no event the text goes on telling.)
        let isSince = sentence.lower(time.tokens.lowerBound) == "since" || sentence.lower(time.tokens.lowerBound - 1) == "since"
        return !time.isClock && !time.datesOnlyWhatFollows && !isSince
            && (time.end.map { $0.number - time.start.number <= 92 } ?? true || sentence.lower(time.tokens.lowerBound - 1) == "for")
    }

    private func speaksOfFuture(_ sentence: SentenceContext) -> Bool {
        sentence.tokens.contains { $0.roles.contains(.notNarrating) && Vocabulary.futureTense.contains($0.lower) }
    }

    /// A sentence in the present about the situation now: "remain in hospital", "are still missing".
    private func describesNow(_ sentence: SentenceContext) -> Bool {
        sentence.tokens.contains { Vocabulary.presentStateWords.contains($0.lower) }
            && sentence.tokens.contains { ["are", "is", "remain", "remains"].contains($0.lower) }
            && !sentence.tokens.contains { ["was", "were", "had"].contains($0.lower) || Vocabulary.futureTense.contains($0.lower) }
    }

    /// The tense of a number's clause, as far as it bears on its day.
    enum Tense {
        /// "nine are being treated", "remain in hospital", "Russia controls 20 percent".
        case present
        /// "has risen to 11", "have been deployed": up to the day reported.
        case presentPerfect
        case past
        /// "would cost", "will benefit", "wants to move": what is to come has no day yet.
        case future
    }

    /// The nearest tense-bearing word decides: before the number, else after it.
    /// `tense(at:in:)` of each word of a sentence, once.
    struct TenseMemo {
        private var known: [Tense??]

        init(count: Int) { known = Array(repeating: nil, count: count) }

        mutating func tense(at position: Int, in sentence: SentenceContext) -> Tense? {
            if let known = known[position] { return known }
            let tense = TimePass.tense(at: position, in: sentence)
            known[position] = .some(tense)
            return tense
        }
    }

    static func tense(of draft: MentionDraft, in sentence: SentenceContext, tenses: inout TenseMemo) -> Tense? {
        let aside = sentence.asides[draft.span.tokens.lowerBound]
        // "..., killing two civilians": a participle aside has the tense of its sentence.
        if let tense = tense(of: draft, inAside: aside, in: sentence, tenses: &tenses) { return tense }
        return aside != 0 && !sentence.isInRelativeAside(draft.span.tokens.lowerBound) ? tense(of: draft, inAside: 0, in: sentence, tenses: &tenses) : nil
    }

    private static func tense(of draft: MentionDraft, inAside aside: Int, in sentence: SentenceContext, tenses: inout TenseMemo) -> Tense? {
        let first = draft.span.tokens.lowerBound
        var clause = sentence.clauses[first]
        // "said they had run short and that 14 of the wounded remain": a number that opens a
        // clause after "that" is its subject, and its own verb comes after it.
        if sentence.lower(draft.start - 1) == "that", let tense = tenseAfter(draft, inAside: aside, clause: clause, in: sentence, tenses: &tenses) {
            return tense
        }
        let comparisons: Set<String> = ["up", "down", "from", "compared", "against"]
        var position = first - 1
        while position >= 0 {
            // ", up 27% on last year": a comparison takes the tense of what it compares.
            if sentence.clauses[position] == clause - 1, comparisons.contains(sentence.lower(position + 2)) || comparisons.contains(sentence.lower(position + 1)) {
                clause -= 1
            }
            guard sentence.clauses[position] == clause else { break }
            if sentence.asides[position] == aside, !sentence.isTimeToken[position], let tense = tenses.tense(at: position, in: sentence) { return tense }
            position -= 1
        }
        return tenseAfter(draft, inAside: aside, clause: sentence.clauses[first], in: sentence, tenses: &tenses)
    }

    /// The first tense-bearing word after a number, in its clause and aside.
    private static func tenseAfter(_ draft: MentionDraft, inAside aside: Int, clause: Int, in sentence: SentenceContext, tenses: inout TenseMemo) -> Tense? {
        var position = draft.span.tokens.upperBound
        while position < sentence.tokens.count, sentence.clauses[position] == clause {
            if sentence.asides[position] == aside, !sentence.isTimeToken[position], let tense = tenses.tense(at: position, in: sentence) { return tense }
            position += 1
        }
        return nil
    }

    /// The auxiliaries a participle leaves its tense to.
    private static let perfectAuxiliaries: Set<String> = ["was", "were", "had", "has", "have", "been", "be", "being"]

    /// Adverbs that may stand between an auxiliary and its participle ("has so far paid").
    private static let adverbs: Set<String> = ["already", "since", "now", "also", "just", "not", "never", "so", "far", "recently", "still", "reportedly"]

    /// The word before a position, past any adverbs.
    private static func wordBefore(_ position: Int, in sentence: SentenceContext) -> String {
        var back = position - 1
        while back >= 0, adverbs.contains(sentence.lower(back)) { back -= 1 }
        return sentence.lower(back)
    }

    /// The tense a word gives its clause, or nil for a word with none (or a verb of saying:
    /// "the ministry says" tells nothing of the figure's time).
    static func tense(at position: Int, in sentence: SentenceContext) -> Tense? {
        let token = sentence.tokens[position]
        guard token.kind == .word, !token.roles.contains(.reportingVerb) else { return nil }
        let word = token.lower
        switch word {
        case "is", "are", "remain", "remains": return .present
        case "was", "were", "had", "did": return .past
        case _ where sentence.lower(position + 1) == "to" && Vocabulary.futureBeforeTo.contains(word):
            // "expected to arrest up to 10 more": what is to come.
            return .future
        case "would", "will", "could", "might", "may", "must", "should", "shall", "can", "cannot":
            // "may have been thrown" is a past the speaker is unsure of.
            return sentence.lower(position + 1) == "have" ? .past : .future
        case "has", "have":
            // "has risen", "have since been released"; "has 40 hospitals" is a possession.
            var next = position + 1
            while adverbs.contains(sentence.lower(next)) { next += 1 }
            return sentence.lower(next) == "been" || Lemmatizer.pastOrParticiple(sentence.lower(next)) != nil ? .presentPerfect : nil
        default:
            if token.isCapitalized && position > 0 { return nil }
            // A past form is past; a participle after an auxiliary leaves the tense to it ("has
            // risen", "were freed").
            // ("the wounded", "its registered voters": after a determiner, a noun or an adjective.)
            if word.hasSuffix("ed") || Lemmatizer.irregular[word] != nil, !word.hasSuffix("ing"), Lemmatizer.pastOrParticiple(word) != nil,
                !Vocabulary.determiners.contains(sentence.lower(position - 1))
            {
                return perfectAuxiliaries.contains(wordBefore(position, in: sentence)) || position == 0 ? nil : .past
            }
            if isUnchangedPast(at: position, in: sentence) { return .past }
            // "Russia controls", "the search includes"; "wants to move" speaks of what is to come.
            // ("its cost at", "to hold 250": a noun, an infinitive.)
            if Vocabulary.statePresentVerbs.contains(word), !["to", "a", "an"].contains(sentence.lower(position - 1)),
                !Vocabulary.modals.contains(sentence.lower(position - 1)),
                !Vocabulary.determiners.contains(sentence.lower(position - 1))
            {
                return sentence.lower(position + 1) == "to" ? .future : .present
            }
            if sentence.lower(position + 1) == "to", word.hasSuffix("s"), Lemmatizer.base(word) != nil, position > 0,
                sentence.tokens[position - 1].kind == .word, !Vocabulary.determiners.contains(sentence.lower(position - 1))
            {
                return .future
            }
            return nil
        }
    }

    /// "A drone also hit a depot", "the firm cut 40 jobs": a verb whose past is its base form
    /// is past after its subject — not after "to", a modal or "did" ("will cut"), a determiner
    /// ("a cut") or an auxiliary ("has cut"), nor before "of" ("the cut of 5%").
    static func isUnchangedPast(at position: Int, in sentence: SentenceContext) -> Bool {
        guard position > 0, Vocabulary.unchangedPastForms.contains(sentence.lower(position)), sentence.lower(position + 1) != "of" else { return false }
        var back = position - 1
        while back > 0, adverbs.contains(sentence.lower(back)) { back -= 1 }
        let before = sentence.lower(back)
        return sentence.tokens[back].kind == .word && !Vocabulary.modals.contains(before) && !Vocabulary.determiners.contains(before)
            && !Vocabulary.auxiliaries.contains(before) && !["do", "does", "did", "'s", "and"].contains(before)
    }

    /// Whether a number's clause is free of the words that speak of now or of what is to come
    /// ("still", "will"): "58 were injured, and 16 remain in hospital" narrates the 58.
    private static func mayNarrate(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        return !sentence.tokens.indices.contains { sentence.clauses[$0] == clause && sentence.tokens[$0].roles.contains(.notNarrating) }
    }

    /// Whether a number's clause narrates an event: its verb is a past form, or comes after
    /// "was", "were", "had", "has", "have". (A sentence about the future or the present state
    /// narrates nothing; `assign` checks that once.)
    private func narrates(_ draft: MentionDraft, in sentence: SentenceContext) -> Bool {
        let tokens = sentence.tokens
        let clause = sentence.clauses[draft.span.tokens.lowerBound]
        // A participle aside narrates what its sentence narrates.
        let aside = sentence.isInRelativeAside(draft.span.tokens.lowerBound) ? sentence.asides[draft.span.tokens.lowerBound] : 0
        for token in tokens.indices
        where sentence.clauses[token] == clause && !sentence.isTimeToken[token]
            && (sentence.asides[token] == aside || aside == 0 && sentence.asides[token] == sentence.asides[draft.span.tokens.lowerBound])
        {
            let word = tokens[token].lower
            if word == "was" || word == "were" { return true }
            // "has risen", "have been evacuated": a present perfect narrates; "has 40 hospitals" does not.
            if word == "had" || word == "has" || word == "have",
                ((token + 1)..<min(token + 3, tokens.count)).contains(where: { tokens[$0].lower == "been" || Lemmatizer.pastOrParticiple(tokens[$0].lower) != nil })
            {
                return true
            }
            if tokens[token].roles.contains(.reportingVerb) { continue }
            if tokens[token].kind == .word, !tokens[token].isCapitalized || token == 0,
                word.hasSuffix("ed") && Lemmatizer.pastOrParticiple(word) != nil || Lemmatizer.irregular[word] != nil && !word.hasSuffix("s")
                    || Self.isUnchangedPast(at: token, in: sentence)
            {
                return true
            }
        }
        return false
    }

    /// The time expression a number refers to: the nearest in its own clause, else the
    /// nearest in an earlier clause of the sentence ("Overnight, Russia launched 298 drones ...,
    /// and 69 missiles"). A time in a later clause does not reach back.
    private func nearest(to span: Range<Int>, others: [Range<Int>], isBaseline: Bool, in sentence: SentenceContext) -> (found: TimeExpressions.Found, ownClause: Bool)? {
        let clause = sentence.clauses[span.lowerBound]
        let aside = sentence.asides[span.lowerBound]
        var times = sentence.times.filter {
            Self.distance($0.tokens, span) <= $0.reach && (sentence.asides[$0.tokens.lowerBound] == 0 || sentence.asides[$0.tokens.lowerBound] == aside)
                && (!$0.datesOnlyWhatFollows || $0.tokens.upperBound <= span.lowerBound)
        }
        // "18 people jailed over the 2024 protests were freed this week": the clause's own time.
        if !isBaseline, times.contains(where: { !$0.namesAnEvent && !$0.isClock && sentence.clauses[$0.tokens.lowerBound] == clause }) {
            times.removeAll(where: \.namesAnEvent)
        }
        if times.contains(where: { !$0.isStamp }) { times.removeAll(where: \.isStamp) }
        // The day of saying dates a figure only when nothing else does (see `assign`).
        let saidOn = dayOfSaying(after: span, in: sentence)
        times.removeAll { $0.tokens == saidOn?.tokens }
        // "up 27% on last year's appeal", "up 38% on the same period last year": the time after
        // a change's "on" is the level it is measured against, not the change's.
        // So is the time after "14% more than": "delivered 412,600, 14% more than a year earlier".
        // And so is the time after the baseline that follows: "fell to €1.46bn from €2.02bn a year earlier".
        let isChange =
            ["up", "down"].contains(sentence.lower(span.lowerBound - 1)) && (span.lowerBound < 2 || sentence.tokens[span.lowerBound - 2].kind == .punctuation)
            || [span.upperBound, span.upperBound + 1].contains { after in
                sentence.lower(after) == "from" && others.contains { (after + 1...after + 2).contains($0.lowerBound) }
                    // (A level a change reached: "fell to €1.46bn from €2.02bn", not "stole €11.4m from 4,300 people".)
                    && ["to", "at"].contains(sentence.lower(span.lowerBound - (Vocabulary.currencies[sentence.tokens[max(0, span.lowerBound - 1)].text] != nil ? 2 : 1)))
            }
            // ("an increase of 7.2% on the same month last year": a change measured against.)
            || sentence.lower(span.upperBound) == "on" && ["increase", "rise", "fall", "drop", "decline", "decrease", "jump"].contains(sentence.lower(span.lowerBound - 2))
            || (span.upperBound...span.upperBound + 1).contains { ["more", "less", "higher", "lower", "fewer"].contains(sentence.lower($0)) && sentence.lower($0 + 1) == "than" }
                // ("stealing €11.4m from more than 4,300 people": the qualifier of another number.)
                && sentence.lower(span.upperBound) != "from"
        if isChange {
            times.removeAll { time in
                time.tokens.lowerBound > span.upperBound
                    && sentence.tokens[span.upperBound..<time.tokens.lowerBound].contains { ["on", "than", "from"].contains($0.lower) }
            }
        }
        // "€40m for a centre with 1,200 beds, due to open in 2027", "€9bn in a plant that is
        // due to open in 2028": a time inside a plan set off after the number dates the plan
        // ("two are due to appear on Friday" is the number's own plan).
        times.removeAll { time in
            guard time.tokens.lowerBound > span.upperBound,
                let plan = (span.upperBound..<time.tokens.lowerBound).first(where: { position in
                    ["will", "would"].contains(sentence.lower(position))
                        || Vocabulary.futureBeforeTo.contains(sentence.lower(position)) && sentence.lower(position + 1) == "to"
                })
            else { return false }
            return sentence.tokens[span.upperBound..<plan].contains { $0.isPunctuation(",") || ["that", "which", "who"].contains($0.lower) }
        }
        var own = times.filter { sentence.clauses[$0.tokens.lowerBound] == clause }
        // "Nine were killed on Saturday and three on Sunday": a time right after an earlier
        // number is that number's, when this one has a time of its own after it.
        if own.contains(where: { time in
            time.tokens.lowerBound >= span.upperBound && !sentence.tokens[span.upperBound..<time.tokens.lowerBound].contains { $0.kind == .punctuation }
        }) {
            own.removeAll { time in
                time.tokens.upperBound <= span.lowerBound
                    && others.contains { other in
                        other.upperBound <= time.tokens.lowerBound && sentence.clauses[other.lowerBound] == clause
                            && !sentence.times.contains { $0.tokens.lowerBound >= other.upperBound && $0.tokens.upperBound <= time.tokens.lowerBound }
                    }
            }
        }
        // "convicted on Thursday of stealing €11.4 million from 4,300 people between 2021 and
        // 2024": a time before the number with a verb in "-ing" between them dates the verb
        // before; the number is dated by the time in its own phrase after it.
        if own.contains(where: { time in
            time.tokens.lowerBound >= span.upperBound && !sentence.tokens[span.upperBound..<time.tokens.lowerBound].contains { $0.kind == .punctuation }
        }) {
            own.removeAll { time in
                time.tokens.upperBound <= span.lowerBound
                    && (time.tokens.upperBound..<span.lowerBound).contains { position in
                        sentence.lower(position).hasSuffix("ing") && Lemmatizer.pastOrParticiple(sentence.lower(position)) != nil
                    }
            }
        }
        // On a tie, the time after the number: "from 2.5% in May".
        if let closest = own.min(by: {
            (Self.distance($0.tokens, span), $0.tokens.lowerBound < span.lowerBound ? 1 : 0) < (Self.distance($1.tokens, span), $1.tokens.lowerBound < span.lowerBound ? 1 : 0)
        }) {
            return (closest.reach == TimeExpressions.nowReach ? saidOn ?? closest : closest, true)
        }
        return times.filter({ sentence.clauses[$0.tokens.lowerBound] < clause }).max(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }).map { ($0, false) }
    }

    /// "31 cases have now been linked to the clinic, Dr Achterberg told the board on
    /// Wednesday": the day a figure was given, for a figure with no time of its own that the
    /// sentence does not narrate — and the day "now" means.
    private func dayOfSaying(after span: Range<Int>, in sentence: SentenceContext) -> TimeExpressions.Found? {
        sentence.times.first { time in
            guard time.reach == .max, !Self.isSince(time, in: sentence) else { return false }
            // "Valmor on Thursday reported a 12% fall": a time right before a verb of reporting.
            if time.tokens.upperBound < sentence.tokens.count, sentence.tokens[time.tokens.upperBound].roles.contains(.reportingVerb),
                sentence.tokens[time.tokens.upperBound].roles.contains(.speechVerb) || sentence.lower(time.tokens.upperBound).hasSuffix("ed")
            {
                return true
            }
            // "..., Dr Achterberg told the board of the Eastmoor Health Trust on Wednesday": the
            // verb of saying and its hearer, with no comma between.
            guard time.tokens.lowerBound > span.upperBound else { return false }
            let window = sentence.tokens[max(span.upperBound, time.tokens.lowerBound - 10)..<time.tokens.lowerBound]
            let clause = window.suffix(from: (window.lastIndex { $0.kind == .punctuation }).map { $0 + 1 } ?? window.startIndex)
            return sentence.tokens[max(span.upperBound, time.tokens.lowerBound - 6)..<time.tokens.lowerBound].contains { $0.roles.contains(.speechVerb) }
                || clause.contains { $0.roles.contains(.speechVerb) }
        }
    }

    /// Whether a time runs from a day up to the article's: "since the outbreak was declared on
    /// 29 September" is from then on, not a day of saying.
    private static func isSince(_ time: TimeExpressions.Found, in sentence: SentenceContext) -> Bool {
        time.end != nil && sentence.tokens[max(0, time.tokens.lowerBound - 8)..<time.tokens.lowerBound].contains { $0.lower == "since" }
    }

    /// Whether a time is when something was said: right after a verb of saying ("said on
    /// Friday"), or right before one of reporting ("on Thursday reported").
    private static func isSaying(_ time: TimeExpressions.Found, in sentence: SentenceContext) -> Bool {
        if isSince(time, in: sentence) { return false }
        return sentence.tokens[max(0, time.tokens.lowerBound - 2)..<time.tokens.lowerBound].contains {
            $0.roles.contains(.speechVerb) || ["statement", "briefing", "interview", "conference"].contains($0.lower)
        }
            || time.tokens.upperBound < sentence.tokens.count && sentence.tokens[time.tokens.upperBound].roles.contains(.reportingVerb)
    }

    private static func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
    }
}
