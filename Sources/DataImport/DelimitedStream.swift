import FactStore

/// A CSV or TSV file read a chunk of whole records at a time, each chunk checked to be UTF-8
/// before anyone reads it. Only two chunks are in memory, so loading a file costs its columns,
/// not its bytes; a record longer than a chunk grows the chunk.
struct DelimitedStream {
    /// Where a record starts: a byte offset in the file and the line it is on.
    struct Position {
        var offset: Int
        var line: Int

        static let start = Position(offset: 0, line: 1)
    }

    let source: any ByteSource
    let dialect: DelimitedReader.Dialect
    let chunkSize: Int
    /// Asked before each chunk: a load stops within a chunk of Ctrl-C.
    let cancellation: Cancellation

    init(source: any ByteSource, dialect: DelimitedReader.Dialect, chunkSize: Int, cancellation: Cancellation = .never) {
        self.source = source
        self.dialect = dialect
        self.cancellation = cancellation
        // A reader addresses its bytes with 32 bits, so no chunk starts larger than that.
        self.chunkSize = min(max(chunkSize, 16), DelimitedReader.maximumBytes / 2)
    }

    /// Calls `body` with a reader over each chunk from `start` on, and the chunk's offset in
    /// the file, until it returns false or the file ends. The reader has every whole record of
    /// the chunk; what `body` leaves unread is read again in the next chunk. A chunk's bytes
    /// stay as they are until the call for the chunk after it returns (two buffers take
    /// turns), so a caller may work on one chunk while it reads the next. Returns where
    /// reading stopped.
    @discardableResult
    func read(from start: Position, _ body: (inout DelimitedReader, _ chunkOffset: Int) throws(Diagnostic) -> Bool) throws(Diagnostic) -> Position {
        var buffers = [UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize), UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)]
        defer { for buffer in buffers { buffer.deallocate() } }
        var current = 0
        var chunk = start
        var filled = 0
        // The bytes before this offset are known to be UTF-8; it is always at a line's start.
        var checked = 0
        var atEnd = false
        while true {
            try cancellation.check()
            let buffer = buffers[current]
            while filled < buffer.count, !atEnd {
                let count = try source.read(
                    into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])),
                    at: chunk.offset + filled)
                if count == 0 { atEnd = true } else { filled += count }
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<filled])
            // The reader sees whole lines that are known to be UTF-8, and never a line with a
            // bad byte: the records before it are read first, so an error in them is the one
            // reported, whatever the chunk size.
            var readable = atEnd ? filled : DelimitedStream.lastLineEnd(in: bytes, from: checked)
            let problem = encodingProblem(in: bytes, from: checked, to: readable, firstLine: chunk.line)
            if let problem { readable = problem.lineStart }
            checked = readable
            var reader = DelimitedReader(
                bytes: UnsafeBufferPointer(rebasing: bytes[..<readable]), dialect: dialect, line: chunk.line,
                isFinal: atEnd && problem == nil)
            let goesOn = try body(&reader, chunk.offset)
            if let problem, goesOn { throw problem.problem }
            let consumed = reader.position
            if !goesOn || atEnd { return Position(offset: chunk.offset + consumed, line: reader.line) }
            if consumed == 0, filled == buffer.count {
                // One record fills the chunk: make room for the rest of it.
                guard buffer.count * 2 <= DelimitedReader.maximumBytes else {
                    throw Diagnostic(.recordTooLong, "a record is longer than 4 GB", line: chunk.line, column: 1)
                }
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                _ = larger.initialize(from: buffer)
                buffer.deallocate()
                buffers[current] = larger
                continue
            }
            // The unread tail starts the next chunk, in the other buffer.
            let tail = filled - consumed
            let next = 1 - current
            if buffers[next].count < tail {
                buffers[next].deallocate()
                buffers[next] = .allocate(capacity: buffer.count)
            }
            if tail > 0, let from = buffer.baseAddress, let to = buffers[next].baseAddress { to.update(from: from + consumed, count: tail) }
            current = next
            filled = tail
            checked -= consumed
            chunk = Position(offset: chunk.offset + consumed, line: reader.line)
        }
    }

    /// Whether the byte at `index` ends a line: a LF, or a CR not followed by one (old Mac
    /// files have no LF at all). A CR that is the last byte is taken to end its line; a
    /// chunk never ends with one unless the file does (see `lastLineEnd`).
    static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0x0A || bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)
    }

    /// Where the whole lines of `bytes` from `from` on end; `from` when none ends. A CR that
    /// is the last byte is not an end: a LF may follow it in the next chunk.
    static func lastLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = bytes.count - 1
        while index >= from {
            if bytes[index] == 0x0A || bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] != 0x0A { return index + 1 }
            index -= 1
        }
        return from
    }

    /// The first byte of `bytes[from..<to]` that is not UTF-8, or a NUL, as a located problem,
    /// and where its line starts in `bytes`. Lines are counted from the chunk's start, as the
    /// reader counts them, so every chunk size gives the same place.
    private func encodingProblem(
        in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
        firstLine: Int
    ) -> (problem: Diagnostic, lineStart: Int)? {
        guard from < to, let problem = UTF8Check.firstProblem(UnsafeBufferPointer(rebasing: bytes[from..<to]), allowingNUL: dialect == .csv) else { return nil }
        let badByte = from + problem.offset
        var line = firstLine
        var lineStart = 0
        for index in 0..<badByte where DelimitedStream.endsLine(bytes, at: index) {
            line += 1
            lineStart = index + 1
        }
        // A column per character; a byte-order mark at the file's start is none.
        let markWidth = firstLine == 1 && lineStart == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 1 : 0
        let column = bytes[lineStart..<badByte].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } - markWidth
        let located = Diagnostic(
            .notText,
            problem.isNUL
                ? "not a text file: it holds a NUL byte"
                : "not valid UTF-8: bad byte 0x\(String(problem.byte, radix: 16, uppercase: true)); save the file as UTF-8",
            line: line, column: column)
        return (located, lineStart)
    }
}
