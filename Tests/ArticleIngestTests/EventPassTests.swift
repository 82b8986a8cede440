import FactStore
import Foundation
import Testing

@testable import ArticleIngest

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
        ("Helicopters lifted out 30 climbers.", "lift"),
        ("The venue sold out 3 concerts.", "sell"),
        ("Police called off 2 searches.", "cancel"),
        ("The army carried out 40 raids.", "carry out"),
        ("The firm laid off 300 workers.", "lay off"),
        ("Cases rose, with 4,812 infections recorded so far.", "record"),
        ("The cuts follow 600 redundancies announced last year.", "announce"),
        ("The firm cancelled all 64 crossings scheduled for Friday.", "cancel"),
        ("The firm will cut capital spending by 25%.", "cut"),
        ("The city will replace a further 3.5 km of track.", "replace"),
        ("More than 60,000 people now shelter there.", "shelter"),
        ("I farm 12 hectares.", "farm"),
        ("About 2,000 patients in the Western Health Region had been waiting since May.", "wait"),
        ("Fans objected to gala ticket prices of up to £185.", "object"),
        ("The rebels fired rockets from hills at 15 villages.", "launch")
    ])
    func events(text: String, event: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).event == event)
    }

    /// A number after "and" with a verb of its own, even a copula, does not share the verb
    /// before it.
    @Test func aCoordinatedNumberWithItsOwnVerbSharesNoEvent() {
        let mentions = ExtractorHarness.mentions("Eleven people have died, and 212 patients are in hospital.")
        #expect(mentions.map { $0.event ?? "" } == ["kill", ""])
    }

    /// The README lists every event class with the wordings in it, as users query them.
    @Test func theReadmeListsEveryEventClass() throws {
        let readme = try String(contentsOf: ExtractorScoreTests.samples.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for name in EventClasses.members.keys {
            #expect(readme.contains("| `\(name)` |"), "README lists no event class \(name)")
        }
    }

    /// Found by the article fuzzer: "11-09" reads as 11 and a 9 whose words reach back into the
    /// 11; asking whether the 9 is gapped after it trapped on an inverted range.
    @Test func aNumberReachingBackIntoTheOneBeforeIsNoGappedOne() {
        let mentions = ExtractorHarness.mentions("Nurses gave 640 doses and 11-09.")
        #expect(mentions.map(\.value) == [640, 11, 9])
    }

    /// A number after a comma with a verb of its own is no apposition: the verb after the next
    /// comma is not its.
    @Test func aClauseAfterACommaKeepsItsOwnVerb() {
        let mentions = ExtractorHarness.mentions("Since the start of the year, 14 cases have been reported, compared with 11 last year.")
        #expect(mentions.map(\.event) == ["report", "report"])
    }

    /// The part of a partitive takes the verb before it, past a particle; the whole takes the
    /// participle that describes it.
    @Test func aPartitiveAfterAPhrasalVerb() {
        let mentions = ExtractorHarness.mentions("Air defences shot down 58 of the 71 drones launched overnight.")
        #expect(mentions.map(\.event) == ["shoot down", "launch"])
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
        ("Two pilots perished.", "perish", "kill")
    ])
    func verbAndEventClass(text: String, verb: String, event: String) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.verb == verb)
        #expect(mention.event == event)
    }

    @Test(arguments: [
        ("At least 45 migrants are feared dead.", 45.0, "kill"),
        ("Twelve sailors were presumed drowned.", 12, "kill"),
        ("At least 27 people drowned and 41 are missing.", 41, "miss"),
        ("Another 17 people were treated, and four of them remain in hospital.", 4, "remain"),
        ("St Aldric's Hospital has treated 14 people, three of them for serious burns.", 3, "treat"),
        ("Officers seized 19 firearms, as well as 2,600 rounds of ammunition.", 2600, "seize"),
        ("We turned away 900 applicants this month.", 900, "turn away"),
        ("The union would hand out 300 food vouchers.", 300, "hand out"),
        ("The stores lost a combined £21m last year.", 21_000_000, "lose"),
        ("Its perimeter now stretches for 94 km.", 94, "stretch"),
        ("Some 1,350 firefighters, backed by 22 aircraft, are working on the fire lines.", 22, "back"),
        ("Two firefighters died on Monday when their truck was trapped by flames.", 2, "kill"),
        ("The Liberals won 34% of the vote and 61 of the 150 seats.", 61, "win"),
        ("In the six months that followed, 19 people in the vaccinated group were admitted to hospital.", 19, "admit"),
        ("The hospital said it had treated 87 wounded.", 87, "treat"),
        ("The quake left 12 dead and 40 injured.", 12, "kill"),
        ("Since the heatwave began, 23 deaths have been linked to the heat.", 23, "kill"),
        ("People over 75 accounted for 61% of the admissions.", 61, "account for"),
        ("The agency expects up to 3,000 more people to arrive next week.", 3000, "arrive"),
        ("The plan would allow up to six wolves a year to be culled.", 6, "cull"),
        ("160 servicemen will be handed over today, along with 24 civilians.", 24, "release"),
        ("Ferries normally carry about 1.2 million passengers to the islands.", 1_200_000, "carry"),
        ("A boat carrying 87 people, among them two dozen children, was stopped.", 24, "carry"),
        ("Nearly 1.2 million ballots were cast, including about 90,000 by post.", 90000, "cast"),
        ("The union has offered an 11 percent increase.", 11, "rise"),
        ("Six men are due to appear in court.", 6, "appear"),
        ("Unemployment stayed at a record low of 6.2 percent.", 6.2, "stay"),
        ("The food bank has distributed 48,700 parcels, compared with 39,200 in 2024.", 39200, "distribute"),
        ("Two people who had received the vaccine died, against nine who had not.", 9, "kill"),
        ("The brewery reported a 12% fall in profit, to €412 million.", 412_000_000, "fall"),
        ("The federation is demanding a 9% pay rise.", 9, "rise"),
        ("An earlier trial found a 64% reduction in admissions.", 64, "cut"),
        ("The death toll has been revised down to 34.", 34, "kill"),
        ("The hostages, nine aid workers and five miners, were handed over on Saturday.", 9, "release"),
        ("One man, aged 71, died when his car slid into a river.", 1, "kill"),
        ("Fourteen hostages held by the Black Ridge militia in northern Sarvan were freed on Saturday.", 14, "release"),
        ("Alcohol-free beer now makes up 9% of sales.", 9, "make up"),
        ("Organisers claimed 60,000 took part.", 60000, "take part"),
        ("The airline has rebooked 150 passengers.", 150, "rebook"),
        ("It has reconnected 35,000 customers since midnight.", 35000, "reconnect"),
        ("Sales reached 61% in the north.", 61, "reach"),
        ("More than 3,400 donors and 58 local businesses gave money.", 3400, "give"),
        ("The hostages, nine aid workers and five miners, were handed over on Saturday.", 5, "release"),
        ("The largest group, 412,000 visitors, came from Germany.", 412000, "come"),
        ("The last train has left Dravno with about 1,100 passengers on board.", 1100, "leave"),
        ("Owen went into the water with four friends.", 4, "go"),
        ("Officers seized about 18 kilograms of cocaine, €40,000 in cash and three handguns.", 40000, "seize"),
        ("A monitoring group put the civilian death toll higher, at 2,400.", 2400, "kill"),
        ("Officers seized about 18 kilograms of cocaine, €40,000 in cash and three handguns.", 3, "seize"),
        ("Owen swam with four friends. Two of them turned back.", 2, "turn back"),
        // ("with" after a verb that is not of going names no event of those with it.)
        ("The firm has grown fast, with 300 staff in Kessel.", 300, ""),
        // The guide: "dead" is `kill`, and so is being counted among the dead.
        ("The dead include 11 children, the agency said.", 11, "kill")
    ])
    func eventsTheWordsAroundTheNumberName(text: String, value: Double, event: String) throws {
        let mention = try #require(ExtractorHarness.mentions(text).first { $0.value == value })
        #expect((mention.event ?? "") == event)
    }

    @Test(arguments: [
        ("Shelling damaged a 120-bed hospital.", 120.0),
        ("A day earlier, inspectors ordered 12 of the operator's 95 coaches off the road.", 95),
        ("At least 76 of Parliament's 151 members must vote for it.", 151)
    ])
    func capacitiesAndWholesHaveNoEvent(text: String, value: Double) throws {
        let mention = try #require(ExtractorHarness.mentions(text).first { $0.value == value })
        #expect(mention.event == nil)
    }

    @Test func saidIsNeverTheEvent() throws {
        #expect(try #require(ExtractorHarness.only("Police said 12 people were arrested.")).event == "arrest")
    }

    @Test(arguments: ["The death toll from the floods has risen to seven.", "The toll stood at 41.", "Deaths rose to 40 on Friday."])
    func aTollThatRisesIsStillAKilling(text: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).event == "kill")
    }

    @Test(arguments: [
        ("The ministry has recorded 214 road deaths this year.", "kill"),
        ("The number of dead has risen to 11.", "kill"),
        ("More than 70 firefighters, soldiers and volunteers worked through the night.", "work"),
        ("Unemployment stands at 6.1%.", "stand"),
        ("The deficit will narrow to 2.6% of GDP.", "narrow"),
        ("The government will also hire 1,500 nurses.", "hire"),
        ("The result gave her alliance 29 seats.", "give"),
        ("Some 40% of voters backed the plan.", "back"),
        ("The operator said 62% of trains ran in the south.", "run"),
        ("Officers made 17 arrests.", "arrest"),
        ("Six officers suffered minor injuries.", "injure"),
        ("Damage from the fire is estimated at $40 million.", "damage"),
        ("Police put the crowd at about 18,000.", "join")
    ])
    func verbsAroundTheNumber(text: String, event: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).event == event)
    }

    @Test func anEarlierLevelSharesTheVerbOfItsChange() {
        #expect(ExtractorHarness.mentions("Revenue totalled $11.2bn, up from $10.1bn a year earlier.").map(\.event) == ["total", "total"])
        #expect(ExtractorHarness.mentions("The deficit will narrow to 2.6% of GDP, from 3.3% this year.").map(\.event) == ["narrow", "narrow"])
        #expect(ExtractorHarness.mentions("The plant supplies brake callipers to three carmakers.").first?.event != "calliper")
    }

    @Test func aModalAfterTheCountedNounLeadsToTheVerb() throws {
        #expect(try #require(ExtractorHarness.mentions("At least 76 of the 151 members must vote for it.").first).event == "vote")
    }

    @Test func theKilledAndInjuredArePeopleWhenNoNounIsWritten() {
        let found = ExtractorHarness.mentions("The storm killed 12 and injured 40.")
        #expect(found.map(\.unit) == ["people", "people"])
        #expect(found.map(\.event) == ["kill", "injure"])
    }
}

