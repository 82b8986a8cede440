import Testing

@testable import FactEngine
@testable import FactStore

/// The rules where a SQL habit would give a wrong answer without a word: integer division,
/// the extreme of reported numbers, and comparing with null.
@Suite struct AnalystTrapTests {
    @Test(arguments: [
        ("4 / 8", "0.5"), ("9 / 3", "3.0"), ("-9 // 2", "-4"), ("9223372036854775807 // -1", "-9223372036854775807"),
        ("7 // null", "NULL"), ("null // null", "NULL")
    ])
    func divisionGivesANumberAndDoubleSlashTheQuotient(expression: String, expected: String) throws {
        #expect(try Harness("").value(expression) == expected)
    }

    @Test func integerQuotientIsOfIntsOnly() {
        let harness = Harness("")
        let error = harness.error("7.5 // 2")
        #expect(error?.id == .typeMismatch)
        #expect(error?.location?.column == 5)
        #expect(error?.help?.contains("'/'") == true)
        #expect(harness.error("(-9223372036854775807 - 1) // -1")?.id == .overflow)
        #expect(harness.error("1 // 0")?.id == .divisionByZero)
    }

    @Test func minAndMaxOfQuantitiesAreOneOfTheValuesGiven() throws {
        let harness = Harness("add r g = 1, q = 12\nadd r g = 1, q = at least 12\nadd r g = 1, q = about 5\nadd r g = 2, q = 12\nadd r g = 2, q = at least 12")
        #expect(try harness.value("r min q") == "~5")
        #expect(try harness.value("r max q") == "≥12")
        #expect(try harness.rows("r min q, max q by g sort g") == [["1", "~5", "≥12"], ["2", "12", "≥12"]])
        #expect(try harness.value("r where g = 2 min q") == "12")
        #expect(try harness.value("r where g = 3 max q") == "NULL")
    }

    @Test(arguments: ["swaps where who = null count", "swaps where null != who count", "swaps show released = null"])
    func comparingWithNullIsAnErrorThatSaysIsNull(query: String) {
        let error = Harness().error(query)
        #expect(error?.id == .nullComparison)
        #expect(error?.help?.contains("is") == true && error?.help?.contains("null") == true)
    }

    @Test func isNullStillWorks() throws {
        #expect(try Harness().value("t where n is null count") == "1")
    }
}
