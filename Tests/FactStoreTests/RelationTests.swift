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

/// Joining a relation onto another a column at a time gives what appending its rows one by
/// one gives: the same fields, types, values and origins.
@Suite struct RelationJoinTests {
    func rowByRow(_ base: Relation, _ other: Relation) throws -> Relation {
        var result = base
        for row in 0..<other.rowCount {
            try result.append(
                other.fields.indices.map { (other.fields[$0].name, other.columns[$0][row]) }, allowNewFields: false,
                origin: other.origins[row])
        }
        return result
    }

    func relation(_ rows: [[(String, Value)]], source: String) throws -> Relation {
        var relation = Relation()
        for (line, row) in rows.enumerated() { try relation.append(row, allowNewFields: true, origin: RowOrigin(source: source, line: line + 2)) }
        return relation
    }

    func expectSame(_ a: Relation, _ b: Relation) {
        #expect(a.fields == b.fields)
        #expect(a.rowCount == b.rowCount)
        #expect((0..<a.rowCount).map(a.row) == (0..<b.rowCount).map(b.row))
        #expect((0..<a.rowCount).map { a.origins[$0] } == (0..<b.rowCount).map { b.origins[$0] })
    }

    @Test func widensRemapsAndFillsNulls() throws {
        let base = try relation(
            [
                [("id", .int(1)), ("place", .string("Kyiv")), ("n", .int(3)), ("q", .quantity(Quantity(5)))],
                [("id", .int(2)), ("place", .string("Odesa")), ("n", .null), ("q", .quantity(Quantity(6, .atLeast)))]
            ], source: "a.csv")
        let other = try relation(
            [
                [("place", .string("Lviv")), ("n", .number(2.5)), ("id", .int(300_000)), ("q", .quantity(Quantity(10, .range, upper: 15)))],
                [("place", .string("Kyiv")), ("n", .number(1)), ("id", .int(4)), ("q", .null)],
                [("place", .null), ("n", .null), ("id", .int(5)), ("q", .quantity(Quantity(1)))]
            ], source: "b.csv")
        var joined = base
        try joined.append(contentsOf: other)
        expectSame(joined, try rowByRow(base, other))
        #expect(joined.fields.map(\.type) == [.int, .string, .number, .quantity])
        #expect(joined.row(2) == [.int(300_000), .string("Lviv"), .number(2.5), .quantity(Quantity(10, .range, upper: 15))])
        #expect(joined.origins[4] == RowOrigin(source: "b.csv", line: 4))
        guard case .strings(_, let dictionary) = joined.columns[1].storage else {
            Issue.record("place is a string column")
            return
        }
        #expect(Array(dictionary) == ["Kyiv", "Odesa", "Lviv"])
    }

    @Test func aFieldTheOtherLacksIsNullAndProblemsChangeNothing() throws {
        let base = try relation([[("id", .int(1)), ("note", .string("x"))]], source: "a.csv")
        let fewer = try relation([[("id", .int(2))], [("id", .int(3))]], source: "b.csv")
        var joined = base
        try joined.append(contentsOf: fewer)
        expectSame(joined, try rowByRow(base, fewer))
        #expect(joined.row(2) == [.int(3), .null])

        var unchanged = base
        #expect(throws: Relation.AppendProblem.unknownField("extra")) {
            try unchanged.append(contentsOf: try relation([[("id", .int(2)), ("extra", .int(1))]], source: "c.csv"))
        }
        #expect(throws: Relation.AppendProblem.typeMismatch(field: "id", expected: .int, found: .string)) {
            try unchanged.append(contentsOf: try relation([[("id", .string("two"))]], source: "c.csv"))
        }
        expectSame(unchanged, base)
    }
}
