/// Ctrl-R at the prompt: the newest statements first that contain what has been typed, shown
/// on a prompt that says what it is doing, as bash's `(reverse-i-search)` does, instead of
/// libedit's bare `bck:`. The terminal side is the line reader's; this is the searching.
public struct HistorySearch: Sendable {
    public private(set) var query = ""
    /// How many older matches Ctrl-R has passed over.
    private var skipped = 0
    private let entries: [String]

    /// `entries` oldest first, as history keeps them.
    public init(entries: [String]) { self.entries = entries }

    /// The match shown: the newest entry containing the query, after those passed over.
    public var match: String? {
        guard !query.isEmpty else { return nil }
        let wanted = query.lowercased()
        return entries.reversed().lazy.filter { $0.lowercased().contains(wanted) }.dropFirst(skipped).first
    }

    public mutating func type(_ text: String) {
        query += text
        skipped = 0
    }

    public mutating func erase() {
        if !query.isEmpty { query.removeLast() }
        skipped = 0
    }

    /// Ctrl-R again: the next older match, if there is one.
    public mutating func older() {
        skipped += 1
        if match == nil { skipped -= 1 }
    }

    /// The line the search shows in place of the prompt.
    public var prompt: String {
        let found = match.map { $0.replacing("\n", with: " ") } ?? (query.isEmpty ? "" : "no match")
        return "(history search) '\(query)': \(found)"
    }
}
