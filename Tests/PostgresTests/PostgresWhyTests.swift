import FactSyntax
import Foundation
import TestSupport
import Testing

@testable import FactShell
@testable import PostgresStore

/// `.why` over a database cites the same facts as in memory, reading from the server only the
/// rows that can be behind the result.
@Suite struct PostgresWhyTests {
    @Test func whyReadsOnlyTheRowsTheQueryKeeps() throws {
        let uri = try server().createDatabase()
        let memory = Shell(demo: true)
        let events = (1...400).map { "add events id = \($0), kind = \"\($0 % 100 == 0 ? "swap" : "strike")\", killed = \($0 % 7)" }
        #expect(memory.run(events.joined(separator: "\n")))
        #expect(memory.run(".save \(uri)"), "\(memory.diagnostics())")
        let queries = """
            events where kind = "swap" sum killed
            .why
            events where kind = "swap" and killed > 1 sort id desc limit 1
            .why
            mentions where value > 10 show value
            .why
            swaps sum released
            .why
            """
        memory.run(queries)
        let attached = Shell()
        try attached.session.attach(uri)
        #expect(attached.run(queries), "\(attached.diagnostics())")
        #expect(attached.results() == memory.results())

        // The rows `.why` asks for: those the query's leading conditions keep.
        let session = attached.session
        let source = SourceFile(name: "<why>", text: "events where kind = \"swap\" sum killed")
        guard case .query(let query) = Parser.parse(source).statements.first?.kind, let database = session.database else {
            Issue.record("no query or no database")
            return
        }
        let translator = session.translator(for: source)
        let kept = try database.read("events") { columns in (try? translator.leadingRows(query, columns: columns)).map { ($0.sql, []) } }
        #expect(kept.rowCount == 4)
        #expect(kept.origins[0] != nil)
        // Sentences are read for the articles cited only.
        let sentences = try database.read("sentences", where: "article", isOneOf: ["no such article"])
        #expect(sentences.rowCount == 0)
    }
}
