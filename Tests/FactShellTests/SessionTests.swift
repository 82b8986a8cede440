import FactStore
import FactSyntax
import Foundation
import Testing

@testable import FactShell

@Suite struct SessionTests {
    @Test func scriptReportsEveryErrorWithItsLine() {
        let (session, output) = makeSession()
        let succeeded = session.run("swaps count\nswaps sum releasd\nswaps count\nswap count\nswaps where\n", name: "script.fq")
        #expect(!succeeded)
        #expect(output.results == "3\n3\n")
        expectGolden(output.diagnostics, "script-errors.txt")
        #expect(session.failureCount == 3)
    }

    @Test func bailStopsAtTheFirstFailure() {
        let (session, output) = makeSession()
        session.bail = true
        session.run("swaps count\nswap count\nswaps count")
        #expect(output.results == "3\n")
    }

    @Test func echoPrintsStatementsBeforeResults() {
        let (session, output) = makeSession()
        session.echo = true
        session.run("swaps count; attacks count")
        #expect(output.results == "swaps count\n3\nattacks count\n1\n")
    }

    @Test func bareValuesAndTablesAndFormats() {
        let (session, output) = makeSession()
        session.run("swaps count")
        session.run(".mode csv")
        session.run("swaps count")
        session.run("swaps sum released by who sort who")
        #expect(output.results == "3\ncount\r\n3\r\nwho,sum_released\r\ncombatants and civilians,307\r\nsoldiers,303\r\nsoldiers and civilians,390\r\n")
        #expect(output.diagnostics == "")
    }

    @Test func groupedSingleRowStillPrintsAsATable() {
        let (session, output) = makeSession()
        session.run("swaps where released = 390 sum released by date")
        #expect(output.results.contains("| 2025-05-23 |"))
        #expect(output.results.hasSuffix("1 row\n"))
    }

    @Test func nullPrintsAsNULL() {
        let (session, output) = makeSession()
        session.run("swaps where released > 1000 sum released")
        #expect(output.results == "NULL\n")
    }

    @Test func unknownCommandSuggestsTheNearest() {
        let (session, output) = makeSession()
        session.run(".tabels")
        #expect(output.diagnostics.contains("unknown command '.tabels'"))
        #expect(output.diagnostics.contains("did you mean '.tables'?"))
    }

    @Test func tablesSchemaAndDrop() {
        let (session, output) = makeSession()
        session.run(".schema swaps")
        #expect(output.results == "swaps(date date, released int, who string)\n")
        session.run(".drop swaps")
        session.run("let x = 3\n.tables")
        #expect(output.results.contains("attacks"))
        #expect(!output.results.contains("swaps "))
        #expect(output.results.split(separator: "\n").contains { $0.hasPrefix("| x ") && $0.contains("| binding  |    1 |") })
        session.run(".drop nothing")
        #expect(output.diagnostics.contains("unknown relation 'nothing'"))
    }

