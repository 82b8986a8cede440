import FactStore

/// Finds the time expressions of a sentence and resolves them against the article's date —
/// weekdays ("on Friday" is the latest Friday on or before it), "yesterday", "overnight",
/// "Saturday night" (two days), "over the past three days" (a span), "in February 2022",
/// "last week" (the previous Monday to Sunday), "this year", "between July and September",
/// "since 2009", "the first quarter" — and against the narrative's reference day for
/// "a day earlier", "the next day", "through the night". Every day computed stays within
/// `Day.validRange`; an expression that would leave it is not a time.
struct TimeExpressions {
    struct Found {
        var tokens: Range<Int>
        var start: Day
        var end: Day?
        /// How many tokens away a number may be and still be tied to this expression:
        /// "now" qualifies only what stands next to it; a dateline, nothing.
        var reach = Int.max
        /// A live blog's time stamp: the day of every number its entry gives no other time.
        var isStamp = false
        /// A clock time in the night being narrated: it dates its numbers, but the narrative
        /// goes on telling the night.
        var isClock = false
        /// A record's frame told as an event of its own ("the worst since 2003, when 30 million
        /// birds were culled"): it dates only the numbers after it, and the text does not go on
        /// telling it.
        var datesOnlyWhatFollows = false
        /// A year naming an event ("the 2021 election"): it dates a number only when its
        /// clause tells no other time, or the number is the baseline it names.
        var namesAnEvent = false
    }

    /// How far "now" reaches: it qualifies only what stands next to it.
    static let nowReach = 3
    /// "so far" closes the clause whose count it dates: "had taken part so far".
    static let soFarReach = 6

    let articleDate: Day?
    /// The day of the event being narrated, for expressions relative to it ("a day earlier").
    var reference: Day?
    /// The last day of the narrated period when it is one ("the third quarter"), so that "a
    /// year earlier" is the same period a year back.
    var referenceEnd: Day?
    /// The night being narrated, if it is one: "at about 03:00" is the morning after it.
    var night: (evening: Day, morning: Day)?
    /// The days the text has said things began on ("The strike began on 12 February"), by the
    /// noun: "since the strike began" runs from that day.
    var beginnings: [String: Day] = [:]

    func find(in tokens: [WordToken]) -> [Found] {
        var found: [Found] = []
        // A wire dateline ("MANILA, Oct 2 (factsh) -") dates the filing, not the facts: its
        // date is found (so its day is no count) but reaches no number.
        let datelineEnd = Self.datelineEnd(tokens)
        var index = 0
        // A live blog's time stamp ("14:20 -", "13:05 BST -") dates its entry on the article's day.
        if let stampEnd = Self.timeStampEnd(tokens), let today = articleDate {
            found.append(Found(tokens: 0..<stampEnd, start: today, end: nil, isStamp: true))
            index = stampEnd
        }
        while index < tokens.count {
            if let since = sinceItBegan(tokens, at: index) {
                found.append(since)
                index = since.tokens.upperBound
                continue
            }
            if var expression = yearsEarlier(tokens, at: index, previous: found.last) ?? expression(tokens, at: index) {
                // "at the end of September", "by the end of 2025": its last day; "the start of the
                // year": its first.
                if lower(tokens, expression.tokens.lowerBound - 1) == "of", let end = expression.end ?? Optional(expression.start) {
                    let edge = (expression.tokens.lowerBound - 2)..<expression.tokens.upperBound
                    switch lower(tokens, edge.lowerBound) {
                    case "end": expression = Found(tokens: edge, start: end, end: nil)
                    case "start", "beginning": expression = Found(tokens: edge, start: expression.start, end: nil)
                    // "on the night of 14 March": the night into the next day, as "Saturday night" is.
                    case "night" where expression.end == nil:
                        expression = Found(tokens: edge, start: expression.start, end: Self.shifted(expression.start, by: 1))
                    default: break
                    }
                }
                let unextended = (start: expression.start, end: expression.end)
                var sinceExtended = false
                // "since Saturday", "since July 2022": from then up to the article's day.
                if expression.tokens.lowerBound > 0, tokens[expression.tokens.lowerBound - 1].lower == "since", let today = articleDate,
                    expression.start < today
                {
                    expression.end = today
                    sinceExtended = true
                    expression.tokens = (expression.tokens.lowerBound - 1)..<expression.tokens.upperBound
                } else if let today = articleDate, expression.start < today, let since = Self.sinceOpening(tokens, before: expression.tokens.lowerBound),
                    !found.contains(where: { $0.tokens.lowerBound >= since })
                {
                    // "since the war began in 2022": from then up to the article's day.
                    expression.end = today
                    sinceExtended = true
                }
                // "between 8 and 13 October": the first day is the same month's.
                if expression.end == nil, expression.tokens.lowerBound >= 3, ["and", "to"].contains(lower(tokens, expression.tokens.lowerBound - 1)),
                    ["between", "from"].contains(lower(tokens, expression.tokens.lowerBound - 3)), tokens[expression.tokens.lowerBound - 2].kind == .number,
                    let first = Int(tokens[expression.tokens.lowerBound - 2].text), first < expression.start.components.day,
                    let start = Self.day(expression.start.components.year, expression.start.components.month, first)
                {
                    expression.end = expression.start
                    expression.start = start
                    expression.tokens = (expression.tokens.lowerBound - 3)..<expression.tokens.upperBound
                }
                // "between Monday and Wednesday", "between 1 October and 30 November", "between
                // 2015 and 2017", "on Monday and Tuesday": one span.
                let joined = ["and", "to"].contains(lower(tokens, expression.tokens.upperBound)) && expression.tokens.upperBound + 1 < tokens.count
                let pairOfDays =
                    joined && Vocabulary.weekdays[lower(tokens, expression.tokens.lowerBound)] != nil
                    && Vocabulary.weekdays[lower(tokens, expression.tokens.upperBound + 1)] != nil
                if joined, ["between", "from"].contains(lower(tokens, expression.tokens.lowerBound - 1)) || pairOfDays,
                    let second = self.expression(tokens, at: expression.tokens.upperBound + 1)
                        ?? (expression.tokens.upperBound + 2 < tokens.count && tokens[expression.tokens.upperBound + 1].kind == .number
                            ? self.expression(tokens, at: expression.tokens.upperBound + 2) : nil),
                    second.start >= expression.start
                {
                    expression.end = second.end ?? second.start
                    expression.tokens = (expression.tokens.lowerBound - (pairOfDays ? 0 : 1))..<second.tokens.upperBound
                }
                if expression.end == expression.start { expression.end = nil }
                // "its lowest level since 2008", "the largest fire in the region since 2017", "the
                // lowest since records began in 1961": a record's frame, the time of no number.
                let since =
                    tokens[expression.tokens.lowerBound].lower == "since"
                    ? expression.tokens.lowerBound
                    : Self.sinceOpening(tokens, before: expression.tokens.lowerBound).flatMap { since in found.contains { $0.tokens.lowerBound >= since } ? nil : since }
                if let since, tokens[max(0, since - 5)..<since].contains(where: { Vocabulary.superlatives.contains($0.lower) }) {
                    // "since 2011, when 23 people died", "since an ice storm in 2014 left 600,000
                    // customers in the dark": the frame is an event of its own, dating what follows.
                    if tokens[expression.tokens.upperBound...].contains(where: { $0.kind == .number || $0.roles.contains(.numberStart) }) {
                        expression = Found(tokens: expression.tokens, start: unextended.start, end: unextended.end, datesOnlyWhatFollows: true)
                    } else {
                        expression.reach = -1
                    }
                }
                if expression.tokens.upperBound <= datelineEnd { expression.reach = -1 }
                found.append(expression)
                // "not staged since 1987, when a touring company gave three performances": the
                // clause after "when" tells of that time itself.
                let when = expression.tokens.upperBound + 1
                if sinceExtended, !expression.datesOnlyWhatFollows, lower(tokens, when - 1) == ",", lower(tokens, when) == "when" {
                    found.append(Found(tokens: when..<when + 1, start: unextended.start, end: unextended.end, datesOnlyWhatFollows: true))
                }
                index = expression.tokens.upperBound
            } else {
                index += 1
            }
        }
        // A clock time dates a number only in a sentence that names no day of its own.
        if found.contains(where: { !$0.isClock && !$0.isStamp && !$0.namesAnEvent && $0.reach > 0 }) { found.removeAll(where: \.isClock) }
        return found
    }

