import Testing

@testable import FactStore

/// Int columns are stored as narrow as their values allow; queries must not notice.
@Suite struct PackedColumnQueryTests {
    /// `t.n` holds 1, null, 3, 4: eight bits a value. Constants beyond eight bits match every
    /// non-null row or none, by the operator.
    @Test(arguments: [
        ("t where n > 1000 count", "0"), ("t where n >= 1000 count", "0"), ("t where n = 1000 count", "0"),
        ("t where n < 1000 count", "3"), ("t where n <= 1000 count", "3"), ("t where n != 1000 count", "3"),
        ("t where n > -1000 count", "3"), ("t where n < -1000 count", "0"), ("t where 1000 > n count", "3"),
        ("t where n > 3 count", "1"), ("t sum n", "8"), ("t avg n by k sort k", "[[\"a\", \"2.0\"], [\"b\", \"NULL\"], [\"NULL\", \"4.0\"]]")
    ])
    func constantsOutsideTheStoredWidth(query: String, expected: String) throws {
        let harness = Harness()
        guard case .ints(let values)? = harness.interpreter.environment.catalog["t"]?.column(named: "n")?.storage else {
            Issue.record("t.n is an int column")
            return
        }
        #expect(values.width == .bits8)
        #expect(try harness.value(query) == expected)
    }

    /// A value that does not fit widens the column; earlier rows keep their values.
    @Test func aLargeValueWidensTheColumn() throws {
        let harness = Harness()
        try harness.run("add t k = \"c\", n = 5000000000")
        #expect(try harness.value("t where n > 3 count") == "2")
        #expect(try harness.value("t sum n") == "5000000008")
        #expect(try harness.rows("t sort n desc limit 2 show n") == [["5000000000"], ["4"]])
    }
}

/// A projection followed by a limit computes only the rows the limit keeps, as SQL engines do.
@Suite struct ProjectionLimitTests {
    @Test func onlyTheKeptRowsAreComputed() throws {
        let harness = Harness()
        try harness.run("add z n = 5\nadd z n = 0\nadd z n = 2")
        // Row 2 would divide by zero; the limit keeps only row 1.
        #expect(try harness.rows("z show 10 // n as q limit 1") == [["2"]])
        #expect(harness.error("z show 10 // n as q limit 2")?.message.contains("division by zero") == true)
        #expect(try harness.rows("z where n != 0 show 10 // n as q limit 5") == [["2"], ["5"]])
        #expect(try harness.rows("z where n != 5 show n + 1 as m limit 1") == [["1"]])
        #expect(try harness.rows("z show n * 3 as m limit 0") == [])
    }
}
