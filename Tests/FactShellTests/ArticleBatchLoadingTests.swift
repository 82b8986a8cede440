import FactStore
import Foundation
import Synchronization
import Testing

@testable import FactShell

/// Several articles loaded as one load (`.load DIR`, `.load DIR/*.txt`, FILE arguments): read
/// and extracted on every thread, stored in order, all or nothing.
@Suite struct ArticleBatchLoadingTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/Samples"

    /// The sample articles, in name order.
    static var sampleArticles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { "\(samples)/\($0)" }
    }

    /// Every row of the relations an article load fills, with their fields and origins.
    static func articleRows(_ session: Session) -> [String] {
        ["articles", "sentences", "mentions"].flatMap { name -> [String] in
            guard let relation = session.environment.catalog[name] else { return ["\(name): none"] }
            let header = "\(name): " + relation.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
            return [header]
                + (0..<relation.rowCount).map { row in
                    relation.row(row).map { "\($0)" }.joined(separator: " | ") + " @ \(relation.origins[row].map { "\($0.source):\($0.line)" } ?? "-")"
                }
        }
    }

    static func session(threads: Int) -> (Session, CapturedOutput) {
        let (session, output) = makeSession(demo: false)
        session.interpreter.threads = threads
        return (session, output)
    }

    @Test func samplesGiveTheSameRowsOnOneAndTwoThreadsAsOneAtATime() {
        let articles = Self.sampleArticles
        #expect(articles.count > 50)
        let (oneByOne, _) = Self.session(threads: 1)
        for path in articles { #expect(oneByOne.run(".load \(path)")) }
        let expected = Self.articleRows(oneByOne)
        #expect(expected.count > 1_000)

        let (oneThread, _) = Self.session(threads: 1)
        #expect(oneThread.run(".load \(Self.samples)"))
        let (twoThreads, output) = Self.session(threads: 2)
        #expect(twoThreads.run(".load \(Self.samples)/*.txt"))
        #expect(Self.articleRows(oneThread) == expected)
        #expect(Self.articleRows(twoThreads) == expected)
        #expect(!output.diagnostics.contains("error"))
    }

    @Test func anArticleLoadedAgainReplacesItsRowsAndExtraHeadersBecomeFields() {
        let directory = temporaryDirectory()
        FileManagerShim.write("title: A\ndate: 2025-01-02\nauthor: One\n\nAt least 5 people were killed on Monday.\n", to: "\(directory)/a.txt")
        FileManagerShim.write("title: B\ndate: 2025-01-03\n\nNearly 40 drones were launched.\n", to: "\(directory)/b.txt")
        try? FileManagerShim.createDirectory("\(directory)/again")
        FileManagerShim.write("title: A2\ndate: 2025-01-04\nurl: https://example.org/a\n\nTwo houses burned.\n", to: "\(directory)/again/a.txt")
        // Enough articles after them that a run of one worker holds both copies of a.txt.
        let more = (1...37).map { "\(directory)/more-\($0).txt" }
        for (index, path) in more.enumerated() { FileManagerShim.write("date: 2025-02-0\(index % 9 + 1)\n\n\(index + 2) boats sank.\n", to: path) }
        let paths = ["\(directory)/b.txt", "\(directory)/again/a.txt", "\(directory)/a.txt"] + more

        let (oneByOne, _) = Self.session(threads: 1)
        #expect(oneByOne.run(".load \(directory)/again/a.txt"))
        for path in paths { #expect(oneByOne.run(".load \(path)")) }
        for threads in [1, 2] {
            let (together, _) = Self.session(threads: threads)
            #expect(together.run(".load \(directory)/again/a.txt"))
            let outcome = together.loadArticles(paths, named: "all")
            #expect(throws: Never.self) { try outcome.get() }
            together.refreshFiguresIfStale()
            #expect(Self.articleRows(together) == Self.articleRows(oneByOne))
            #expect(together.environment.catalog["articles"]?.rowCount == 39)
        }
    }

    @Test func aFailingArticleAddsNothingFromAnyAndIsNamed() {
        let directory = temporaryDirectory()
        FileManagerShim.write("title: A\ndate: 2025-01-02\n\nAt least 5 people were killed on Monday.\n", to: "\(directory)/a.txt")
        FileManagerShim.write("title: x\ndate: 2025-13-01\n\nOne.\n", to: "\(directory)/b.txt")
        FileManagerShim.write("title: C\ndate: 2025-01-02\n\nThree people died.\n", to: "\(directory)/c.txt")
        let (session, output) = Self.session(threads: 2)
        #expect(!session.run(".load \(directory)"))
        #expect(output.diagnostics.contains("b.txt:2:7: error: the date header"))
        #expect(output.diagnostics.contains("nothing was loaded from any of the 3 articles"))
        #expect(session.environment.catalog["articles"] == nil)
        #expect(session.environment.catalog["mentions"] == nil)
    }

    @Test func aHeaderThatClashesWithEarlierRowsIsRefusedAsInAOneArticleLoad() {
        let directory = temporaryDirectory()
        FileManagerShim.write("id,rank\nolder,3\n", to: "\(directory)/articles.csv")
        try? FileManagerShim.createDirectory("\(directory)/reports")
        FileManagerShim.write("title: A\ndate: 2025-01-02\n\nFive people died.\n", to: "\(directory)/reports/a.txt")
        FileManagerShim.write("title: B\ndate: 2025-01-02\nrank: high\n\nSix people died.\n", to: "\(directory)/reports/b.txt")
        let (session, output) = Self.session(threads: 2)
        #expect(session.run(".load \(directory)/articles.csv"))
        #expect(!session.run(".load \(directory)/reports"))
        #expect(output.diagnostics.contains("b.txt:1:1: error: the header 'rank' is text, but the articles field 'rank' holds int"))
        #expect(session.environment.catalog["articles"]?.rowCount == 1)
        #expect(session.environment.catalog["mentions"] == nil)
    }

    @Test func ctrlCStopsTheLoadAndAddsNothing() {
        let (session, output) = Self.session(threads: 2)
        #expect(session.run(".load \(Self.samples)/wire-quake.txt"))
        let before = Self.articleRows(session)
        // Ctrl-C arrives once a few articles have started.
        let checks = Atomic<Int>(0)
        session.interpreter.isCancelled = { checks.add(1, ordering: .relaxed).newValue > 5 }
        #expect(!session.run(".load \(Self.samples)"))
        #expect(output.diagnostics.contains("error: interrupted"))
        #expect(Self.articleRows(session) == before)
    }

    @Test func patternsAndFoldersNameTheFilesTheyLoad() {
        let directory = temporaryDirectory()
        FileManagerShim.write("title: A\ndate: 2025-01-02\n\nFive people died.\n", to: "\(directory)/a.txt")
        FileManagerShim.write("id,n\nx,1\n", to: "\(directory)/counts.csv")
        let (session, output) = Self.session(threads: 2)
        #expect(!session.run(".load \(directory)/*.md"))
        #expect(output.diagnostics.contains("no file matches"))
        #expect(!session.run(".load \(directory)/*"))
        #expect(output.diagnostics.contains("counts.csv' is not an article"))
        #expect(!session.run(".load \(directory) as reports"))
        #expect(output.diagnostics.contains("'as', 'replace' and 'types' are for one data file"))
        #expect(session.environment.catalog["articles"] == nil)
        let empty = temporaryDirectory()
        #expect(!session.run(".load \(empty)"))
        #expect(output.diagnostics.contains("has no articles (.txt files) to load"))
        #expect(session.run(".load \(directory)/?.txt"))
        #expect(session.environment.catalog["articles"]?.rowCount == 1)
    }

    @Test func articleArgumentsOnTheCommandLineLoadAsOne() {
        let directory = temporaryDirectory()
        FileManagerShim.write("date: 2025-01-02\n\nNearly 40 drones were launched.\n", to: "\(directory)/a.txt")
        FileManagerShim.write("date: 2025-01-02\n\nAt least 5 people were killed.\n", to: "\(directory)/b.txt")
        FileManagerShim.write("title: x\ndate: 2025-13-01\n\nOne.\n", to: "\(directory)/bad.txt")
        func launch(_ files: [String]) -> (Launcher.ExitStatus, CapturedOutput) {
            var options = LaunchOptions()
            options.noInit = true
            options.files = files
            options.actions = [.command("articles count")]
            let output = CapturedOutput()
            let launcher = Launcher(options: options, terminal: TerminalInfo())
            return (launcher.runBatch(launcher.makeSession(output: output)), output)
        }
        let (loaded, output) = launch(["\(directory)/a.txt", "\(directory)/b.txt"])
        #expect(loaded == .success)
        #expect(output.results == "2\n")
        let (failed, failure) = launch(["\(directory)/a.txt", "\(directory)/bad.txt"])
        #expect(failed == .usageOrUnreadable)
        #expect(failure.diagnostics.contains("bad.txt:2:7: error"))
    }
}
