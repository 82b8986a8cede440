import FactStore
import Testing

@testable import ArticleIngest

/// What a number counts (UnitPass). Each sentence is made up for the rule.
@Suite struct UnitPassTests {
    @Test(arguments: [
        ("The army said 1,250 soldiers took part.", 1250.0, "soldiers"),
        ("Turnout reached 61.7% in the capital.", 61.7, "percent"),
        ("Three ambulances were sent.", 3, "ambulances"),
        ("The fall wiped about 1.1 billion kronor off its market value.", 1_100_000_000, "kronor"),
        ("About 38,000 of the affected cars were sold abroad.", 38000, "cars"),
        ("Four of the injured miners remain in hospital.", 4, "miners"),
        ("Staff said 31 of the returning Lanmari prisoners needed treatment.", 31, "prisoners"),
        ("Thirteen of those arrested have been sentenced.", 13, "arrested"),
        ("Twenty-one schools closed.", 21, "schools"),
        ("A thousand volunteers joined.", 1000, "volunteers"),
        ("The fund holds 1.5 million dollars.", 1_500_000, "dollars"),
        ("One hundred and fifty homes flooded.", 150, "homes"),
        ("The line runs for 40 km.", 40, "km"),
        ("Officials counted two dozen boats.", 24, "boats")
    ])
    func numbersAndUnits(text: String, value: Double, unit: String) throws {
        let mention = try #require(ExtractorHarness.only(text))
        #expect(mention.value == value)
        #expect(mention.unit == unit)
    }

    /// A bare number whose noun is said elsewhere in its sentence: the count a baseline is
    /// compared with, the whole the sentence opens with, "the number of" in its clause.
    @Test(arguments: [
        ("Officers attended 1,130 collisions over Easter, up from 1,045 last year.", 1045.0, "collisions"),
        ("Some 14,600 people sleep in 212 shelters, up from about 9,000 on Friday.", 9000, "people"),
        ("Of the injured, 31 were taken to hospital and five remain in a serious condition.", 5, "injured"),
        ("The number of unemployed people fell by 23,000 to 412,000.", 412_000, "unemployed people"),
        ("Divers found two bodies 3 km downstream, bringing the number of dead to nine.", 9, "dead"),
        ("The exchange brings to 4,600 the number of soldiers freed since 2022.", 4600, "soldiers"),
        ("Job vacancies totalled 96,500 in March.", 96500, "job vacancies"),
        ("Applications from overseas fell 12% to 4,900.", 4900, "applications"),
        ("The team vaccinated 6,340 volunteers, while 6,280 others received a placebo.", 6280, "volunteers"),
        ("The port handles 900,000 containers, but scanners check fewer than 4% of them.", 4, "percent"),
        ("Organisers claimed 60,000 took part.", 60000, "people"),
        ("Organisers expect up to 15,000 to march on Friday.", 15000, "people"),
        ("Police put Saturday's crowd at 45,000.", 45000, "people"),
        ("Eleven people were held for assault and four for theft.", 4, "people"),
        ("Sara Quint took 1,874 votes to 1,206 for Owen Pask.", 1206, "votes"),
        ("Officers tested 21,500 drivers and arrested 312 for drink-driving.", 312, "drivers"),
        ("The Civic Alliance won 31 seats (down 3) and the Greens 13 seats.", 3, "seats"),
        ("Of the 2,569 teachers who voted, 2,004 backed strikes and 565 were against.", 2004, "teachers"),
        ("Of the 300 injured, 40 children were treated in Halden.", 40, "children")
    ])
    func nounsSaidElsewhereInTheSentence(text: String, value: Double, unit: String) throws {
        let mention = try #require(ExtractorHarness.mentions(text).first { $0.value == value })
        #expect(mention.unit == unit)
    }

    /// A pronoun or an adverb after a number counts nothing.
    @Test func pronounsAreNoUnits() throws {
        #expect(try #require(ExtractorHarness.only("The cuts were deeper than the 1,000 they had expected.")).unit == nil)
    }

    /// A verb's own object keeps its noun: "treated 87 wounded" are wounded, not the bodies
    /// counted before; "19 of them children" are children.
    @Test func anAdjectiveObjectAndANamedPartKeepTheirOwnNouns() {
        let mentions = ExtractorHarness.mentions("The hospital received 31 bodies and treated 87 wounded, 19 of them children.")
        #expect(mentions.map { $0.unit ?? "" } == ["bodies", "wounded", "children"])
    }

    @Test func elidedNounsComeFromTheCoordinatedNumber() {
        let found = ExtractorHarness.mentions("12 people were killed and dozens injured.")
        #expect(found.map(\.unit) == ["people", "people"])
        #expect(found.map(\.event) == ["kill", "injure"])
        #expect(ExtractorHarness.mentions("Police detained 20 protesters and released 15.").map(\.unit) == ["protesters", "protesters"])
    }

    @Test(arguments: [
        ("Five of the crew were treated for burns.", 5.0, "crew"),
        ("The number of arrivals rose to 12,406.", 12_406, "arrivals"),
        ("Turnout was 52%.", 52, "percent"),
        ("The unit will move to Halden, 60 km away.", 60, "km"),
        ("The death toll has risen to seven.", 7, "deaths"),
        ("NorRail cancelled 1,900 of its usual 3,100 daily services.", 1900, "services"),
        ("More than 70 firefighters, soldiers and volunteers worked.", 70, "firefighters, soldiers and volunteers"),
        ("Of the city's 181,400 registered voters, most stayed home.", 181_400, "voters")

    ])
    func unitsAwayFromTheNumber(text: String, value: Double, unit: String) throws {
        let mention = try #require(ExtractorHarness.mentions(text).first)
        #expect(mention.value == value)
        #expect(mention.unit == unit)
    }

