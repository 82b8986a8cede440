import Testing
@testable import ArticleIngest
import FactStore

/// One rule of the extractor a test: each sentence is made up for the rule, not taken from a sample.
@Suite struct ExtractorRuleTests {
    static let sunday = Day(iso: "2025-05-25")!

    func mentions(_ text: String, date: Day? = ExtractorRuleTests.sunday) -> [Mention] {
        MentionExtractor(articleDate: date).extract(SentenceSplitter.split(text))
    }

    func only(_ text: String, date: Day? = ExtractorRuleTests.sunday, sourceLocation: SourceLocation = #_sourceLocation) -> Mention? {
        let found = mentions(text, date: date)
        #expect(found.count == 1, "\(found.map { "\($0.value) \($0.unit ?? "-")" })", sourceLocation: sourceLocation)
        return found.first
    }

    @Test(arguments: [
        ("Gen. Smith arrived. He left at noon.", 2),
        ("The U.S. sent aid on Monday. It was welcomed.", 2),
        ("Hospital No. 5 took 2.5 tonnes of supplies. Staff were relieved.", 2),
        ("\"We will not leave,\" she said. The crowd cheered.", 2),
        ("It cost $1.5 million. Critics said it was too much!", 2),
        ("First paragraph ends here\n\nSecond paragraph starts here.", 2),
        ("Prices fell 2.3 percent in May. Analysts expected 2.4.", 2),
    ])
    func sentenceSplitting(text: String, count: Int) {
        #expect(SentenceSplitter.split(text).count == count, "\(SentenceSplitter.split(text))")
    }

    @Test(arguments: [
        ("The army said 1,250 soldiers took part.", 1250.0, "soldiers"),
        ("Turnout reached 61.7% in the capital.", 61.7, "percent"),
        ("Three ambulances were sent.", 3, "ambulances"),
        ("Twenty-one schools closed.", 21, "schools"),
        ("A thousand volunteers joined.", 1000, "volunteers"),
        ("The fund holds 1.5 million dollars.", 1_500_000, "dollars"),
        ("One hundred and fifty homes flooded.", 150, "homes"),
        ("The line runs for 40 km.", 40, "km"),
        ("Officials counted two dozen boats.", 24, "boats"),
    ])
    func numbersAndUnits(text: String, value: Double, unit: String) throws {
        let mention = try #require(only(text))
        #expect(mention.value == value)
        #expect(mention.unit == unit)
    }

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
        ("Between 10 and 15 people were arrested.", 10, .range),
    ])
    func qualifiers(text: String, value: Double, qualifier: Qualifier) throws {
        let mention = try #require(only(text))
        #expect(mention.value == value)
        #expect(mention.qualifier == qualifier)
    }

    @Test func rangesKeepTheirTop() throws {
        let mention = try #require(only("Between 10 and 15 people were arrested."))
        #expect(mention.upper == 15)
        #expect(try #require(only("Damage was put at $40 million to $60 million.")).upper == 60_000_000)
    }

    @Test func elidedNounsComeFromTheCoordinatedNumber() {
        let found = mentions("12 people were killed and dozens injured.")
        #expect(found.map(\.unit) == ["people", "people"])
        #expect(found.map(\.event) == ["kill", "injure"])
        #expect(mentions("Police detained 20 protesters and released 15.").map(\.unit) == ["protesters", "protesters"])
    }

    @Test(arguments: [
        ("Both sides released 300 prisoners.", "release"),
        ("300 prisoners were freed.", "release"),
        ("300 prisoners were handed over.", "release"),
        ("Four people were killed.", "kill"),
        ("Two soldiers died.", "kill"),
        ("Nine civilians were wounded.", "injure"),
        ("Russia launched 50 drones.", "launch"),
        ("40 drones were shot down.", "shoot down"),
        ("Air defences intercepted 38 missiles.", "intercept"),
        ("Kyiv and Moscow swapped 90 prisoners.", "swap"),
        ("Russia controls 18 percent of the land.", "control"),
        ("The storm destroyed 12 bridges.", "destroy"),
        ("Engineers repaired 14 bridges.", "repair"),
        ("Crews were evacuating 200 residents.", "evacuate"),
    ])
    func events(text: String, event: String) throws {
        #expect(try #require(only(text)).event == event)
    }

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
        let mention = try #require(only(text))
        #expect(mention.date?.description ?? "" == date)
        #expect(mention.dateEnd?.description ?? "" == end)
    }

    @Test func relativeDatesNeedAnArticleDate() throws {
        let mention = try #require(only("Five people were hurt on Friday.", date: nil))
        #expect(mention.date == nil)
        #expect(try #require(only("Five towns were hit in February 2022.", date: nil)).date == Day(iso: "2022-02-01"))
    }

    @Test(arguments: [
        ("Mayor Anna Berg said 40 homes burned.", "Anna Berg"),
        ("40 homes burned, Mayor Anna Berg said.", "Anna Berg"),
        ("40 homes burned, said Anna Berg, the mayor.", "Anna Berg"),
        ("According to the fire service, 40 homes burned.", "fire service"),
        ("40 homes burned, according to local officials.", "local officials"),
        ("Police spokesman Tom Reed told AP that 40 homes burned.", "Tom Reed"),
        ("The ministry claimed 40 homes burned.", "ministry"),
        ("The UN noted that 40 homes burned.", "UN"),
        ("Governor Oleh Syniehubov wrote on Telegram that 40 homes burned.", "Oleh Syniehubov"),
        ("Lena Park, a spokeswoman for the agency, said 40 homes burned.", "Lena Park"),
        ("40 homes burned.", ""),
    ])
    func attribution(text: String, speaker: String) throws {
        #expect(try #require(only(text)).attributedTo ?? "" == speaker)
    }

    @Test func pronounsCarryTheLastSpeaker() {
        let found = mentions("Mayor Anna Berg said 40 homes burned. She added that 12 were rebuilt.")
        #expect(found.map(\.attributedTo) == ["Anna Berg", "Anna Berg"])
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
        "One of the soldiers was hurt.",
    ])
    func notCounts(text: String) {
        #expect(mentions(text).isEmpty, "\(mentions(text).map { "\($0.value) \($0.unit ?? "-")" })")
    }

    @Test func mentionTextIsTheNumberAsWritten() throws {
        #expect(try #require(only("At least 12 people died.")).text == "At least 12")
        #expect(try #require(only("Between 10 and 15 people were arrested.")).text == "Between 10 and 15")
    }

    @Test(arguments: [("collapsed", "collapse"), ("pulled", "pull"), ("stopped", "stop"), ("carried", "carry"), ("arriving", "arrive"),
                      ("raised", "raise"), ("shared", "share"), ("entered", "enter"), ("focused", "focus"), ("caused", "cause"),
                      ("evacuated", "evacuate"), ("backed", "back"), ("agreed", "agree"), ("building", nil), ("hundred", nil)])
    func lemmatizer(word: String, lemma: String?) {
        #expect(Lemmatizer.verb(word) == lemma)
    }
}
