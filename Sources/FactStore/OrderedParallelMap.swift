import Dispatch
import Synchronization

/// Work on many independent items spread over a number of threads: each worker takes the next
/// item until none is left, and the results come back in item order, so one thread and many
/// give the same answer. The query engine's morsels and the loading of many articles share it.
public enum OrderedParallelMap {
    /// `work` on each of `0..<count` over at most `threads` workers; the results in index
    /// order. `checkStop` runs before every item and may throw (Ctrl-C). When items fail, the
    /// error of the first of them is thrown, as one thread going through them in order would
    /// meet it.
    public static func map<Result: Sendable>(
        _ count: Int, threads: Int, checkStop: @Sendable () throws(Diagnostic) -> Void, _ work: @Sendable (Int) throws(Diagnostic) -> Result
    ) throws(Diagnostic) -> [Result] {
        let workers = min(threads, count)
        guard workers > 1 else {
            var results: [Result] = []
            results.reserveCapacity(count)
            for index in 0..<count {
                try checkStop()
                results.append(try work(index))
            }
            return results
        }
        let progress = ParallelProgress<Result>(count: count)
        withoutActuallyEscaping(checkStop) { checkStop in
            withoutActuallyEscaping(work) { work in
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while let index = progress.claim() {
                        do throws(Diagnostic) {
                            try checkStop()
                            progress.finish(index, with: try work(index))
                        } catch {
                            progress.fail(index, with: error)
                        }
                    }
                }
            }
        }
        return try progress.results()
    }
}

/// The items of one `OrderedParallelMap.map`: which is next, the results, and the first
/// failure. Shared by the workers, so every field is behind a lock or atomic.
private final class ParallelProgress<Result: Sendable>: Sendable {
    private let next = Atomic<Int>(0)
    private let count: Int
    private let slots: Mutex<[Result?]>
    /// The earliest item that failed, and why.
    private let failure = Mutex<(index: Int, error: Diagnostic)?>(nil)

    init(count: Int) {
        self.count = count
        slots = Mutex([Result?](repeating: nil, count: count))
    }

    /// The next item to work on; nil when none is left, or when an earlier one failed (the
    /// later ones cannot change the outcome).
    func claim() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return nil }
        if let failed = failure.withLock({ $0?.index }), failed < index { return nil }
        return index
    }

    func finish(_ index: Int, with result: Result) {
        slots.withLock { $0[index] = result }
    }

    func fail(_ index: Int, with error: Diagnostic) {
        failure.withLock { failure in
            if let earlier = failure, earlier.index < index { return }
            failure = (index, error)
        }
    }

    /// Every item's result, or the first failure.
    func results() throws(Diagnostic) -> [Result] {
        if let failure = failure.withLock({ $0 }) { throw failure.error }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
