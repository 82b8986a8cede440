import ArticleIngest
import FactStore

/// The `figures` and `disputes` relations, and each mention's `figure`, derived from
/// `mentions` (see figures.md): which numbers several reports give, who gives which, and
/// whether one number can satisfy them all.
public enum FigureTable {
    public static let fields = [
        Field(name: "id", type: .int), Field(name: "event", type: .string), Field(name: "unit", type: .string),
        Field(name: "date", type: .date), Field(name: "date_end", type: .date), Field(name: "reports", type: .int),
        Field(name: "mentions", type: .int), Field(name: "low", type: .quantity), Field(name: "high", type: .quantity),
        Field(name: "values", type: .string), Field(name: "sources", type: .string), Field(name: "agree", type: .bool),
        Field(name: "parts", type: .quantity)
    ]

    /// The derived relations of a catalog's mentions.
    public struct Derived: Sendable {
        public var figures: Relation
        public var disputes: Relation
        /// For each row of `mentions`, the id of its figure, or nil.
        public var figureOfMention: [Int64?]
    }

    public static func derive(mentions: Relation, articles: Relation?) -> Derived {
        let groups = FigureGrouping.groups(of: mentions)
        let publishers = publishers(articles)
        let attribution = mentions.column(named: "attributed_to")
        var figureOfMention = [Int64?](repeating: nil, count: mentions.rowCount)
        var columns = fields.map { Column(type: $0.type) }
        let summaries = groups.map { ValueSummary($0, attribution: attribution, publishers: publishers) }
        for (index, group) in groups.enumerated() {
            let id = Int64(index + 1)
            for member in group.members { figureOfMention[member.row] = id }
            let summary = summaries[index]
            let parts = parts(of: index, groups: groups, summaries: summaries)
            let agree =
                QuantityInterval.shareANumber(group.members.map(\.quantity.interval))
                && parts.map { QuantityInterval.shareANumber(group.members.map(\.quantity.interval) + [$0.interval]) } ?? true
            let row: [Value] = [
                .int(id), .string(group.key.event), .string(group.key.unit), .date(Day(number: group.start)),
                group.end == group.start ? .null : .date(Day(number: group.end)), .int(Int64(summary.reportCount)), .int(Int64(group.members.count)),
                .quantity(summary.low), .quantity(summary.high), .string(summary.valuesText), .string(summary.sourcesText), .bool(agree),
                parts.map(Value.quantity) ?? .null
            ]
            for (column, value) in row.enumerated() { columns[column].append(value) }
        }
        let figures = Relation(fields: fields, columns: columns, rowCount: groups.count)
        let disputed = figures.column(named: "agree").map { agree in figures.removingRows { agree[$0] != .bool(false) } } ?? figures
        return Derived(figures: figures, disputes: disputed, figureOfMention: figureOfMention)
    }

    /// Who published each article, by id: a number with no one credited is the outlet's.
    private static func publishers(_ articles: Relation?) -> [String: String] {
        guard let articles, let id = articles.column(named: "id"), let source = articles.column(named: "source") else { return [:] }
        var publishers: [String: String] = [:]
        for row in 0..<articles.rowCount {
            if case .string(let article) = id[row], case .string(let name) = source[row] { publishers[article] = name }
        }
        return publishers
    }

    /// The sum of the figures of single days, of the same event and unit, that tile a span
    /// figure's days exactly: "nearly 1,000 released over three days" against 390 + 307 + 303.
    private static func parts(of index: Int, groups: [FigureGrouping.Group], summaries: [ValueSummary]) -> Quantity? {
        let whole = groups[index]
        guard whole.length > 1 else { return nil }
        let inside = groups.indices.filter {
            $0 != index && groups[$0].key == whole.key && groups[$0].start >= whole.start && groups[$0].end <= whole.end && groups[$0].length < whole.length
        }
        var day = whole.start
        var sum = 0.0
        var allExact = true
        while day <= whole.end {
            guard let next = inside.filter({ groups[$0].start == day }).min(by: { groups[$0].length < groups[$1].length }) else { return nil }
            let value = summaries[next].mostReported
            sum += value.value
            allExact = allExact && value.qualifier == .exact
            day = groups[next].end + 1
        }
        return Quantity(sum, allExact ? .exact : .about)
    }
}
