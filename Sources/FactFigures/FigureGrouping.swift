import ArticleIngest
import FactStore

/// Which mentions report the same figure: the same event class, the same thing counted (its
/// head noun in the singular), and days that overlap, where neither span is more than twice
/// the other ("last night" meets "on Sunday", but "over three days" is a figure of its own,
/// whose single days are its parts). Two mentions in one sentence of one article are never
/// the same figure. Undated mentions, and those with no event or unit, join none. Who said a
/// number is not part of the rule: different claimants about one figure is what a dispute is.
struct FigureGrouping {
    /// One mention that can join a figure.
    struct Member {
        var row: Int
        var article: String
        var sentence: Int64
        var quantity: Quantity
        var start: Int64
        var end: Int64
    }

    struct Key: Hashable {
        var event: String
        var unit: String
    }

    /// A figure under construction: its key, its span so far and its members in order.
    struct Group {
        var key: Key
        var start: Int64
        var end: Int64
        var members: [Member]
        var sentences: Set<Sentence>

        struct Sentence: Hashable {
            var article: String
            var number: Int64
        }

        var length: Int64 { end - start + 1 }

        func accepts(_ member: Member) -> Bool {
            guard member.start <= end, member.end >= start else { return false }
            let memberLength = member.end - member.start + 1
            guard 2 * min(length, memberLength) >= max(length, memberLength) else { return false }
            return !sentences.contains(Sentence(article: member.article, number: member.sentence))
        }

        mutating func add(_ member: Member) {
            start = min(start, member.start)
            end = max(end, member.end)
            members.append(member)
            sentences.insert(Sentence(article: member.article, number: member.sentence))
        }
    }

    /// The figures of a `mentions` relation, ordered by their first mention's row.
    static func groups(of mentions: Relation) -> [Group] {
        guard let article = mentions.column(named: "article"), let sentence = mentions.column(named: "sentence"),
            let value = mentions.column(named: "value"), let event = mentions.column(named: "event"),
            let unit = mentions.column(named: "unit"), let date = mentions.column(named: "date")
        else { return [] }
        let dateEnd = mentions.column(named: "date_end")
        var byKey: [Key: [Member]] = [:]
        for row in 0..<mentions.rowCount {
            guard case .string(let eventClass) = event[row], case .string(let counted) = unit[row], case .date(let day) = date[row],
                case .string(let articleID) = article[row], case .int(let sentenceNumber) = sentence[row],
                let quantity = Self.quantity(value[row])
            else { continue }
            let last: Day = if case .date(let end)? = dateEnd?[row], end >= day { end } else { day }
            let key = Key(event: eventClass, unit: NounLemma.head(of: counted))
            byKey[key, default: []].append(Member(row: row, article: articleID, sentence: sentenceNumber, quantity: quantity, start: day.number, end: last.number))
        }
        var groups: [Group] = []
        for (key, members) in byKey {
            var open: [Group] = []
            for member in members.sorted(by: { ($0.start, $0.end, $0.row) < ($1.start, $1.end, $1.row) }) {
                // Members come by their first day: a figure that ended before this one begins
                // can take no more.
                if open.contains(where: { $0.end < member.start }) {
                    groups += open.filter { $0.end < member.start }
                    open.removeAll { $0.end < member.start }
                }
                if let index = open.firstIndex(where: { $0.accepts(member) }) {
                    open[index].add(member)
                } else {
                    open.append(
                        Group(
                            key: key, start: member.start, end: member.end, members: [member],
                            sentences: [Group.Sentence(article: member.article, number: member.sentence)]))
                }
            }
            groups += open
        }
        return groups.sorted { $0.members.map(\.row).min()! < $1.members.map(\.row).min()! }
    }

    private static func quantity(_ value: Value) -> Quantity? {
        switch value {
        case .quantity(let quantity): quantity
        case .int(let int): Quantity(Double(int))
        case .number(let number): Quantity(number)
        default: nil
        }
    }
}
