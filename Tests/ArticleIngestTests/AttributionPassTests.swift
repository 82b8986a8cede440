import FactStore
import Testing

@testable import ArticleIngest

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
        ("The coastguard gave lower figures, saying 40 homes burned.", "coastguard"),
        ("Campaign chief Otto Brandvik dismissed the report, saying 40 homes burned.", "Otto Brandvik"),
        ("Varga conceded that 40 homes burned.", "Varga"),
        ("40 homes burned.", "")
    ])
    func attribution(text: String, speaker: String) throws {
        #expect(try #require(ExtractorHarness.only(text)).attributedTo ?? "" == speaker)
    }

    @Test(arguments: [
        ("The group will also cut 150 office posts this year, Henrik Solberg said.", 150.0, "Henrik Solberg"),
        ("The agency said samples taken at nine sites showed levels of up to 0.8 mg.", 0.8, "agency"),
        ("About 14% of volunteers reported a sore arm, said the lead author, Anneli Strand.", 14, "Anneli Strand"),
        ("Property tax will rise by 2.5%, adding an average of €46 a year to bills.", 46, ""),
        ("The hall was restored at a cost of £86 million, some £19 million more than first estimated.", 19_000_000, ""),
        ("Interior Minister Karel Vondrak praised the operation and said 1,850 people had been arrested.", 1850, "Karel Vondrak"),
        ("Ebbesen, 56, who took over in 2023, said the firm would keep spending at €400m.", 400_000_000, "Ebbesen"),
        ("St Aldric's now says 31 people have been treated.", 31, "St Aldric's"),
        ("In March, eight hostages were swapped, and the government says it has freed 64 fighters.", 8, ""),
        ("In March, eight hostages were swapped, and the government says it has freed 64 fighters.", 64, "government"),
        ("Eight hostages were swapped for 11 prisoners, the government said.", 8, "government"),
        ("The army is holding 30 people, according to the mediator, Belvar's special envoy Tomas Reuter.", 30, "Tomas Reuter"),
        ("More than 9,000 soldiers have died, according to the Institute for Conflict Data.", 9000, "Institute for Conflict Data"),
        ("Sorvania freed 612 prisoners under an amnesty announced by the president.", 612, ""),
        ("07:30 Marchenko said more than 200 shells had hit the city.", 200, "Marchenko"),
        ("Revenue rose 9%, squeezed by price cuts in China and the United States.", 9, ""),
        ("A private operator, Skerry Boats, has added six extra sailings.", 6, ""),
        ("Camp manager Fadi Nour said his team registered about 420 people on Monday alone.", 420, "Fadi Nour"),
        ("Organisers said 100,000 people marched, while police put the crowd at 18,000.", 18000, "police"),
        ("The seamen's union, SJF, says 92% of its members have joined the walkout.", 92, "SJF"),
        ("Drevia's human rights ombudsman, Irena Kask, said 37 of the returnees needed care.", 37, "Irena Kask")
    ])
    func speakersAndWordsThatOnlyLookLikeThem(text: String, value: Double, speaker: String) throws {
        let mention = try #require(ExtractorHarness.mentions(text).first { $0.value == value })
        #expect(mention.attributedTo ?? "" == speaker)
    }

    @Test func theCompanyIsTheBusinessNamedBefore() {
        let found = ExtractorHarness.mentions("The department store chain Harlow & Finch will close 38 stores. It will cut 1,100 jobs, the company said.")
        #expect(found.last?.attributedTo == "Harlow & Finch")
        #expect(ExtractorHarness.mentions("It will cut 1,100 jobs, the company said.").last?.attributedTo == "company")
    }

    @Test func aReportSpeaksForTheBodyBehindIt() {
        let found = ExtractorHarness.mentions("The aid agency Open Hands said 2,140 people arrived last week. The camp now holds 14,600 people, the report says.")
        #expect(found.last?.attributedTo == "Open Hands")
    }

    @Test func theCarmakerIsTheBusinessTheSentenceOpensWith() {
        let found = ExtractorHarness.mentions("Arvika Motors delivered 412,600 vehicles in the third quarter, the carmaker said.")
        #expect(found.first?.attributedTo == "Arvika Motors")
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
        ("The swap ended, with authorities from both sides confirming the release of 303 soldiers.", "authorities from both sides")
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

/// Verbs that only look like saying, and documents that speak for their owner (AttributionPass).
@Suite struct AttributionOfDocumentsTests {
    @Test(arguments: [
        ("Net migration added about 61,000 people, the office said.", 61_000.0, "office"),
        ("According to the ministry's daily bulletin, 1,310 operations were called off.", 1310, "ministry")
    ])
    func speaker(text: String, value: Double, speaker: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.attributedTo == speaker)
    }
}

