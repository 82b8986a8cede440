import Testing

@testable import FactStore

@Suite struct PackedIntsTests {
    /// Values stay in the narrowest width until one does not fit; then every earlier value
    /// survives the widening.
    @Test func widensOnlyWhenAValueNeedsIt() {
        var packed = PackedInts()
        var expected: [Int64] = []
        let steps: [(Int64, PackedInts.Width)] = [
            (0, .bits8), (127, .bits8), (-128, .bits8), (128, .bits16), (-32_768, .bits16), (32_767, .bits16),
            (40_000, .bits32), (Int64(Int32.min), .bits32), (Int64(Int32.max) + 1, .bits64), (.min, .bits64), (.max, .bits64), (5, .bits64)
        ]
        for (value, width) in steps {
            packed.append(value)
            expected.append(value)
            #expect(packed.width == width, "after \(value)")
            #expect(Array(packed) == expected, "after \(value)")
        }
        #expect(PackedInts(packing: [1, 2, 300]).width == .bits16)
        #expect(PackedInts([1, 2, 3]).width == .bits64)
    }

    /// Room reserved for a load survives a widening, so the wider buffer does not regrow.
    @Test func wideningKeepsTheReservedRoom() {
        var packed = PackedInts()
        packed.reserveCapacity(1_000)
        packed.append(1)
        packed.append(300)
        #expect(packed.width == .bits16)
        #expect(packed.capacity >= 1_000)
        #expect(Array(packed) == [1, 300])
    }

    @Test func gatherAndMapKeepTheValues() {
        let packed = PackedInts(packing: [10, -20, 30, 40_000])
        #expect(Array(packed.gather([3, 0, 0, 1])) == [40_000, 10, 10, -20])
        #expect(packed.gather([1]).width == .bits32)
        #expect(packed.map { $0 * 2 } == [20, -40, 60, 80_000])
        #expect(packed == PackedInts([10, -20, 30, 40_000]))
    }

    /// A visitor sees the values at their stored width.
    @Test func visitorsRunAtTheStoredWidth() {
        struct WidthAndSum: PackedIntsVisitor {
            func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> (bits: Int, sum: Int64) {
                (Value.bitWidth, values.reduce(0) { $0 + Int64($1) })
            }
        }
        #expect(PackedInts(packing: [1, 2, 3]).visit(WidthAndSum()) == (8, 6))
        #expect(PackedInts(packing: [1, 20_000]).visit(WidthAndSum()) == (16, 20_001))
        #expect(PackedInts(packing: [1, 1 << 40]).visit(WidthAndSum()) == (64, 1 + (1 << 40)))
    }
}
