import FactEngine
import FactStore
import FactSyntax
import Testing

@testable import SessionStore

/// The attempts an analyst made that the language for analysts answers (joins, membership,
/// functions, time buckets, top N per group, distinct, lists, patterns, paging, division, the
/// extremes of reported numbers), each as factsh now reads it and as SQL written by hand for
/// SQLite over the same data: the answers must be the same. The SQL is not factsh's
/// translation, so a wrong answer shared by the engine and `.sql` is caught here too.
@Suite struct IssueAttemptTests {
    static let facts = """
        add strikes date = 2025-05-19, oblast = "Kyiv", drones = 4, source = "Reuters", place = "Kyiv"
        add strikes date = 2025-05-20, oblast = "Kharkiv", drones = 90, source = "blog", place = "Kharkiv city"
        add strikes date = 2025-05-27, oblast = "Kyiv", drones = 40, source = "AP", place = "Bila Tserkva"
        add strikes date = 2025-06-02, oblast = "Kharkiv", drones = 7, source = "AP", place = "kupiansk"
        add strikes date = 2025-06-03, oblast = null, drones = 12, source = null, place = "Odesa"
        add sources source = "Reuters", kind = "wire"
        add sources source = "AP", kind = "wire"
        add sources source = "blog", kind = "blog"
        add wires name = "Reuters"
        add wires name = "AP"
        add tallies g = 1, q = 0
        add tallies g = 1, q = more than 2
        add tallies g = 2, q = 12
        add tallies g = 2, q = at least 12
        add tallies g = 2, q = about 5
        add tallies g = 3, q = 12
        add tallies g = 3, q = at least 12

        """

    /// The extreme of a group's reported numbers in SQL: the number, then the qualifier that
    /// lies lower (for min) or higher (for max) when numbers tie.
    static func extreme(_ direction: String) -> String {
        let rank = "CASE q_qualifier WHEN 'more_than' THEN 2 WHEN 'at_least' THEN 1 ELSE 0 END"
        let pick = "FROM tallies t WHERE t.g = x.g AND q IS NOT NULL ORDER BY q \(direction), \(rank) \(direction) LIMIT 1"
        return "(SELECT q \(pick)), (SELECT q_qualifier \(pick))"
    }

    /// Each attempt: factsh's query, SQLite's, and whether the order is part of the answer.
    static let attempts: [(factsh: String, sql: String, ordered: Bool)] = [
        // Joins: "strikes join sources on source" was "expected a clause".
        (
            "strikes join sources on source show date, source, kind",
            "SELECT s.date, s.source, o.kind FROM strikes s JOIN sources o ON s.source = o.source ORDER BY s.rowid, o.rowid", true
        ),
        ("strikes left join sources on source show place, kind", "SELECT place, kind FROM strikes s LEFT JOIN sources o ON s.source = o.source ORDER BY s.rowid", true),
        // Membership: "'wires' is a relation, not a value".
        ("strikes where source in (wires) show place", "SELECT place FROM strikes WHERE source IN (SELECT name FROM wires) ORDER BY rowid", true),
        ("strikes where source not in (wires) show place", "SELECT place FROM strikes WHERE source NOT IN (SELECT name FROM wires) ORDER BY rowid", true),
        // Functions: "show lower(place)" was "found '('".
        ("strikes show lower(place)", "SELECT lower(place) FROM strikes ORDER BY rowid", true),
        // Time buckets: weekly and monthly tallies.
        ("strikes sum drones by trunc(date, week) as week", "SELECT date(date, '-6 days', 'weekday 1') AS w, SUM(drones) FROM strikes GROUP BY w", false),
        ("strikes count by month(date) as m", "SELECT CAST(strftime('%m', date) AS INTEGER) AS m, COUNT(*) FROM strikes GROUP BY m", false),
        (
            "strikes count by (date - 2025-05-19) // 7 as w",
            "SELECT CAST(julianday(date) - julianday('2025-05-19') AS INTEGER) / 7 AS w, COUNT(*) FROM strikes GROUP BY w", false
        ),
        // Top N per group.
        (
            "strikes sort drones desc limit 1 by oblast show oblast, drones",
            "SELECT oblast, drones FROM (SELECT *, rowid AS r, ROW_NUMBER() OVER (PARTITION BY oblast ORDER BY drones DESC, rowid) AS n FROM strikes) WHERE n = 1 ORDER BY drones DESC, r",
            true
        ),
        // Distinct values.
        ("strikes show distinct oblast", "SELECT DISTINCT oblast FROM strikes", false),
        // Lists: who said what, in one row.
        ("strikes list source by oblast", "SELECT oblast, group_concat(source, ', ') FROM (SELECT * FROM strikes ORDER BY rowid) GROUP BY oblast", false),
        // Patterns: `like`, case as written (SQLite's GLOB; its LIKE ignores case).
        ("strikes where place like \"K%\" show place", "SELECT place FROM strikes WHERE place GLOB 'K*' ORDER BY rowid", true),
        ("strikes where place like \"_yiv\" show place", "SELECT place FROM strikes WHERE place GLOB '?yiv' ORDER BY rowid", true),
        // Paging.
        ("strikes sort date limit 2 offset 1 show date", "SELECT date FROM strikes ORDER BY date, rowid LIMIT 2 OFFSET 1", true),
        // Traps: `drones / 7` gave 0 when drones is 4.
        ("strikes show drones / 7", "SELECT drones / 7.0 FROM strikes ORDER BY rowid", true),
        // min and max return one of the values given, with its own qualifier.
        ("tallies min q, max q by g", "SELECT g, \(extreme("ASC")), \(extreme("DESC")) FROM (SELECT DISTINCT g FROM tallies) x", false)
    ]

    @Test(arguments: attempts.indices)
    func theAttemptGivesSQLitesAnswer(index: Int) throws {
        let (query, sql, ordered) = Self.attempts[index]
        var interpreter = Interpreter()
        for statement in Parser.parse(SourceFile(name: "facts", text: Self.facts)).statements { _ = try interpreter.execute(statement) }
        let source = SourceFile(name: "attempt", text: query)
        guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else {
            Issue.record("\(query) does not parse")
            return
        }
        let result = try interpreter.run(parsed, in: source).relation
        let ours = (0..<result.rowCount).map { row in
            zip(result.fields, result.columns).flatMap { field, column -> [TranslationCheck.Cell] in
                guard field.type == .quantity else { return [TranslationCheck.normalise(column[row])] }
                guard case .quantity(let quantity) = column[row] else { return [.null, .null] }
                return [.number(quantity.value), .text(quantity.qualifier.name)]
            }
        }
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        for name in interpreter.environment.catalog.names { try TranslationCheck.load(interpreter.environment.catalog[name]!, as: name, into: database) }
        let theirs = try database.query(sql).map { $0.map(TranslationCheck.normalise) }
        let same = ordered ? ours.elementsEqual(theirs, by: TranslationCheck.rowsEqual) : TranslationCheck.sameMultiset(ours, theirs)
        #expect(same, "\(query)\n  factsh \(ours)\n  \(sql)\n  sqlite \(theirs)")
    }
}
