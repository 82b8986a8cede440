import Testing
@testable import FactLanguage
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
    func expectAgreement(_ query: String) throws {
        let outcome = try DifferentialTests.compare(script: Self.relation, query: query, ordered: query.contains("sort"))
        if case .disagreed(let detail) = outcome { Issue.record(Comment(rawValue: detail)) }
        if case .skipped = outcome { Issue.record("factsh failed at run time: \(query)") }
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
}
