import ArticleIngest
import FactStore
import Foundation
import Testing

@testable import FactFigures

/// Figures across reports (figures.md): grouping, agreement on intervals, parts of a span.
@Suite struct FigureTableTests {
    /// Articles loaded through the extractor, as `.load` does.
    func catalog(_ articles: [(id: String, source: String, body: String)], date: String = "2025-03-02") throws -> Catalog {
        var catalog = Catalog()
        for article in articles {
            let text = "date: \(date)\nsource: \(article.source)\n\n\(article.body)\n"
            let (file, _) = try ArticleFile.parse(text, id: article.id, path: article.id + ".txt")
            try ArticleLoader.load(file, into: &catalog)
        }
        return catalog
    }

    func derive(_ catalog: Catalog) throws -> FigureTable.Derived {
        FigureTable.derive(mentions: try #require(catalog["mentions"]), articles: catalog["articles"])
    }

    func text(_ relation: Relation, _ field: String, _ row: Int) -> String {
        relation.column(named: field)?[row].description ?? "?"
    }

    /// The example of figures.md: three reports of one storm, one figure, disputed.
    @Test func threeReportsOfOneStorm() throws {
        let derived = try derive(
            catalog([
                ("a", "Post", "At least 9 people died when the storm hit on Saturday, police said."),
                ("b", "Herald", "Nine people were killed on Saturday, the fire service said. Some 200 homes lost power."),
                ("c", "Courier", "The storm killed 14 people on Saturday, according to the regional governor.")
            ]))
        let kills = derived.figures.removingRows { derived.figures.column(named: "event")?[$0] != .string("kill") }
        #expect(kills.rowCount == 1)
        #expect(text(kills, "unit", 0) == "person")
        #expect(text(kills, "date", 0) == "2025-03-01")
        #expect(text(kills, "reports", 0) == "3")
        #expect(text(kills, "values", 0) == "≥9 (1 report: a); 9 (1 report: b); 14 (1 report: c)")
        #expect(text(kills, "sources", 0) == "≥9: police; 9: fire service; 14: regional governor")
        #expect(kills.column(named: "agree")?[0] == .bool(false))
        #expect(derived.disputes.rowCount == 1)
        #expect(text(derived.disputes, "values", 0) == text(kills, "values", 0))
    }

    @Test func valuesThatOneNumberSatisfiesAgree() throws {
        let derived = try derive(
            catalog([
                ("a", "Post", "At least 12 people died in the fire on Saturday."),
                ("b", "Herald", "Twelve people were killed in the fire on Saturday."),
                ("c", "Courier", "About 13 people died in the fire on Saturday, the mayor said.")
            ]))
        #expect(derived.figures.rowCount == 1)
        #expect(derived.figures.column(named: "agree")?[0] == .bool(true))
        #expect(text(derived.figures, "values", 0) == "≥12 (1 report: a); 12 (1 report: b); ~13 (1 report: c)")
        #expect(text(derived.figures, "sources", 0) == "≥12: Post; 12: Herald; ~13: mayor", "an uncredited number is the outlet's")
        #expect(text(derived.figures, "low", 0) == "≥12")
        #expect(text(derived.figures, "high", 0) == "~13")
        #expect(derived.disputes.rowCount == 0)
    }

    /// Children among the dead are a figure of their own, not a disagreement; so are numbers
    /// of one sentence, and a mention with no date joins nothing.
    @Test func aSubsetASentenceAndAnUndatedNumberStayApart() throws {
        let catalog = try catalog([
            ("a", "Post", "Nine people were killed on Saturday. Four children were killed on Saturday."),
            ("b", "Herald", "Nine people were killed on Saturday and three people were killed on Sunday."),
            ("c", "Courier", "Such storms kill about 40 people a year.")
        ])
        let derived = try derive(catalog)
        let units = (0..<derived.figures.rowCount).map { "\(text(derived.figures, "unit", $0)) \(text(derived.figures, "date", $0)) \(text(derived.figures, "values", $0))" }
        #expect(units == ["person 2025-03-01 9 (2 reports)", "child 2025-03-01 4 (1 report: a)", "person 2025-03-02 3 (1 report: b)"])
        let mentions = try #require(catalog["mentions"])
        let undated = try #require((0..<mentions.rowCount).first { mentions.column(named: "value")?[$0].description == "~40" })
        #expect(derived.figureOfMention[undated] == nil)
        #expect(derived.disputes.rowCount == 0)
    }

    /// "Nearly 1,000 over three days" against its days: 390 + 307 + 303.
    @Test func aSpanIsCheckedAgainstTheDaysThatTileIt() throws {
        let derived = try derive(
            catalog(
                [
                    ("a", "Wire", "Each side released 390 prisoners on Friday. Each side released 307 prisoners on Saturday. Each side released 303 prisoners on Sunday."),
                    ("b", "Post", "Each side released nearly 1,000 prisoners over the three days."),
                    ("c", "Herald", "Each side released 1,200 prisoners over the three days.")
                ], date: "2025-05-25"))
        let span = try #require((0..<derived.figures.rowCount).first { derived.figures.column(named: "date_end")?[$0] != .null })
        #expect(text(derived.figures, "parts", span) == "1000")
        #expect(derived.figures.column(named: "agree")?[span] == .bool(false), "1,200 and nearly 1,000 cannot both hold")
        #expect(derived.figures.rowCount == 4)
    }

    @Test(arguments: [
        ("12", "at least 12", true), ("13", "at least 12", true), ("110", "95", false), ("1000", "nearly 1000", true),
        ("11", "more than 11", false), ("12", "fewer than 12", false), ("100", "about 91", true), ("250", "dozens", false),
        ("239", "dozens", true), ("5", "3–6", true), ("up to 10", "10", true)
    ])
    func intervalsAgreeWhenTheyShareANumber(first: String, second: String, agree: Bool) throws {
        let a = try #require(Quantity(text: first))
        let b = try #require(Quantity(text: second))
        #expect(a.interval.overlaps(b.interval) == agree, "\(a.interval) \(b.interval)")
    }

    @Test(arguments: [
        ("Shahed drones", "drone"), ("people", "person"), ("persons", "person"), ("individuals", "person"), ("civilians", "civilian"),
        ("children", "child"), ("euros", "euro"), ("percent", "percent"), ("cities and villages", "village"), ("buses", "bus")
    ])
    func unitsMeetByTheirHeadNounInTheSingular(unit: String, head: String) {
        #expect(NounLemma.head(of: unit) == head)
    }
}

/// The bundled reports of one flood, told by four sources (Samples/figures).
@Suite struct FigureSampleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/figures")

