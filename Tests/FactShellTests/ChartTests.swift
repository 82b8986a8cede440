import FactStore
import FactSyntax
import Testing

@testable import FactShell

/// `... chart`: bars for a grouped result, sparklines for one keyed by a date.
@Suite struct ChartTests {
    @Test func chartEndsAQuery() throws {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: "mentions count by event chart"))
        #expect(diagnostics.isEmpty)
        guard case .query(let query) = try #require(statements.first).kind else {
            Issue.record("not a query")
            return
        }
        #expect(query.chart == SourceRange(24, 29))
        #expect(!Parser.parse(SourceFile(name: "t", text: "mentions chart count")).diagnostics.isEmpty, "chart comes last")
    }

    @Test func barsKeepLabelsAndValuesWholeAndFillTheWidth() {
        let (session, output) = makeSession()
        session.tableStyle = TableStyle(unicode: true, maxWidth: 60)
        session.run("mentions count by event sort count desc chart")
        let lines = output.results.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("release    4 ████") == true)
        #expect(lines.allSatisfy { TableRenderer.displayWidth($0) <= 60 })
        #expect(lines.map(TableRenderer.displayWidth).max() == 60, "the longest bar fills the width")
        #expect(lines.contains { $0.hasPrefix("shoot down 2 ") })
    }

    @Test func plainBarsOffATerminal() {
        let (session, output) = makeSession()
        session.run("swaps sum released by who sort who chart")
        #expect(output.results.hasPrefix("combatants and civilians 307 ###"))
        #expect(!output.results.contains("█"))
        #expect(output.results.split(separator: "\n").count == 3)
    }

    @Test func aDateKeyedResultIsASparklinePerGroup() {
        let (session, output) = makeSession()
        session.tableStyle = TableStyle(unicode: true, maxWidth: 80)
        session.run("swaps sum released by date chart")
        #expect(output.results == "█▁▁  2025-05-23…2025-05-25  303–390\n")
    }

    @Test func aResultWithNoNumberIsATable() {
        let (session, output) = makeSession()
        session.run("swaps show who chart")
        #expect(output.results.hasSuffix("3 rows\n"))
    }

    @Test func asciiFromTheCommandLine() {
        var options = LaunchOptions()
        options.ascii = true
        var terminal = TerminalInfo()
        terminal.stdoutIsTerminal = true
        terminal.utf8 = true
        #expect(!Launcher(options: options, terminal: terminal).makeSession(output: CapturedOutput()).tableStyle.unicode)
    }
}
