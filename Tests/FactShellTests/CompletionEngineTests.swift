import Foundation
import Testing

@testable import FactShell

@Suite struct CompletionEngineTests {
    func engine() -> CompletionEngine {
        let (session, _) = makeSession()
        session.run("let total = swaps sum released")
        var engine = CompletionEngine(environment: session.environment)
        engine.listDirectory = { directory in
            directory == "." ? ["Samples/", "Sources/", "README.md", ".hidden"] : (directory == "Samples/" ? ["report.txt", "facts.fq"] : [])
        }
        return engine
    }

    @Test(arguments: [
        ("swa", 3, ["swaps"]),
        ("", 0, ["swaps", "attacks", "claims", "context", "articles", "sentences", "mentions", "figures", "disputes", "total", "let", "add"]),
        ("c", 1, ["claims", "context"]),
        ("swaps sum rel", 3, ["released"]),
        ("swaps where d", 1, ["date", "desc", "distinct", "day", "days"]),
        ("attacks show dr", 2, ["drones"]),
        ("swaps count; att", 3, ["attacks"]),
        ("add sw", 2, ["swaps"]),
        ("add swaps date = 2025-05-26, rel", 3, ["released"]),
        ("let x = cl", 2, ["claims"]),
        ("SWA", 3, ["swaps"]),
        ("nothing wh", 2, ["where"]),
        ("swaps s", 1, ["show", "sort", "sum", "starts", "substr", "share"]),
        ("swaps show ro", 2, ["round"]),
        ("swaps join att", 3, ["attacks"]),
        ("swaps join attacks on date show dr", 2, ["drones"])
    ])
    func names(text: String, replacing: Int, expected: [String]) {
        let completion = engine().complete(text)
        #expect(completion.replacing == replacing)
        #expect(completion.candidates == expected)
    }

    @Test func stringValuesOfTheFieldAfterEquals() {
        let completion = engine().complete("swaps where who = \"sol")
        #expect(completion.replacing == 4)
        #expect(completion.candidates == ["\"soldiers\"", "\"soldiers and civilians\""])
        #expect(engine().complete("claims where unit != \"dr").candidates == ["\"drones\""])
        #expect(engine().complete("swaps where who contains \"COMB").candidates == ["\"combatants and civilians\""])
        #expect(engine().complete("swaps where nope = \"x").candidates.isEmpty)
    }

    @Test func dotCommandsAndTheirArguments() {
        #expect(engine().complete(".ta").candidates == [".tables"])
        #expect(engine().complete(".mode j").candidates == ["json", "jsonl"])
        #expect(engine().complete(".schema sw").candidates == ["swaps"])
        #expect(engine().complete(".timer o").candidates == ["on", "off"])
        #expect(engine().complete(".explain swaps sum rel").candidates == ["released"])
    }

    @Test func filePathsAfterLoadAndRun() {
        let directory = engine().complete(".load Sa")
        #expect(directory.candidates == ["Samples/"])
        #expect(!directory.appendsSpace, "a directory is not the end of the path")
        #expect(engine().complete(".run Samples/f").candidates == ["Samples/facts.fq"])
        #expect(engine().complete(".load ").candidates == ["README.md", "Samples/", "Sources/"], "hidden files only when asked for")
    }

    /// A path with a space is completed in quotes, so Enter loads it; a directory's quote is
    /// left open so Tab goes on into it.
    @Test func pathsWithSpacesAreQuoted() {
        var engine = engine()
        engine.listDirectory = { directory in
            switch directory {
            case "d/": ["my strikes 2025.csv", "other dir/", "plain.csv"]
            case "d/other dir/": ["inner file.csv"]
            default: ["d/"]
            }
        }
        let file = engine.complete(".load d/my")
        #expect(file.candidates == ["\"d/my strikes 2025.csv\""])
        #expect(file.replacing == "d/my".unicodeScalars.count)
        #expect(file.appendsSpace)
        #expect(engine.complete(".load d/oth").candidates == ["\"d/other dir/"])
        #expect(engine.complete(".load \"d/other dir/in").candidates == ["\"d/other dir/inner file.csv\""])
        #expect(engine.complete(".load \"d/other dir/in").replacing == "\"d/other dir/in".unicodeScalars.count)
        #expect(engine.complete(".load d/pl").candidates == ["d/plain.csv"], "a plain path stays plain")
        #expect(engine.complete(".export swaps \"d/pl").candidates == ["\"d/plain.csv\""], "a quote typed is kept")
        #expect(DotCommand.words(".load \"d/my strikes 2025.csv\" as strikes") == [".load", "d/my strikes 2025.csv", "as", "strikes"])
    }