    /// "added 118,000 subscribers in the quarter": the quarter (or half, or period) the text is
    /// telling of, when the narrated time is one.
    /// With no quarter told yet, "in the quarter" is the last one to have ended by the
    /// article's day: the quarter a report of results is about.
    private func narratedPeriod(_ tokens: [WordToken], at index: Int) -> Found? {
        guard ["in", "during", "over", "for"].contains(lower(tokens, index - 1)),
            !["of", "to", "ending", "through", "before", "after"].contains(lower(tokens, index + 2))
        else { return nil }
        let days = reference.flatMap { start in referenceEnd.map { $0.number - start.number + 1 } } ?? 0
        switch lower(tokens, index + 1) {
        case "quarter" where (80...93).contains(days), "half" where (170...190).contains(days), "period" where days > 1:
            guard let reference, let referenceEnd else { return nil }
            return Found(tokens: index..<index + 2, start: reference, end: referenceEnd)
        case "quarter":
            guard let today = articleDate else { return nil }
            let (year, month, _) = today.components
            let (endYear, endQuarter) = month <= 3 ? (year - 1, 4) : (year, (month - 1) / 3)
            return Self.span(
                index..<index + 2, Self.day(endYear, endQuarter * 3 - 2, 1),
                Self.day(endYear, endQuarter * 3, Day.daysIn(month: endQuarter * 3, year: endYear)))
        default:
            return nil
        }
    }

    /// "7,800 the year before", "the previous year", "on the same day last year": the time the
    /// sentence gave before, a year back; else the year before the narrative's (or, for "the
    /// same day last year", the article's day a year back).
    private func yearBefore(_ tokens: [WordToken], at index: Int, previous: Found?) -> Found? {
        if let week = weekBefore(tokens, at: index, previous: previous) { return week }
        let sameLastYear =
            lower(tokens, index) == "same" && ["day", "period", "month", "week", "quarter", "date"].contains(lower(tokens, index + 1))
            && lower(tokens, index + 2) == "last" && lower(tokens, index + 3) == "year"
        guard
            sameLastYear
                || lower(tokens, index) == "the"
                    && (lower(tokens, index + 1) == "year" && lower(tokens, index + 2) == "before"
                        || ["previous", "preceding"].contains(lower(tokens, index + 1)) && lower(tokens, index + 2) == "year")
        else { return nil }
        let end = sameLastYear ? index + 4 : index + 3
        if let previous, let start = Self.yearBack(previous.start, by: 1) {
            return Found(tokens: index..<end, start: start, end: previous.end.flatMap { Self.yearBack($0, by: 1) })
        }
        if sameLastYear { return articleDate.flatMap { Self.yearBack($0, by: 1) }.map { Found(tokens: index..<end, start: $0, end: nil) } }
        guard let base = reference ?? articleDate else { return nil }
        return Self.wholeYear(base.components.year - 1, tokens: index..<end)
    }

