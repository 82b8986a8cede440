import FactStore
import Foundation
import Testing

@testable import ArticleIngest

@Suite struct ArticleLoaderTests {

    @Test func headerParsing() throws {
        let (article, warnings) = try ArticleFile.parse("title: T\ndate: 2025-05-25\nsource: S\nurl: u\n\nBody one.\n\nBody two.", id: "x", path: "x.txt")
        #expect(article.title == "T")
        #expect(article.date == Day(iso: "2025-05-25"))
        #expect(article.source == "S")
        #expect(article.extraHeaders.map(\.key) == ["url"])
        #expect(article.body == "Body one.\n\nBody two.")
        #expect(warnings.isEmpty)
        let (plain, plainWarnings) = try ArticleFile.parse("Note: this line is body text.\nSo is this.", id: "y", path: "y.txt")
        #expect(plain.body.hasPrefix("Note: this line"))
        #expect(plainWarnings.count == 1)
        #expect { try ArticleFile.parse("date: tomorrow\n\nBody.", id: "z", path: "z.txt") } throws: { ($0 as? Diagnostic)?.id == .articleDate }
    }

    /// An article dated at the edge of the calendar used to trap on "Last year" (year 0).
    @Test(arguments: ["0001-01-01", "0999-12-31", "9999-12-31"])
    func datesOutsideTheSupportedYearsAreAnErrorAtLoad(iso: String) {
        #expect { try ArticleFile.parse("date: \(iso)\n\nLast year 8 died.", id: "old", path: "old.txt") } throws: { ($0 as? Diagnostic)?.id == .articleDate }
        #expect { try ArticleFile.parse("Last year 8 died.", id: "old", path: "old.txt", date: Day(iso: iso)) } throws: { ($0 as? Diagnostic)?.id == .articleDate }
    }

    @Test func theEdgesOfTheSupportedYearsLoad() throws {
        for iso in ["1000-01-01", "8999-12-31"] {
            let (article, _) = try ArticleFile.parse("date: \(iso)\n\nLast year 8 died. Yesterday 3 died.", id: "edge", path: "edge.txt")
            var catalog = Catalog()
            #expect(try ArticleLoader.load(article, into: &catalog).mentions == 2)
        }
    }

    /// A header may not stand in for what factsh computes: "sentences: two" used to leave the
    /// sentences and mentions without their articles row, and "id: zzz" made a reload add a copy.
    @Test(arguments: ["sentences: two", "id: zzz", "words: 3", "path: /etc"])
    func headersThatNameComputedFieldsAreAnError(header: String) {
        #expect { try ArticleFile.parse("date: 2025-05-25\n\(header)\n\nTwo boats sank.", id: "x", path: "x.txt") } throws: { ($0 as? Diagnostic)?.id == .articleHeader }
    }

    @Test func aHeaderThatCannotGoWhereEarlierArticlesPutItAddsNothing() throws {
        var catalog = Catalog()
        try catalog.update("articles", creating: { Relation(fields: ArticleLoader.articleFields + [Field(name: "rank", type: .int)]) }) { (_: inout Relation) throws(Relation.AppendProblem) in }
        let (article, _) = try ArticleFile.parse("date: 2025-05-25\nrank: high\n\nTwo boats sank.", id: "x", path: "x.txt")
        #expect { try ArticleLoader.load(article, into: &catalog) } throws: { ($0 as? Diagnostic)?.id == .articleHeader }
        #expect(catalog["sentences"] == nil)
        #expect(catalog["mentions"] == nil)
    }

    @Test func loadingTheSameArticleAgainReplacesIt() throws {
        var catalog = Catalog()
        let (article, _) = try ArticleFile.parse("date: 2025-05-25\n\nTwo boats sank. Three more were lost.", id: "x", path: "x.txt")
        try ArticleLoader.load(article, into: &catalog)
        try ArticleLoader.load(article, into: &catalog)
        #expect(catalog["articles"]?.rowCount == 1)
        #expect(catalog["mentions"]?.rowCount == 2)
    }
}
