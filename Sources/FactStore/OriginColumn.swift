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

/// The origins of a relation's rows, stored compactly: a code per row into a list of sources,
/// and a line per row. Eight bytes a row, whatever the path's length.
public struct OriginColumn: Sendable {
    private var sources: [String] = []
    private var sourceCodes: [String: UInt32] = [:]
    private var codes: [UInt32] = []
    private var lines: [Int32] = []

    public init() {}

    public var count: Int { codes.count }

    public mutating func append(_ origin: RowOrigin?) {
        guard let origin else {
            codes.append(.max)
            lines.append(0)
            return
        }
        codes.append(code(for: origin.source))
        lines.append(Int32(clamping: origin.line))
    }

    /// Rows that all come from one source, by their lines: the source is looked up once.
    public mutating func append(source: String, lines newLines: some Collection<Int32>) {
        let code = code(for: source)
        codes.append(contentsOf: repeatElement(code, count: newLines.count))
        lines.append(contentsOf: newLines)
    }

    private mutating func code(for source: String) -> UInt32 {
        if let existing = sourceCodes[source] { return existing }
        let code = UInt32(sources.count)
        sources.append(source)
        sourceCodes[source] = code
        return code
    }

    public subscript(row: Int) -> RowOrigin? {
        guard row < codes.count, codes[row] != .max else { return nil }
        return RowOrigin(source: sources[Int(codes[row])], line: Int(lines[row]))
    }

    public func gather(_ rows: [Int32]) -> OriginColumn {
        var result = OriginColumn()
        result.sources = sources
        result.sourceCodes = sourceCodes
        result.codes = rows.map { Int($0) < codes.count ? codes[Int($0)] : .max }
        result.lines = rows.map { Int($0) < lines.count ? lines[Int($0)] : 0 }
        return result
    }
}
