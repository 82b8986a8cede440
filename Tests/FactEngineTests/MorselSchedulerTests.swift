import FactStore
import FactSyntax
import Synchronization
import Testing

@testable import FactEngine

/// Morsels go to every worker, yet come back in order; the first failing morsel's error is
/// the one thrown; Ctrl-C stops the work before the next morsel.
@Suite struct MorselSchedulerTests {
    static func scheduler(threads: Int, cancellation: Cancellation = .never) -> MorselScheduler {
        MorselScheduler(threads: threads, morselSize: 100, cancellation: cancellation, source: SourceFile(name: "test", text: "r"), range: SourceRange(0, 1))
    }

    @Test(arguments: [1, 2, 4]) func partialsComeBackInMorselOrder(threads: Int) throws {
        let partials = try Self.scheduler(threads: threads).map(10_050) { rows in rows }
        #expect(partials.count == 101)
        #expect(partials.first == 0..<100)
        #expect(partials.last == 10_000..<10_050)
        #expect(partials.flatMap { $0 } == Array(0..<10_050))
    }

    @Test(arguments: [1, 2, 4]) func theFirstFailingMorselsErrorIsThrown(threads: Int) {
        #expect(throws: Diagnostic(.overflow, "morsel 30")) {
            _ = try Self.scheduler(threads: threads).map(10_000) { (rows: Range<Int>) throws(Diagnostic) -> Int in
                if rows.lowerBound >= 3000 { throw Diagnostic(.overflow, "morsel \(rows.lowerBound / 100)") }
                return rows.count
            }
        }
    }

    /// Morsels finished so far, counted by every worker.
    final class Tally: Sendable {
        let done = Atomic<Int>(0)
    }

    @Test(arguments: [1, 2]) func ctrlCStopsBeforeTheNextMorsel(threads: Int) {
        let tally = Tally()
        // Ctrl-C is pressed once ten morsels are done.
        let cancellation = Cancellation { tally.done.load(ordering: .relaxed) >= 10 }
        var thrown: Diagnostic?
        do {
            _ = try Self.scheduler(threads: threads, cancellation: cancellation).map(100_000) { rows in
                tally.done.add(1, ordering: .relaxed)
                return rows.count
            }
        } catch {
            thrown = error
        }
        #expect(thrown?.id == .interrupted)
        #expect(tally.done.load(ordering: .relaxed) < 10 + threads, "one morsel at most per worker after Ctrl-C")
    }
}