/// Who counted or expects a number speaks for it, unless the count is quoted (AttributionPass).
@Suite struct AttributionOfCountsAndExpectationsTests {
    @Test(arguments: [
        ("Forecasters expect temperatures of up to 38 degrees on Friday.", 38.0, "Forecasters"),
        ("Since January, Open Hands has counted 5,310 arrivals.", 5310, "Open Hands"),
        ("\"We counted 31 explosions,\" said Petr Halas, a farmer.", 31, "Petr Halas")
    ])
    func speaker(text: String, value: Double, speaker: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.attributedTo == speaker)
    }

    @Test func aCountThatIsANounStaysTheUnit() {
        #expect(ExtractorHarness.mentions("He pleaded guilty to 12 counts of fraud.").first?.unit == "counts")
    }
}

/// Short forms credited to the name as first given in full (AttributionPass).
@Suite struct AttributionToFullNamesTests {
    func speakers(_ text: String) -> [String] {
        ExtractorHarness.mentions(text).map { $0.attributedTo ?? "" }
    }

    @Test func anAcronymInBracketsStandsForTheNameBeforeIt() {
        #expect(
            speakers("Rescuers saved 37 people, the regional emergency inspectorate (ISU) said. About 150 rescuers are searching, the ISU said.")
                == ["regional emergency inspectorate", "regional emergency inspectorate"])
    }

    @Test func aSurnameStandsForTheFullName() {
        #expect(speakers("Mayor Anna Holm said 40 homes burned. Holm said 12 were rebuilt.") == ["Anna Holm", "Anna Holm"])
    }

    @Test func aShorterDescriptionStandsForTheBodyNamedBefore() {
        #expect(
            speakers("At least 27 people drowned, the UN migration agency said. The UN agency said 62 people had survived.")
                == ["UN migration agency", "UN migration agency"])
    }
}

/// A finding is reported by who found it; a thing found is not (AttributionPass).
@Suite struct FindingsTests {
    @Test(arguments: [
        ("The court found that the plant had discharged at least 2,600 tonnes of sludge.", 2600.0, "court"),
        ("Waiting lists grew to 164,000, the NAO found.", 164_000, "NAO"),
        ("Rescue teams found 11 bodies in the rubble.", 11, "")
    ])
    func speaker(text: String, value: Double, speaker: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.attributedTo ?? "" == speaker)
    }
}

/// A list of numbers shares the verb of its first (EventPass).
@Suite struct ListsShareTheVerbTests {
    @Test func everyNumberOfAListTakesTheListsVerb() {
        let found = ExtractorHarness.mentions("Police arrested 11 drivers, five passengers and three pedestrians.")
        #expect(found.map { $0.event ?? "" } == ["arrest", "arrest", "arrest"])
    }
}

/// Warning is saying: its subject is the source and it is no event (AttributionPass, EventPass).
@Suite struct WarningsTests {
    @Test func aWarningIsCreditedAndIsNoEvent() throws {
        let mention = try #require(ExtractorHarness.only("Forecasters warn of storm surges of up to 4 metres."))
        #expect(mention.attributedTo == "Forecasters")
        #expect(mention.event == nil)
    }
}

