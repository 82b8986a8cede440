import FactStore

/// Holidays that date what a report tells: "Good Friday", "Easter Monday", "the Easter
/// weekend", "Christmas Day", "New Year's Eve" — as HeidelTime resolves them. Easter moves, so
/// it is computed (the Gregorian computus); the others fall on fixed days.
enum Holidays {
    /// The holiday whose name starts at `index` (capitalised, as names are), in `year`: its
    /// first day, its last when it spans several, and how many tokens name it.
    static func named(_ tokens: [WordToken], at index: Int, year: Int) -> (start: Day, end: Day?, length: Int)? {
        guard tokens[index].isCapitalized else { return nil }
        func word(_ offset: Int) -> String { index + offset < tokens.count ? tokens[index + offset].lower : "" }
        switch tokens[index].lower {
        case "easter":
            guard let sunday = easterSunday(year) else { return nil }
            switch word(1) {
            case "monday": return shifted(sunday, 1).map { ($0, nil, 2) }
            case "sunday": return (sunday, nil, 2)
            case "weekend", "holiday", "holidays":
                // "the Easter weekend", "the Easter holiday weekend": Good Friday to Easter Monday.
                let length = word(1) == "holiday" && word(2) == "weekend" ? 3 : 2
                guard let friday = shifted(sunday, -2), let monday = shifted(sunday, 1) else { return nil }
                return (friday, monday, length)
            default: return (sunday, nil, 1)
            }
        case "good" where word(1) == "friday":
            return easterSunday(year).flatMap { shifted($0, -2) }.map { ($0, nil, 2) }
        case "christmas":
            let eve = word(1) == "eve"
            return Day(year: year, month: 12, day: eve ? 24 : 25).map { ($0, nil, eve || word(1) == "day" ? 2 : 1) }
        case "boxing" where word(1) == "day":
            return Day(year: year, month: 12, day: 26).map { ($0, nil, 2) }
        case "new" where word(1) == "year" && word(2) == "'s" && ["day", "eve"].contains(word(3)):
            return (word(3) == "day" ? Day(year: year, month: 1, day: 1) : Day(year: year, month: 12, day: 31)).map { ($0, nil, 4) }
        default:
            return nil
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> Day? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30
        let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7
        let m = (a + 11 * h + 22 * l) / 451
        return Day(year: year, month: (h + l - 7 * m + 114) / 31, day: (h + l - 7 * m + 114) % 31 + 1)
    }

    private static func shifted(_ day: Day, _ days: Int64) -> Day? { Day(number: day.number + days) }
}
