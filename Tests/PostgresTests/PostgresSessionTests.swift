import FactShell
import Foundation
import TestSupport
import Testing

@testable import PostgresStore

/// The shell over a real PostgreSQL server: every test has a database of its own.
@Suite struct PostgresSessionTests {
    @Test func everyTypeRoundTrips() throws {
        let uri = try server().createDatabase()
        let memory = Shell()
        #expect(
            memory.run(
                """
                add kinds i = 1, n = 2.5, s = "tab\\there \\"quoted\\" back\\\\slash", d = 2025-05-23, b = true, q = at least 12, u = 3 days
                add kinds i = -9223372036854775807, n = 0.1, s = "line\\nbreak, é", d = 1999-12-31, b = false, q = about 20, u = 0 days
                add kinds i = null, n = null, s = null, d = null, b = null, q = null, u = null
                add kinds i = 7, q = dozens
                """))
        let queries = ".mode csv\nkinds\nkinds where q > 10 show s, q\nkinds sum q\n.why"
        memory.run(queries)
        let expected = memory.results()
        #expect(memory.run(".save \(uri)"), "\(memory.diagnostics())")

        let attached = Shell()
        #expect(attached.run(".open \(uri)"), "\(attached.diagnostics())")
        attached.run(queries)
        #expect(attached.results() == expected)
        #expect(attached.diagnostics() == "")

