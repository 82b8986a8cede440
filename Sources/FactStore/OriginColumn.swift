/// Where a stored fact came from: a script's file and line for `add`, an article and
/// sentence for a mention, a data file and line for an imported row.
public struct RowOrigin: Sendable, Hashable {
    /// A file path, or an article id for mentions.
    public var source: String
    /// The line in the file, or the sentence number in the article.
    public var line: Int

    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }
}

/// The origins of a relation's rows, stored as runs: rows that follow one another in a source,
/// a line apart (a data file's rows) or on one line (the mentions of one sentence), share a
/// run of a few bytes. A million-row CSV file is one run, however long its path.
public struct OriginColumn: Sendable {
    /// Rows from `firstRow` up to the next run's first row: from one source (`noSource` for
    /// rows without an origin), on lines going up by `step` (0 or 1) from `firstLine`.
    private struct Run {
        var firstRow: Int
        var firstLine: Int32
        var step: Int32
        var source: UInt32
    }

    private static let noSource = UInt32.max
    private var sources: [String] = []
    private var sourceCodes: [String: UInt32] = [:]
    private var runs: [Run] = []
    public private(set) var count = 0

    public init() {}

    public mutating func append(_ origin: RowOrigin?) {
        guard let origin else { return append(source: Self.noSource, line: 0) }
        append(source: code(for: origin.source), line: Int32(clamping: origin.line))
    }

    /// Rows that all come from one source, by their lines: the source is looked up once.
    public mutating func append(source: String, lines newLines: some Collection<Int32>) {
        let code = code(for: source)
        for line in newLines { append(source: code, line: line) }
    }

    private mutating func append(source: UInt32, line: Int32) {
        defer { count += 1 }
        if let last = runs.last, last.source == source {
            let length = count - last.firstRow
            if length == 1, line == last.firstLine || line == last.firstLine &+ 1 {
                runs[runs.count - 1].step = line &- last.firstLine
                return
            }
            if length > 1, Int64(line) == Int64(last.firstLine) + Int64(last.step) * Int64(length) { return }
        }
        runs.append(Run(firstRow: count, firstLine: line, step: 0, source: source))
    }

    /// Appends the origins of another column's rows, a run at a time.
    public mutating func append(contentsOf other: OriginColumn) {
        for (index, run) in other.runs.enumerated() {
            let end = index + 1 < other.runs.count ? other.runs[index + 1].firstRow : other.count
            let source = run.source == Self.noSource ? Self.noSource : code(for: other.sources[Int(run.source)])
            for offset in 0..<(end - run.firstRow) {
                append(source: source, line: run.source == Self.noSource ? 0 : run.firstLine &+ run.step &* Int32(truncatingIfNeeded: offset))
            }
        }
    }

    private mutating func code(for source: String) -> UInt32 {
        if let existing = sourceCodes[source] { return existing }
        let code = UInt32(sources.count)
        sources.append(source)
        sourceCodes[source] = code
        return code
    }

    public subscript(row: Int) -> RowOrigin? {
        guard row >= 0, row < count else { return nil }
        return origin(row, in: run(containing: row, near: 0))
    }

    /// The run holding `row`: `guess` when it does, else found by binary search.
    private func run(containing row: Int, near guess: Int) -> Int {
        if guess < runs.count, runs[guess].firstRow <= row, guess + 1 == runs.count || runs[guess + 1].firstRow > row { return guess }
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].firstRow <= row { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func origin(_ row: Int, in index: Int) -> RowOrigin? {
        let run = runs[index]
        guard run.source != Self.noSource else { return nil }
        return RowOrigin(source: sources[Int(run.source)], line: Int(run.firstLine) + Int(run.step) * (row - run.firstRow))
    }

    /// The origins of the rows at these positions, in this order; a position past the end
    /// has none. Runs are searched from the last one found, so rows in order cost no search.
    public func gather(_ rows: [Int32]) -> OriginColumn {
        var result = OriginColumn()
        result.sources = sources
        result.sourceCodes = sourceCodes
        var guess = 0
        for row in rows.lazy.map(Int.init) {
            guard row < count else {
                result.append(source: Self.noSource, line: 0)
                continue
            }
            guess = run(containing: row, near: guess)
            let run = runs[guess]
            result.append(source: run.source, line: run.source == Self.noSource ? 0 : run.firstLine &+ run.step &* Int32(truncatingIfNeeded: row - run.firstRow))
        }
        return result
    }
}
