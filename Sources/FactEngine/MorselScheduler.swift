import FactStore
import FactSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// Morsel-driven execution (Leis et al., "Morsel-driven parallelism", SIGMOD 2014, as in
/// DuckDB): an operator cuts its rows into morsels of a fixed size, and workers — one per
/// thread — take the next morsel until none is left, each producing a partial result that the
/// operator merges at the end, in morsel order. Morsels are cut the same way whatever the
/// number of threads, so one thread and many give the same result.
///
/// Cancellation is asked before every morsel: Ctrl-C stops an operator within a morsel's time.
struct MorselScheduler: Sendable {
    /// Rows per morsel: big enough to pay for taking it, small enough to stop quickly.
    static let standardMorselSize = 65_536

    /// How many workers an operator may use.
    let threads: Int
    /// Rows per morsel (tests make it small, so that a few rows make many morsels).
    let morselSize: Int
    let cancellation: Cancellation
    /// The statement's source and span, for the "interrupted" error.
    let source: SourceFile
    let range: SourceRange

    /// The cores this machine has, the default number of threads.
    static var coreCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    /// `0..<count` cut into morsels.
    func morsels(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: morselSize).map { $0..<min($0 + morselSize, count) }
    }

    /// Throws the "interrupted" error, at the statement, when Ctrl-C was pressed.
    func checkCancellation() throws(Diagnostic) {
        if cancellation.requested { throw Diagnostic(.interrupted, "interrupted", in: source, at: range) }
    }

    /// `work` on each morsel of `0..<count`, spread over the threads; the partial results in
    /// morsel order. When morsels fail, the error of the first of them is thrown, as one
    /// thread going through them in order would meet it.
    func map<Partial: Sendable>(_ count: Int, _ work: @Sendable (Range<Int>) throws(Diagnostic) -> Partial) throws(Diagnostic) -> [Partial] {
        let morsels = self.morsels(of: count)
        return try OrderedParallelMap.map(morsels.count, threads: threads, checkStop: { () throws(Diagnostic) in try checkCancellation() }) { index throws(Diagnostic) in
            try work(morsels[index])
        }
    }

    /// `work` on each morsel, in order, on this thread: for a merge that must see rows in
    /// order but may still be stopped.
    func forEach(_ count: Int, _ work: (Range<Int>) throws(Diagnostic) -> Void) throws(Diagnostic) {
        for morsel in morsels(of: count) {
            try checkCancellation()
            try work(morsel)
        }
    }
}