    @Test func commonPrefix() {
        #expect(CompletionEngine.commonPrefix(["soldiers", "soldiers and civilians"]) == "soldiers")
        #expect(CompletionEngine.commonPrefix(["json", "jsonl"]) == "json")
        #expect(CompletionEngine.commonPrefix([]) == "")
    }
}

@Suite struct HistoryFileTests {
    @Test func appendsSkipsRepeatsAndKeepsMultiLineStatementsWhole() throws {
        let path = temporaryDirectory() + "/state/factsh/history"
        let history = HistoryFile(path: path)
        try history.append("swaps count")
        try history.append("swaps count")
        try history.append("swaps where (released\n > 300) count")
        try history.append("a \\ b")
        try history.append("swaps count")
        #expect(HistoryFile(path: path).load() == ["swaps count", "swaps where (released\n > 300) count", "a \\ b", "swaps count"])
        #expect(FileManagerShim.read(path) == "swaps count\nswaps where (released\\n > 300) count\na \\\\ b\nswaps count\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func isCapped() throws {
        let path = temporaryDirectory() + "/history"
        let history = HistoryFile(path: path, capacity: 10)
        for index in 0..<25 { try history.append("statement \(index)") }
        let entries = HistoryFile(path: path).load()
        #expect(entries.count <= 11)
        #expect(entries.last == "statement 24")
    }

    /// Two sessions sharing one file, appending at once while each trims it: what survives of
    /// each session's entries is its newest ones, with no hole. The window kept (1,000) spans
    /// the last several trims, where a lost entry would show.
    @Test func sessionsSharingTheFileLoseNothing() async throws {
        let path = temporaryDirectory() + "/history"
        let perSession = 3_000
        await withTaskGroup(of: Void.self) { group in
            for name in ["a", "b"] {
                group.addTask {
                    let history = HistoryFile(path: path, capacity: 1_000)
                    for index in 0..<perSession { try? history.append("\(name) \(index)") }
                }
            }
        }
        let entries = HistoryFile(path: path).load()
        // Each session trims when its own count passes capacity + 10%, so between trims each
        // may have added up to 100 entries the other has not counted: at most 1,200 remain.
        #expect(entries.count >= 1_000 && entries.count <= 1_200)
        #expect(entries.contains("a \(perSession - 1)") || entries.contains("b \(perSession - 1)"))
        for name in ["a", "b"] {
            let numbers = entries.filter { $0.hasPrefix(name + " ") }.compactMap { Int($0.dropFirst(2)) }
            if !numbers.isEmpty { #expect(numbers.last == perSession - 1, "\(name)'s newest entry is kept") }
            #expect(numbers == Array((numbers.first ?? 0)..<(numbers.first ?? 0) + numbers.count), "\(name): \(numbers)")
        }
    }

    @Test func unwritableHistoryWarnsOnceAndTheSessionGoesOn() {
        let (session, output) = makeSession()
        let reader = ScriptedLineReader(lines: ["swaps count", "attacks count"])
        InteractiveLoop(session: session, reader: reader, historyFile: HistoryFile(path: "/proc/factsh/history")).run()
        #expect(output.results == "3\n1\n")
        #expect(output.diagnostics.components(separatedBy: "warning: cannot save history").count == 2)
    }

    @Test func defaultPathFollowsXDG() {
        let path = HistoryFile.defaultPath()
        #expect(path?.hasSuffix("/factsh/history") == true)
    }
}
