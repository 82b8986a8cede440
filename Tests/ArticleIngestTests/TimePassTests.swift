import Testing
@testable import ArticleIngest
import FactStore

/// The day a number refers to (TimeExpressions, TimePass).
@Suite struct TimePassTests {
    @Test(arguments: [
        ("Five people were hurt on Friday.", "2025-05-23", ""),
        ("Five people were hurt yesterday.", "2025-05-24", ""),
        ("Five drones were shot down overnight.", "2025-05-24", "2025-05-25"),
        ("Five drones were shot down last night.", "2025-05-24", "2025-05-25"),
        ("Five drones were launched on Saturday night.", "2025-05-24", "2025-05-25"),
        ("Five towns were hit over the past three days.", "2025-05-23", "2025-05-25"),
        ("Five towns were hit in February 2022.", "2022-02-01", "2022-02-28"),
        ("Five towns were hit on May 20.", "2025-05-20", ""),
        ("Five towns were hit on 20 May 2024.", "2024-05-20", ""),
        ("Five towns were hit today.", "2025-05-25", ""),
        ("Five towns were hit on Sunday.", "2025-05-25", ""),
        ("Five towns have been hit since Thursday.", "2025-05-22", "2025-05-25"),
        ("Five towns were hit last year.", "2024-01-01", "2024-12-31"),
        ("Five towns were hit.", "", ""),
    ])
    func dates(text: String, date: String, end: String) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.date?.description ?? "" == date)
        #expect(mention.dateEnd?.description ?? "" == end)
    }

    @Test func relativeDatesNeedAnArticleDate() throws {
        let mention = try #require(ExtractorHarness.only("Five people were hurt on Friday.", date: nil))
        #expect(mention.date == nil)
        #expect(try #require(ExtractorHarness.only("Five towns were hit in February 2022.", date: nil)).date == Day(iso: "2022-02-01"))
    }

    @Test func aSentenceWithoutTimeWordsGoesOnNarratingTheLastEvent() {
        // Sunday 2025-05-25: Tuesday is 2025-05-20.
        let found = ExtractorHarness.mentions("A bus overturned near Tarnow on Tuesday, injuring 30. Four passengers died and 19 were hurt.")
        #expect(found.map { $0.date?.description ?? "" } == ["2025-05-20", "2025-05-20", "2025-05-20"])
    }

    @Test func standingFactsTakeNoDate() {
        let found = ExtractorHarness.mentions("Six people died on Friday. The region has 40 hospitals.")
        #expect(found.map { $0.date?.description ?? "" } == ["2025-05-23", ""])
    }

    @Test func aClauseWithItsOwnDateKeepsIt() {
        let found = ExtractorHarness.mentions("Voters went to the polls on Sunday. Turnout was 52%, down from 58% in the first round on 3 May.")
        #expect(found.map { $0.date?.description ?? "" } == ["2025-05-25", "2025-05-03"])
    }

    @Test(arguments: [
        ("Four people died on Friday. Two more had died a day earlier.", "2025-05-22", ""),
        ("Four people died on Friday. Two more died the next day.", "2025-05-24", ""),
        ("Crews fought the fire on Friday. They rescued 12 people through the night.", "2025-05-23", "2025-05-24"),
        ("The agency recorded 300 cases this year.", "2025-01-01", "2025-12-31"),
        ("The agency recorded 300 cases last week.", "2025-05-12", "2025-05-18"),
        ("The agency recorded 300 cases between July and September.", "2024-07-01", "2024-09-30"),
        ("The agency has recorded 300 cases since 2009.", "2009-01-01", "2025-05-25"),
        ("Profits fell 12% in the first quarter.", "2025-01-01", "2025-03-31"),
        ("Wages will rise 3% from January.", "2026-01-01", "2026-01-31"),
        ("Revenue was $4bn in the three months to March.", "2025-01-01", "2025-03-31"),
        ("The deficit will narrow to 2.6% of GDP next year.", "2026-01-01", "2026-12-31"),
        ("Officials want 500 beds ready by Friday.", "2025-05-30", ""),
        ("In all, each side freed 1,000 prisoners over the three days.", "2025-05-23", "2025-05-25"),
        ("The appeal had raised 9,000 euros by Friday.", "2025-05-23", ""),
        ("Sales rose 9% in the first quarter. Net profit rose 18%, the company said on Wednesday.", "2025-01-01", "2025-03-31"),
        ("Prices rose 2.3% in April, slowing from 2.6% in March. Energy prices fell 3.1%.", "2025-04-01", "2025-04-30"),
        ("The plant is to close in December, with the loss of 420 jobs.", "2025-12-01", "2025-12-31"),
        ("Thirty cases have now been linked to the clinic, the director told the board on Wednesday.", "2025-05-21", ""),
    ])
    func relativeDates(text: String, date: String, end: String) throws {
        let mention = try #require(ExtractorHarness.mentions(text).last)
        #expect(mention.date?.description ?? "" == date)
        #expect(mention.dateEnd?.description ?? "" == end)
    }

    @Test(arguments: ["0001-01-01", "9999-12-31"])
    func datesAtTheEdgesOfTheCalendarNeverTrap(iso: String) {
        let day = Day(iso: iso)!
        let text = "Last year 8 died. Yesterday 3 died. Tomorrow 2 will. Over the past 3 years 9 died. Last week 4 died. On Friday 5 died. "
            + "This year 6 died. In the first quarter 7 died. Overnight 10 died. A day earlier 11 died."
        for mention in ExtractorHarness.mentions(text, date: day) {
            if let date = mention.date { #expect(Day.validRange.contains(date.number)) }
            if let end = mention.dateEnd { #expect(Day.validRange.contains(end.number)) }
        }
    }
}
