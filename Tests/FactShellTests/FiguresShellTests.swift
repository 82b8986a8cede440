import FactStore
import Testing

@testable import FactShell

/// `figures`, `disputes` and `mentions.figure` as the shell keeps them (figures.md).
@Suite struct FiguresShellTests {
    func session(loading articles: [(name: String, body: String)]) -> (Session, CapturedOutput) {
        let directory = temporaryDirectory()
        let (session, output) = makeSession(demo: false)
        for article in articles {
            FileManagerShim.write("date: 2025-03-02\nsource: \(article.name) news\n\n\(article.body)\n", to: "\(directory)/\(article.name).txt")
            session.run(".load \(directory)/\(article.name).txt")
        }
        return (session, output)
    }

    @Test func figuresAreRecomputedAfterEveryLoadAndReplace() throws {
        let (session, output) = session(loading: [
            ("a", "At least 9 people died when the storm hit on Saturday, police said."),
            ("b", "Nine people were killed on Saturday, the fire service said.")
        ])
        var mark = output.results.count
        session.run(".mode tsv\nfigures show reports, values, agree\ndisputes count")
        #expect(output.results.dropFirst(mark) == "reports\tvalues\tagree\n2\t≥9 (1 report: a); 9 (1 report: b)\ttrue\ncount\n0\n")
        // A third report disagrees; then the first is replaced by a report of another number.
        let directory = temporaryDirectory()
        FileManagerShim.write("date: 2025-03-02\n\nThe storm killed 14 people on Saturday, the governor said.\n", to: "\(directory)/c.txt")
        mark = output.results.count
        session.run(".load \(directory)/c.txt\ndisputes show values")
        #expect(output.results.dropFirst(mark) == "values\n≥9 (1 report: a); 9 (1 report: b); 14 (1 report: c)\n")
        let mentions = try #require(session.environment.catalog["mentions"])
        #expect((0..<mentions.rowCount).allSatisfy { mentions.column(named: "figure")?[$0] == .int(1) })
        // Replacing a report takes its old number out of the figure.
        let first = try #require(session.environment.catalog["articles"]?.column(named: "path")?[0].description)
        FileManagerShim.write("date: 2025-03-02\n\nFive people were killed on Saturday.\n", to: first)
        mark = output.results.count
        session.run(".load \(first)\ndisputes show values")
        #expect(output.results.dropFirst(mark) == "values\n9 (1 report: b); 14 (1 report: c); 5 (1 report: a)\n")
        #expect(output.diagnostics == "")
    }

    @Test(arguments: [
        ("add figures id = 3", "'figures' is read-only: it is derived from mentions"),
        (".drop disputes", "'disputes' is read-only")
    ])
    func derivedRelationsCannotBeChangedByHand(statement: String, message: String) throws {
        let (session, output) = session(loading: [("a", "Nine people were killed on Saturday.")])
        let before = session.environment.catalog["figures"]?.rowCount
        #expect(!session.run(statement))
        #expect(output.diagnostics.contains(message))
        #expect(session.environment.catalog["figures"]?.rowCount == before)
        #expect(session.environment.catalog["disputes"] != nil)
    }

    @Test func aDataFileCannotBeLoadedAsFigures() {
        let directory = temporaryDirectory()
        FileManagerShim.write("id,event\n1,kill\n", to: "\(directory)/f.csv")
        let (session, output) = session(loading: [("a", "Nine people were killed on Saturday.")])
        session.run(".load \(directory)/f.csv as figures")
        #expect(output.diagnostics.contains("'figures' is read-only"))
        #expect(session.environment.catalog["figures"]?.column(named: "event")?[0] == .string("kill"))
        #expect(session.environment.catalog["figures"]?.fieldIndex(named: "values") != nil, "still the derived relation")
    }

    @Test func whyListsEachValueWithItsSentence() {
        let (session, output) = session(loading: [
            ("a", "Thirty people were injured on Sunday, police said."),
            ("b", "Forty-eight people were injured on Sunday, the hospital said.")
        ])
        session.run("disputes show values\n.why")
        #expect(output.results.contains("30 (police)\n      from article a, sentence 1:\n      “[Thirty] people were injured on Sunday, police said.”"))
        #expect(output.results.contains("48 (hospital)"))
    }

    @Test(arguments: [
        ("mentions where value overlaps at least 12 count", "1"),
        ("mentions where value overlaps 110 count", "0"),
        ("mentions where value overlaps about 13 count", "1")
    ])
    func overlapsComparesIntervals(query: String, expected: String) {
        let (session, output) = session(loading: [("a", "Twelve people were killed on Saturday.")])
        let mark = output.results.count
        session.run(query)
        #expect(output.results.dropFirst(mark) == expected + "\n")
    }
}
