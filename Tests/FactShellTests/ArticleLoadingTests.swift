import FactStore
import Foundation
import Testing

@testable import FactShell

/// Whether a table has a row whose cells are exactly these.
func hasRow(_ table: String, _ cells: [String]) -> Bool {
    table.split(separator: "\n").contains { line in
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } == cells
    }
}

@Suite struct ArticleLoadingTests {
    @Test func foundingReportAloneAnswersTheFoundingQuestion() {
        let output = CapturedOutput()
        let session = Session(output: output)
        let directory = temporaryDirectory()
        FileManagerShim.write(DemoData.articles[0].text, to: "\(directory)/report.txt")
        session.run(".load \(directory)/report.txt")
        session.run("mentions where event = \"release\" and qualifier = \"exact\" sum value")
        #expect(output.results == "1000\n")
        #expect(output.diagnostics == "")
        session.run("articles show id, date, sentences")
        #expect(output.results.contains("| report | 2025-05-25 |"))
    }

    @Test func aSecondLoadReplacesTheFirst() {
        let directory = temporaryDirectory()
        FileManagerShim.write("title: t\ndate: 2025-01-02\n\nAt least 5 people were killed on Monday.\n", to: "\(directory)/a.txt")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/a.txt\n.load \(directory)/a.txt\nmentions count\narticles count\nsentences count")
        #expect(output.results == "1\n1\n1\n")
        session.run("mentions show value, qualifier, unit, event, date")
        #expect(hasRow(output.results, ["≥5", "at_least", "people", "kill", "2024-12-30"]))
    }

    @Test func aRunOfTextCutIntoPiecesIsAWarningAtItsLine() {
        let directory = temporaryDirectory()
        let run = String(repeating: "word ", count: 2_000)
        FileManagerShim.write("date: 2025-05-25\n\nFive people died.\n\n\(run)\n", to: "\(directory)/long.txt")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/long.txt\nmentions count")
        #expect(output.diagnostics.contains("long.txt:5:1: warning: a run of text with no sentence end is longer than 4096 bytes: it was cut into 3 sentences"))
        #expect(output.results == "1\n")
    }

    @Test func missingDateWarnsAndLeavesRelativeDatesNull() {
        let directory = temporaryDirectory()
        FileManagerShim.write("Three people were injured on Friday.\n", to: "\(directory)/nodate.txt")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/nodate.txt")
        #expect(output.diagnostics.contains("nodate.txt:1:1: warning: no header"))
        session.run("mentions where date is null count")
        #expect(output.results == "1\n")
        session.run(".load \(directory)/nodate.txt date 2025-05-25\nmentions show date")
        #expect(output.results.hasSuffix("2025-05-23\n"))
    }

    @Test func extraHeadersAreKept() {
        let directory = temporaryDirectory()
        FileManagerShim.write("title: T\ndate: 2025-01-02\nauthor: A. Writer\nurl: https://example.org/x\n\nTwo houses burned.\n", to: "\(directory)/h.txt")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/h.txt\narticles show author, url")
        #expect(
            output.results
                == "+-----------+-----------------------+\n| author    | url                   |\n+-----------+-----------------------+\n| A. Writer | https://example.org/x |\n+-----------+-----------------------+\n1 row\n"
        )
    }

    @Test func unreadableArticlesAddNothing() {
        let directory = temporaryDirectory()
        try? Data([0x41, 0x0A, 0xC3, 0x28]).write(to: URL(fileURLWithPath: "\(directory)/bad.txt"))
        FileManagerShim.write("title: x\ndate: 2025-13-01\n\nOne.\n", to: "\(directory)/baddate.txt")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/bad.txt\n.load \(directory)/baddate.txt")
        #expect(output.diagnostics.contains("bad.txt:2:1: error:"))
        #expect(output.diagnostics.contains("baddate.txt:2:7: error: the date header"))
        #expect(session.environment.catalog["mentions"] == nil)
    }

    @Test func articleArgumentsOnTheCommandLine() {
        let directory = temporaryDirectory()
        FileManagerShim.write("date: 2025-01-02\n\nNearly 40 drones were launched.\n", to: "\(directory)/cli.txt")
        var options = LaunchOptions()
        options.noInit = true
        options.files = ["\(directory)/cli.txt"]
        options.actions = [.command("mentions show value, unit, event")]
        let output = CapturedOutput()
        let launcher = Launcher(options: options, terminal: TerminalInfo())
        let status = launcher.runBatch(launcher.makeSession(output: output))
        #expect(status == .success)
        #expect(hasRow(output.results, ["≈40", "drones", "launch"]))
    }
}

@Suite struct WhyTests {
    @Test func whyAfterAMentionQueryShowsTheSentences() {
        let (session, output) = makeSession()
        session.run("mentions where event = \"release\" and qualifier = \"exact\" sum value\n.why")
        #expect(output.results.contains("1000 came from 3 facts in mentions:"))
        #expect(output.results.contains("“Both sides confirmed that [303] soldiers were handed over by each side on Sunday.”"))
    }

    @Test func whyAfterACuratedQueryShowsFileAndLine() {
        let (session, output) = makeSession()
        session.run("swaps where date >= 2025-05-24 sum released\n.why")
        #expect(output.results.contains("610 came from 2 facts in swaps:"))
        #expect(output.results.contains("from demo/founding-facts.fq:7"))
        #expect(output.results.contains("from demo/founding-facts.fq:8"))
        #expect(!output.results.contains("founding-facts.fq:6"))
    }

    @Test func whyFollowsGroupsAndProjections() {
        let (session, output) = makeSession()
        session.run("swaps where released > 300 show released * 2 as both sort both limit 1\n.why")
        #expect(output.results.contains("606\n606 came from 1 fact in swaps:"))
        #expect(output.results.contains("released=303"))
        session.run("claims count by unit where count > 1\n.why")
        #expect(output.results.contains("came from 2 facts in claims:"))
    }

    @Test func whyBeforeAnyQueryIsAnError() {
        let (session, output) = makeSession()
        session.run(".why")
        #expect(output.diagnostics.contains("no query has run yet"))
    }

    @Test func factsAddedAtThePromptNameTheirSource() {
        let (session, output) = makeSession(demo: false)
        session.run("add t n = 1\nadd t n = 2", name: "notes.fq")
        session.run("t sum n\n.why")
        #expect(output.results.contains("from notes.fq:1"))
        #expect(output.results.contains("from notes.fq:2"))
    }
}