/// A reporting word that is a noun there credits nobody; a name keeps its plural possessive
/// (AttributionPass).
@Suite struct ReportingNounTests {
    @Test(arguments: [
        ("In July the thermometer reached 44.6 degrees, a local record.", 44.6, ""),
        ("The previous record of 48,900 spectators was set in 2023.", 48_900, ""),
        ("Twenty-nine victims have filed claims for compensation.", 29, ""),
        ("Officials rejected claims that 300 people died.", 300, ""),
        ("Clara Nemeth said: \"The number of empty posts has risen to 2,800.\"", 2800, "Clara Nemeth"),
        ("Investigators said data from the recorder showed it was travelling at 112 km/h.", 112, "Investigators"),
        ("The police estimate 8,000 people attended.", 8000, "police"),
        ("The farmers report 40 sheep killed.", 40, "farmers")
    ])
    func speaker(text: String, value: Double, speaker: String) {
        #expect(ExtractorHarness.mentions(text).first { $0.value == value }?.attributedTo ?? "" == speaker)
    }

    @Test func aPluralPossessiveStaysInTheName() {
        #expect(ExtractorHarness.mentions("Wolves killed 312 sheep, according to the farmers' union.").first?.attributedTo == "farmers' union")
    }

    @Test func aPersonOfABodyIsThePerson() {
        #expect(ExtractorHarness.mentions("\"Fares rose 40%,\" said Priya Nair of the Rail Users' Alliance.").first?.attributedTo == "Priya Nair")
    }
}

/// "The company said" credits the business the text named beside a noun of business.
@Suite struct BusinessInAppositionTests {
    func speakers(_ text: String) -> [String] {
        ExtractorHarness.mentions(text).map { $0.attributedTo ?? "" }
    }

    @Test func aNameAfterItsNounOfBusiness() {
        #expect(
            speakers("Two men died, the mine's operator, Kessel Coal, said. The company said 18 were still trapped.")
                == ["Kessel Coal", "Kessel Coal"])
    }

    @Test func aNameBeforeItsNounOfBusinessAndItsPronoun() {
        #expect(
            speakers("Vantor Semiconductors, the maker of memory chips, said it would cut 1,800 jobs. It also said it would cut spending by 25%.")
                == ["Vantor Semiconductors", "Vantor Semiconductors"])
    }

    @Test func aPersonBesideARoleIsNoBusiness() {
        #expect(
            speakers("The operator, Ordelu Navigatie, said 64 were on board. The company's chief executive, Anna Holm, said 40 jobs would go. The company said 12 were hurt.")
                == ["Ordelu Navigatie", "Anna Holm", "Ordelu Navigatie"])
    }

    /// "the Tarvik-based carmaker said", "its owner, Brannock Coal,": a business described in
    /// lower case is the one named before; a consumer group or an inspectorate is no business.
    @Test(arguments: [
        (
            "Morvel Motors will recall 52,000 cars, the Tarvik-based carmaker said. The consumer group Autowatch said it had 70 complaints. The company said 4 crashes were linked.",
            ["Morvel Motors", "Autowatch", "Morvel Motors"]
        ),
        (
            "Nine miners were hurt, its owner, Pellan Coal, said. The state Mines Inspectorate said it sent four inspectors. Output of 4,500 tonnes a day will stop, it said. The company said 90 jobs would go.",
            ["Pellan Coal", "Mines Inspectorate", "Mines Inspectorate", "Pellan Coal"]
        ),
        ("Sales rose 4% at Norda Bank, the Norda Bank said.", ["Norda Bank"])
    ])
    func aBusinessDescribedInLowerCase(text: String, expected: [String]) {
        #expect(speakers(text) == expected)
    }

    /// "the office said", "the agency said": the body credited before with that head noun, or
    /// for a noun that fits any body the last body named; "the disaster agency" is its own.
    @Test(arguments: [
        (
            "Some 410,000 people have fled, the Joint Relief Office said. About 23,000 arrived last week, the agency said.",
            ["Joint Relief Office", "Joint Relief Office"]
        ),
        (
            "Arrivals rose 9%, the National Tourism Office said. Spending rose 4%, the office said.",
            ["National Tourism Office", "National Tourism Office"]
        ),
        ("Fares rose 9%, the Rail Users' Alliance said. Five people were hurt, the disaster agency said.", ["Rail Users' Alliance", "disaster agency"]),
        ("Five people were hurt, the agency said.", ["agency"]),
        (
            "Veltra Group, the maker of washing machines, said it would cut 1,200 jobs. Sales rose 4%, the company said.",
            ["Veltra Group", "Veltra Group"]
        ),
        (
            "The low-cost carrier SkyVela cancelled 40 flights. Velsby Airports Group said 312 were cancelled. The carrier said it rebooked 9,000 customers.",
            ["", "Velsby Airports Group", "SkyVela"]
        ),
        (
            "Prices rose 4%, Norda Bank said. The Metalworkers' Union said it would strike, and it expects 2,000 workers to march.",
            ["Norda Bank", "Metalworkers' Union"]
        ),
        // (A plural possessive in a name is part of it; before a role it is the role's owner.)
        ("Turnout was 61%, the Greens' leader, Anna Holm, said.", ["Anna Holm"])
    ])
    func aBodyDescribedByItsNoun(text: String, expected: [String]) {
        #expect(speakers(text) == expected)
    }
}

