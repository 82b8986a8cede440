import Foundation
import Testing

/// Ctrl-C at the prompt while factsh loads a big file, runs a long query and exports a big
/// relation, in a real terminal (tmux): each time the prompt comes back within a morsel's
/// time, a stopped load adds nothing, and a stopped export leaves the file it would have
/// replaced as it was.
@Suite(.serialized) struct InterruptTests {
    typealias Terminal = TerminalTests.Terminal

    /// Under a sanitizer (`make test-asan`, `make test-tsan` set `FACTSH_SANITIZER`) factsh runs
    /// ten to fifty times slower: what Ctrl-C does is checked there too, on a smaller file
    /// with patient waits, and how fast the prompt comes back only in a plain build.
    static let underSanitizer = ProcessInfo.processInfo.environment["FACTSH_SANITIZER"] != nil

    /// Rows of the generated file: enough that loading, sorting and exporting it each take
    /// seconds in a debug build.
    static let rowCount = underSanitizer ? 150_000 : 1_500_000

    /// How long to wait for the prompt after Ctrl-C before calling it stuck.
    static let patience: Double = underSanitizer ? 600 : 20

    /// A CSV of events: an id, a note and a place (text, so sorting them is slow), a number.
    static func writeEvents(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let file = try FileHandle(forWritingTo: url)
        defer { try? file.close() }
        try file.write(contentsOf: Data("id,note,place,n\n".utf8))
        var chunk = ""
        for row in 0..<rowCount {
            chunk += "\(row),note \(row &* 7919 % 100_003),place \(row % 977),\(row % 1000)\n"
            if row % 100_000 == 99_999 {
                try file.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try file.write(contentsOf: Data(chunk.utf8))
    }

    /// Types a statement, presses Ctrl-C once it is under way, and waits for the prompt after
    /// the `count`th "interrupted" of the session; returns how long that took from the Ctrl-C.
    static func interrupt(_ statement: String, in terminal: Terminal, after delay: Double, count: Int) throws -> Double {
        try terminal.type(statement, "Enter")
        Thread.sleep(forTimeInterval: delay)
        let pressed = Date()
        try terminal.type("C-c")
        try terminal.waitFor("'\(statement)' interrupted", timeout: patience) {
            $0.components(separatedBy: "error: interrupted").count > count && TerminalTests.lastLine($0) == "factsh>"
        }
        return Date().timeIntervalSince(pressed)
    }

    @Test func ctrlCStopsALoadAQueryAndAnExport() throws {
        try #require(TerminalTests.tmuxAvailable, "make test installs tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv")
        try Self.writeEvents(to: events)
        let export = directory.appendingPathComponent("out.csv")
        try Data("the old file\n".utf8).write(to: export)

        let terminal = try Terminal(arguments: ["--no-init"])
        try terminal.waitFor("the prompt") { TerminalTests.lastLine($0) == "factsh>" }

        // A load stopped part way adds nothing.
        let load = try Self.interrupt(".load \(events.path)", in: terminal, after: 0.5, count: 1)
        try terminal.type("events count", "Enter")
        try terminal.waitFor("no events relation") { $0.contains("unknown relation 'events'") }

        try terminal.type(".load \(events.path)", "Enter")
        try terminal.type("events count", "Enter")
        try terminal.waitFor("the loaded file", timeout: Self.patience * 6) { $0.contains("\n\(Self.rowCount)\n") }

        // A long sort stops.
        let query = try Self.interrupt("events sort note desc, place", in: terminal, after: 0.5, count: 2)

        // An export stopped part way leaves the old file, and no temporary file beside it.
        let exported = try Self.interrupt(".export events \(export.path)", in: terminal, after: 0.5, count: 3)
        #expect(try String(contentsOf: export, encoding: .utf8) == "the old file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["events.csv", "out.csv"])

        // The prompt came back long before the statement would have ended. This is a debug
        // build, where sorting one morsel of 64K rows by text can take a second on a busy
        // machine, so the bound is loose; a release build on 10M rows comes back within
        // about 150 ms (see the README's Speed section). The screen is read every 50 ms.
        if !Self.underSanitizer {
            #expect(load < 3, "load: \(load) s")
            #expect(query < 3, "query: \(query) s")
            #expect(exported < 3, "export: \(exported) s")
        }
        #expect(terminal.isRunning)
    }
}
