import FactStore
import FactSyntax
import Testing

@testable import FactShell

/// What users of sqlite3, DuckDB and psql reach for, and the small things they trip on.
@Suite struct ShellHabitTests {
    static func ids(_ text: String) -> [String] {
        Parser.parse(SourceFile(name: "<command>", text: text)).diagnostics.map(\.id.name)
    }

    @Test func modeWithNoArgumentShowsIt() {
        let (session, output) = makeSession()
        #expect(session.run(".mode"))
        session.run(".mode json")
        session.run(".mode")
        #expect(output.results == "table\njson\n")
        #expect(output.diagnostics == "")
    }

    @Test func whyFollowsALetBinding() {
        let (session, output) = makeSession()
        session.run("let total = swaps sum released")
        session.run("total - 1000")
        session.run(".why")
        #expect(output.results.contains("'total' is swaps sum released"))
        #expect(output.results.contains("1000 came from 3 facts in swaps"))
        #expect(!output.results.contains("not from stored facts"))
        session.run("let bigger = total + 1")
        session.run("bigger")
        session.run(".why")
        #expect(output.results.contains("1001 was computed from 'bigger'"))
    }

    @Test func loadingAFileAgainIsRefusedUnlessReplaced() throws {
        let (session, output) = makeSession(demo: false)
        let path = temporaryDirectory() + "/events.csv"
        FileManagerShim.write("id,place\n1,Kyiv\n2,Sumy\n", to: path)
        #expect(session.run(".load \(path)"))
        #expect(!session.run(".load \(path)"))
        #expect(output.diagnostics.contains("already loaded into 'events'"))
        #expect(output.diagnostics.contains("replace"))
        #expect(session.environment.catalog["events"]?.rowCount == 2)
        #expect(session.run(".load \(path) replace"))
        #expect(session.environment.catalog["events"]?.rowCount == 2)
        #expect(session.run(".load \(path) as more"), "another name is another relation")
        session.run(".drop events")
        #expect(session.run(".load \(path)"), "a dropped relation loads afresh")
        #expect(!session.run(".load notes.fq replace"))
    }

    @Test func helpExplainsTheVagueForm() {
        #expect(HelpText.language.contains("~~"))
        let (session, output) = makeSession(demo: false)
        session.run("add t q = dozens")
        session.run("t show q - 36")
        #expect(output.results == "~~-12\n")
    }

    @Test func selectFromGetsTheFactshWay() {
        #expect(Self.ids("SELECT * FROM swaps") == ["syntax.sql-habit"])
        #expect(Self.ids("select who from swaps where released > 300") == ["syntax.sql-habit"])
        let (session, output) = makeSession()
        session.run("SELECT who FROM swaps")
        #expect(output.diagnostics.contains("write 'swaps where ... show ...'"))
    }

    @Test func singleQuotesGetOneErrorSayingDoubleQuotes() {
        #expect(Self.ids("swaps where who = 'soldiers' count") == ["syntax.sql-habit"])
        let (session, output) = makeSession()
        session.run("swaps where who = 'it''s' count")
        #expect(output.diagnostics.contains("write \"it's\""))
        #expect(Self.ids("swaps where who = 'soldiers") == ["syntax.unexpected-character"])
    }

    @Test func commandsOfOtherShellsAreNamedTheFactshWay() {
        let (session, output) = makeSession()
        session.run(".read report.fq")
        #expect(output.diagnostics.contains("'.run FILE'"))
        session.run(".import data.csv t")
        #expect(output.diagnostics.contains("'.load FILE as NAME'"))
    }

    @Test func likeAndEqualsNullAsInSQL() {
        let (session, output) = makeSession()
        session.run("swaps where who LIKE \"sol%\" count")
        #expect(output.results == "2\n")
        #expect(!session.run("swaps where who = null count"))
        #expect(output.diagnostics.contains("is null"))
    }
}