    @Test func aPartOfAPossessedWholeCountsTheWhole() throws {
        let part = try #require(ExtractorHarness.mentions("Inspectors ordered 12 of the operator's 95 coaches off the road.").first)
        #expect(part.value == 12)
        #expect(part.unit == "coaches")
    }

    @Test func theDeadAndTheInjuredAreCountedApart() {
        let found = ExtractorHarness.mentions("Officials put the toll at 7 dead and 40 injured.")
        #expect(found.map(\.unit) == ["dead", "injured"])
        #expect(found.map(\.event) == ["kill", "injure"])
    }

    @Test func aUnitIsNeverCarriedToAnUnrelatedNumber() {
        let found = ExtractorHarness.mentions("Rescuers saved 40 sheep. The score was 3.")
        #expect(found.last?.unit == nil)
    }

    @Test func aNumberOpeningASentenceCountsWhatWasCountedBefore() {
        let found = ExtractorHarness.mentions("Rescuers found 11 fishermen alive. Two are still missing.")
        #expect(found.map(\.unit) == ["fishermen", "fishermen"])
        #expect(found.last?.event == "miss")
    }

    @Test func oneAfterACountIsOneOfThem() {
        let found = ExtractorHarness.mentions("Six officers were hurt and one was taken to hospital.")
        #expect(found.map(\.value) == [6, 1])
        #expect(found.map(\.unit) == ["officers", "officers"])
    }
}

/// Units that must not be carried or guessed (UnitPass).
@Suite struct UnitsNotCarriedTests {
    func unit(of value: Double, in text: String) -> String? {
        ExtractorHarness.mentions(text).first { $0.value == value }?.unit
    }

    @Test func aShareIsNeverElided() {
        #expect(unit(of: 300, in: "Membership fell by 12% and 300 left the party.") != "percent")
        #expect(unit(of: 5000, in: "They want a 12% pay rise and the hiring of 5,000 more nurses.") == "nurses")
    }

    @Test func theSubjectOfAChangeByAShareIsCounted() {
        #expect(unit(of: 41_900, in: "The number of residents over 80 has risen by 38% to 41,900.") == "residents")
        #expect(unit(of: 2100, in: "The number of children has fallen by 2,100.") == "children")
    }
}

/// Compound nouns, ages after people, and nouns left out at a sentence's start (UnitPass, NumberPass).
@Suite struct CompoundsAndAgesTests {
    func unit(of value: Double, in text: String) -> String? {
        ExtractorHarness.mentions(text).first { $0.value == value }?.unit
    }

    /// (The unit is the head of the noun phrase.)
    @Test func aPluralBeforeAnotherPluralIsPartOfTheNoun() {
        #expect(unit(of: 96, in: "Officers found the drugs in 96 sports bags.") == "bags")
        #expect(unit(of: 3, in: "The company must pay three fish farms.") == "farms")
        #expect(unit(of: 47, in: "The county recorded 47 measles cases in 2024.") == "cases")
    }

    @Test func anAgeBoundAfterPeopleIsNoCount() {
        #expect(ExtractorHarness.mentions("Vaccinating everyone over 75 could keep 4,000 people out of hospital.").map(\.value) == [4000])
        #expect(ExtractorHarness.mentions("The number of residents aged over 80 has risen to 41,900.").map(\.value) == [41_900])
        #expect(ExtractorHarness.mentions("Eleven of the patients were children under five.").map(\.value) == [11])
    }

    @Test func nounsLeftOut() {
        let prisoners = "Police freed 2,000 prisoners. The first 530 were freed on Monday and 798 on Tuesday."
        #expect(unit(of: 530, in: prisoners) == "prisoners")
        #expect(unit(of: 24, in: "Thirty-one councillors voted in favour and 24 against.") == "councillors")
        #expect(unit(of: 4, in: "Three miners were lifted out and the final four shortly before dawn.") != "shortly")
        #expect(unit(of: 208, in: "The toll stood at 197 on Monday evening and rose to 208 on Tuesday.") == "deaths")
    }
}

/// The head of a compound noun after a number, even where it could be a verb (UnitPass).
@Suite struct CompoundNounTests {
    @Test(arguments: [
        ("The group will cut 150 office posts across Europe.", 150.0, "posts"),
        ("The board recalled about 85,000 magnetic building sets.", 85_000, "sets"),
        ("Five fishing boats sank.", 5, "boats"),
        ("The line is used by about 40 freight and passenger trains a day.", 40, "freight and passenger trains"),
        ("The region serves 2.9 million people and employs about 38,000 staff.", 2_900_000, "people"),
        ("Police raided 42 homes and businesses in Varn.", 42, "homes and businesses"),
        ("The number of empty posts has risen to 2,800.", 2800, "empty posts")
    ])
    func unit(text: String, value: Double, unit: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.unit == unit)
    }

    @Test func aRecallIsTheEventOfWhatIsRecalled() {
        #expect(ExtractorHarness.mentions("The board ordered the recall of about 85,000 toy sets.").first?.event == "recall")
    }
}

/// A time after a number is no noun of it, so the number is kept (UnitPass).
@Suite struct TimeAfterANumberTests {
    @Test(arguments: [
        ("Organisers sold 128,000 tickets, up from 110,000 last year.", 110_000.0, "tickets"),
        ("The prison held 512 inmates last month and 480 last week.", 480, "inmates")
    ])
    func kept(text: String, value: Double, unit: String) {
        #expect(ExtractorHarness.mentions(text, date: Day(iso: "2025-06-30")).first { $0.value == value }?.unit == unit)
    }
}
