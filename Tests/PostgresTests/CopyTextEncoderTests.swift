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
        for row in rows.indices { encoder.appendRow(row, to: &bytes) }
        #expect(
            String(decoding: bytes, as: UTF8.self) == """
                -9223372036854775807\t2.5\ttab\\there\\nback\\\\slash\\r\t0033-02-01\tt\t10.0\trange\t15.0\t0\ta\\tb.csv\t2
                0\t\\N\t\\N\t\\N\tf\t12.0\tat_least\t\\N\t\\N\ta\\tb.csv\t3
                \\N\t\\N\t\t2025-12-31\t\\N\t\\N\t\\N\t\\N\t120\t\\N\t\\N

                """)
    }
}