        // Back out of the database into a session file, and in memory again.
        let file = try temporaryFile("kinds.factsh", "")
        try FileManager.default.removeItem(atPath: file)
        #expect(attached.run(".save \(file)"), "\(attached.diagnostics())")
        let reopened = Shell()
        #expect(reopened.run(".open \(file)"))
        reopened.run(queries)
        #expect(reopened.results() == expected)
    }

    @Test func rangesComeBackWhole() throws {
        let uri = try server().createDatabase()
        let csv = try temporaryFile("r.csv", "q,n\n10–15,1\n12,2\n")
        let queries = ".mode csv\nr\nr sum q\nr show q + 1\nr where n > 1"
        let memory = Shell()
        #expect(memory.run(".load \(csv)\n" + queries))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run(".load \(csv)\n" + queries), "\(shell.diagnostics())")
        #expect(shell.results() == memory.results())
    }

    /// Every sample script with its expected output gives it on the server too.
    @Test(arguments: ["dates-and-bindings", "errors", "figures", "founding-questions", "output-modes", "quantities"])
    func sampleScriptsGiveTheSameOutput(script: String) throws {
        let uri = try server().createDatabase()
        let demo = Shell(demo: true)
        #expect(demo.run(".save \(uri)"), "\(demo.diagnostics())")
        let shell = Shell()
        try shell.session.attach(uri)
        let base = packageRoot + "/Samples/" + script
        _ = shell.session.runScriptFile(base + ".fq")
        #expect(shell.results() == (try String(contentsOfFile: base + ".out", encoding: .utf8)))
        let errors = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        #expect(shell.diagnostics().replacingOccurrences(of: packageRoot + "/", with: "") == errors)
    }

    @Test func twoSessionsSeeEachOthersLoads() throws {
        let uri = try server().createDatabase()
        let csv = try temporaryFile("events.csv", "id,kind,killed\n1,strike,3\n2,swap,0\n3,strike,at least 12\n")
        let first = Shell()
        let second = Shell()
        try first.session.attach(uri)
        try second.session.attach(uri)
        #expect(first.run(".load \(csv)"), "\(first.diagnostics())")
        #expect(second.run("events count"), "\(second.diagnostics())")
        #expect(second.results() == "3\n")
        #expect(second.run("add events id = 4, kind = \"swap\", killed = 1"))
        #expect(first.run("events where kind = \"strike\" sum killed"))
        #expect(first.results() == "≥15\n")
        #expect(first.run("events count"))
        #expect(first.results() == "4\n")
        // The same article loaded twice replaces its rows.
        let article = try temporaryFile("report.txt", "title: Test\ndate: 2025-05-25\n\nTwelve people were killed on Sunday, police said.\n")
        #expect(first.run(".load \(article)"), "\(first.diagnostics())")
        #expect(first.run(".load \(article)"), "\(first.diagnostics())")
        #expect(second.run("articles count; mentions count"))
        #expect(second.results() == "1\n1\n")
    }

    @Test func aFailedLoadAddsNothing() throws {
        let uri = try server().createDatabase()
        let good = try temporaryFile("events.csv", "id,n\n1,2\n2,3\n")
        let bad = try temporaryFile("events.csv", "id,n\n3,4\n4,many\n")
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run(".load \(good)"))
        #expect(!shell.run(".load \(bad) types (n: int)"))
        let error = shell.diagnostics()
        #expect(error.contains("events.csv:3:3:"), "\(error)")
        #expect(shell.run("events count"))
        #expect(shell.results() == "2\n")
        #expect(!shell.run(".load \(bad) as fresh types (n: int)"))
        #expect(!shell.run("fresh count"))
        #expect(shell.diagnostics().contains("unknown relation 'fresh'"))
        // A fact that does not fit changes nothing either.
        #expect(!shell.run("add events id = 5, n = \"five\""))
        #expect(shell.run("events count"))
        #expect(shell.results() == "2\n")
    }

    @Test func namesAreNeverSQL() throws {
        let server = try server()
        let uri = try server.createDatabase()
        let database = String(uri.dropFirst("postgresql:///".count).prefix { $0 != "?" })
        try server.psql("CREATE TABLE t(a int); CREATE SCHEMA factsh; CREATE TABLE factsh.t(a int)", database: database)
        let name = "x\"; drop table t; --"
        let csv = try temporaryFile("odd.csv", "\"x\"\"; drop table t; --\",n\n'); drop table t; --,1\n")
        let shell = Shell()
        try shell.session.attach(uri)
        // A field named so, through COPY; a relation and a field named so, through inserts.
        #expect(shell.run(".load \(csv)"), "\(shell.diagnostics())")
        #expect(shell.run("add `\(name)` `\(name)` = \"'); drop table t; --\", n = 2"), "\(shell.diagnostics())")
        #expect(shell.run("odd where `\(name)` starts with \"')\" show `\(name)`, n"), "\(shell.diagnostics())")
        #expect(shell.results().contains("'); drop table t; --"))
        #expect(shell.run("`\(name)` where `\(name)` contains \"drop\" count"), "\(shell.diagnostics())")
        #expect(shell.results() == "1\n")
        #expect(shell.run(".schema"))
        let schema = shell.results()
        #expect(schema.contains("odd(\(name) string, n int)"), "\(schema)")
        #expect(schema.contains("\(name)(\(name) string, n int)"), "\(schema)")
        #expect(try server.psql("SELECT count(*) FROM public.t; SELECT count(*) FROM factsh.t", database: database) == "0\n0\n")
        let other = Shell()
        try other.session.attach(uri)
        #expect(other.run("`\(name)` count; odd count"))
        #expect(other.results() == "1\n1\n")
    }

    @Test func tablesFactshDidNotCreateAreQueriedNotChanged() throws {
        let server = try server()
        let uri = try server.createDatabase()
        let database = String(uri.dropFirst("postgresql:///".count).prefix { $0 != "?" })
        try server.psql(
            """
            CREATE SCHEMA factsh; CREATE TABLE factsh.people(id int, name varchar(20), height numeric, born date, ok boolean);
            INSERT INTO factsh.people VALUES (2, 'b', 1.8, '2000-01-02', true), (1, 'a', NULL, NULL, false);
            CREATE TABLE factsh.shapes(p point)
            """, database: database)
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run(".mode csv\n.schema\npeople count by ok\npeople where height > 1 show name, born"), "\(shell.diagnostics())")
        #expect(
            shell.results().replacingOccurrences(of: "\r\n", with: "\n") == """
                people(id int, name string, height number, born date, ok bool)
                ok,count
                true,1
                false,1
                name,born
                b,2000-01-02

                """)
        #expect(!shell.run("add people id = 3"))
        #expect(shell.diagnostics().contains("factsh did not create"))
        #expect(!shell.run("shapes count"))
    }

    @Test func aServerErrorLeavesTheSessionUsable() throws {
        let uri = try server().createDatabase()
        let demo = Shell(demo: true)
        #expect(demo.run(".save \(uri)"))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(!shell.run("swaps show released / (released - released)"))
        let error = shell.diagnostics()
        #expect(error.contains("division by zero"), "\(error)")
        #expect(shell.run("swaps count"))
        #expect(shell.results() == "3\n")
    }

    @Test func explainShowsTheSQLAndThePlan() throws {
        let uri = try server().createDatabase()
        let demo = Shell(demo: true)
        #expect(demo.run(".save \(uri)"))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run(".mode csv\n.explain swaps where released > 300\n.tables"))
        let text = shell.results()
        #expect(text.contains("sql: SELECT"))
        #expect(text.contains("Scan on swaps"))
        #expect(text.contains("swaps,relation,3,postgresql:///"))
    }

    @Test(arguments: [
        ("postgresql://[bad", "cannot connect to"),
        ("postgresql:///postgres?host=/tmp/factsh-no-such-folder", "No such file or directory"),
        ("MISSING_DB", "does not exist"),
        ("BAD_PASSWORD", "password authentication failed")
    ])
    func connectionProblemsAreOneLine(connection: String, expected: String) throws {
        let server = try server()
        var connection = connection
        if connection == "MISSING_DB" { connection = server.uri(database: "nosuch") }
        if connection == "BAD_PASSWORD" { connection = "postgresql://\(PostgresServer.passwordUser):wrong-guess@/postgres?host=\(server.directory)" }
        let shell = Shell(demo: true)
        #expect(!shell.run(".open \(connection)"))
        let error = shell.diagnostics()
        #expect(error.contains(expected), "\(error)")
        #expect(error.split(separator: "\n").count == 1, "\(error)")
        #expect(!error.contains("wrong-guess"))
        // Still the in-memory session, and usable.
        #expect(shell.run("swaps count"))
        #expect(shell.results() == "3\n")
    }

    @Test func theRightPasswordConnects() throws {
        let server = try server()
        let shell = Shell()
        #expect(
            shell.run(".open postgresql://\(PostgresServer.passwordUser):\(PostgresServer.password)@/postgres?host=\(server.directory)"),
            "\(shell.diagnostics())")
    }

    @Test func aBadDatabaseOnTheCommandLineIsStatusTwo() throws {
        var options = LaunchOptions()
        options.database = try server().uri(database: "nosuch")
        options.noInit = true
        let output = CapturedOutput()
        let launcher = Launcher(options: options, terminal: TerminalInfo())
        let session = launcher.makeSession(output: output)
        #expect(launcher.runBatch(session) == .usageOrUnreadable)
        #expect(output.diagnostics.contains("does not exist"))
    }

    @Test func ctrlCCancelsOnTheServer() throws {
        let connection = try PostgresConnection(try server().uri())
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: PostgresFailure.self) {
            try connection.stream("SELECT pg_sleep(20)", isCancelled: { clock.now - start > .milliseconds(200) }) { _ in }
        }
        #expect(clock.now - start < .seconds(10))
        #expect(try connection.execute("SELECT 1 + 1") == [["2"]])
    }

    @Test func ctrlCDuringALoadAddsNothing() throws {
        let uri = try server().createDatabase()
        let csv = try temporaryFile("events.csv", "id,n\n1,2\n2,3\n")
        let shell = Shell()
        try shell.session.attach(uri)
        shell.session.interpreter.isCancelled = { true }
        #expect(!shell.run(".load \(csv)"))
        #expect(shell.diagnostics().contains("interrupted"))
        shell.session.interpreter.isCancelled = { false }
        #expect(!shell.run("events count"))
        #expect(shell.run(".load \(csv)\nevents count"), "\(shell.diagnostics())")
        #expect(shell.results() == "2\n")
    }

    @Test func aLostConnectionIsAClearErrorAndOpenReconnects() throws {
        let own = try PostgresServer.startOwn()
        defer { own.discard() }
        let uri = own.uri()
        let demo = Shell(demo: true)
        #expect(demo.run(".save \(uri)"))
        let shell = Shell()
        try shell.session.attach(uri)
        #expect(shell.run("swaps count"))
        #expect(shell.results() == "3\n")
        own.stop()
        #expect(!shell.run("swaps count"))
        let error = shell.diagnostics()
        let message = error.split(separator: "\n").first ?? ""
        #expect(message.contains("lost") && message.contains(".open reconnects"), "\(error)")
        #expect(shell.run("1 + 1"))
        #expect(shell.results() == "2\n")
        try own.restart()
        #expect(shell.run(".open \(uri)"), "\(shell.diagnostics())")
        #expect(shell.run("swaps count"))
        #expect(shell.results() == "3\n")
    }
}
