import Testing

@testable import FactEngine
@testable import FactStore

/// The functions of `FunctionTable`, each on values that show its rule, and the errors a
/// call can meet: an unknown name, a wrong count or type of arguments, a row it cannot compute.
@Suite struct FunctionTests {
    @Test(arguments: [
        ("round(2.345, 2)", "2.35"), ("round(-2.5)", "-3.0"), ("round(7, 3)", "7"), ("round(at least 12.46, 1)", "≥12.5"), ("round(1e300, 15)", "1e+300"),
        ("abs(-3)", "3"), ("abs(-2.5)", "2.5"), ("abs(-(at least 12))", "≥12"), ("abs(null)", "NULL"),
        ("lower(\"KYIV Київ\")", "kyiv київ"), ("upper(\"kyiv\")", "KYIV"), ("length(\"Київ\")", "4"), ("length(\"\")", "0"),
        ("trim(\"  a b  \")", "a b"), ("replace(\"a-b-c\", \"-\", \"+\")", "a+b+c"), ("replace(\"abc\", \"\", \"x\")", "abc"),
        ("substr(\"Kharkiv\", 2, 3)", "har"), ("substr(\"Kharkiv\", 5)", "kiv"), ("substr(\"Київ\", 2, 9223372036854775807)", "иїв"),
        ("substr(\"ab\", 9223372036854775807)", ""), ("coalesce(null, 2, 3)", "2"), ("coalesce(null, 2.5)", "2.5"), ("coalesce(null, null)", "NULL"),
        ("if(1 > 2, \"a\", \"b\")", "b"), ("if(null, 1, 2)", "2"), ("if(true, 1, 2.5)", "1.0"),
        ("year(2025-05-23)", "2025"), ("month(2025-05-23)", "5"), ("week(2025-05-23)", "21"), ("week(2021-01-03)", "53"), ("week(2024-12-30)", "1"),
        ("trunc(2025-05-23, month)", "2025-05-01"), ("trunc(2025-05-23, year)", "2025-01-01"), ("trunc(2025-05-25, week)", "2025-05-19"),
        ("trunc(0001-01-01, week)", "0001-01-01"), ("days(2025-05-20, 2025-05-23)", "3"), ("days(2025-05-23, 2025-05-20)", "-3"),
        ("value(at least 12)", "12.0"), ("qualifier(at least 12)", "at_least"), ("qualifier(3)", "exact"), ("qualifier(null)", "NULL")
    ])
    func evaluates(expression: String, expected: String) throws {
        #expect(try Harness("").value(expression) == expected)
    }

    @Test func overColumns() throws {
        let harness = Harness()
        #expect(try harness.rows("t show coalesce(n, 0) as n, upper(k), if(b, \"yes\", \"no\")") == [["1", "A", "yes"], ["0", "B", "no"], ["3", "A", "no"], ["4", "NULL", "yes"]])
        #expect(try harness.rows("t where year(d) = 2025 show month(d), qualifier(q)") == [["1", "at_least"], ["1", "about"]])
        #expect(try harness.rows("t count by trunc(d, year) as y sort y") == [["2024-01-01", "1"], ["2025-01-01", "2"], ["NULL", "1"]])
    }

    @Test func errorsAreLocated() {
        let harness = Harness()
        let unknown = harness.error("swaps show rond(released)")
        #expect(unknown?.id == .unknownFunction)
        #expect(unknown?.location?.column == 12)
        #expect(unknown?.help?.contains("round") == true)
        #expect(harness.error("swaps show abs(1, 2)")?.id == .argumentCount)
        #expect(harness.error("swaps show coalesce()")?.id == .argumentCount)
        let wrongType = harness.error("swaps show round(who)")
        #expect(wrongType?.id == .typeMismatch)
        #expect(wrongType?.location?.column == 18)
        #expect(harness.error("swaps show trunc(date, day)")?.id == .typeMismatch)
        #expect(harness.error("swaps show trunc(date, \"month\")")?.id == .typeMismatch)
        #expect(harness.error("swaps show if(released, 1, 2)")?.id == .typeMismatch)
        #expect(harness.error("swaps show coalesce(released, who)")?.id == .typeMismatch)
        #expect(harness.error("swaps show substr(who, 0)")?.id == .argumentOutOfRange)
        #expect(harness.error("swaps show substr(who, 1, -1)")?.id == .argumentOutOfRange)
        #expect(harness.error("swaps show round(2.5, 16)")?.id == .argumentOutOfRange)
        #expect(harness.error("swaps show abs(-9223372036854775807 - 1)")?.id == .overflow)
    }

    /// A call of constants is computed once, but only where there are rows: over none it fails no
    /// more than `1 // 0` does (it failed, while SQL computes nothing there).
    @Test func aCallOfConstantsOverNoRowsFailsNowhere() throws {
        let harness = Harness()
        #expect(try harness.rows("swaps where released > 100000 show substr(\"a\", 0), round(2.5, 16), 1 // 0") == [])
        #expect(try harness.rows("swaps where released > 100000 count by substr(\"a\", 0)") == [])
        #expect(harness.error("swaps show substr(\"a\", 0)")?.id == .argumentOutOfRange)
    }

    /// `date.month`, as other languages write a part of a value, is answered with the function
    /// that takes it.
    @Test func aPartOfAValueIsTakenByAFunction() {
        let error = Harness().error("swaps count by date.month")
        #expect(error?.id == .unknownField)
        #expect(error?.help == "write month(date)")
        #expect(Harness().error("swaps count by who.nope")?.help != "write nope(who)")
    }

    @Test func namesOfFieldsStayNames() throws {
        // `value` is a function only when called: a field of that name is still read.
        let harness = Harness("add m value = 3, week = 2")
        #expect(try harness.rows("m show value, value(value), week, week(2025-01-01)") == [["3", "3", "2", "1"]])
    }
}
