import Testing
@testable import ArticleIngest
import FactStore

/// The verb a number belongs to and its event class (EventPass, EventClasses).
@Suite struct EventPassTests {
    @Test(arguments: [
        ("Both sides released 300 prisoners.", "release"),
        ("300 prisoners were freed.", "release"),
        ("300 prisoners were handed over.", "release"),
        ("Four people were killed.", "kill"),
        ("Two soldiers died.", "kill"),
        ("Nine civilians were wounded.", "injure"),
        ("Russia launched 50 drones.", "launch"),
        ("40 drones were shot down.", "shoot down"),
        ("Air defences intercepted 38 missiles.", "shoot down"),
        ("Kyiv and Moscow swapped 90 prisoners.", "release"),
        ("Russia controls 18 percent of the land.", "control"),
        ("The storm destroyed 12 bridges.", "destroy"),
        ("Engineers repaired 14 bridges.", "repair"),
        ("Crews were evacuating 200 residents.", "evacuate"),
    ])
    func events(text: String, event: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).event == event)
    }

    @Test(arguments: [
        ("Officials confirmed the release of 303 soldiers.", "release", "release"),
        ("Authorities from both sides confirming the release of 303 soldiers.", "release", "release"),
        ("The quake left a death toll of 12.", "death toll", "kill"),
        ("The closure means the loss of 400 jobs.", "lose", "lose"),
        ("Ms Vale won the runoff with 53.4% of the vote.", "win", "win"),
        ("Volunteers phoned 300 voters.", "phone", "phone"),
        ("The scheme created 1,200 jobs.", "create", "create"),
        ("The fund totalled 40 million euros.", "total", "total"),
        ("Readers wrote 500 letters.", "write", "write"),
        ("Six miners lost their lives.", "lose life", "kill"),
        ("Nine hostages were brought home.", "bring home", "release"),
        ("Nine hostages were freed.", "free", "release"),
        ("Eleven people were hurt.", "hurt", "injure"),
        ("Four drones were downed.", "down", "shoot down"),
        ("Two pilots perished.", "perish", "kill"),
    ])
    func verbAndEventClass(text: String, verb: String, event: String) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.verb == verb)
        #expect(mention.event == event)
    }

    @Test func saidIsNeverTheEvent() throws {
        #expect(try #require(ExtractorHarness.only("Police said 12 people were arrested.")).event == "arrest")
    }

    @Test(arguments: ["The death toll from the floods has risen to seven.", "The toll stood at 41.", "Deaths rose to 40 on Friday."])
    func aTollThatRisesIsStillAKilling(text: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).event == "kill")
    }
}
