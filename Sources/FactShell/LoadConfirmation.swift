/// The line a load ends with at a terminal, as psql and DuckDB users expect some word that a
/// long load has finished: `loaded 1,000,000 rows into events (12 fields) in 0.8 s`.
enum LoadConfirmation {
    static func dataFile(rows: Int, relation: String, fields: Int, duration: Duration) -> String {
        "loaded \(grouped(rows)) \(rows == 1 ? "row" : "rows") into \(relation) (\(fields) \(fields == 1 ? "field" : "fields")) in \(seconds(duration))\n"
    }

    static func article(_ id: String, sentences: Int, mentions: Int, duration: Duration) -> String {
        "loaded article \(id): \(counted(sentences: sentences, mentions: mentions)) in \(seconds(duration))\n"
    }

    /// Several articles loaded at once: `loaded 120 articles: 3,400 sentences, 5,600 mentions in 0.8 s`.
    static func articles(_ count: Int, sentences: Int, mentions: Int, duration: Duration) -> String {
        "loaded \(grouped(count)) articles: \(counted(sentences: sentences, mentions: mentions)) in \(seconds(duration))\n"
    }

    private static func counted(sentences: Int, mentions: Int) -> String {
        "\(grouped(sentences)) \(sentences == 1 ? "sentence" : "sentences"), \(grouped(mentions)) \(mentions == 1 ? "mention" : "mentions")"
    }

    /// `1,000,000`.
    static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (count < 0 ? "-" : "") + text
    }

    /// `0.8 s`, `0.03 s`, `12 s`: two significant digits at most, as a person reads a time.
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = whole * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds >= 10_000 { return "\(milliseconds / 1000) s" }
        if milliseconds >= 1000 { return "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s" }
        if milliseconds >= 100 { return "0.\(milliseconds / 100) s" }
        return "0.\(milliseconds / 10 < 10 ? "0" : "")\(max(1, milliseconds / 10)) s"
    }
}
