import Testing
@testable import FactStore

@Suite struct RelationTests {
    @Test func firstRowDefinesTheSchema() throws {
        var relation = Relation()
        try relation.append([("date", .date(Day(iso: "2025-05-23")!)), ("released", .int(390))], allowNewFields: true)
        #expect(relation.fields == [Field(name: "date", type: .date), Field(name: "released", type: .int)])
        #expect(relation.rowCount == 1)
    }

    @Test func laterRowsAreChecked() throws {
        var relation = Relation()
        try relation.append([("released", .int(390))], allowNewFields: true)
        #expect(throws: Relation.AppendProblem.typeMismatch(field: "released", expected: .int, found: .string)) {
            try relation.append([("released", .string("many"))], allowNewFields: false)
        }
        #expect(throws: Relation.AppendProblem.unknownField("releasd")) {
            try relation.append([("releasd", .int(3))], allowNewFields: false)
        }
        #expect(relation.rowCount == 1, "a refused row changes nothing")
    }

    @Test func numericColumnsWidenAndMissingFieldsAreNull() throws {
        var relation = Relation()
        try relation.append([("value", .int(142)), ("unit", .string("areas"))], allowNewFields: true)
        try relation.append([("value", .quantity(Quantity(12, .atLeast)))], allowNewFields: false)
        #expect(relation.fields[0].type == .quantity)
        #expect(relation.row(0) == [.quantity(Quantity(142)), .string("areas")])
        #expect(relation.row(1) == [.quantity(Quantity(12, .atLeast)), .null])
    }

    @Test func nullFirstThenTyped() throws {
        var relation = Relation()
        try relation.append([("date", .null)], allowNewFields: true)
        try relation.append([("date", .date(Day(number: 5)))], allowNewFields: false)
        #expect(relation.fields[0].type == .date)
        #expect(relation.row(0) == [.null])
        #expect(relation.row(1) == [.date(Day(number: 5))])
    }
}