    @Test func theFloodReportsGiveOneAgreedFigureOneDisputeOneSubsetAndOneSpan() throws {
        var catalog = Catalog()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter({ $0.hasSuffix(".txt") }).sorted() {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let (file, _) = try ArticleFile.parse(text, id: String(name.dropLast(4)), path: name)
            try ArticleLoader.load(file, into: &catalog)
        }
        let derived = FigureTable.derive(mentions: try #require(catalog["mentions"]), articles: catalog["articles"])
        let figures = derived.figures
        func row(_ event: String, _ unit: String) -> Int? {
            (0..<figures.rowCount).first { figures.column(named: "event")?[$0] == .string(event) && figures.column(named: "unit")?[$0] == .string(unit) }
        }
        func field(_ name: String, _ row: Int) -> String { figures.column(named: name)?[row].description ?? "?" }
        let dead = try #require(row("kill", "person"))
        #expect(field("reports", dead) == "3")
        #expect(field("agree", dead) == "true")
        let children = try #require(row("kill", "child"))
        #expect(field("values", children) == "2 (1 report: oststadt-courier)")
        let injured = try #require(row("injure", "person"))
        #expect(field("agree", injured) == "false")
        #expect(field("sources", injured) == "48: Tomas Weber; 30: police", "in the order the reports were loaded")
        #expect(derived.disputes.rowCount == 1)
        #expect(derived.disputes.column(named: "id")?[0] == figures.column(named: "id")?[injured])
        let span = try #require((0..<figures.rowCount).first { figures.column(named: "date_end")?[$0] != .null })
        #expect(field("unit", span) == "resident")
        #expect(field("parts", span) == "1200")
        #expect(field("agree", span) == "true")
    }
}
