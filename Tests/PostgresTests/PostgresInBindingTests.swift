import FactShell
import Foundation
import TestSupport
import Testing

/// `where x in (binding)` over a database: the binding is in memory, so its values go to the
/// server as one array parameter (`= ANY($1)`), never as SQL text, and the answers are the
/// in-memory engine's, nulls and numbers included.
@Suite struct PostgresInBindingTests {
    @Test func aBindingIsASetParameter() throws {
        let uri = try server().createDatabase()
        let memory = Shell()
        #expect(
            memory.run(
                """
                add events id = 1, kind = "swap", place = "x\\"; drop table t; --", n = 2.5, day = 2025-05-23
                add events id = 2, kind = "strike", place = "back\\\\slash {a,b}", n = 2, day = 2025-05-24
                add events id = 3, kind = "swap", place = null, n = at least 3, day = null
                add events id = 4, kind = "swap", place = "Kyiv", n = null, day = 2025-05-23
                """), "\(memory.diagnostics())")
        #expect(memory.run(".save \(uri)"), "\(memory.diagnostics())")
        let bindings = """
            let swaps = events where kind = "swap" show id
            let places = events where id < 3 show place
            let withNull = events where id > 1 show place
            let numbers = events where id < 4 show n
            let none = events where id > 100 show id
            let days = events where id = 1 show day
            """
        let queries = """
            .mode csv
            events where id in (swaps) show id, kind
            events where id not in (swaps) count
            events where place in (places) show id
            events where place not in (places) show id
            events where place not in (withNull) count
            events where id in (numbers) show id
            events where n in (numbers) show id
            events where id in (none) count
            events where id not in (none) count
            events where id in (swaps) and place in (withNull) show id
            events where day in (days) show id
            events where id in (swaps) sum id
            .why
            """
        #expect(memory.run(bindings), "\(memory.diagnostics())")
        #expect(memory.run(queries), "\(memory.diagnostics())")
        let expected = memory.results()
        #expect(expected.contains("id\r\n1\r\n2\r\n"), "\(expected)")
        // `.sql` writes SQL to run elsewhere, where a binding is a table (as `.save` writes it).
        #expect(memory.run(".sql --postgresql events where id in (swaps) count"))
        #expect(memory.results().contains("IN (SELECT \"id\" FROM \"swaps\")"))

        let attached = Shell()
        try attached.session.attach(uri)
        #expect(attached.run(bindings), "\(attached.diagnostics())")
        #expect(attached.run(queries), "\(attached.diagnostics())")
        #expect(attached.results() == expected)
        #expect(attached.run(".explain events where place in (places) and id not in (swaps)"), "\(attached.diagnostics())")
        // The values reach the server's plan, but never the statement's text.
        let sql = attached.results().split(whereSeparator: \.isNewline).first { $0.contains("sql: ") } ?? ""
        #expect(sql.contains("= ANY($1::TEXT[])") && sql.contains("= ANY($2::BIGINT[])"), "\(sql)")
        #expect(!sql.contains("drop table") && !sql.contains("Kyiv"), "\(sql)")
    }
}
