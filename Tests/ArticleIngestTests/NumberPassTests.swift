import FactStore
import Testing

@testable import ArticleIngest

/// Numbers and qualifiers (NumberPass): what is a count, its value and how exactly it is known.
/// Each sentence is made up for the rule, not taken from a sample.
@Suite struct NumberPassTests {
    @Test(arguments: [
        ("Dozens of people were hurt.", 24.0, Qualifier.vague),
        ("Hundreds of homes lost power.", 200, .vague),
        ("Thousands of people marched.", 2000, .vague),
        ("Tens of thousands of people fled.", 20000, .vague),
        ("At least 12 people died.", 12, .atLeast),
        ("More than 30 towns were hit.", 30, .moreThan),
        ("Over 500 flights were cancelled.", 500, .moreThan),
        ("Almost 90 patients were moved.", 90, .nearly),
        ("Nearly a thousand people were freed.", 1000, .nearly),
        ("Up to 40 drones were launched.", 40, .atMost),
        ("Some 300 workers joined the strike.", 300, .about),
        ("Roughly 70 trucks crossed.", 70, .about),
        ("Fewer than 10 shops reopened.", 10, .fewerThan),
        ("Russia launched 415 more drones on Monday.", 415, .exact),
        ("Between 10 and 15 people were arrested.", 10, .range),
        ("The rebels handed over 45 hostages.", 45, .exact),
        ("The club signed over 20 players.", 20, .exact),
        ("The rebels took over 45 hostages.", 45, .moreThan)
    ])
    func qualifiers(text: String, value: Double, qualifier: Qualifier) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.value == value)
        #expect(mention.qualifier == qualifier)
    }

    @Test func rangesKeepTheirTop() throws {
        let mention = try #require(ExtractorHarness.only("Between 10 and 15 people were arrested."))
        #expect(mention.upper == 15)
        #expect(try #require(ExtractorHarness.only("Damage was put at $40 million to $60 million.")).upper == 60_000_000)
    }

    @Test(arguments: [
        "The war began in 2022.",
        "The talks were held on May 16, 2025.",
        "The sirens sounded at 03:40 and again at 5 a.m.",
        "The talks were the first in three years.",
        "It was the third attack this week.",
        "The 45-year-old driver was unhurt.",
        "The driver, aged 45, was unhurt.",
        "The 1,000-for-1,000 exchange went ahead.",
        "Su-34 jets and F-16s flew over.",
        "Flight 17 was delayed.",
        "One of the soldiers was hurt."
    ])
    func notCounts(text: String) {
        #expect(ExtractorHarness.mentions(text).isEmpty, "\(ExtractorHarness.mentions(text).map { "\($0.value) \($0.unit ?? "-")" })")
    }

    /// "by nearly X to Y" is a change and the level it reached, not a range, qualifier or not.
    @Test func aQualifiedChangeAndItsLevelAreTwoNumbers() {
        let mentions = ExtractorHarness.mentions("Pensioners have grown by nearly a quarter of a million to 1.9 million.")
        #expect(mentions.map(\.value) == [250_000, 1_900_000])
        #expect(mentions.map(\.qualifier) == [.nearly, .exact])
    }

    @Test func mentionTextIsTheNumberAsWritten() throws {
        #expect(try #require(ExtractorHarness.only("At least 12 people died.")).text == "At least 12")
        #expect(try #require(ExtractorHarness.only("Between 10 and 15 people were arrested.")).text == "Between 10 and 15")
    }

    @Test(arguments: [
        ("Officers found half a million pills.", 500_000.0, Qualifier.exact, "pills"),
        ("A quarter of a million people marched.", 250_000, .exact, "people"),
        ("A handful of shops reopened.", 3, .vague, "shops"),
        ("Two dozen boats left.", 24, .exact, "boats"),
        ("Scores of homes flooded.", 40, .vague, "homes"),
        ("The fraud cost more than £18,000.", 18_000, .moreThan, "pounds"),
        ("The plan costs nearly €9 billion.", 9_000_000_000, .nearly, "euros"),
        ("Fines of up to $75 million were possible.", 75_000_000, .atMost, "dollars"),
        ("No more than 20 people may gather.", 20, .atMost, "people"),
        ("As many as 600 people were evacuated.", 600, .atMost, "people"),
        ("The club paid €25m for him.", 25_000_000, .exact, "euros"),
        ("Sales reached $3.4bn.", 3_400_000_000, .exact, "dollars"),
        ("Winds reached 120km/h.", 120, .exact, "km/h"),
        ("They opened a 30-bed ward.", 30, .exact, "beds"),
        ("Labour won the 45-seat council.", 45, .exact, "seats"),
        ("Three or four firms bid.", 3, .range, "firms"),
        ("Aid agencies said 1.2m people needed food.", 1_200_000, .exact, "people"),
        ("Officials counted 1,000-plus displaced families.", 1000, .moreThan, "families"),
        ("The fund raised more than NOK 180,000.", 180_000, .moreThan, "kroner"),
        ("Shares fell to 214p.", 214, .exact, "pence"),
        ("The deal is worth between $40 million and $55 million.", 40_000_000, .range, "dollars")
    ])
    func numbersAsNewsWritesThem(text: String, value: Double, qualifier: Qualifier, unit: String) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.value == value)
        #expect(mention.qualifier == qualifier)
        #expect(mention.unit == unit)
    }

    @Test func aChangeAndItsNewLevelAreTwoNumbers() {
        let found = ExtractorHarness.mentions("Revenue rose 4% to $2.3 billion.")
        #expect(found.map(\.value) == [4, 2_300_000_000])
        #expect(found.map(\.unit) == ["percent", "dollars"])
        #expect(found.map(\.qualifier) == [.exact, .exact])
    }

    @Test(arguments: [
        "For help, call 0300 555 0142.",
        "Mark Hale, 54, of Church Street, was arrested.",
        "The pension age will drop from 65 to 64.",
        "The Boeing 737 landed safely.",
        "An A320neo was diverted.",
        "The injured man was sitting in row 9.",
        "A Category 4 storm hit the coast."
    ])
    func notCountsInNews(text: String) {
        #expect(ExtractorHarness.mentions(text).isEmpty, "\(ExtractorHarness.mentions(text).map { "\($0.value) \($0.unit ?? "-")" })")
    }
}