    /// "7,900 in the previous week", "980 the week before": the seven days before the span the
    /// sentence gave; "in the week to Sunday": the seven days ending that Sunday.
    private func weekBefore(_ tokens: [WordToken], at index: Int, previous: Found?) -> Found? {
        guard lower(tokens, index) == "the" else { return nil }
        let previousWeek =
            ["previous", "preceding"].contains(lower(tokens, index + 1)) && lower(tokens, index + 2) == "week"
            || lower(tokens, index + 1) == "week" && ["before", "earlier"].contains(lower(tokens, index + 2))
        if previousWeek, let previous, let start = Self.shifted(previous.start, by: -7) {
            return Found(tokens: index..<index + 3, start: start, end: previous.end.flatMap { Self.shifted($0, by: -7) })
        }
        if lower(tokens, index + 1) == "week", ["to", "ending"].contains(lower(tokens, index + 2)), index + 3 < tokens.count,
            let day = expression(tokens, at: index + 3), day.end == nil
        {
            return Self.span(index..<day.tokens.upperBound, Self.shifted(day.start, by: -6), day.start)
        }
        return nil
    }

    /// The same day `count` years before (28 February for a 29th in a year without one).
    static func yearBack(_ day: Day, by count: Int) -> Day? {
        let (year, month, dayOfMonth) = day.components
        return Self.day(year - count, month, min(dayOfMonth, Day.daysIn(month: month, year: year - count)))
    }

