import FactStore
import FactSyntax
import Testing

@testable import FactEngine

/// A text column's distinct strings are ranked morsel by morsel, in string order, and Ctrl-C
/// stops the ranking.
@Suite struct SorterTests {
    static func scheduler(_ cancellation: Cancellation = .never) -> MorselScheduler {
        MorselScheduler(threads: 2, morselSize: 3, cancellation: cancellation, source: SourceFile(name: "test", text: "r"), range: SourceRange(0, 1))
    }

    static let column = Column(type: .string, values: ["pear", "apple", "fig", "apple", "kiwi", "banana", "date", "cherry", "fig"].map(Value.string))

    @Test func stringsAreRankedInOrderAcrossMorsels() throws {
        let compare = try Sorter.comparator(for: Self.column, scheduler: Self.scheduler())
        let rows = (0..<Self.column.count).sorted { compare($0, $1) < 0 }
        #expect(rows.map { Self.column[$0] } == ["apple", "apple", "banana", "cherry", "date", "fig", "fig", "kiwi", "pear"].map(Value.string))
        #expect(compare(1, 3) == 0)
    }

    @Test func ctrlCStopsTheRanking() {
        #expect(throws: Diagnostic.self) { _ = try Sorter.comparator(for: Self.column, scheduler: Self.scheduler(Cancellation { true })) }
    }
}
