import FactStore
import Foundation
import Testing

@testable import FactShell

@Suite struct DataRoundTripTests {
    /// A relation with a column of every type, nulls included.
    func session() -> (Session, CapturedOutput) {
        let (session, output) = makeSession(demo: false)
        session.run(
            """
            add r i = 1, n = 2.5, s = "a, \\"quoted\\"\\nline", d = 2025-05-23, b = true, q = at least 12, t = 3 days
            add r i = -7, n = -0.5, s = "Київ", d = 2024-02-29, b = false, q = ~1000, t = -1 day
            add r i = null, n = null, s = null, d = null, b = null, q = dozens, t = null
            """)
        // Text that looks like another type stays text: a number, a code with a leading zero,
        // a date, a boolean, a quantity.
        for (row, looksLike) in ["12", "007", "2025-05-23", "true", "at least 3"].enumerated() {
            session.run("add r i = \(row), s = \"\(looksLike)\", q = \(row + 1)")
        }
        return (session, output)
    }

    @Test(arguments: ["csv", "tsv", "json", "jsonl"])
    func exportThenLoadGivesTheSameRelation(format: String) throws {
        let directory = temporaryDirectory()
        let (session, output) = session()
        session.run(".export r \(directory)/r.\(format)\n.load \(directory)/r.\(format) as back")
        #expect(output.diagnostics == "")
        let original = try #require(session.environment.catalog["r"])
        let back = try #require(session.environment.catalog["back"])
        #expect(back.fields == original.fields)
        #expect(back.rowCount == original.rowCount)
        for row in 0..<original.rowCount where back.row(row) != original.row(row) {
            Issue.record("row \(row): \(back.row(row)) != \(original.row(row))")
        }
    }

    /// Only a CSV or TSV whose text would not give the types back gets a `.types` sidecar,
    /// and an export that no longer needs one removes the old one.
    @Test func theTypesSidecarIsWrittenOnlyWhenNeededAndThenHonoured() throws {
        let directory = temporaryDirectory()
        let (session, output) = makeSession(demo: false)
        session.run(
            """
            add codes zip = "08123", n = 1
            add codes zip = "12", n = 2
            add plain name = "Kyiv", n = 3
            add numbers code = "12", n = 4
            .export numbers \(directory)/out.csv
            """)
        #expect(FileSystem.exists("\(directory)/out.csv.types"))
        session.run(".load \(directory)/out.csv as back\n.load \(directory)/out.csv as typed types (code: int)")
        #expect(session.environment.catalog["back"]?.row(0) == [.string("12"), .int(4)])
        #expect(session.environment.catalog["typed"]?.row(0) == [.int(12), .int(4)], "types (...) wins over the sidecar")
        session.run(".export plain \(directory)/out.csv")
        #expect(!FileSystem.exists("\(directory)/out.csv.types"))
        #expect(output.diagnostics == "")
        FileManagerShim.write("{\"zip\": \"zipcode\"}\n", to: "\(directory)/bad.csv.types")
        FileManagerShim.write("zip\n1\n", to: "\(directory)/bad.csv")
        session.run(".load \(directory)/bad.csv")
        #expect(output.diagnostics.contains("bad.csv.types:1:1: error: 'zip' in"))
        #expect(session.environment.catalog["bad"] == nil)
    }

    /// A NUL, an escape and a lone CR are data: every loadable format writes them with their
    /// length and reads them back unchanged; markdown keeps the whole cell.
    @Test(arguments: ["csv", "tsv", "json", "jsonl", "md"])
    func controlCharactersRoundTrip(format: String) throws {
        let directory = temporaryDirectory()
        FileManagerShim.write(#"[{"a":"x\u0000y\u001b[2J\r","b":1}]"#, to: "\(directory)/nul.json")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/nul.json\n.export nul \(directory)/out.\(format)")
        #expect(output.diagnostics == "")
        let original = try #require(session.environment.catalog["nul"])
        #expect(original.row(0) == [.string("x\u{0}y\u{1B}[2J\r"), .int(1)])
        guard format != "md" else {
            #expect(try String(contentsOfFile: "\(directory)/out.md", encoding: .utf8).contains("2J"), "the cell is whole")
            return
        }
        session.run(".load \(directory)/out.\(format) as back")
        #expect(output.diagnostics == "")
        #expect(session.environment.catalog["back"]?.row(0) == original.row(0))
    }

    @Test(arguments: ["csv", "tsv", "json", "jsonl"])
    func exactQuantitiesStayQuantities(format: String) throws {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run("let exact = mentions where qualifier = \"exact\" show value\n.export exact \(directory)/e.\(format)\n.load \(directory)/e.\(format) as back")
        #expect(output.diagnostics == "")
        let back = try #require(session.environment.catalog["back"])
        #expect(back.fields == [Field(name: "value", type: .quantity)])
        #expect(back.row(0) == [.quantity(Quantity(303))])
        session.run(".mode csv\nback limit 1")
        #expect(output.results == "value\r\n303\r\n", "query output is not marked")
    }

    @Test func aLoadWhoseLastRowIsBadAddsNothing() {
        let directory = temporaryDirectory()
        FileManagerShim.write("a,b\n1,x\n2,y\n3,z,extra\n", to: "\(directory)/bad.csv")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/bad.csv")
        #expect(session.environment.catalog["bad"] == nil)
        #expect(output.diagnostics.contains("bad.csv:4:5: error: this row has 3 fields but the header has 2"))
        #expect(output.diagnostics.contains("3,z,extra"))
    }

    @Test func loadingIntoAnExistingRelationAppends() {
        let directory = temporaryDirectory()
        FileManagerShim.write("date,released,who\n2025-05-26,10,\"late\"\n", to: "\(directory)/more.csv")
        let (session, output) = makeSession()
        session.run(".load \(directory)/more.csv as swaps\nswaps count\nswaps where date = 2025-05-26 show released")
        #expect(output.results == "4\n10\n")
    }

    @Test func typesClauseOverrides() {
        let directory = temporaryDirectory()
        FileManagerShim.write("code,when\n007,2025-01-01\n", to: "\(directory)/codes.csv")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/codes.csv types (code: string, when: string)\n.schema codes")
        #expect(output.results == "codes(code string, when string)\n")
        session.run(".load \(directory)/codes.csv as c2 types (code: banana)")
        #expect(output.diagnostics.contains("is not 'field: type'"))
    }

    @Test func whyNamesTheDataFileLine() {
        let directory = temporaryDirectory()
        FileManagerShim.write("a\n1\n2\n", to: "\(directory)/nums.csv")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/nums.csv\nnums where a = 2 count\n.why")
        #expect(output.results.contains("nums.csv:3"))
    }
}