/// Events named by a noun, a count that a tally brings, and having (EventPass, EventClasses).
@Suite struct EventNounsAndHavingTests {
    @Test(arguments: [
        ("The strike led to the cancellation of around 11,500 operations.", 11_500.0, "cancel"),
        ("The nurses want the hiring of 5,000 more nurses.", 5000, "hire"),
        ("Two bodies were found, bringing the number of dead to nine.", 9, "kill"),
        ("Redhill had 58% of possession.", 58, "have"),
        ("The club, which has 420 members, protested.", 420, "have")
    ])
    func events(text: String, value: Double, event: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.event == event)
    }
}

/// A verb left out after "and", and adding that is no saying (EventPass).
@Suite struct GappedAndAddedTests {
    func event(of value: Double, in text: String) -> String? {
        ExtractorHarness.mentions(text).first { $0.value == value }?.event
    }

    @Test func aNumberAfterAndWithNoVerbSharesTheVerbBefore() {
        #expect(event(of: 188_000_000, in: "Social care will receive €312 million and public transport €188 million.") == "receive")
        #expect(event(of: 166, in: "Hospitals admitted 412 people on Thursday, up from 287 on Wednesday and 166 on Tuesday.") == "admit")
        #expect(event(of: 2, in: "The Social Democrats won four seats and the Farmers' List two.") == "win")
        // ("of damaged homes": a participle between a preposition and its noun describes it.)
        #expect(event(of: 40_000, in: "Owners of destroyed homes will receive up to €150,000 each, and owners of damaged homes up to €40,000.") == "receive")
        #expect(event(of: 250, in: "Farmers can claim €900 for each hectare of burnt olive grove and €250 for each head of livestock lost.") == "claim")
    }

