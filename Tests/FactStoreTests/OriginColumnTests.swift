import Testing

@testable import FactStore

@Suite struct OriginColumnTests {
    /// Rows a line apart, rows on one line, jumps (a record over several lines), rows with no
    /// origin and a second source, all read back as appended, one at a time and gathered in
    /// any order.
    @Test func readsBackWhatWasAppended() {
        var expected: [RowOrigin?] = []
        for line in 2...50 { expected.append(RowOrigin(source: "events.csv", line: line)) }
        expected.append(RowOrigin(source: "events.csv", line: 53))
        expected.append(RowOrigin(source: "events.csv", line: 54))
        for _ in 0..<4 { expected.append(RowOrigin(source: "report", line: 7)) }
        expected.append(nil)
        expected.append(nil)
        expected.append(RowOrigin(source: "report", line: 8))
        expected.append(RowOrigin(source: "report", line: 7))
        expected.append(RowOrigin(source: "events.csv", line: 55))
        expected.append(RowOrigin(source: "big", line: Int(Int32.max)))
        var origins = OriginColumn()
        for origin in expected { origins.append(origin) }
        #expect(origins.count == expected.count)
        #expect((0..<origins.count).map { origins[$0] } == expected)
        #expect(origins[-1] == nil)
        #expect(origins[expected.count] == nil)
        var random = UInt64(7)
        let rows = (0..<300).map { _ -> Int32 in
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32(truncatingIfNeeded: (random >> 33) % UInt64(expected.count + 2))
        }
        let gathered = origins.gather(rows)
        #expect((0..<gathered.count).map { gathered[$0] } == rows.map { Int($0) < expected.count ? expected[Int($0)] : nil })
    }

    /// A file's rows on consecutive lines take one run, whatever their number.
    @Test func consecutiveLinesAppendInBulk() {
        var origins = OriginColumn()
        origins.append(source: "e.csv", lines: (2...100_001).map(Int32.init))
        #expect(origins.count == 100_000)
        #expect(origins[0] == RowOrigin(source: "e.csv", line: 2))
        #expect(origins[99_999] == RowOrigin(source: "e.csv", line: 100_001))
        #expect(MemoryLayout<OriginColumn>.size < 64)
    }
}
