import FactSyntax

/// `contains` and `starts with`: ASCII letters match without regard to case, every other
/// character only itself, compared as UTF-8 bytes. This is the one rule SQL engines share
/// (`LOWER` folds ASCII only in SQLite, and in PostgreSQL under the "C" collation), so `.sql`
/// gives the answers factsh gives: "КИЇВ" does not contain "київ" in either.
enum TextMatch {
    /// The text with A-Z as a-z and every other byte as it is.
    static func folded(_ text: String) -> [UInt8] {
        text.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
    }

    static func asciiLowercased(_ text: String) -> String { String(decoding: folded(text), as: UTF8.self) }

    /// Whether `text` contains (or starts with) `pattern`, both already folded.
    static func matches(_ op: BinaryOperator, _ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= text.count else { return false }
        if op == .startsWith { return text.starts(with: pattern) }
        guard let first = pattern.first else { return true }
        var start = 0
        while start + pattern.count <= text.count {
            if text[start] == first, text[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
            start += 1
        }
        return false
    }
}
