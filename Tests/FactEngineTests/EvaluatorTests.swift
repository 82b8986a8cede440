import FactStore
import Foundation
import Testing

@testable import FactEngine
@testable import FactStore
@testable import FactSyntax

/// Runs statements against a small environment and returns the last result.
final class Harness {
    var interpreter = Interpreter()

    init(_ setup: String = Harness.facts) {
        _ = try? run(setup)
    }

    static let facts = """
        add swaps date = 2025-05-23, released = 390, who = "soldiers and civilians"
        add swaps date = 2025-05-24, released = 307, who = "combatants and civilians"
        add swaps date = 2025-05-25, released = 303, who = "soldiers"
        add attacks date = 2025-05-24, drones = 298, missiles = 69, killed = at least 12, injured = dozens, places = more than 30
        add t k = "a", n = 1, x = 1.5, q = at least 2, d = 2025-01-01, b = true
        add t k = "b", n = null, x = 2.5, q = 3, d = null, b = false
        add t k = "a", n = 3, x = null, q = about 10, d = 2025-01-03, b = null
        add t k = null, n = 4, x = -1.0, q = null, d = 2024-12-31, b = true
        """

    @discardableResult
    func run(_ text: String) throws(Diagnostic) -> QueryResult? {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t.fq", text: text))
        if let first = diagnostics.first { throw first }
        var last: QueryResult?
        for statement in statements {
            do {
                if case .result(let result) = try interpreter.execute(statement) { last = result }
            } catch let diagnostic as Diagnostic {
                throw diagnostic
            } catch {
                fatalError("the interpreter throws only diagnostics")
            }
        }
        return last
    }

    /// The rows of a query, each row's values as displayed, "NULL" for nulls.
    func rows(_ text: String) throws(Diagnostic) -> [[String]] {
        guard let relation = try run(text)?.relation else { return [] }
        return (0..<relation.rowCount).map { row in relation.columns.map { $0.isNull(row) ? "NULL" : $0[row].description } }
    }

    func value(_ text: String) throws(Diagnostic) -> String {
        let rows = try rows(text)
        return rows.count == 1 && rows[0].count == 1 ? rows[0][0] : "\(rows)"
    }