    @Test func timerPrintsMilliseconds() {
        let (session, output) = makeSession()
        session.run(".timer on\nswaps count")
        let lines = output.diagnostics.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.wholeMatch(of: /time: \d+\.\d{3} ms/) != nil })
    }

    @Test func timerCountsTheParseOfTheStatementsText() throws {
        let (session, output) = makeSession()
        session.timer = true
        // A statement behind a long comment: parsing its text is most of its time.
        let source = SourceFile(name: "<command>", text: "# " + String(repeating: "x", count: 5_000_000) + "\nswaps count")
        let parseTime = ContinuousClock().measure { _ = Parser.parse(source) }
        let parse = Double(parseTime.components.seconds) * 1000 + Double(parseTime.components.attoseconds) / 1e15
        session.run(source)
        let shown = try #require(output.diagnostics.firstMatch(of: /time: (\d+\.\d{3}) ms/).flatMap { Double($0.1) })
        #expect(shown >= parse / 2, "the time shown, \(shown) ms, leaves out most of the parse's \(parse) ms")
    }

    @Test func outputAndOnceWriteFiles() {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".once \(directory)/once.txt\nswaps count\nattacks count\n.output \(directory)/all.txt\nswaps count\nclaims count\n.output\ncontext count")
        #expect(FileManagerShim.read("\(directory)/once.txt") == "3\n")
        #expect(FileManagerShim.read("\(directory)/all.txt") == "3\n4\n")
        #expect(output.results == "1\n4\n")
        session.run(".output /nonexistent-dir/x.txt")
        #expect(output.diagnostics.contains("cannot write '/nonexistent-dir/x.txt'"))
    }

    @Test func exportWritesByExtension() {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".export swaps \(directory)/swaps.csv\n.export attacks \(directory)/attacks.jsonl\n.export swaps \(directory)/swaps.xyz")
        #expect(FileManagerShim.read("\(directory)/swaps.csv")?.hasPrefix("date,released,who\r\n2025-05-23,390,soldiers and civilians\r\n") == true)
        #expect(FileManagerShim.read("\(directory)/attacks.jsonl")?.contains("\"killed\":\"≥12\"") == true)
        #expect(output.diagnostics.contains("cannot tell the format"))
    }

    @Test func explainShowsEveryStage() {
        let (session, output) = makeSession()
        session.run(".explain swaps where released > 300 sum released by date sort date")
        let lines = output.results.split(separator: "\n")
        #expect(lines.contains { $0.contains("| swaps ") && $0.contains("|    3 |") })
        #expect(lines.contains { $0.contains("where released > 300") })
        #expect(lines.contains { $0.contains("sort date") })
        session.run(".explain swaps whre released")
        #expect(output.diagnostics.contains("<command>:1:16:"), "the error points into the original line")
    }

    @Test func helpListsEveryCommand() {
        let (session, output) = makeSession()
        session.run(".help")
        for command in DotCommand.all { #expect(output.results.contains("." + command.name)) }
        session.run(".help language")
        #expect(output.results.contains("between"))
    }

    @Test func readmeNamesEveryCommand() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for command in DotCommand.all { #expect(readme.contains("`." + command.name), "the README does not name .\(command.name)") }
    }

    @Test func quitStopsTheScript() {
        let (session, output) = makeSession()
        session.run("swaps count\n.quit\nattacks count")
        #expect(output.results == "3\n")
        #expect(session.exitRequested)
    }

    @Test func failedLoadAddsNothing() {
        let directory = temporaryDirectory()
        FileManagerShim.write("add fresh a = 1\nadd swaps date = 2025-05-26, released = 5, who = \"x\"\nadd fresh a = \"bad\"\n", to: "\(directory)/bad.fq")
        let (session, output) = makeSession()
        session.run(".load \(directory)/bad.fq")
        #expect(session.environment.catalog["fresh"] == nil)
        #expect(session.environment.catalog["swaps"]?.rowCount == 3)
        #expect(output.diagnostics.contains("bad.fq:3:15: error: field 'a' of fresh is int, found string"))
        #expect(output.diagnostics.contains("nothing was loaded"))
        FileManagerShim.write("add fresh a = 1\n", to: "\(directory)/good.fq")
        session.run(".load \(directory)/good.fq")
        #expect(session.environment.catalog["fresh"]?.rowCount == 1)
    }

    @Test func runGoesOnAfterErrorsAndScriptsCannotLoop() {
        let directory = temporaryDirectory()
        FileManagerShim.write("add fresh a = 1\nswap count\nadd fresh a = 2\n", to: "\(directory)/partly.fq")
        FileManagerShim.write(".run \(directory)/loop.fq\n", to: "\(directory)/loop.fq")
        let (session, output) = makeSession()
        session.run(".run \(directory)/partly.fq")
        #expect(session.environment.catalog["fresh"]?.rowCount == 2)
        #expect(output.diagnostics.components(separatedBy: "error:").count == 2, "the script's error once, not again for .run")
        session.run(".run \(directory)/loop.fq")
        #expect(output.diagnostics.contains("more than 32 deep"))
    }

    @Test func unreadableFilesSayWhy() {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".run \(directory)/missing.fq")
        #expect(output.diagnostics.contains("no such file or directory"))
        session.run(".run \(directory)")
        #expect(output.diagnostics.contains("is a directory"))
        FileManagerShim.write("", to: "\(directory)/x.fq")
        try? Data([0x73, 0x77, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: "\(directory)/binary.fq"))
        session.run(".run \(directory)/binary.fq")
        #expect(output.diagnostics.contains("binary.fq:2:1: error: '\(directory)/binary.fq' is not valid UTF-8"))
    }

    @Test func dotCommandArgumentsSplitOnSpacesAndKeepQuotes() {
        #expect(DotCommand.words("  a.csv as  events ") == ["a.csv", "as", "events"])
        #expect(DotCommand.words("\"my report.txt\" 'x y'") == ["my report.txt", "x y"])
        #expect(DotCommand.words("\"\"") == [""])
        #expect(DotCommand.words("") == [])
    }

    @Test func historyListsRecentStatements() {
        let (session, output) = makeSession()
        session.history = ["swaps count", "attacks count", "claims count"]
        session.run(".history 2")
        #expect(output.results == "2  attacks count\n3  claims count\n")
    }

    @Test func tooManyErrorsStopTheSource() {
        let (session, output) = makeSession()
        session.run(String(repeating: "nope count\n", count: 50))
        #expect(output.diagnostics.components(separatedBy: "unknown relation").count - 1 == Session.maximumErrorsPerSource)
        #expect(output.diagnostics.contains("too many errors"))
    }

    @Test func demoLoadsCleanly() {
        let output = CapturedOutput()
        let session = Session(output: output)
        #expect(session.loadDemo())
        #expect(output.diagnostics == "")
        #expect(session.environment.catalog.names == ["swaps", "attacks", "claims", "context", "articles", "sentences", "mentions", "figures", "disputes"])
        #expect(session.environment.catalog["articles"]?.rowCount == 1)
    }
}

