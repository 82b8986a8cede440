import FactStore

/// The text of a script, a `-c` command or a line typed at the prompt, with its name.
///
/// Positions in factsh are offsets into `scalars`; the file turns them into the line and
/// column every diagnostic names (`report.fq:2:7`).
public final class SourceFile: Sendable {
    /// `report.fq`, `<stdin>` or `<command>`.
    public let name: String
    public let text: String
    public let scalars: [Unicode.Scalar]
    /// The line a source starts at in its file, for statements cut out of a longer text.
    public let firstLine: Int
    private let lineStarts: [Int]
    /// Whether every scalar is one byte, so that offsets are UTF-8 offsets too.
    private let isASCII: Bool

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        scalars = Array(text.unicodeScalars)
        isASCII = scalars.count == text.utf8.count
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column of an offset.
    public func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + firstLine, column: offset - lineStarts[low] + 1)
    }

    /// The text of the line holding `offset`, without its newline.
    public func lineText(containing offset: Int) -> String {
        let line = location(of: offset).line - firstLine
        let start = lineStarts[line]
        var end = start
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end].filter { $0 != "\r" })
        return String(text)
    }

    public func text(of range: SourceRange) -> String {
        let (lower, upper) = (max(0, range.start), min(scalars.count, range.end))
        guard lower < upper else { return "" }
        if isASCII {
            // A scalar is a byte: the text is cut straight from the UTF-8.
            let utf8 = self.text.utf8
            return String(self.text[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[lower..<upper])
        return String(text)
    }
}
