import FactShell
import Foundation
import TestSupport
import Testing

/// Loads that reach the server chunk by chunk while the file is read: still one transaction,
/// so whatever stops one partway (a bad row further on, Ctrl-C) leaves nothing of the file.
@Suite struct PostgresStreamedLoadTests {
    /// A CSV of several 1 MiB chunks: `count` rows of an int, a text and a number.
    func events(_ count: Int, last: String = "") -> String {
        var text = "id,kind,n\n"
        text.reserveCapacity(count * 24)
        for row in 1...count { text += "\(row),kind \(row % 5),\(row % 1000)\n" }
        return text + last
    }

    @Test func aBadRowAfterManyChunksAddsNothing() throws {
        let uri = try server().createDatabase()
        let bad = try temporaryFile("events.csv", events(80_000, last: "80001,kind 1\n"))
        let good = try temporaryFile("events.csv", events(80_000))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(!shell.run(".load \(bad)"))
        let error = shell.diagnostics()
        #expect(error.contains("events.csv:80002:"), "\(error)")
        #expect(error.contains("this row has 2 fields but the header has 3"), "\(error)")
        #expect(!shell.run("events count"))
        #expect(shell.diagnostics().contains("unknown relation 'events'"))

        #expect(shell.run(".load \(good)\nevents count"), "\(shell.diagnostics())")
        #expect(shell.results() == "80000\n")
        #expect(!shell.run(".load \(bad)"))
        #expect(shell.diagnostics().contains("events.csv:80002:"))
        let reader = Shell()
        try reader.session.attach(uri)
        #expect(reader.run(".mode csv\nevents count\nevents where id = 79999 show kind, n"))
        #expect(reader.results().replacingOccurrences(of: "\r\n", with: "\n") == "count\n80000\nkind,n\nkind 4,999\n")
    }

    /// A value further on that the types guessed from the first chunk do not hold: the copy
    /// starts again with the types of every row.
    @Test func aTypeChangedFurtherOnLoadsWithTheWiderType() throws {
        let uri = try server().createDatabase()
        let csv = try temporaryFile("late.csv", events(60_000, last: "60001,kind 1,2.5\n"))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run(".load \(csv)\n.schema late\nlate count\nlate where id > 59999 sum n"), "\(shell.diagnostics())")
        #expect(shell.results() == "late(id int, kind string, n number)\n60001\n2.5\n")
    }

    @Test func ctrlCPartwayAddsNothing() throws {
        let uri = try server().createDatabase()
        let csv = try temporaryFile("events.csv", events(200_000))
        let shell = Shell()
        try shell.session.attach(uri)
        // Asked before every chunk: the stop comes once some chunks went to the server.
        let asked = Counter()
        shell.session.interpreter.isCancelled = { asked.increment() > 4 }
        #expect(!shell.run(".load \(csv)"))
        #expect(shell.diagnostics().contains("interrupted"))
        shell.session.interpreter.isCancelled = { false }
        #expect(!shell.run("events count"))
        #expect(shell.run(".load \(csv)\nevents count"), "\(shell.diagnostics())")
        #expect(shell.results() == "200000\n")
    }
}

/// A count shared with the closure that Ctrl-C is asked through.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// One more; the count after it.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