    func error(_ text: String) -> Diagnostic? {
        do {
            try run(text)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct SpecTableTests {
    /// The table at the end of language.md, on the seed facts.
    @Test(arguments: [
        ("swaps where date >= 2025-05-23 sum released", "1000"),
        ("swaps count", "3"),
        ("attacks show drones + missiles as total", "367"),
        ("swaps where date between 2025-05-24 and 2025-05-25 sum released", "610"),
        ("let total = swaps sum released\ntotal - 1000", "0")
    ])
    func holds(query: String, expected: String) throws {
        let harness = Harness()
        #expect(try harness.value(query) == expected)
    }

    @Test func groupedSumSortedByDate() throws {
        let harness = Harness()
        let result = try #require(try harness.run("swaps sum released by date sort date"))
        #expect(result.isGrouped)
        #expect(try harness.rows("swaps sum released by date sort date") == [["2025-05-23", "390"], ["2025-05-24", "307"], ["2025-05-25", "303"]])
    }

    @Test func misspeltRelation() throws {
        let harness = Harness()
        let diagnostic = try #require(harness.error("swap count"))
        #expect(diagnostic.id == .unknownRelation)
        #expect(diagnostic.message == "unknown relation 'swap'")
        #expect(diagnostic.help == "did you mean 'swaps'?")
    }
}

@Suite struct ClauseTests {
    @Test func whereKeepsOnlyTrueRows() throws {
        let harness = Harness()
        #expect(try harness.rows("t where b show k") == [["a"], ["NULL"]])
        #expect(try harness.rows("t where not b show k") == [["b"]])
        #expect(try harness.value("t where n > 1 where n < 4 count") == "1")
    }

    @Test func whereAfterAggregateActsAsHaving() throws {
        let harness = Harness()
        #expect(try harness.rows("t count by k where count > 1") == [["a", "2"]])
    }

    @Test func aggregatesWithAndWithoutKeys() throws {
        let harness = Harness()
        #expect(try harness.rows("t count, count n, sum n, avg x, min d, max d") == [["4", "3", "8", "1.0", "2024-12-31", "2025-01-03"]])
        #expect(try harness.rows("t count distinct k") == [["2"]])
        #expect(try harness.rows("t sum n as total by k sort k") == [["a", "4"], ["b", "NULL"], ["NULL", "4"]])
        #expect(try harness.rows("t where n > 100 count, sum n") == [["0", "NULL"]])
        #expect(try harness.rows("t where n > 100 count by k") == [])
    }

    @Test func groupingByTwoKeys() throws {
        let harness = Harness("add e side = \"ua\", kind = \"x\", v = 1\nadd e side = \"ua\", kind = \"y\", v = 2\nadd e side = \"ua\", kind = \"x\", v = 3\nadd e side = \"ru\", kind = \"x\", v = 4")
        #expect(try harness.rows("e sum v by side, kind sort side, kind") == [["ru", "x", "4"], ["ua", "x", "4"], ["ua", "y", "2"]])
    }

    @Test func showComputesColumns() throws {
        let harness = Harness()
        let result = try #require(try harness.run("swaps show date, released * 2 as both, released + 1"))
        #expect(result.relation.fields.map(\.name) == ["date", "both", "released + 1"])
        #expect(result.relation.fields.map(\.type) == [.date, .int, .int])
    }

    @Test func sortIsStableWithNullsLast() throws {
        let harness = Harness()
        #expect(try harness.rows("t sort n show k, n") == [["a", "1"], ["a", "3"], ["NULL", "4"], ["b", "NULL"]])
        #expect(try harness.rows("t sort n desc show n") == [["4"], ["3"], ["1"], ["NULL"]])
        #expect(try harness.rows("t sort k show k, n") == [["a", "1"], ["a", "3"], ["b", "NULL"], ["NULL", "4"]])
        #expect(try harness.rows("t sort k desc, n desc show n") == [["NULL"], ["3"], ["1"], ["4"]])
    }

    @Test func limitKeepsTheFirstRows() throws {
        let harness = Harness()
        #expect(try harness.rows("swaps sort released desc limit 2 show released") == [["390"], ["307"]])
        #expect(try harness.rows("swaps limit 0") == [])
        #expect(try harness.value("swaps limit 100 count") == "3")
    }

    @Test func anyClauseMayFollowAnyOther() throws {
        let harness = Harness()
        #expect(try harness.rows("swaps where released > 300 show date, released sort released desc limit 2") == [["2025-05-23", "390"], ["2025-05-24", "307"]])
        #expect(try harness.value("swaps show released sort released limit 1 sum released") == "303")
    }
}

@Suite struct OperatorTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("7 / 2", "3.5"), ("-7 / 2", "-3.5"), ("4 / 8", "0.5"), ("7 // 2", "3"), ("-7 // 2", "-3"), ("7.0 / 2", "3.5"), ("10 - 2 - 3", "5"),
        ("1 = 1", "true"), ("1 != 1", "false"), ("1 < 2.5", "true"), ("2 <= 2", "true"), ("3 > 4", "false"), ("3 >= 3", "true"),
        ("\"abc\" < \"abd\"", "true"), ("2025-05-25 > 2025-05-24", "true"),
        ("true and null", "NULL"), ("false and null", "false"), ("true or null", "true"), ("not null", "NULL"),
        ("3 between 1 and 5", "true"), ("3 not between 1 and 5", "false"), ("3 in (1, 2, 3)", "true"), ("3 not in (1, 2)", "true"),
        ("3 in (1, null)", "NULL"), ("null is null", "true"), ("1 is not null", "true"),
        ("\"Kharkiv region\" contains \"KHARKIV\"", "true"), ("\"Sumy\" starts with \"su\"", "true"), ("\"Sumy\" contains \"x\"", "false"),
        // ASCII letters only are matched without case, as SQL's LOWER does: other text byte for byte.
        ("\"Київ\" contains \"київ\"", "false"), ("\"Київ\" starts with \"Ки\"", "true"), ("\"ÉCLAIR\" contains \"éclair\"", "false"),
        ("\"Éclair\" contains \"CLAIR\"", "true"), ("\"İstanbul\" starts with \"i\"", "false"), ("\"e\u{301}\" contains \"e\"", "true"),
        ("2025-05-25 - 2 days", "2025-05-23"), ("2025-05-25 + 1 week", "2025-06-01"), ("2025-05-25 - 2025-05-23", "2"),
        ("2025-03-01 - 1 day", "2025-02-28"), ("3 days + 4 days", "7 days"), ("-(2 days)", "-2 days"),
        // A number of weeks times a week: the start of a date's week counted from a Monday.
        ("3 * 1 week", "21 days"), ("1 week * -2", "-14 days"), ("2025-05-19 + (2025-06-04 - 2025-05-19) // 7 * 1 week", "2025-06-02"), ("null * 1 week", "NULL"),
        ("at least 12 + 5", "≥17"), ("100 - at least 12", "≤88"), ("at least 12 * 2", "≥24"), ("about 20 + more than 3", "~23"),
        ("at least 12 > 11", "true"), ("dozens = 24", "true"), ("1 + null", "NULL"), ("null + null", "NULL"), ("null * 2.5", "NULL"),
        ("-null", "NULL"), ("2025-05-25 - null", "NULL"), ("null / 0", "NULL")
    ])
    func evaluates(expression: String, expected: String) throws {
        let harness = Harness("")
        #expect(try harness.value(expression) == expected)
    }