/// A decimal with a scale is the whole number it says (NumberReader).
@Suite struct ScaledDecimalsTests {
    @Test(arguments: [("4.1 billion", 4_100_000_000.0), ("€3.4bn", 3_400_000_000), ("1.47 billion", 1_470_000_000), ("0.3 million", 300_000)])
    func scaledDecimalsAreExact(written: String, value: Double) {
        #expect(ExtractorHarness.mentions("Profit reached \(written) kronor.").first?.value == value)
    }
}

/// A match's score is two numbers that count nothing, as the labelling guide has it.
@Suite struct ScoreTests {
    @Test(arguments: [
        ("Portvale won the cup, beating Redhill Athletic 3-1 at the Eastgate Stadium.", [3.0, 1], "beat"),
        ("Arnholt beat Vesta 34-32 in the final.", [34, 32], "beat"),
        ("They lost 1-3 on Saturday.", [1, 3], "lose"),
        ("It was a 2-0 victory.", [2, 0], "win"),
        ("The sides drew 2-2.", [2, 2], "draw")
    ])
    func scores(text: String, values: [Double], event: String) {
        let found = ExtractorHarness.mentions(text)
        #expect(found.map(\.value) == values)
        #expect(found.allSatisfy { $0.unit == nil && $0.event == event && $0.qualifier == .exact })
    }

    @Test func aRangeIsNoScore() {
        let found = ExtractorHarness.mentions("Between 40-55 people came, in the 2024-25 season.")
        #expect(found.map(\.value) == [40])
        #expect(found.first?.upper == 55)
    }
}

@Suite struct BelowZeroTests {
    @Test func minusMakesANumberNegative() throws {
        let mention = try #require(ExtractorHarness.only("Night temperatures have fallen to minus 14 degrees."))
        #expect(mention.value == -14)
        #expect(mention.unit == "degrees")
        #expect(mention.text == "minus 14")
    }
}

/// A later member of a list whose verb is left out is a count, not a name's number.
@Suite struct GappedListMemberTests {
    @Test func aNameAndItsNumberAfterTheInAList() {
        let found = ExtractorHarness.mentions("The League won 1,204 votes, the Social Democrats 987 and the Greens 412.")
        #expect(found.map(\.value) == [1204, 987, 412])
        #expect(found.allSatisfy { $0.unit == "votes" && $0.event == "win" })
        #expect(ExtractorHarness.mentions("Figures gave the alliance 25 seats and the conservative People's Union 20.").map(\.value) == [25, 20])
    }

    @Test func aModelNameIsStillNoCount() {
        #expect(ExtractorHarness.mentions("The airline flies 12 routes and the Boeing 737 is its main jet.").map(\.value) == [12])
    }
}
