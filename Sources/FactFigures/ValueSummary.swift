import FactStore

/// The distinct values of one figure, most-reported first, with the reports and the people or
/// bodies that give each: `9 (2 reports); 14 (1 report: c)` and `9: police; 14: governor`.
struct ValueSummary {
    struct Entry {
        var quantity: Quantity
        var articles: [String] = []
        var sources: [String] = []
    }

    private(set) var entries: [Entry] = []
    private(set) var reportCount = 0

    init(_ group: FigureGrouping.Group, attribution: Column?, publishers: [String: String]) {
        var index: [String: Int] = [:]
        var reports = Set<String>()
        for member in group.members.sorted(by: { $0.row < $1.row }) {
            reports.insert(member.article)
            let key = member.quantity.description
            let position =
                index[key]
                ?? {
                    entries.append(Entry(quantity: member.quantity))
                    index[key] = entries.count - 1
                    return entries.count - 1
                }()
            if !entries[position].articles.contains(member.article) { entries[position].articles.append(member.article) }
            let source: String = if case .string(let name)? = attribution?[member.row] { name } else { publishers[member.article] ?? member.article }
            if !entries[position].sources.contains(source) { entries[position].sources.append(source) }
        }
        reportCount = reports.count
        // Most-reported first; among equals, the first given.
        entries = entries.enumerated().sorted { ($1.element.articles.count, $0.offset) < ($0.element.articles.count, $1.offset) }.map(\.element)
    }

    var mostReported: Quantity { entries[0].quantity }
    var low: Quantity { entries.min { $0.quantity.value < $1.quantity.value }!.quantity }
    var high: Quantity { entries.max { ($0.quantity.upper ?? $0.quantity.value) < ($1.quantity.upper ?? $1.quantity.value) }!.quantity }

    var valuesText: String {
        entries.map { entry in
            let count = entry.articles.count
            return "\(entry.quantity) (" + (count == 1 ? "1 report: \(entry.articles[0])" : "\(count) reports") + ")"
        }.joined(separator: "; ")
    }

    var sourcesText: String {
        entries.map { "\($0.quantity): " + $0.sources.joined(separator: ", ") }.joined(separator: "; ")
    }
}
