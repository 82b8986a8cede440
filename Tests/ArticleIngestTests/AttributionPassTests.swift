import Testing
@testable import ArticleIngest
import FactStore

/// Who the text credits with a number (AttributionPass).
@Suite struct AttributionPassTests {
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
        #expect(try #require(ExtractorHarness.only(text)).attributedTo ?? "" == speaker)
    }

    @Test func pronounsCarryTheLastSpeaker() {
        let found = ExtractorHarness.mentions("Mayor Anna Berg said 40 homes burned. She added that 12 were rebuilt.")
        #expect(found.map(\.attributedTo) == ["Anna Berg", "Anna Berg"])
    }

    @Test(arguments: [
        ("The clinic's director, Dr Ana Ruiz, said 40 patients were treated.", "Ana Ruiz"),
        ("Mr Holm told the broadcaster NRK that 40 boats were lost.", "Holm"),
        ("Interior Minister Ali Yerlikaya told reporters 87 buildings collapsed.", "Ali Yerlikaya"),
        ("\"We need 40 more nurses,\" said the Minister of Health, Nora Vik.", "Nora Vik"),
        ("The organisers, the Clean Rivers Coalition, said 9,000 people marched.", "Clean Rivers Coalition"),
        ("Of the town's 12,400 registered voters, 6,100 voted, the election office said.", "election office"),
        ("Hale conceded defeat, telling supporters he had lost by 600 votes.", "Hale"),
        ("The swap ended, with authorities from both sides confirming the release of 303 soldiers.", "authorities from both sides"),
    ])
    func namesNotRoles(text: String, speaker: String) throws {
        let found = ExtractorHarness.mentions(text)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.attributedTo ?? "" == speaker }, "\(found.map(\.attributedTo))")
    }

    @Test func sheIsTheLastPersonNamedNotTheLastBody() {
        let found = ExtractorHarness.mentions("Maria Lopez, who runs the shelter, said 40 families arrived. The Red Cross said 12 tents were sent. She said 9 more were needed.")
        #expect(found.map { $0.attributedTo ?? "" } == ["Maria Lopez", "Red Cross", "Maria Lopez"])
    }

    @Test func twoSourcesInOneSentenceEachKeepTheirNumber() {
        let found = ExtractorHarness.mentions("Police put the crowd at 8,000; organisers said 30,000 people marched.")
        #expect(found.map { $0.attributedTo ?? "" } == ["Police", "organisers"])
    }

    @Test func aRelativeClauseAboutTheSpeakerIsBackground() {
        let found = ExtractorHarness.mentions("The airline, which operates 62 aircraft, said 180 passengers were on board.")
        #expect(found.map { $0.attributedTo ?? "" } == ["", "airline"])
        let reported = ExtractorHarness.mentions("Ms Vale said the plant, which employs 1,400 people, would close.")
        #expect(reported.map { $0.attributedTo ?? "" } == ["Vale"])
    }

    @Test func itIsTheLastBodyThatSpoke() {
        let found = ExtractorHarness.mentions("Russia fired 298 drones, the air force said. Air defences intercepted 266, it added.")
        #expect(found.map { $0.attributedTo ?? "" } == ["air force", "air force"])
    }
}
