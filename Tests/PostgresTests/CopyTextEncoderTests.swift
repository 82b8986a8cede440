import FactStore
import Testing

@testable import PostgresStore

/// The rows `COPY` reads, written straight from the columns.
@Suite struct CopyTextEncoderTests {
    @Test func everyTypeInCopyText() {
        let fields = [
            Field(name: "i", type: .int), Field(name: "n", type: .number), Field(name: "s", type: .string),
            Field(name: "d", type: .date), Field(name: "b", type: .bool), Field(name: "q", type: .quantity),
            Field(name: "u", type: .duration)
        ]
        var columns = fields.map { Column(type: $0.type) }
        let rows: [[Value]] = [
            [
                .int(-9_223_372_036_854_775_807), .number(2.5), .string("tab\there\nback\\slash\r"), .date(Day(year: 33, month: 2, day: 1) ?? Day(number: 0)),
                .bool(true), .quantity(Quantity(10, .range, upper: 15)), .duration(days: 0)
            ],
            [.int(0), .null, .null, .null, .bool(false), .quantity(Quantity(12, .atLeast)), .null],
            [.null, .null, .string(""), .date(Day(year: 2025, month: 12, day: 31) ?? Day(number: 0)), .null, .null, .duration(days: 120)]
        ]
        for row in rows {
            for (index, value) in row.enumerated() { columns[index].append(value) }
        }
        var origins = OriginColumn()
        origins.append(RowOrigin(source: "a\tb.csv", line: 2))
        origins.append(RowOrigin(source: "a\tb.csv", line: 3))
        origins.append(nil)
        let relation = Relation(fields: fields, columns: columns, rowCount: rows.count, origins: origins)
        var encoder = CopyTextEncoder(relation, fields: Array(fields.indices), writesOrigins: true)
        var bytes: [UInt8] = []
        #expect(encoder.appendRows(from: 0, before: rows.count, to: &bytes, upTo: .max) == rows.count)
        #expect(
            String(decoding: bytes, as: UTF8.self) == """
                -9223372036854775807\t2.5\ttab\\there\\nback\\\\slash\\r\t0033-02-01\tt\t10.0\trange\t15.0\t0\ta\\tb.csv\t2
                0\t\\N\t\\N\t\\N\tf\t12.0\tat_least\t\\N\t\\N\ta\\tb.csv\t3
                \\N\t\\N\t\t2025-12-31\t\\N\t\\N\t\\N\t\\N\t120\t\\N\t\\N

                """)
    }

    /// Rows are encoded a batch at a time, column by column, and handed out in pieces of about
    /// the size asked for: every row comes out once, whole and in order, across both.
    @Test func rowsAcrossBatchesAndPieces() {
        let count = CopyTextEncoder.batchRows * 2 + 5
        var ids = Column(type: .int)
        var names = Column(type: .string)
        var origins = OriginColumn()
        for row in 0..<count {
            ids.append(row % 3 == 0 ? .null : .int(Int64(row)))
            names.append(.string("n\(row % 7)"))
            origins.append(RowOrigin(source: "f.csv", line: row + 2))
        }
        let relation = Relation(fields: [Field(name: "id", type: .int), Field(name: "name", type: .string)], columns: [ids, names], rowCount: count, origins: origins)
        var encoder = CopyTextEncoder(relation, fields: [0, 1], writesOrigins: true)
        var text = ""
        var row = 0
        var pieces = 0
        while row < count {
            var bytes: [UInt8] = []
            row = encoder.appendRows(from: row, before: count, to: &bytes, upTo: 1000)
            text += String(decoding: bytes, as: UTF8.self)
            pieces += 1
        }
        #expect(pieces > 10)
        let expected = (0..<count).map { "\($0 % 3 == 0 ? "\\N" : String($0))\tn\($0 % 7)\tf.csv\t\($0 + 2)\n" }.joined()
        #expect(text == expected)
    }
}
