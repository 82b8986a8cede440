import Testing

@testable import FactStore

@Suite struct ColumnTests {
    @Test func storesTypedValuesAndNulls() {
        let column = Column(type: .int, values: [.int(1), .null, .int(3)])
        #expect(column.count == 3)
        #expect(column[0] == .int(1))
        #expect(column.isNull(1))
        #expect(column[1] == .null)
        #expect(column[2] == .int(3))
        guard case .ints(let values) = column.storage else {
            Issue.record("an int column keeps a buffer of packed integers")
            return
        }
        #expect(values.count == 3)
    }

    @Test func columnWithoutNullsCarriesNoMask() {
        let column = Column(type: .string, values: [.string("a"), .string("b")])
        #expect(column.nulls == nil)
    }

    @Test func stringsAreDictionaryEncoded() {
        let column = Column(type: .string, values: ["kyiv", "odesa", "kyiv", "kyiv"].map(Value.string))
        guard case .strings(let codes, let dictionary) = column.storage else {
            Issue.record("a string column keeps dictionary codes")
            return
        }
        #expect(dictionary.count == 2)
        #expect(Array(codes) == [0, 1, 0, 0])
        #expect(column.distinctStrings == ["kyiv", "odesa"])
    }

    @Test func widensIntToNumberToQuantity() throws {
        let ints = Column(type: .int, values: [.int(2), .null])
        let numbers = try #require(ints.converted(to: .number))
        #expect(numbers[0] == .number(2))
        #expect(numbers.isNull(1))
        let quantities = try #require(numbers.converted(to: .quantity))
        #expect(quantities[0] == .quantity(Quantity(2)))
        #expect(ints.converted(to: .string) == nil)
    }

    @Test func gatherPicksRowsInOrder() {
        let column = Column(type: .quantity, values: [.quantity(Quantity(1, .atLeast)), .null, .quantity(Quantity(10, .range, upper: 15))])
        let picked = column.gather([2, 0, 1])
        #expect(picked[0] == .quantity(Quantity(10, .range, upper: 15)))
        #expect(picked[1] == .quantity(Quantity(1, .atLeast)))
        #expect(picked.isNull(2))
    }

    @Test func nullMaskSurvivesManyRows() {
        var column = Column(type: .date)
        for row in 0..<200 { column.append(row % 7 == 0 ? .null : .date(Day(number: Int64(row)))) }
        for row in 0..<200 { #expect(column.isNull(row) == (row % 7 == 0)) }
        #expect(column[1] == .date(Day(number: 1)))
    }
}
