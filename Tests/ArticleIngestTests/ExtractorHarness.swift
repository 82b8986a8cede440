import FactStore
import Testing

@testable import ArticleIngest

/// Runs the whole extractor on sentences made up for one rule: each pass's tests use it, so a
/// rule is checked through the pipeline a user's article goes through.
enum ExtractorHarness {
    static let sunday = Day(iso: "2025-05-25")!

    static func mentions(_ text: String, date: Day? = sunday) -> [Mention] {
        MentionExtractor(articleDate: date).extract(SentenceSplitter.split(text))
    }

    /// The day (or span) of the first mention of `value`, written "start..end" ("2025-05-23..",
    /// ".." for none), or nil when there is no such mention.
    static func span(of value: Double, in text: String, date: Day? = sunday) -> String? {
        mentions(text, date: date).first { $0.value == value }.map { ($0.date?.description ?? "") + ".." + ($0.dateEnd?.description ?? "") }
    }

    static func only(_ text: String, date: Day? = sunday, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Mention? {
        let found = mentions(text, date: date)
        #expect(found.count == 1, "\(found.map { "\($0.value) \($0.unit ?? "-")" })", sourceLocation: sourceLocation)
        return found.first
    }
}