    @Test func operatorsOverColumns() throws {
        let harness = Harness()
        #expect(try harness.rows("t where k in (\"a\", \"b\") show n") == [["1"], ["NULL"], ["3"]])
        #expect(try harness.rows("t where k contains \"A\" show n") == [["1"], ["3"]])
        #expect(try harness.rows("t where k starts with \"b\" show n") == [["NULL"]])
        #expect(try harness.rows("t where n between 2 and 4 show n") == [["3"], ["4"]])
        #expect(try harness.rows("t where x is null show k") == [["a"]])
        #expect(try harness.rows("t where d >= 2025-01-01 - 1 day show k") == [["a"], ["a"], ["NULL"]])
        #expect(try harness.rows("t show n * 2 + x as y") == [["3.5"], ["NULL"], ["NULL"], ["7.0"]])
        #expect(try harness.rows("t where \"a\" = k show n") == [["1"], ["3"]])
        #expect(try harness.rows("t where \"a\" < k show n") == [["NULL"]])
    }

    @Test func quantitiesAggregateWithTheWeakestQualifier() throws {
        let harness = Harness()
        #expect(try harness.value("t sum q") == "~15")
        #expect(try harness.value("t where k = \"b\" or n = 1 sum q") == "≥5")
        #expect(try harness.value("t max q") == "~10")
        #expect(try harness.value("attacks show killed + 1") == "≥13")
        #expect(try harness.value("attacks where killed >= 12 count") == "1")
        #expect(try harness.value("attacks show injured") == "dozens")
    }

    @Test func bindingsAreValuesAndRelations() throws {
        let harness = Harness()
        try harness.run("let big = swaps where released > 300")
        #expect(try harness.value("big count") == "3")
        try harness.run("let since = 2025-05-24")
        #expect(try harness.value("swaps where date >= since sum released") == "610")
        let diagnostic = try #require(harness.error("swaps where released > big"))
        #expect(diagnostic.id == .relationAsValue)
        #expect(harness.error("let swaps = 1")?.id == .nameInUse)
    }
}