    /// The hour of a clock time ("03:00", "23:40", "3am", "11.30pm"), or nil.
    private static func clockHour(_ text: String) -> Int? {
        var digits = Substring(text)
        var afternoon = false
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            afternoon = text.hasSuffix("pm")
            digits = digits.dropLast(2)
        } else if !text.contains(":") {
            return nil
        }
        guard let hourText = digits.split(whereSeparator: { $0 == ":" || $0 == "." }).first, hourText.count <= 2, let hour = Int(hourText) else { return nil }
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            guard (1...12).contains(hour) else { return nil }
            return hour % 12 + (afternoon ? 12 : 0)
        }
        return (0...23).contains(hour) ? hour : nil
    }

    /// Where "since" opens the clause a time ends, a few words before it with no comma between
    /// ("since the fraud came to light in November 2023"), or nil.
    /// "since the strike began", "since the outbreak started": from the day the text said it
    /// began up to the article's.
    private func sinceItBegan(_ tokens: [WordToken], at index: Int) -> Found? {
        guard lower(tokens, index) == "since", lower(tokens, index + 1) == "the", let today = articleDate, let day = beginnings[lower(tokens, index + 2)], day < today,
            let verbEnd = Self.beginningVerbEnd(tokens, at: index + 3)
        else { return nil }
        return Found(tokens: index..<verbEnd, start: day, end: today)
    }

    /// The token after a verb of beginning at `index` ("began", "started", "broke out",
    /// "erupted"), or nil when there is none.
    static func beginningVerbEnd(_ tokens: [WordToken], at index: Int) -> Int? {
        guard tokens.indices.contains(index) else { return nil }
        switch tokens[index].lower {
        case "began", "begun", "started", "erupted": return index + 1
        case "broke" where index + 1 < tokens.count && tokens[index + 1].lower == "out": return index + 2
        default: return nil
        }
    }

    private static func sinceOpening(_ tokens: [WordToken], before index: Int) -> Int? {
        for position in stride(from: index - 1, through: max(0, index - 12), by: -1) {
            if tokens[position].kind == .punctuation { return nil }
            if tokens[position].lower == "since" { return position }
        }
        return nil
    }

    /// A holiday this year: the latest one up to the article's day, the next in a sentence about
    /// what is to come, last year's with "last year" after it ("at Easter last year").
    private func holidayExpression(_ holiday: (start: Day, end: Day?, length: Int), _ tokens: [WordToken], at index: Int, today: Day) -> Found? {
        var (start, end, length) = holiday
        let year = today.components.year
        let after = index + length
        var shift = 0
        if lower(tokens, after) == "last", lower(tokens, after + 1) == "year" {
            shift = -1
            length += 2
        } else if start > today, !Self.speaksOfFuture(tokens, before: index) {
            shift = -1
        } else if (end ?? start) < today, Self.speaksOfFuture(tokens, before: index) {
            shift = 1
        }
        if shift != 0, let shifted = Holidays.named(tokens, at: index, year: year + shift) {
            (start, end) = (shifted.start, shifted.end)
        }
        return Found(tokens: index..<index + length, start: start, end: end)
    }

    /// "a year earlier", "four years ago": the time the sentence gave before, that many years
    /// back ("$11.2bn in the three months to March, up from $10.1bn a year earlier"), else
    /// the whole year that many years before the article's (or the narrative's).
    private func yearsEarlier(_ tokens: [WordToken], at index: Int, previous: Found?) -> Found? {
        // Most words start none of these phrases: a byte each rules them out.
        let initial = tokens[index].lower.utf8.first
        guard
            tokens[index].kind == .number || initial == UInt8(ascii: "t") || initial == UInt8(ascii: "s") || initial == UInt8(ascii: "a")
                || initial == UInt8(ascii: "o") || tokens[index].roles.contains(.numberWord)
        else { return nil }
        let unit = lower(tokens, index + 1)
        let first = tokens[index].lower
        if first == "the", let period = narratedPeriod(tokens, at: index) { return period }
        if first == "the" || first == "same" { return yearBefore(tokens, at: index, previous: previous) }
        guard unit == "year" || unit == "years", ["earlier", "ago", "before"].contains(lower(tokens, index + 2)) else { return nil }
        let word = tokens[index]
        let count = ["a", "one"].contains(word.lower) ? 1 : Vocabulary.units[word.lower].map { Int($0) } ?? (word.kind == .number ? Int(word.text) : nil)
        guard let count, (1...200).contains(count) else { return nil }
        if let previous, let start = Self.yearBack(previous.start, by: count) {
            return Found(tokens: index..<index + 3, start: start, end: previous.end.flatMap { Self.yearBack($0, by: count) })
        }
        if lower(tokens, index + 2) != "ago", let reference, let referenceEnd, referenceEnd.number - reference.number > 1,
            let start = Self.yearBack(reference, by: count)
        {
            return Found(tokens: index..<index + 3, start: start, end: Self.yearBack(referenceEnd, by: count))
        }
        guard let base = lower(tokens, index + 2) == "ago" ? articleDate : reference ?? articleDate else { return nil }
        return Self.wholeYear(base.components.year - count, tokens: index..<index + 3)
    }

    /// The token after a dateline's dash, or 0 when the sentence has no dateline: an all-capital
    /// place name first, then a dash within the first dozen tokens.
    static func datelineEnd(_ tokens: [WordToken]) -> Int {
        guard let first = tokens.first, first.kind == .word, first.isCapitalized, first.text.utf8.count > 1,
            first.text.utf8.allSatisfy({ !(0x61...0x7A).contains($0) })
        else { return 0 }
        for index in 1..<min(tokens.count, 12) where tokens[index].kind == .punctuation && ["-", "—", "–"].contains(tokens[index].text) {
            return index + 1
        }
        return 0
    }

    /// The token after a time stamp's dash at the start of a sentence, or nil.
    static func timeStampEnd(_ tokens: [WordToken]) -> Int? {
        guard let first = tokens.first, first.kind == .number, first.text.utf8.contains(0x3A), clockHour(first.text) != nil else { return nil }
        if let mark = (1..<min(tokens.count, 4)).first(where: { tokens[$0].kind == .punctuation }), ["-", "—", "–", ":"].contains(tokens[mark].text) {
            return mark + 1
        }
        // "07:20 The operator says ...", "13:05 BST Police said ...": a stamp with no dash.
        var next = 1
        if next + 1 < tokens.count, tokens[next].kind == .word, tokens[next].text.utf8.count <= 4, tokens[next].text.allSatisfy(\.isUppercase) { next += 1 }
        return next < tokens.count && tokens[next].kind == .word && tokens[next].isCapitalized ? next : nil
    }

    private func lower(_ tokens: [WordToken], _ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    /// A day, or nil when it falls outside the days factsh can store.
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> Day? { Day(year: year, month: month, day: day) }

    private static func shifted(_ day: Day, by days: Int64) -> Day? {
        let (number, overflow) = day.number.addingReportingOverflow(days)
        guard !overflow, Day.validRange.contains(number) else { return nil }
        return Day(number: number)
    }

    private static func span(_ tokens: Range<Int>, _ start: Day?, _ end: Day?) -> Found? {
        guard let start else { return nil }
        return Found(tokens: tokens, start: start, end: end)
    }

    private static func wholeYear(_ year: Int, tokens: Range<Int>) -> Found? {
        span(tokens, day(year, 1, 1), day(year, 12, 31))
    }

    private static func wholeMonth(_ year: Int, _ month: Int, tokens: Range<Int>) -> Found? {
        guard (1...9999).contains(year) else { return nil }
        return span(tokens, day(year, month, 1), day(year, month, Day.daysIn(month: month, year: year)))
    }

    /// Whether a sentence is told in the past ("was", "were", "had", and with
    /// `countingParticiples` any "-ed" word), so "from January" or "by Friday" lie behind it.
    private static func isPast(_ tokens: [WordToken], countingParticiples: Bool) -> Bool {
        tokens.contains { ["was", "were", "had"].contains($0.lower) || countingParticiples && $0.lower.hasSuffix("ed") }
    }

    /// Whether the sentence speaks of what is to come ("will", "is due to", "next", "is to close").
    private static func speaksOfFuture(_ tokens: [WordToken], before index: Int) -> Bool {
        tokens[..<index].indices.contains { position in
            let beforeTo = position + 1 < tokens.count && tokens[position + 1].lower == "to"
            // "is due in January", "is due on Friday".
            let dueAt = tokens[position].lower == "due" && position + 1 < tokens.count && ["in", "on", "by", "next"].contains(tokens[position + 1].lower)
            return Vocabulary.futureMarkers.contains(tokens[position].lower) || dueAt
                || beforeTo && (["is", "are"].contains(tokens[position].lower) || Vocabulary.futureBeforeTo.contains(tokens[position].lower))
        }
    }

    /// "298 arrivals scheduled for Friday will be cancelled": a weekday whose own clause goes
    /// on about what is to come is the next one — unless it is when something was said ("said
    /// on Friday it will ...").
    private static func isFutureInItsClause(_ tokens: [WordToken], after index: Int) -> Bool {
        let before = index >= 2 && tokens[index - 1].lower == "on" ? index - 2 : index - 1
        if before >= 0, tokens[before].roles.contains(.reportingVerb) { return false }
        var position = index + 1
        while position < tokens.count, position - index <= 8, tokens[position].kind != .punctuation {
            if ["will", "shall"].contains(tokens[position].lower) { return true }
            position += 1
        }
        return false
    }

    private func expression(_ tokens: [WordToken], at index: Int) -> Found? {
        guard tokens.indices.contains(index), tokens[index].kind != .punctuation else { return nil }
        let word = tokens[index].lower
        if tokens[index].kind == .word, !tokens[index].roles.contains(.timeStart) {
            guard tokens[index].roles.contains(.relativeTimeStart), index + 1 < tokens.count,
                tokens[index + 1].roles.contains(.relativeTimeSecond)
                    || tokens[index + 1].lower == "the" && index + 2 < tokens.count && tokens[index + 2].lower == "night"
                    || (tokens[index + 1].kind == .number || tokens[index + 1].roles.contains(.numberStart)) && index + 2 < tokens.count && tokens[index + 2].lower == "months"
            else { return nil }
        }
        // A number is a time only as an ISO date or a year after "in", "since" (a day of a
        // month is read from its month).
        if tokens[index].kind == .number {
            if let night, index > 0, let hour = Self.clockHour(tokens[index].lower) {
                return Found(tokens: index..<index + 1, start: hour < 12 ? night.morning : night.evening, end: nil, isClock: true)
            }
            // "Turnout at 4pm stood at 41.2%": a time of day on the day being told.
            if let day = reference ?? articleDate, ["at", "by", "around", "until", "before", "after"].contains(lower(tokens, index - 1)),
                Self.clockHour(tokens[index].lower) != nil
            {
                return Found(tokens: index..<index + 1, start: day, end: nil, isClock: true)
            }
            let length = tokens[index].text.utf8.count
            if length == 10, let day = Day(iso: tokens[index].text) { return Found(tokens: index..<index + 1, start: day, end: nil) }
            // "in 2023", "since 2009": the whole year (since: up to the article's day).
            // "in the whole of 2024", "between 2015 and 2017" (read as a span by `find`).
            let ofTheWhole = lower(tokens, index - 1) == "of" && ["whole", "all"].contains(lower(tokens, index - 2))
            let between = lower(tokens, index - 1) == "between" || ["and", "to"].contains(lower(tokens, index - 1)) && lower(tokens, index - 3) == "between"
            // "the 2021 election", "over the 2024 protests": a year naming an event of its own.
            let namesAnEvent =
                ["the", "'s", "’s"].contains(lower(tokens, index - 1)) && index + 1 < tokens.count && tokens[index + 1].kind == .word
                && !tokens[index + 1].isCapitalized
            // "by the end of 2025", "at the start of 2024": its last or first day (see `find`).
            let edgeOf = lower(tokens, index - 1) == "of" && ["end", "start", "beginning"].contains(lower(tokens, index - 2))
            if length == 4, let year = Int(tokens[index].text), (1800...2100).contains(year),
                ["in", "during", "throughout", "since", "for", "from", "by"].contains(lower(tokens, index - 1)) || ofTheWhole || between || edgeOf
                    || namesAnEvent && year >= 1900
            {
                var whole = Self.wholeYear(year, tokens: index..<index + 1)
                whole?.namesAnEvent = namesAnEvent
                return whole
            }
            return nil
        }
        // Absolute dates need no article date.
        // "to march" is a verb, never the month, unless written with a capital.
        if let month = Vocabulary.months[word], tokens[index].isCapitalized || word.utf8.count > 3 && word != "march" {
            if let found = monthExpression(tokens, at: index, month: month) { return found }
        }
        if let relative = relativeToNarrative(tokens, at: index) { return relative }
        guard let today = articleDate else { return nil }
        let (thisYear, thisMonth, _) = today.components
        if let holiday = Holidays.named(tokens, at: index, year: thisYear) {
            return holidayExpression(holiday, tokens, at: index, today: today)
        }
        if let weekday = Vocabulary.weekdays[word], tokens[index].isCapitalized {
            let back = Int64((today.weekday - weekday + 7) % 7)
            var day = Self.shifted(today, by: -back)
            // "are due to appear on Monday": a sentence about what is to come means the next one.
            // "by Friday" in a sentence that is not past: a deadline to come.
            // "From Friday, 60 buses will carry...": a change that starts, in a sentence not past.
            let deadline = ["by", "from"].contains(lower(tokens, index - 1)) && !Self.isPast(tokens, countingParticiples: true)
            if Self.speaksOfFuture(tokens, before: index) || Self.isFutureInItsClause(tokens, after: index) || lower(tokens, index - 1) == "next" || deadline {
                day = Self.shifted(today, by: back == 0 ? 7 : 7 - back)
            }
            if lower(tokens, index - 1) == "last", back == 0, let current = day { day = Self.shifted(current, by: -7) }
            guard let day else { return nil }
            let next = lower(tokens, index + 1)
            if next == "night" || next == "evening" && lower(tokens, index + 2) == "into" {
                return Found(tokens: index..<index + 2, start: day, end: Self.shifted(day, by: 1))
            }
            if ["morning", "afternoon", "evening"].contains(next) { return Found(tokens: index..<index + 2, start: day, end: nil) }
            return Found(tokens: index..<index + 1, start: day, end: nil)
        }
        let next = lower(tokens, index + 1)
        switch word {
        case "yesterday":
            return Self.span(index..<index + 1, Self.shifted(today, by: -1), nil)
        case "now", "currently":
            return Found(tokens: index..<index + 1, start: today, end: nil, reach: Self.nowReach)
        case "so" where next == "far":
            // "so far this year", "so far in 2025": the period named after it.
            let named = lower(tokens, index + 2) == "in" ? index + 3 : index + 2
            if ["this", "in"].contains(lower(tokens, index + 2)), let period = expression(tokens, at: named) {
                return Found(tokens: index..<period.tokens.upperBound, start: period.start, end: period.end)
            }
            // "2,300 schools had taken part so far": a count as it stands on the article's day.
            return Found(tokens: index..<index + 2, start: today, end: nil, reach: Self.soFarReach)
        case "midnight" where lower(tokens, index - 1) == "since":
            return Found(tokens: index..<index + 1, start: today, end: nil)
        case "today":
            return Found(tokens: index..<index + 1, start: today, end: nil)
        case "tonight":
            // The night into the next day, as "Saturday night" is.
            return Self.span(index..<index + 1, today, Self.shifted(today, by: 1))
        case "overnight" where !UnitPass.looksPlural(next):
            // ("7.9 million overnight stays": an adjective before its noun, no time.)
            return Self.span(index..<index + 1, Self.shifted(today, by: -1), today)
        case "last" where next == "night":
            return Self.span(index..<index + 2, Self.shifted(today, by: -1), today)
        case "this" where ["morning", "afternoon", "evening"].contains(next):
            return Found(tokens: index..<index + 2, start: today, end: nil)
        case "weekend"
        where ["last", "this"].contains(lower(tokens, index - 1))
            || lower(tokens, index - 1) == "the" && ["over", "at", "during"].contains(lower(tokens, index - 2)):
            // The latest Saturday and Sunday on or before the article's day.
            guard let saturday = Self.shifted(today, by: -Int64((today.weekday - 5 + 7) % 7)) else { return nil }
            return Self.span((index - 1)..<index + 1, saturday, Self.shifted(saturday, by: 1))
        case "next" where next == "year":
            return Self.wholeYear(thisYear + 1, tokens: index..<index + 2)
        case "next" where next == "month":
            let (year, month) = thisMonth == 12 ? (thisYear + 1, 1) : (thisYear, thisMonth + 1)
            return Self.wholeMonth(year, month, tokens: index..<index + 2)
        case "next" where next == "week":
            // The following Monday to Sunday.
            guard let monday = Self.shifted(today, by: 7 - Int64(today.weekday)) else { return nil }
            return Self.span(index..<index + 2, monday, Self.shifted(monday, by: 6))
        case "last" where next == "year":
            return Self.wholeYear(thisYear - 1, tokens: index..<index + 2)
        case "the" where next == "year" && lower(tokens, index - 1) == "of" && ["start", "beginning", "end"].contains(lower(tokens, index - 2)):
            // "since the start of the year"
            return Self.wholeYear(thisYear, tokens: index..<index + 2)
        case "this" where next == "year":
            return Self.wholeYear(thisYear, tokens: index..<index + 2)
        case "last" where next == "month":
            let (year, month) = thisMonth == 1 ? (thisYear - 1, 12) : (thisYear, thisMonth - 1)
            return Self.wholeMonth(year, month, tokens: index..<index + 2)
        case "this" where next == "month":
            return Self.wholeMonth(thisYear, thisMonth, tokens: index..<index + 2)
        case "last" where next == "week":
            // The previous Monday to Sunday.
            guard let monday = Self.shifted(today, by: -Int64(today.weekday) - 7) else { return nil }
            return Self.span(index..<index + 2, monday, Self.shifted(monday, by: 6))
        case "this" where next == "week":
            // Monday to Sunday, as "last week" is.
            guard let monday = Self.shifted(today, by: -Int64(today.weekday)) else { return nil }
            return Self.span(index..<index + 2, monday, Self.shifted(monday, by: 6))
        case "past", "last":
            return pastSpan(tokens, at: index, today: today)
        case "the" where ["over", "in", "during", "across"].contains(lower(tokens, index - 1)) && ["days", "weeks"].contains(lower(tokens, index + 2)):
            // "over the three days": the days of the narrative, ending on the article's day.
            guard case .number(let count) = NumberReader.read(tokens, at: index + 1), count.tokens.count == 1, count.value >= 2, count.value <= 60 else { return nil }
            let days = Int64(count.value) * (lower(tokens, index + 2) == "weeks" ? 7 : 1)
            return Self.span(index..<index + 3, Self.shifted(today, by: 1 - days), today)
        case "the" where lower(tokens, index + 2) == "months" && ["to", "ending", "through"].contains(lower(tokens, index + 3)):
            // "in the three months to March", "the six months to 30 June": the quarter (or half)
            // ending with that month.
            guard case .number(let count) = NumberReader.read(tokens, at: index + 1), count.tokens.count == 1, (1...12).contains(count.value) else { return nil }
            return monthsEnding(tokens, at: index + 4, count: Int(count.value), from: index, today: today)
        case "the" where ["year", "half", "half-year"].contains(next) && ["to", "ending", "through"].contains(lower(tokens, index + 2)):
            // "in the year to March", "the half-year to 30 June": the twelve (or six) months
            // ending with that month.
            return monthsEnding(tokens, at: index + 3, count: next == "year" ? 12 : 6, from: index, today: today)
        case "first" where lower(tokens, index + 2) == "months":
            // "in the first nine months (of the year, of 2024)": January to the ninth month.
            guard case .number(let count) = NumberReader.read(tokens, at: index + 1), count.tokens.count == 1, (2...11).contains(count.value) else { return nil }
            let months = Int(count.value)
            let (year, end) = writtenYear(tokens, after: index + 3) ?? (months <= thisMonth ? thisYear : thisYear - 1, index + 3)
            return Self.span(index..<end, Self.day(year, 1, 1), Self.day(year, months, Day.daysIn(month: months, year: year)))
        case "full" where next == "year" && lower(tokens, index - 1) == "the", "full-year":
            // "for the full year", "full-year profit": the year being reported — the last one,
            // early in a year, when results for it come out.
            return Self.wholeYear(thisMonth <= 2 ? thisYear - 1 : thisYear, tokens: index..<index + (word == "full" ? 2 : 1))
        case "first-half", "second-half",
            "half-year" where !Self.tellsOfAMatch(tokens):
            // "first-half net profit"; "half-year results" are of the last half that has ended.
            let half = word == "first-half" || word == "half-year" && thisMonth >= 7 ? 1 : 2
            let year = half == 2 && thisMonth < 7 ? thisYear - 1 : thisYear
            return Self.span(index..<index + 1, Self.day(year, half * 6 - 5, 1), Self.day(year, half * 6, Day.daysIn(month: half * 6, year: year)))
        case let ordinal where next == "quarter" && ["first", "second", "third", "fourth"].contains(ordinal):
            // "in the first quarter": the latest such quarter up to the article's, or its year's.
            let quarter = ["first": 1, "second": 2, "third": 3, "fourth": 4][word]!
            var year = thisYear
            if let written = Int(lower(tokens, index + 2) == "of" ? lower(tokens, index + 3) : ""), (1800...2100).contains(written) {
                year = written
            } else if quarter > (thisMonth + 2) / 3 {
                year -= 1
            }
            let end = lower(tokens, index + 2) == "of" ? index + 4 : index + 2
            return Self.span(index..<end, Self.day(year, quarter * 3 - 2, 1), Self.day(year, quarter * 3, Day.daysIn(month: quarter * 3, year: year)))
        case let ordinal where next == "half" && ["first", "second"].contains(ordinal):
            // "in the first half of the year", "the second half of 2024": six months (a match's
            // "first half" is no part of a year, so the year is said).
            let half = ordinal == "first" ? 1 : 2
            var year = thisYear
            let end: Int
            if lower(tokens, index + 2) == "of", let written = Int(lower(tokens, index + 3)), (1800...2100).contains(written) {
                year = written
                end = index + 4
            } else if lower(tokens, index + 2) == "of", lower(tokens, index + 3) == "the", lower(tokens, index + 4) == "year" {
                end = index + 5
                if half == 2, thisMonth < 7 { year -= 1 }
            } else if lower(tokens, index - 1) == "the", !Self.tellsOfAMatch(tokens) {
                // "added 14,200 customers in the first half": of the year, outside a match report.
                end = index + 2
                if half == 2, thisMonth < 7 { year -= 1 }
            } else {
                return nil
            }
            return Self.span(index..<end, Self.day(year, half * 6 - 5, 1), Self.day(year, half * 6, Day.daysIn(month: half * 6, year: year)))
        default:
            return nil
        }
    }

    private static let daysIn: [String: Int] = ["day": 1, "days": 1, "week": 7, "weeks": 7]

    /// Whether a sentence tells of a match, where "the first half" is the game's.
    private static func tellsOfAMatch(_ tokens: [WordToken]) -> Bool {
        tokens.contains { Vocabulary.matchWords.contains($0.lower) }
    }

    /// A year written after a period ("of 2024", "of the year"), and the token after it.
    private func writtenYear(_ tokens: [WordToken], after index: Int) -> (year: Int, end: Int)? {
        guard lower(tokens, index) == "of" else { return nil }
        if lower(tokens, index + 1) == "the", lower(tokens, index + 2) == "year", let today = articleDate { return (today.components.year, index + 3) }
        guard let year = Int(lower(tokens, index + 1)), lower(tokens, index + 1).utf8.count == 4, (1800...2100).contains(year) else { return nil }
        return (year, index + 2)
    }

    /// The `count` months ending with the month at `index` ("March", "30 June", "June 2024"):
    /// the latest such month up to the article's when no year is written.
    private func monthsEnding(_ tokens: [WordToken], at index: Int, count: Int, from start: Int, today: Day) -> Found? {
        var position = index
        if tokens.indices.contains(position), tokens[position].kind == .number, let day = Int(tokens[position].text), (1...31).contains(day) { position += 1 }
        guard let month = Vocabulary.months[lower(tokens, position)] else { return nil }
        position += 1
        let (thisYear, thisMonth, _) = today.components
        var year = month <= thisMonth ? thisYear : thisYear - 1
        if tokens.indices.contains(position), tokens[position].kind == .number, tokens[position].text.utf8.count == 4, let written = Int(tokens[position].text),
            (1800...2100).contains(written)
        {
            year = written
            position += 1
        }
        let startMonth = month - count + 1
        let (firstYear, firstMonth) = startMonth >= 1 ? (year, startMonth) : (year - 1, startMonth + 12)
        return Self.span(start..<position, Self.day(firstYear, firstMonth, 1), Self.day(year, month, Day.daysIn(month: month, year: year)))
    }

    /// "a day earlier", "the day before", "the next day", "two days later", "through the night":
    /// relative to the day of the event being narrated.
    private func relativeToNarrative(_ tokens: [WordToken], at index: Int) -> Found? {
        let word = lower(tokens, index)
        let next = lower(tokens, index + 1)
        if ["through", "during"].contains(word), next == "the", lower(tokens, index + 2) == "night" {
            guard let base = reference ?? articleDate.flatMap({ Self.shifted($0, by: -1) }) else { return nil }
            return Self.span(index..<index + 3, base, Self.shifted(base, by: 1))
        }
        // "three days ago", "a week ago": from the article's day.
        if ["a", "one"].contains(word) || Vocabulary.units[word] != nil, let days = Self.daysIn[next],
            lower(tokens, index + 2) == "ago", let today = articleDate
        {
            return Self.span(index..<index + 3, Self.shifted(today, by: -Int64(Vocabulary.units[word] ?? 1) * Int64(days)), nil)
        }
        guard let base = reference ?? articleDate else { return nil }
        if ["a", "one"].contains(word) || Vocabulary.units[word] != nil, let days = Self.daysIn[next] {
            let count = Int64(Vocabulary.units[word] ?? 1) * Int64(days)
            switch lower(tokens, index + 2) {
            case "earlier", "before": return Self.span(index..<index + 3, Self.shifted(base, by: -count), nil)
            case "later", "after": return Self.span(index..<index + 3, Self.shifted(base, by: count), nil)
            default: return nil
            }
        }
        guard let reference else { return nil }
        if word == "the" {
            // "the day before", "the evening before", "the morning after".
            if Vocabulary.partsOfDay.contains(next), ["before", "earlier"].contains(lower(tokens, index + 2)) {
                return Self.span(index..<index + 3, Self.shifted(reference, by: -1), nil)
            }
            // "the previous day", "the preceding evening".
            if ["previous", "preceding"].contains(next), Vocabulary.partsOfDay.contains(lower(tokens, index + 2)) {
                return Self.span(index..<index + 3, Self.shifted(reference, by: -1), nil)
            }
            // "the next day", "the following morning".
            if ["next", "following"].contains(next), Vocabulary.partsOfDay.contains(lower(tokens, index + 2)) {
                return Self.span(index..<index + 3, Self.shifted(reference, by: 1), nil)
            }
            if Vocabulary.partsOfDay.contains(next), lower(tokens, index + 2) == "after" {
                return Self.span(index..<index + 3, Self.shifted(reference, by: 1), nil)
            }
        }
        return nil
    }

    /// "the past three days", "the last week", "past 24 hours": a span ending on the article's date.
    private func pastSpan(_ tokens: [WordToken], at index: Int, today: Day) -> Found? {
        var position = index + 1
        var count = 1.0
        var counted = false
        if position < tokens.count, case .number(let number) = NumberReader.read(tokens, at: position) {
            count = number.value
            position = number.tokens.upperBound
            counted = true
        }
        let unit = lower(tokens, position)
        // "last year" is a calendar year (see above); "the past year" the 365 days to today.
        if !counted, tokens[index].lower == "last", unit == "year" || unit == "years" { return nil }
        let days: Double
        switch unit {
        case "day", "days": days = count
        case "week", "weeks": days = count * 7
        case "fortnight": days = count * 14
        case "month", "months": days = count * 30
        case "year", "years": days = count * 365
        // "the past 24 hours" reaches into the day before.
        case "hours", "hour": days = (count / 24).rounded(.up) + 1
        default: return nil
        }
        guard days >= 1, days < 40_000 else { return nil }
        return Self.span(index..<position + 1, Self.shifted(today, by: -Int64(days) + 1), today)
    }

    /// "February 2022" (the month), "May 24", "24 May", "May 24, 2025", "between July and
    /// September" (a span), "from January" in a sentence about the future (the next one).
    private func monthExpression(_ tokens: [WordToken], at index: Int, month: Int) -> Found? {
        func number(_ position: Int) -> Int? {
            guard position >= 0, position < tokens.count, tokens[position].kind == .number else { return nil }
            return Int(tokens[position].text)
        }
        var year = articleDate?.components.year
        var yearSaid = false
        var end = index + 1
        var dayOfMonth: Int?
        var start = index
        let before = lower(tokens, index - 1)
        if let day = number(index + 1), (1...31).contains(day) {
            dayOfMonth = day
            end = index + 2
            if end < tokens.count, tokens[end].isPunctuation(","), let written = number(end + 1), written > 1900 {
                year = written
                yearSaid = true
                end += 2
            } else if let written = number(end), written > 1900 {
                year = written
                yearSaid = true
                end += 1
            }
        } else if let day = number(index - 1), (1...31).contains(day) {
            dayOfMonth = day
            start = index - 1
            if let written = number(index + 1), written > 1900 {
                year = written
                yearSaid = true
                end = index + 2
            }
        } else if let written = number(index + 1), written > 1900 {
            year = written
            end = index + 2
        } else if ["last", "next"].contains(before), let today = articleDate {
            // "last October": the latest October before the article's month; "next March".
            let (thisYear, thisMonth, _) = today.components
            year = before == "last" ? (month < thisMonth ? thisYear : thisYear - 1) : (month > thisMonth ? thisYear : thisYear + 1)
            start = index - 1
        } else if ["in", "since", "during", "until", "from", "by", "of", "between", "and", "to", "through"].contains(before), let today = articleDate {
            // "in May": the latest such month up to the article's; "from January" in a
            // sentence about what is to come: the next one.
            let (thisYear, thisMonth, _) = today.components
            year = month <= thisMonth ? thisYear : thisYear - 1
            // "from January" starts something: the next January, unless the sentence is past.
            let startsSomething = before == "from" && !Self.isPast(tokens, countingParticiples: false)
            if Self.speaksOfFuture(tokens, before: index) || startsSomething {
                year = month >= thisMonth ? thisYear : thisYear + 1
            }
        } else {
            return nil
        }
        // "12 October last year", "3 March next year": the year is said after the day.
        if dayOfMonth != nil, !yearSaid, ["last", "this", "next"].contains(lower(tokens, end)), lower(tokens, end + 1) == "year", let today = articleDate {
            year = today.components.year + (lower(tokens, end) == "last" ? -1 : lower(tokens, end) == "next" ? 1 : 0)
            end += 2
            yearSaid = true
        }
        guard var year else { return nil }
        if let dayOfMonth {
            guard var day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
            // "May 24" in a January report is last year's, and so is a day yet to come in a
            // sentence told in the past ("had 812,400 residents on 12 October").
            if let today = articleDate, !yearSaid,
                day.number - today.number > 183 || day > today && Self.isPast(tokens, countingParticiples: false) && !Self.speaksOfFuture(tokens, before: tokens.count)
            {
                year -= 1
                day = Day(year: year, month: month, day: dayOfMonth) ?? day
            } else if let today = articleDate, !yearSaid, day < today,
                Self.speaksOfFuture(tokens, before: start) || lower(tokens, start - 1) == "from" && !Self.isPast(tokens, countingParticiples: false)
            {
                // "will cost £38.20 from 2 January" in an October report: the next 2 January.
                year += 1
                day = Day(year: year, month: month, day: dayOfMonth) ?? day
            }
            return Found(tokens: start..<end, start: day, end: nil)
        }
        // "between March and September this year": the year said after the span.
        let spanEnd = ["between", "from", "in"].contains(before) && ["and", "to"].contains(lower(tokens, end)) && Vocabulary.months[lower(tokens, end + 1)] != nil ? end + 2 : end
        if !yearSaid, ["last", "this"].contains(lower(tokens, spanEnd)), lower(tokens, spanEnd + 1) == "year", let today = articleDate {
            year = today.components.year - (lower(tokens, spanEnd) == "last" ? 1 : 0)
        }
        // "between January and December 2024": the year said after the span is the first month's too.
        let yearAfterSpan = spanEnd > end && !yearSaid ? number(spanEnd).flatMap { (1800...2100).contains($0) ? $0 : nil } : nil
        if let yearAfterSpan { year = Vocabulary.months[lower(tokens, end + 1)].map { $0 >= month ? yearAfterSpan : yearAfterSpan - 1 } ?? yearAfterSpan }
        guard var whole = Self.wholeMonth(year, month, tokens: start..<end) else { return nil }
        // "between July and September", "in January to March": from the first month's start
        // to the second's end.
        if ["between", "from"].contains(before) && ["and", "to"].contains(lower(tokens, end)) || before == "in" && lower(tokens, end) == "to",
            let second = Vocabulary.months[lower(tokens, end + 1)],
            let last = Self.wholeMonth(second >= month ? year : year + 1, second, tokens: (end + 1)..<end + 2)
        {
            whole.end = last.end
            whole.tokens = (start - 1)..<(end + 2)
        }
        if spanEnd < tokens.count, ["last", "this"].contains(lower(tokens, spanEnd)), lower(tokens, spanEnd + 1) == "year", !yearSaid {
            whole.tokens = whole.tokens.lowerBound..<spanEnd + 2
        } else if yearAfterSpan != nil {
            whole.tokens = whole.tokens.lowerBound..<spanEnd + 1
        }
        return whole
    }
}
