import Testing
@testable import FactEngine
@testable import FactSyntax
import FactStore

/// Queries that once gave other answers through `.sql`, each run in factsh and in SQLite.
@Suite struct SQLTranslationCases {
    static let relation = """
        add r id = 0, k = at least 5, s = "Київ", n = 4, b = true
        add r id = 1, k = 7, s = "kyiv", n = 0, b = false
        add r id = 2, k = null, s = "KYIV", n = 2, b = null
        add r id = 3, k = ~3, s = "Zaporizhzhia", n = 0, b = true
        add r id = 4, k = more than 9, s = "éclair", n = 4, b = false

        """

    /// In order when the query sorts (factsh's sort is stable, so ties too), else as multisets.
    func expectAgreement(_ query: String, failing: Bool = false) throws {
        let outcome = try DifferentialTests.compare(script: Self.relation, query: query, ordered: query.contains("sort"))
        switch outcome {
        case .disagreed(let detail): Issue.record(Comment(rawValue: detail))
        case .failedInBoth: if !failing { Issue.record("failed at run time: \(query)") }
        case .agreed: if failing { Issue.record("expected factsh and SQLite to fail: \(query)") }
        }
    }

    func translation(_ query: String, _ dialect: SQLTranslator.Dialect) throws -> String {
        var interpreter = Interpreter()
        for statement in Parser.parse(SourceFile(name: "setup", text: Self.relation)).statements { _ = try interpreter.execute(statement) }
        let source = SourceFile(name: "case", text: query)
        guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else { throw SQLTranslator.Unsupported(message: "no query") }
        return try SQLTranslator(environment: interpreter.environment, source: source, dialect: dialect).translate(parsed)
    }

    @Test(arguments: [
        // Names that differ only in case: SQLite matches quoted names without case.
        "r show n as a, n * 2 as A",
        "r show n as a, n * 2 as A sort A desc, a",
        "r count as a, sum n as A by s",
        // Names like the columns `.sql` uses: a quantity's qualifier, the order, the positions.
        "r show k, s as k_qualifier",
        "r show k, n as factsh_order sort factsh_order desc limit 3",
        "r show s as c1, n as c2, id as c1_q sort c2, c1",
        "r count as factsh_order by s sort factsh_order desc",
    ])
    func namesCannotCollide(query: String) throws {
        try expectAgreement(query)
    }

    @Test(arguments: [
        // `limit` keeps the relation's own order, and groups come in the order of their first rows.
        "r limit 2 sort n",
        "r where n < 4 limit 2 show s",
        "r count by n limit 1",
        "r limit 3 count as c, sum n as total",
        // A stable sort leaves ties in the order they had.
        "r sort n",
        "r sort n desc limit 3 show id",
        "r sort b limit 2 sort n",
    ])
    func limitKeepsFactshOrder(query: String) throws {
        try expectAgreement(query)
    }

    @Test func resultNamesAreDistinctWithoutCase() {
        let fields = [Field(name: "a", type: .int), Field(name: "A", type: .int), Field(name: "k", type: .quantity), Field(name: "k_qualifier", type: .string)]
        #expect(SQLTranslator.outputNames(fields) == ["\"a\"", "\"A_2\"", "\"k\"", "\"k_qualifier_2\"", "\"k_qualifier\""])
    }

    @Test(arguments: ["r min b as lo, max b as hi", "r min b as lo, max b as hi by n", "r where b is null max b"])
    func minAndMaxOfBools(query: String) throws {
        try expectAgreement(query)
        // PostgreSQL has no MIN(boolean): the bools are taken as 0 and 1.
        #expect(!(try translation(query, .postgresql)).contains("MIN(c5)"))
    }

    @Test(arguments: [
        "r where s contains \"київ\"", "r where s contains \"ИЇ\"", "r where s starts with \"к\"", "r where s starts with \"É\"",
        "r where s contains \"yiv\"", "r where s starts with \"KY\"", "r sort s", "r where s > \"kyiv\"", "r min s, max s",
    ])
    func stringsCompareByBytesAndFoldOnlyASCII(query: String) throws {
        try expectAgreement(query)
    }

    @Test func stringOrderIsBytewiseInEitherDialect() throws {
        #expect(try translation("r sort s", .sqlite).contains("c3 COLLATE BINARY ASC"))
        #expect(try translation("r sort s", .postgresql).contains("c3 COLLATE \"C\" ASC"))
        #expect(try translation("r where s >= \"K\"", .postgresql).contains("(c3 COLLATE \"C\" >= 'K')"))
        #expect(try translation("r max s", .postgresql).contains("MAX(c3 COLLATE \"C\")"))
        #expect(try translation("r where s contains \"Ки\"", .postgresql).contains("LOWER(c3 COLLATE \"C\") LIKE '%' || 'Ки' || '%'"))
        // Numbers and dates take no collation (PostgreSQL refuses one on a date).
        #expect(!(try translation("r sort n, id", .postgresql)).contains("COLLATE"))
    }

    @Test(arguments: [
        ("r show n / 0 as z", true), ("r show k / (n - 4)", true), ("r sum 10.0 / n", true),
        ("r show id + 9223372036854775807 as big", true), ("r sum n * 4611686018427387904", true), ("r show -(id - 9223372036854775807 - 2)", true),
        // A null dividend gives null, whatever the divisor.
        ("r where k is null show k / (n - 2)", false), ("r where id = 0 show id + 9223372036854775807", false),
    ])
    func divisionByZeroAndOverflowFailInBoth(query: String, failing: Bool) throws {
        try expectAgreement(query, failing: failing)
    }

    @Test func postgreSQLFailsOnItsOwn() throws {
        // PostgreSQL refuses division by zero and bigint overflow itself: no SQLite workaround.
        #expect(!(try translation("r show n / 0 + id * 3", .postgresql)).contains("abs("))
        #expect(try translation("r show n / 0", .sqlite).contains("abs(-9223372036854775807 - 1)"))
        // Its SUM of bigints is a numeric, which never overflows: cast back, it fails as factsh does.
        #expect(try translation("r sum n", .postgresql).contains("CAST(SUM(c4) AS BIGINT)"))
        #expect(try translation("r sum n", .sqlite).contains("SUM(c4) AS c1"))
    }
}