@Suite struct AddTests {
    @Test func addCreatesThenChecks() throws {
        let harness = Harness("")
        try harness.run("add r a = 1, b = \"x\"")
        try harness.run("add r a = 2")
        #expect(try harness.rows("r") == [["1", "x"], ["2", "NULL"]])
        let mismatch = try #require(harness.error("add r a = \"three\""))
        #expect(mismatch.id == .typeMismatch)
        #expect(mismatch.message == "field 'a' of r is int, found string")
        #expect(mismatch.location?.column == 11)
        let unknown = try #require(harness.error("add r bb = 1"))
        #expect(unknown.id == .unknownField)
        #expect(unknown.help == "did you mean 'b'?")
        #expect(try harness.value("r count") == "2", "failed adds add nothing")
    }

    /// Problems of names are conflicts, not syntax errors: the shell and scripts can tell a
    /// typo from a refusal by the id.
    @Test func addingToAReadOnlyRelationOrGivingAFieldTwiceIsAConflict() throws {
        let harness = Harness("add r a = 1")
        harness.interpreter.environment.readOnly["r"] = "it is derived"
        let readOnly = try #require(harness.error("add r a = 2"))
        #expect((readOnly.id, readOnly.kind) == (.readOnly, .conflict))
        let twice = try #require(harness.error("add s a = 1, a = 2"))
        #expect((twice.id, twice.kind) == (.duplicateName, .conflict))
    }

    @Test func addEvaluatesConstantExpressions() throws {
        let harness = Harness("")
        try harness.run("let base = 2025-05-25\nadd r d = base - 2 days, n = 2 * 3")
        #expect(try harness.rows("r") == [["2025-05-23", "6"]])
        #expect(harness.error("add r d = x")?.id == .unknownField)
        #expect(harness.error("add s d = 1, d = 2")?.message.contains("twice") == true)
    }
}

@Suite struct ErrorTests {
    @Test func unknownFieldSuggestsTheNearest() throws {
        let harness = Harness()
        let diagnostic = try #require(harness.error("swaps sum releasd"))
        #expect(diagnostic.id == .unknownField)
        #expect(diagnostic.message == "unknown field 'releasd' in swaps")
        #expect(diagnostic.location == SourceLocation(line: 1, column: 11))
        #expect(diagnostic.caretLength == 7)
        #expect(diagnostic.help == "did you mean 'released'?")
    }

    @Test func fieldsGoneAfterAnAggregateAreUnknown() throws {
        let harness = Harness()
        let diagnostic = try #require(harness.error("swaps sum released where who = \"x\""))
        #expect(diagnostic.id == .unknownField)
        #expect(diagnostic.message.contains("the result of 'swaps sum released'"))
    }

    @Test func typeErrorsNameBothTypesAndPointAtTheOperator() throws {
        let harness = Harness()
        let diagnostic = try #require(harness.error("swaps where who > 3"))
        #expect(diagnostic.id == .typeMismatch)
        #expect(diagnostic.message == "cannot compare string with int")
        #expect(diagnostic.location?.column == 17)
        #expect(diagnostic.caretLength == 1)
        #expect(harness.error("swaps where date >= \"2025-05-23\"")?.help == "write dates without quotes: 2025-05-23")
        #expect(harness.error("swaps show who + 1")?.message == "cannot add string and int")
        #expect(harness.error("swaps show date + 1")?.help?.contains("duration") == true)
        #expect(harness.error("swaps where released")?.message == "'where' needs a bool condition, found int")
        #expect(harness.error("swaps sum who")?.message == "'sum' needs numbers, found string")
        #expect(harness.error("swaps where released contains \"3\"")?.kind == .typeMismatch)
        #expect(harness.error("swaps where released in (1, \"x\")")?.kind == .typeMismatch)
    }