    @Test func anEventNounKeepsItsOwnEvent() {
        #expect(event(of: 650, in: "RSV causes about 7,500 hospital admissions and some 650 deaths each year.") == "kill")
    }

    @Test(arguments: [
        ("Skerry Boats has added six extra sailings.", 6.0),
        ("The rise will cost households more, adding an average of €46 a year to bills.", 46),
        ("Net migration added about 61,000 people.", 61_000)
    ])
    func addingANumberIsAnEvent(text: String, value: Double) {
        #expect(event(of: value, in: text) == "add")
    }
}

/// Verbs in the present after a plural subject, and what a crowd does (EventPass).
@Suite struct PresentVerbsAndCrowdsTests {
    func event(of value: Double, in text: String) -> String? {
        ExtractorHarness.mentions(text).first { $0.value == value }?.event
    }

    @Test func aBaseFormAfterAPluralSubjectGovernsTheNumber() {
        #expect(event(of: 4, in: "At the port, scanners check fewer than 4% of them.") == "check")
        #expect(event(of: 7, in: "Officials say residents receive about 7 litres a day.") == "receive")
    }

    @Test func aCrowdThatWatchesIsWatching() {
        #expect(event(of: 61_342, in: "A crowd of 61,342 watched Arnholt beat Vesta on Saturday.") == "watch")
    }
}

