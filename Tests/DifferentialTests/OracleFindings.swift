import FactStore
import FactSyntax
import Testing

@testable import FactEngine
@testable import SessionStore

/// What the oracle found, kept as plain cases, and why the differential test checks for
/// non-finite numbers the way it does.
@Suite struct OracleFindings {
    /// A relation `r` of the given bigs (an int field) and bools, straight into the store.
    func interpreter(big: [Int64?], x: [Double] = []) -> Interpreter {
        let count = max(big.count, x.count)
        var interpreter = Interpreter()
        let relation = Relation(
            fields: [Field(name: "big", type: .int), Field(name: "g", type: .bool), Field(name: "x", type: .number)],
            columns: [
                Column(type: .int, values: (0..<count).map { $0 < big.count ? big[$0].map(Value.int) ?? .null : .null }),
                Column(type: .bool, values: (0..<count).map { .bool($0 % 2 == 0) }),
                Column(type: .number, values: (0..<count).map { $0 < x.count ? .number(x[$0]) : .null })
            ],
            rowCount: count)
        interpreter.environment.catalog.set("r", relation)
        return interpreter
    }

    func run(_ text: String, _ interpreter: Interpreter) throws -> [[Value]] {
        let source = SourceFile(name: "case", text: text)
        guard case .query(let query)? = Parser.parse(source).statements.first?.kind else { throw Unparsed() }
        let result = try interpreter.run(query, in: source)
        return (0..<result.relation.rowCount).map { result.relation.row($0) }
    }

    struct Unparsed: Error {}

    func runtimeError(_ text: String, _ interpreter: Interpreter) -> String? {
        do {
            _ = try run(text, interpreter)
            return nil
        } catch let diagnostic as Diagnostic where diagnostic.kind == .runtime {
            return diagnostic.message
        } catch {
            return "\(error)"
        }
    }

    /// `sum` failed when a running total left 64 bits, though the total fits: whether it failed
    /// depended on the order of the rows (seed 1126 of the oracle: eight bigs whose total is
    /// 8173117326481998286). Only a total that does not fit is an overflow.
    @Test func sumFailsOnlyWhenTheTotalDoesNotFit() throws {
        let wraps = interpreter(big: [.max, 1, 2, -3, nil])
        #expect(try run("r sum big", wraps) == [[.int(.max)]])
        #expect(try run("r where big is not null sum big", wraps) == [[.int(.max)]])
        #expect(try run("r sort big sum big as s", wraps) == [[.int(.max)]])
        // Grouped: the rows of each group wrap on their own.
        let grouped = interpreter(big: [.max, .min, 5, -1, -6, 1])
        #expect(try run("r sum big as s by g", grouped) == [[.bool(true), .int(.max - 1)], [.bool(false), .int(.min)]])
        // Totals that do not fit still fail, in either direction and with the running total back
        // inside 64 bits at the end.
        #expect(runtimeError("r sum big", interpreter(big: [.max, 1])) != nil)
        #expect(runtimeError("r sum big", interpreter(big: [.min, -1])) != nil)
        #expect(runtimeError("r sum big", interpreter(big: [.max, .max, .max, .max, 4])) != nil)
        #expect(runtimeError("r sum big as s by g", interpreter(big: [.max, 0, .max])) != nil)
        // avg never overflows: it adds doubles.
        #expect(try run("r avg big", interpreter(big: [.max, .max])) == [[.number(Double(Int64.max))]])
    }

    /// The old differential test skipped a case when factsh gave NaN, but mapped every column
    /// to 0 before looking, so the check could never fire. NaN and infinity cannot arise in
    /// factsh: every operation that would make one (0/0, x/0, a result beyond the largest
    /// double, a sum or mean that overflows) is a runtime error, and no literal or loaded value
    /// is one. The oracle now checks every number factsh returns for being finite.
    @Test func factshMakesNoNaNOrInfinity() throws {
        let numbers = interpreter(big: [0, 1], x: [1e308, 1e308])
        for query in [
            "r show x / 0.0", "r show 0.0 / (x - x)", "r show x * 10.0", "r show x + x", "r show -x - x",
            "r sum x", "r avg x", "r show big / 0", "r where big = 0 show (x - x) / (x - x)"
        ] {
            #expect(runtimeError(query, numbers) != nil, "\(query) should fail")
        }
        // Beside it: SQLite turns NaN into NULL, so no NaN could come from the SQLite side either.
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        #expect(try database.query("SELECT (1e308 * 10) - (1e308 * 10)") == [[.null]])
    }

    /// `upper("straße")` was `STRASSE` in factsh and `STRAßE` in PostgreSQL (two of 1,000 cases of
    /// the PostgreSQL differential test): factsh mapped case by Swift's full mapping, SQL engines
    /// map each code point by the simple one. factsh now does too; here it is checked against
    /// glibc's tables over the alphabets the relations hold (Latin, Greek, Cyrillic).
    @Test func caseIsMappedAsGlibcMapsIt() throws {
        #expect(try run("r show upper(\"straße\"), lower(\"İSTANBUL\"), upper(\"ᾳ ǆ\")", interpreter(big: [1])) == [[.string("STRAßE"), .string("istanbul"), .string("ᾼ Ǆ")]])
        let blocks: [ClosedRange<UInt32>] = [0x20...0x24F, 0x370...0x3FF, 0x400...0x52F, 0x1F00...0x1FFF]
        // ƛ gained a capital (U+A7DC) in Unicode 16, later than glibc 2.36's tables.
        let newerThanGlibc: Set<Unicode.Scalar> = ["\u{19B}"]
        for scalar in blocks.joined().compactMap(Unicode.Scalar.init) where scalar.properties.generalCategory != .unassigned && !newerThanGlibc.contains(scalar) {
            let text = String(scalar)
            #expect(SimpleCaseMapping.uppercased(text) == OracleFunctions.mapped(text, upper: true), "upper of U+\(String(scalar.value, radix: 16))")
            #expect(SimpleCaseMapping.lowercased(text) == OracleFunctions.mapped(text, upper: false), "lower of U+\(String(scalar.value, radix: 16))")
        }
    }
}