    @Test func runtimeErrorsPointAtTheExpression() throws {
        let harness = Harness("add big n = 9223372036854775807\nadd big n = 1")
        let overflow = try #require(harness.error("big show n + 1"))
        #expect(overflow.id == .overflow)
        #expect(overflow.message.contains("overflow"))
        #expect(overflow.location?.column == 10)
        #expect(overflow.caretLength == 5)
        #expect(harness.error("big sum n")?.message.contains("overflow in sum") == true)
        #expect(harness.error("big show n * 2")?.id == .overflow)
        #expect(harness.error("1 / 0")?.message == "division by zero")
        #expect(harness.error("1.0 / 0")?.message == "division by zero")
        #expect(harness.error("-9223372036854775807 - 2")?.kind == .runtime)
        #expect(harness.error("9999-12-31 + 1 day")?.message.contains("date out of range") == true)
    }

    @Test func duplicateOutputNamesAreRefused() {
        let harness = Harness()
        #expect(harness.error("swaps show released, released")?.message == "two columns are named 'released'")
    }
}

@Suite struct CancellationTests {
    @Test func aCancelledQueryStopsWithAnError() throws {
        let harness = Harness()
        harness.interpreter.isCancelled = { true }
        let diagnostic = try #require(harness.error("swaps where released > 300 count"))
        #expect(diagnostic.message == "interrupted")
        #expect(diagnostic.kind == .runtime)
    }
}

@Suite struct TopNTests {
    /// `sort ... limit` takes a shortcut for small limits; it must agree with a full sort.
    @Test func limitedSortAgreesWithAFullSort() throws {
        var generator = SystemRandomNumberGenerator()
        var script = ""
        for id in 0..<300 {
            let value = Int.random(in: 0..<20, using: &generator)
            script += "add r id = \(id), v = \(value % 7 == 0 ? "null" : String(value)), k = \"\(["a", "b", "c"][value % 3])\"\n"
        }
        let harness = Harness(script)
        for (sort, limit) in [("v desc, id", 5), ("v, k desc", 10), ("k, v desc, id", 1), ("v", 37)] {
            let full = try harness.rows("r sort \(sort) show id")
            let limited = try harness.rows("r sort \(sort) limit \(limit) show id")
            #expect(limited == Array(full.prefix(limit)), "sort \(sort) limit \(limit)")
        }
    }

    /// A null-free int key is read block by block, the blocks with the best keys first, and a
    /// block that cannot beat the rows kept is passed over: over many blocks, rising, falling
    /// and tied keys, the rows must still be a full sort's first ones.
    @Test func limitedSortOverManyBlocksAgreesWithAFullSort() throws {
        var generator = SystemRandomNumberGenerator()
        let rows = (0..<5_000).map { id in (id: id, v: Int.random(in: 0..<40, using: &generator), down: 5_000 - id) }
        let harness = Harness(rows.map { "add r id = \($0.id), v = \($0.v), down = \($0.down)" }.joined(separator: "\n"))
        for (sort, limit) in [("v desc, id", 10), ("v, id desc", 25), ("id desc", 5), ("id", 3), ("down", 7), ("down desc", 600), ("v desc", 1)] {
            let full = try harness.rows("r sort \(sort) show id")
            let limited = try harness.rows("r sort \(sort) limit \(limit) show id")
            #expect(limited == Array(full.prefix(limit)), "sort \(sort) limit \(limit)")
        }
    }

    /// Null-free int keys are compared inline, one after another; the order must be the
    /// one each key and direction asks for, with and without a limit.
    @Test func successiveIntKeysOrderEachInItsDirection() throws {
        let rows = (0..<120).map { id in (id: id, w: id * 7 % 5, d: id % 3) }
        let harness = Harness(rows.map { "add r id = \($0.id), w = \($0.w), d = 2025-01-0\($0.d + 1)" }.joined(separator: "\n"))
        let expected = rows.sorted { ($0.w, $1.d, $1.id) < ($1.w, $0.d, $0.id) }.map { [String($0.id)] }
        #expect(try harness.rows("r sort w, d desc, id desc show id") == expected)
        #expect(try harness.rows("r sort w, d desc, id desc limit 7 show id") == Array(expected.prefix(7)))
    }