/// A partitive's part and whole have verbs of their own (EventPass.partitiveVerb).
@Suite struct PartitiveTests {
    func events(_ text: String) -> [String] {
        ExtractorHarness.mentions(text).map { $0.event ?? "" }
    }

    @Test func aParticipleAfterTheWholeDescribesTheWholesAndThePartsTakeTheGoverningVerb() {
        #expect(
            events("Air defences shot down 41 of the 56 missiles and 87 of the 112 drones launched by Velmora.")
                == ["shoot down", "launch", "shoot down", "launch"])
    }

    @Test func aMainVerbAfterTheParticipleIsThePartsAndTheParticipleTheWholes() {
        #expect(events("Police said 12 of the 40 people arrested were released.") == ["release", "arrest"])
    }

    @Test func aPartitiveSubjectsVerbIsNoParticipleOfTheWhole() {
        #expect(events("Two of the 36 new escalators failed before noon.") == ["fail", ""])
        #expect(events("She won 14 of the city's 20 districts.") == ["win", ""])
    }
}

/// Those counted among the dead died (EventPass).
@Suite struct AmongTheDeadTests {
    @Test func theDeadIncludedAreDeaths() {
        #expect(ExtractorHarness.mentions("The dead included 11 drivers and five passengers.").map { $0.event ?? "" } == ["kill", "kill"])
        #expect(ExtractorHarness.mentions("The injured include 4 children.").first?.event == "injure")
    }

    @Test func otherIncludedCountsKeepTheirVerb() {
        #expect(ExtractorHarness.mentions("Those held include two police officers.").first?.event == "include")
    }
}

/// A participle describing the counted noun gives way to the main verb after it (EventPass).
@Suite struct MainVerbAfterAParticipleTests {
    @Test(arguments: [
        ("Nearly 24% of the kitchens inspected last year failed at least one hygiene check.", "fail"),
        ("About 40 drones launched overnight hit the city's power plant.", "hit"),
        ("The 300 people evacuated on Monday were allowed home.", "allow"),
        ("All 38 flights scheduled for today and tomorrow at the airport have been cancelled.", "cancel"),
        ("Only 18 people jailed over the 2024 protests had been freed this week.", "release"),
        ("The owners of a home where five residents died in January 2023 had ignored warnings.", "kill"),
        ("A roof collapse cut off 27 men working a seam, the operator said.", "cut off")
    ])
    func mainVerb(text: String, event: String) {
        #expect(ExtractorHarness.mentions(text).first?.event == event)
    }
}

@Suite struct ShareOfTheOneBeforeTests {
    @Test func aShareSetOffAfterANumberSharesItsVerb() {
        let found = ExtractorHarness.mentions("Vantor said it would cut 1,800 jobs this year, about 12% of its workforce.")
        #expect(found.map { $0.event ?? "" } == ["cut", "cut"])
    }
}

@Suite struct BaseFormInARelativeClauseTests {
    @Test func aBaseFormAfterWhichOrAnAdverbGovernsTheNumber() {
        #expect(ExtractorHarness.mentions("The contractors, which together employ around 640 staff, lost the bid.").first?.event == "employ")
        #expect(ExtractorHarness.mentions("The firms, which employ 300 people, closed.").first?.event == "employ")
    }
}

@Suite struct ChangedByTests {
    @Test(arguments: [
        ("Deaths exceeded births by roughly 14,300 over the period.", "exceed"),
        ("The agency had cut rations by 30% in November.", "cut"),
        ("\u{201C}We have also found places for 23 pets,\u{201D} she said.", "find"),
        ("Prices rose by 4%.", "rise")
    ])
    func theVerbWhoseObjectChanged(text: String, event: String) {
        #expect(ExtractorHarness.mentions(text).first?.event == event)
    }
}

/// A place in a race or a vote stands between a verb and its number (EventPass).
@Suite struct RankTests {
    @Test(arguments: [
        ("The Reform League came third with 640.", "come"),
        ("The opposition came second with 41 seats.", "come"),
        ("Sara Quint finished first with 1,874 votes.", "finish")
    ])
    func theVerbBeforeTheRank(text: String, event: String) {
        #expect(ExtractorHarness.mentions(text).first?.event == event)
    }
}
