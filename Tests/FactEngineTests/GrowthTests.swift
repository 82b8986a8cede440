import FactStore
import Testing

@testable import FactStore
@testable import FactSyntax

/// Costs that must stay linear in the input, checked by counting work rather than timing it:
/// `add` appends to the stored columns in place, so their buffers move only when they grow
/// (a logarithmic number of times), never once per fact, which would copy every row each time.
@Suite struct GrowthTests {
    @Test func addAppendsInPlace() throws {
        let harness = Harness("")
        var moves = 0
        var last: UnsafePointer<Double>?
        for index in 0..<2_000 {
            try harness.run("add r x = \(index).5, who = \"w\(index % 7)\"")
            let column = try #require(harness.interpreter.environment.catalog["r"]).columns[0]
            guard case .doubles(let values) = column.storage else {
                Issue.record("x is a number column")
                return
            }
            let address = values.withUnsafeBufferPointer { $0.baseAddress }
            if address != last { moves += 1 }
            last = address
        }
        #expect(moves < 40, "the column's buffer moved \(moves) times in 2,000 adds")
        #expect(harness.interpreter.environment.catalog["r"]?.rowCount == 2_000)
    }

    @Test func aFailedAddToANewRelationLeavesNoTrace() {
        let harness = Harness("")
        #expect(throws: Diagnostic.self) { try harness.run("add r x = 1, x = 2") }
        #expect(harness.interpreter.environment.catalog["r"] == nil)
    }
}