    /// `count distinct` of a text field over all the rows flags codes morsel by morsel; it
    /// must count what a set of the strings counts, nulls left out, and what each group adds up to.
    @Test func countDistinctOverAllRowsAgreesWithASet() throws {
        var generator = SystemRandomNumberGenerator()
        let places = (0..<3_000).map { _ in Int.random(in: 0..<60, using: &generator) }.map { $0 % 9 == 0 ? nil : "p\($0)" }
        let harness = Harness(places.map { "add r p = \($0.map { "\"\($0)\"" } ?? "null"), one = 1" }.joined(separator: "\n"))
        #expect(try harness.value("r count distinct p") == String(Set(places.compactMap { $0 }).count))
        #expect(try harness.rows("r count distinct p by one show count_distinct_p") == [[String(Set(places.compactMap { $0 }).count)]])
        #expect(try harness.value("r count") == "3000")
    }

    @Test func groupingByDictionaryCodesAgreesWithHashing() throws {
        let harness = Harness(
            "add g k = \"x\", j = true, n = 1\nadd g k = null, j = false, n = 2\nadd g k = \"y\", j = true, n = 3\nadd g k = \"x\", j = null, n = 4\nadd g k = null, j = false, n = 5")
        #expect(try harness.rows("g sum n by k, j sort k, j") == [["x", "true", "1"], ["x", "NULL", "4"], ["y", "true", "3"], ["NULL", "false", "7"]])
    }
}

@Suite struct ScanTests {
    /// Filters on a field and a value take a fast path; it must agree with the general one,
    /// forced here by comparing the comparison's result with `true`.
    @Test func fastFiltersAgreeWithTheGeneralPath() throws {
        var script = ""
        for id in 0..<200 {
            let n = id % 11 == 0 ? "null" : String(id % 17 - 5)
            let d = id % 13 == 0 ? "null" : "2025-01-\(String(format: "%02d", id % 28 + 1))"
            let s = id % 9 == 0 ? "null" : "\"\(["kyiv", "lviv", "odesa", "sumy"][id % 4])\""
            let q = id % 7 == 0 ? "null" : (id % 2 == 0 ? "at least \(id % 5)" : "\(id % 6)")
            script += "add r n = \(n), d = \(d), s = \(s), x = \(Double(id % 8) / 2), q = \(q)\n"
        }
        let harness = Harness(script)
        for condition in [
            "n > 3", "n = -5", "3 >= n", "n != 0", "d < 2025-01-10", "d = 2025-01-05", "s = \"lviv\"", "s > \"lviv\"",
            "\"odesa\" <= s", "x >= 1.5", "q < 3", "q = 4", "n > 0 and s != \"sumy\"", "n between -2 and 2",
            "n > 5 or x < 1.0", "(n > 5 or d = 2025-01-05) and s != \"kyiv\"", "s contains \"v\" and n < 0", "not (n > 0) and q >= 2", "s contains \"IV\"", "s starts with \"l\" or n = 3", "n > 100",
            "n is null"
        ] {
            let fast = try harness.value("r where \(condition) count")
            let general = try harness.value("r where (\(condition)) = true count")
            #expect(fast == general, "\(condition)")
            // A keyless sum of a field reads it through the rows kept; `n + 0` takes the general path.
            #expect(try harness.value("r where \(condition) sum n") == harness.value("r where \(condition) sum n + 0"), "\(condition)")
        }
    }

    /// An operand of `and` that cannot be scanned is selected on the rows the others kept: its
    /// error is the query's, and rows already filtered out cannot raise one.
    @Test func anOperandsErrorIsTheQuerys() throws {
        let harness = Harness("add r n = 0\nadd r n = 5")
        #expect(harness.error("r where n >= 0 and 10 / n > 1 count")?.message == "division by zero")
        #expect(try harness.value("r where n > 0 and 10 / n > 1 count") == "1")
        #expect(harness.error("r where n > 3 or 10 / n > 1 count")?.message == "division by zero")
    }
}
