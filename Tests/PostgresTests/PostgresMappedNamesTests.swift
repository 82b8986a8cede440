import FactShell
import Foundation
import TestSupport
import Testing

@testable import PostgresStore

/// Names PostgreSQL would not keep as they are, and `--demo` over a database.
@Suite struct PostgresMappedNamesTests {
    /// PostgreSQL cuts names at 63 bytes: longer relation and field names, two of them alike
    /// in their first 63 bytes, are stored under shorter table and column names and read back
    /// as written.
    @Test func namesLongerThanPostgreSQLKeepsRoundTrip() throws {
        let uri = try server().createDatabase()
        let long = String(repeating: "très_long_", count: 8)
        let memory = Shell()
        #expect(
            memory.run(
                """
                add \(long)a \(long)x = 1, \(long)y = at least 2, n = "one"
                add \(long)a \(long)x = 3, \(long)y = 4, n = "two"
                add \(long)b \(long)x = 5
                """), "\(memory.diagnostics())")
        let queries = ".mode csv\n\(long)a\n\(long)a where \(long)y > 3 show n\n\(long)b\n.schema"
        memory.run(queries)
        let expected = memory.results()
        #expect(memory.run(".save \(uri)"), "\(memory.diagnostics())")
        let attached = Shell()
        try attached.session.attach(uri)
        attached.run(queries)
        #expect(attached.results() == expected)
        #expect(attached.diagnostics() == "")
        // Rows added later reach the same tables.
        let more = "add \(long)b \(long)x = 6\n\(long)b sum \(long)x"
        memory.run(more)
        #expect(attached.run(more), "\(attached.diagnostics())")
        #expect(attached.results() == memory.results())
    }

    /// A relation whose table has another name (here one the catalogue's own table has) is
    /// read from that table in `in (relation)`.
    @Test func inRelationReadsTheRelationsTable() throws {
        let uri = try server().createDatabase()
        let memory = Shell()
        #expect(
            memory.run(
                """
                add events id = 1, kind = "swap"
                add events id = 2, kind = "strike"
                add events id = 3, kind = "swap"
                add factsh_relations factsh_row = 2
                add factsh_relations factsh_row = 3
                """))
        let queries = ".mode csv\nevents where id in (factsh_relations) show kind\nevents where id not in (factsh_relations) count"
        memory.run(queries)
        let expected = memory.results()
        #expect(expected.split(whereSeparator: \.isNewline) == ["kind", "strike", "swap", "count", "1"])
        #expect(memory.run(".save \(uri)"), "\(memory.diagnostics())")
        let attached = Shell()
        try attached.session.attach(uri)
        #expect(attached.run(queries), "\(attached.diagnostics())")
        #expect(attached.results() == expected)
        #expect(attached.run(".explain events where id in (factsh_relations)"))
        #expect(attached.results().contains("FROM \"\"factsh_relations_2\"\""))
    }

    /// `--db URI --demo` loads the demo's facts into the database once: a second run finds them
    /// there, says so, and leaves the database as it was.
    @Test func demoGoesIntoTheDatabaseOnce() throws {
        let uri = try server().createDatabase()
        func launch(_ commands: [String]) -> (status: Launcher.ExitStatus, output: CapturedOutput) {
            var options = LaunchOptions()
            options.database = uri
            options.demo = true
            options.noInit = true
            options.actions = commands.map { .command($0) }
            let output = CapturedOutput()
            let launcher = Launcher(options: options, terminal: TerminalInfo())
            return (launcher.runBatch(launcher.makeSession(output: output)), output)
        }
        let first = launch(["swaps count", "mentions count"])
        #expect(first.status == .success, "\(first.output.diagnostics)")
        let memory = Shell(demo: true)
        memory.run("swaps count\nmentions count")
        #expect(first.output.results == memory.results())

        let second = launch(["swaps count"])
        #expect(second.status == .usageOrUnreadable)
        #expect(second.output.diagnostics.contains("already holds the demo's relations"), "\(second.output.diagnostics)")
        #expect(second.output.results == "")
        let reader = Shell()
        try reader.session.attach(uri)
        #expect(reader.run("swaps count"))
        #expect(reader.results() == "3\n")
    }
}