@Suite struct DemoDataTests {
    @Test func bundledFactsAreTheSampleFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/founding-facts.fq")
        #expect(DemoData.scripts.first?.text == (try String(contentsOf: url, encoding: .utf8)))
    }
}

@Suite struct SQLCommandTests {
    /// Reviewed by hand, then pinned: the SQL for each clause and operator, a sort before
    /// other stages (kept as `factsh_order`), and quantities as number and qualifier.
    @Test(arguments: [
        (
            "swaps where date >= 2025-05-23 sum released",
            "SELECT c1 AS \"sum_released\" FROM (SELECT SUM(c2) AS c1 FROM (SELECT * FROM (SELECT \"date\" AS c1, \"released\" AS c2, \"who\" AS c3 FROM \"swaps\") AS s1 WHERE (c1 >= '2025-05-23')) AS s2) AS s3;\n"
        ),
        (
            "swaps count by who sort count desc limit 1",
            "SELECT c1 AS \"who\", c2 AS \"count\" FROM (SELECT * FROM (SELECT c1, c2, ROW_NUMBER() OVER (ORDER BY c2 DESC NULLS LAST, factsh_order) AS factsh_order FROM (SELECT c3 AS c1, COUNT(*) AS c2, MIN(factsh_order) AS factsh_order FROM (SELECT \"date\" AS c1, \"released\" AS c2, \"who\" AS c3, ROW_NUMBER() OVER () AS factsh_order FROM \"swaps\") AS s1 GROUP BY 1) AS s2) AS s3 ORDER BY factsh_order LIMIT 1) AS s4 ORDER BY s4.factsh_order;\n"
        ),
        (
            "swaps where who contains \"50%_\" show released // 2 as half",
            "SELECT c1 AS \"half\" FROM (SELECT CAST((c2 - c2 % 2) / 2 AS BIGINT) AS c1 FROM (SELECT * FROM (SELECT \"date\" AS c1, \"released\" AS c2, \"who\" AS c3 FROM \"swaps\") AS s1 WHERE (LOWER(c3) LIKE '%' || '50\\%\\_' || '%' ESCAPE '\\')) AS s2) AS s3;\n"
        ),
        (
            "swaps where date >= 2025-05-25 - 2 days and who in (\"a\", \"b'c\") and released is not null count",
            "SELECT c1 AS \"count\" FROM (SELECT COUNT(*) AS c1 FROM (SELECT * FROM (SELECT \"date\" AS c1, \"released\" AS c2, \"who\" AS c3 FROM \"swaps\") AS s1 WHERE ((c1 >= '2025-05-23') AND (c3 IN ('a', 'b''c')) AND (c2 IS NOT NULL))) AS s2) AS s3;\n"
        ),
        (
            "swaps sort released desc show who limit 2",
            "SELECT c1 AS \"who\" FROM (SELECT * FROM (SELECT c3 AS c1, factsh_order FROM (SELECT c1, c2, c3, ROW_NUMBER() OVER (ORDER BY c2 DESC NULLS LAST, factsh_order) AS factsh_order FROM (SELECT \"date\" AS c1, \"released\" AS c2, \"who\" AS c3, ROW_NUMBER() OVER () AS factsh_order FROM \"swaps\") AS s1) AS s2) AS s3 ORDER BY factsh_order LIMIT 2) AS s4 ORDER BY s4.factsh_order;\n"
        ),
        (
            "attacks show killed - 2 as k",
            "SELECT c1 AS \"k\", c1_q AS \"k_qualifier\" FROM (SELECT (c4 - 2) AS c1, CASE WHEN (c4 - 2) IS NULL THEN NULL ELSE CASE WHEN c4_q = 'range' THEN 'about' ELSE c4_q END END AS c1_q FROM (SELECT \"date\" AS c1, \"drones\" AS c2, \"missiles\" AS c3, \"killed\" AS c4, \"killed_qualifier\" AS c4_q, \"injured\" AS c5, \"injured_qualifier\" AS c5_q, \"places\" AS c6, \"places_qualifier\" AS c6_q, \"reported_by\" AS c7 FROM \"attacks\") AS s1) AS s2;\n"
        ),
        (
            "attacks sum killed",
            "SELECT c1 AS \"sum_killed\", c1_q AS \"sum_killed_qualifier\" FROM (SELECT SUM(c4) AS c1, CASE WHEN COUNT(c4) = 0 THEN NULL WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'vague' THEN 1 ELSE 0 END) > 0 THEN 'vague' WHEN (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) = 0 THEN 'exact' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'at_least' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'at_least' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'at_most' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'at_most' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'about' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'about' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'nearly' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'nearly' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'more_than' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'more_than' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'fewer_than' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'fewer_than' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'range' THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'range' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q IN ('at_least', 'more_than') THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'at_least' WHEN SUM(CASE WHEN c4 IS NOT NULL AND c4_q IN ('at_most', 'fewer_than') THEN 1 ELSE 0 END) = (COUNT(c4) - SUM(CASE WHEN c4 IS NOT NULL AND c4_q = 'exact' THEN 1 ELSE 0 END)) THEN 'at_most' ELSE 'about' END AS c1_q FROM (SELECT \"date\" AS c1, \"drones\" AS c2, \"missiles\" AS c3, \"killed\" AS c4, \"killed_qualifier\" AS c4_q, \"injured\" AS c5, \"injured_qualifier\" AS c5_q, \"places\" AS c6, \"places_qualifier\" AS c6_q, \"reported_by\" AS c7 FROM \"attacks\") AS s1) AS s2;\n"
        )
    ])
    func translations(query: String, sql: String) {
        let (session, output) = makeSession()
        session.run(".sql " + query)
        #expect(output.results == sql)
        #expect(output.diagnostics == "")
    }

    @Test func postgreSQLIsToldToCompareBytes() {
        let (session, output) = makeSession()
        session.run(".sql --postgresql swaps sort who")
        session.run(".sql swaps sort who")
        #expect(output.results.contains("c3 COLLATE \"C\" ASC NULLS LAST"))
        #expect(output.results.contains("c3 COLLATE BINARY ASC NULLS LAST"))
        #expect(output.diagnostics == "")
    }

    @Test func dateArithmeticOverAColumnHasNoPortableForm() {
        let (session, output) = makeSession()
        session.run(".sql swaps show date + 1 day")
        #expect(output.diagnostics.contains("date arithmetic has no SQL form"))
    }
}
