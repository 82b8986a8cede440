import FactStore

/// A news report as a file holds it: optional `key: value` header lines, a blank line, then
/// the body.
public struct ArticleFile: Sendable {
    public var id: String
    public var path: String
    public var title: String?
    public var date: Day?
    public var source: String?
    /// Header keys other than title, date and source (`url`, `author`), in file order.
    public var extraHeaders: [(key: String, value: String)]
    public var body: String
    /// The file line the body starts on, so sentences can be traced to lines.
    public var bodyFirstLine: Int

    /// The years an article may be dated in: wide enough for any archive, narrow enough that
    /// every relative date ("last year", "over the past 100 years") stays a day factsh can store.
    public static let supportedYears = 1000...8999
    static let supportedDates = Day(year: supportedYears.lowerBound, month: 1, day: 1)!...Day(year: supportedYears.upperBound, month: 12, day: 31)!

    /// Reads the header and body. `date` stands in for a missing `date:` header.
    public static func parse(_ text: String, id: String, path: String, date fallbackDate: Day? = nil) throws(Diagnostic) -> (ArticleFile, [Diagnostic]) {
        // Only the header is read line by line; the body is cut off whole (ingest speed).
        var lines: [Substring] = []
        var bodyOffset = text.utf8.startIndex
        var lineStart = text.utf8.startIndex
        let utf8 = text.utf8
        var sawHeaderEnd = false
        while lineStart < utf8.endIndex, !sawHeaderEnd {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var line = Substring(utf8[lineStart..<lineEnd])
            if line.hasSuffix("\r") { line = line.dropLast() }
            lines.append(line)
            // The header ends at its first blank line, or at the first line that is not `key: value`.
            if line.allSatisfy(\.isWhitespace) ? lines.count > 1 && !lines.dropLast().allSatisfy({ $0.allSatisfy(\.isWhitespace) }) : headerLine(line) == nil {
                sawHeaderEnd = true
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
        }
        bodyOffset = lineStart
        var warnings: [Diagnostic] = []
        var headers: [(key: String, value: String)] = []
        var index = 0
        while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        let headerStart = index
        while index < lines.count, let (key, value) = headerLine(lines[index]) {
            headers.append((key, value))
            index += 1
        }
        if headers.isEmpty {
            index = headerStart
        } else if index < lines.count, !lines[index].allSatisfy(\.isWhitespace) {
            // A header must be followed by a blank line; otherwise these were body lines.
            headers = []
            index = headerStart
        }
        while index < lines.count, !headers.isEmpty, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        var article = ArticleFile(id: id, path: path, title: nil, date: nil, source: nil, extraHeaders: [], body: "", bodyFirstLine: index + 1)
        for (key, value) in headers {
            switch key {
            case "title", "headline": article.title = value
            case "source", "publisher": article.source = value
            case "date":
                let line = headerStart + (headers.firstIndex { $0.key == key } ?? 0) + 1
                guard let day = Day(iso: value) else {
                    throw Diagnostic(.articleDate, "the date header '\(value)' is not a day written YYYY-MM-DD", line: line, column: 7)
                }
                guard ArticleFile.supportedDates.contains(day) else {
                    throw Diagnostic(
                        .articleDate, "the date header '\(value)' is outside the years \(ArticleFile.supportedYears) that relative dates are resolved in",
                        line: line, column: 7)
                }
                article.date = day
            default:
                // "sentences: two" would stand in for the count factsh keeps there.
                if ArticleLoader.computedFields.contains(key) {
                    let line = headerStart + (headers.firstIndex { $0.key == key } ?? 0) + 1
                    throw Diagnostic(
                        .articleHeader, "the header '\(key)' names a field factsh fills itself (\(ArticleLoader.computedFields.sorted().joined(separator: ", "))); call it something else",
                        line: line, column: 1)
                }
                article.extraHeaders.append((key, value))
            }
        }
        if article.date == nil {
            if let fallbackDate, !ArticleFile.supportedDates.contains(fallbackDate) {
                throw Diagnostic(.articleDate, "the date \(fallbackDate) is outside the years \(ArticleFile.supportedYears) that relative dates are resolved in", line: 1, column: 1)
            }
            article.date = fallbackDate
            if fallbackDate == nil {
                warnings.append(
                    Diagnostic(
                        .articleDate,
                        headers.isEmpty
                            ? "no header: relative dates (\"on Friday\", \"overnight\") stay null; give one with '.load PATH date YYYY-MM-DD'"
                            : "no 'date:' header: relative dates stay null; give one with '.load PATH date YYYY-MM-DD'", line: 1, column: 1, severity: .warning))
            }
        }
        article.body = (lines[min(index, lines.count)...].map(String.init) + (bodyOffset < utf8.endIndex ? [String(Substring(utf8[bodyOffset...]))] : []))
            .joined(separator: "\n")
        if article.body.allSatisfy(\.isWhitespace) {
            warnings.append(Diagnostic(.emptyFile, "the article has no body text", line: index + 1, column: 1, severity: .warning))
        }
        return (article, warnings)
    }

    /// `key: value` where key is one word; nil for anything else.
    private static func headerLine(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.count <= 30, key.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) else { return nil }
        let value = line[line.index(after: colon)...]
        guard value.first == " " || value.isEmpty else { return nil }
        return (key.lowercased(), value.trimmingWhitespace)
    }
}
