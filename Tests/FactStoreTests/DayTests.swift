import Testing

@testable import FactStore

@Suite struct DayTests {
    @Test(arguments: [("1970-01-01", 0), ("2025-05-25", 20233), ("2000-02-29", 11016), ("1969-12-31", -1), ("0001-01-01", -719_162)])
    func parsesAndNumbersDays(text: String, number: Int64) throws {
        let day = try #require(Day(iso: text))
        #expect(day.number == number)
        #expect(day.description == text)
    }

    @Test(arguments: ["2025-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "2025-5-25", "20250525", "2025-05-2x"])
    func rejectsDaysThatDoNotExist(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func knowsWeekdaysAndLeapYears() throws {
        #expect(try #require(Day(iso: "2025-05-25")).weekday == 6) // a Sunday
        #expect(try #require(Day(iso: "2025-05-23")).weekday == 4) // a Friday
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 1900) == 28)
        #expect(Day.daysIn(month: 2, year: 2000) == 29)
    }

    @Test func roundTripsEveryDayOfFourHundredYears() {
        let start = Day(year: 1900, month: 1, day: 1)!.number
        for number in start..<(start + 146_097) {
            let day = Day(number: number)
            let (year, month, dayOfMonth) = day.components
            #expect(Day(year: year, month: month, day: dayOfMonth) == day)
        }
    }
}
