import FactStore

/// Finds the time expressions of a sentence and resolves them against the article's date:
/// weekdays ("on Friday" is the latest Friday on or before it), "yesterday", "overnight",
/// "Saturday night" (two days), "over the past three days" (a span), "in February 2022"
/// (the month), "May 24".
struct TimeExpressions {
    struct Found {
        var tokens: Range<Int>
        var start: Day
        var end: Day?
        /// How many tokens away a number may be and still be tied to this expression:
        /// "now" qualifies only what stands next to it.
        var reach = Int.max
    }

    let articleDate: Day?

    func find(in tokens: [WordToken]) -> [Found] {
        var found: [Found] = []
        // A wire dateline ("MANILA, Oct 2 (factsh) -") dates the filing, not the facts: its
        // date is found (so its day is no count) but reaches no number.
        let datelineEnd = Self.datelineEnd(tokens)
        var index = 0
        while index < tokens.count {
            if var expression = expression(tokens, at: index) {
                // "since Saturday", "since July 2022": from then up to the article's day.
                if expression.tokens.lowerBound > 0, tokens[expression.tokens.lowerBound - 1].lower == "since", let today = articleDate,
                   expression.start < today {
                    expression.end = today
                    expression.tokens = (expression.tokens.lowerBound - 1)..<expression.tokens.upperBound
                }
                if expression.end == expression.start { expression.end = nil }
                if expression.tokens.upperBound <= datelineEnd { expression.reach = -1 }
                found.append(expression)
                index = expression.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The token after a dateline's dash, or 0 when the sentence has no dateline: an all-capital
    /// place name first, then a dash within the first dozen tokens.
    static func datelineEnd(_ tokens: [WordToken]) -> Int {
        guard let first = tokens.first, first.kind == .word, first.isCapitalized, first.text.utf8.count > 1,
              first.text.utf8.allSatisfy({ !(0x61...0x7A).contains($0) }) else { return 0 }
        for index in 1..<min(tokens.count, 12) where tokens[index].kind == .punctuation && ["-", "—", "–"].contains(tokens[index].text) {
            return index + 1
        }
        return 0
    }

    private func lower(_ tokens: [WordToken], _ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    private func expression(_ tokens: [WordToken], at index: Int) -> Found? {
        if tokens[index].kind == .word, !tokens[index].roles.contains(.timeStart) { return nil }
        let word = tokens[index].lower
        // Absolute dates need no article date.
        if let month = Lexicon.months[word], tokens[index].isCapitalized || word.count > 3 {
            if let found = monthExpression(tokens, at: index, month: month) { return found }
        }
        if tokens[index].kind == .number, let day = Day(iso: tokens[index].text) {
            return Found(tokens: index..<index + 1, start: day, end: nil)
        }
        // "in 2023": the whole year.
        if tokens[index].kind == .number, tokens[index].text.count == 4, let year = Int(tokens[index].text), (1800...2100).contains(year),
           ["in", "during", "throughout"].contains(lower(tokens, index - 1)) {
            return Found(tokens: index..<index + 1, start: Day(year: year, month: 1, day: 1)!, end: Day(year: year, month: 12, day: 31)!)
        }
        guard let today = articleDate else { return nil }
        if let weekday = Lexicon.weekdays[word], tokens[index].isCapitalized {
            let back = Int64((today.weekday - weekday + 7) % 7)
            var day = today.adding(days: -back)
            // "are due to appear on Monday": a sentence about what is to come means the next one.
            if tokens[..<index].contains(where: { Lexicon.futureMarkers.contains($0.lower) }) {
                day = today.adding(days: back == 0 ? 7 : 7 - back)
            }
            if lower(tokens, index - 1) == "last", back == 0 { day = day.adding(days: -7) }
            let next = lower(tokens, index + 1)
            if next == "night" || next == "evening" && lower(tokens, index + 2) == "into" {
                return Found(tokens: index..<index + 2, start: day, end: day.adding(days: 1))
            }
            if ["morning", "afternoon", "evening"].contains(next) { return Found(tokens: index..<index + 2, start: day, end: nil) }
            return Found(tokens: index..<index + 1, start: day, end: nil)
        }
        switch word {
        case "yesterday":
            return Found(tokens: index..<index + 1, start: today.adding(days: -1), end: nil)
        case "now", "currently":
            return Found(tokens: index..<index + 1, start: today, end: nil, reach: 3)
        case "today", "tonight":
            return Found(tokens: index..<index + 1, start: today, end: nil)
        case "overnight":
            return Found(tokens: index..<index + 1, start: today.adding(days: -1), end: today)
        case "last" where lower(tokens, index + 1) == "night":
            return Found(tokens: index..<index + 2, start: today.adding(days: -1), end: today)
        case "this" where ["morning", "afternoon", "evening"].contains(lower(tokens, index + 1)):
            return Found(tokens: index..<index + 2, start: today, end: nil)
        case "weekend" where ["last", "this"].contains(lower(tokens, index - 1))
            || lower(tokens, index - 1) == "the" && ["over", "at", "during"].contains(lower(tokens, index - 2)):
            // The latest Saturday and Sunday on or before the article's day.
            let saturday = today.adding(days: -Int64((today.weekday - 5 + 7) % 7))
            return Found(tokens: (index - 1)..<index + 1, start: saturday, end: saturday.adding(days: 1))
        case "last" where ["year", "month"].contains(lower(tokens, index + 1)):
            let (year, month, _) = today.components
            if lower(tokens, index + 1) == "year" {
                return Found(tokens: index..<index + 2, start: Day(year: year - 1, month: 1, day: 1)!, end: Day(year: year - 1, month: 12, day: 31)!)
            }
            let (previousYear, previousMonth) = month == 1 ? (year - 1, 12) : (year, month - 1)
            return Found(tokens: index..<index + 2, start: Day(year: previousYear, month: previousMonth, day: 1)!,
                         end: Day(year: previousYear, month: previousMonth, day: Day.daysIn(month: previousMonth, year: previousYear))!)
        case "past", "last":
            return pastSpan(tokens, at: index, today: today)
        default:
            return nil
        }
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
        // "last year" is a calendar year, not the past 365 days: left unresolved.
        if !counted, unit == "year" || unit == "years" { return nil }
        let days: Double
        switch unit {
        case "day", "days": days = count
        case "week", "weeks": days = count * 7
        case "month", "months": days = count * 30
        case "year", "years": days = count * 365
        case "hours", "hour": days = (count / 24).rounded(.up)
        default: return nil
        }
        guard days >= 1, days < 40_000 else { return nil }
        return Found(tokens: index..<position + 1, start: today.adding(days: -Int64(days) + 1), end: today)
    }

    /// "February 2022" (the month), "May 24", "24 May", "May 24, 2025".
    private func monthExpression(_ tokens: [WordToken], at index: Int, month: Int) -> Found? {
        func number(_ position: Int) -> Int? {
            guard position >= 0, position < tokens.count, tokens[position].kind == .number else { return nil }
            return Int(tokens[position].text)
        }
        var year = articleDate?.components.year
        var end = index + 1
        var dayOfMonth: Int?
        var start = index
        if let day = number(index + 1), (1...31).contains(day) {
            dayOfMonth = day
            end = index + 2
            if end < tokens.count, tokens[end].isPunctuation(","), let written = number(end + 1), written > 1900 {
                year = written
                end += 2
            } else if let written = number(end), written > 1900 {
                year = written
                end += 1
            }
        } else if let day = number(index - 1), (1...31).contains(day) {
            dayOfMonth = day
            start = index - 1
            if let written = number(index + 1), written > 1900 {
                year = written
                end = index + 2
            }
        } else if let written = number(index + 1), written > 1900 {
            year = written
            end = index + 2
        } else if ["in", "since", "during", "until", "from", "by", "of"].contains(lower(tokens, index - 1)), let today = articleDate {
            // "in May": the latest such month up to the article's.
            let (thisYear, thisMonth, _) = today.components
            year = month <= thisMonth ? thisYear : thisYear - 1
        } else {
            return nil
        }
        guard var year else { return nil }
        if let dayOfMonth {
            guard var day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
            // "May 24" in a January report is last year's.
            if let today = articleDate, day.number - today.number > 183, number(end - 1) == dayOfMonth {
                year -= 1
                day = Day(year: year, month: month, day: dayOfMonth) ?? day
            }
            return Found(tokens: start..<end, start: day, end: nil)
        }
        guard let first = Day(year: year, month: month, day: 1), let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) else { return nil }
        return Found(tokens: start..<end, start: first, end: last)
    }
}