/// A sentence spoken inside a quotation is credited to the quotation's speaker (QuotedSpeech).
@Suite struct QuotedSpeechTests {
    func speakers(_ text: String) -> [String] {
        ExtractorHarness.mentions(text).map { $0.attributedTo ?? "" }
    }

    @Test func aQuotationRunningOnIsItsSpeakers() {
        #expect(
            speakers("Chief executive Margaret Oduya said: \"Demand has never been higher. In November alone, 640 families came to us.\"")
                == ["Margaret Oduya"])
    }

    @Test func theSpeakerNamedWhereTheQuotationCloses() {
        #expect(speakers("“My son weighed 58 kilograms when he came out. He was thin when he went in,” said Irina Vass.") == ["Irina Vass"])
    }

    @Test func aQuotationOfItsOwnBesideAnotherBySomeoneNamed() {
        #expect(
            speakers("“Our staff work long shifts,” said Marisol Tan. “There are 340 nurses at a hospital that needs at least 500.”")
                == ["Marisol Tan", "Marisol Tan"])
    }

    @Test func reportedSpeechOutsideQuotationsIsNobodys() {
        #expect(speakers("“We are working hard,” said Marisol Tan. There are 340 nurses at the hospital.") == [""])
    }

    @Test func marksFollowQuotationsAcrossSentences() {
        let marks = QuotedSpeech.marks(of: ["He said: \"One.", "Two.", "Three,\" he said.", "Four."])
        #expect(marks.map(\.startsInside) == [false, true, true, false])
        #expect(marks.map(\.isQuoted) == [false, true, true, false])
    }
}

/// "The judge ruled", "the mayor said": the person named before with that title.
@Suite struct TitledPeopleTests {
    @Test func aTitleStandsForThePersonNamedWithIt() {
        let found = ExtractorHarness.mentions(
            "Judge Elena Hartl sentenced the director to four years. The company must pay 1.2 million euros to 140 fishermen, the judge ruled.")
        #expect(found.map { $0.attributedTo ?? "" } == ["Elena Hartl", "Elena Hartl"])
    }

    @Test func aTitleNobodyWasNamedWithStaysAsWritten() {
        #expect(ExtractorHarness.mentions("The company must pay 1.2 million euros, the judge ruled.").first?.attributedTo == "judge")
    }
}

@Suite struct CurlyPossessiveTests {
    @Test func aRolesOwnerWithACurlyApostropheGivesWayToTheName() {
        #expect(ExtractorHarness.mentions("The LTA’s chief executive, Marta Engholm, said 65,000 passengers came.").first?.attributedTo == "Marta Engholm")
    }
}

@Suite struct ItIsABodyTests {
    @Test func itIsTheBodyNamedAsOneEvenWithAPersonLikeName() {
        let found = ExtractorHarness.mentions(
            "About 2,140 people arrived at the camp run by the aid agency Open Hands. Open Hands launched an appeal for $18 million, it said.")
        #expect(found.last?.attributedTo == "Open Hands")
    }

    @Test func itIsNeverThePersonWhoSpokeLast() {
        let found = ExtractorHarness.mentions("The agency Open Hands said 40 arrived. Its director, Anna Holm, said 12 left. It said 9 returned.")
        #expect(found.map { $0.attributedTo ?? "" } == ["Open Hands", "Anna Holm", "Open Hands"])
    }
}
