import FactStore
import Foundation
import Testing

@testable import FactEngine
@testable import FactSyntax
@testable import SessionStore

/// Queries that once gave other answers through `.sql`, each run in factsh and in SQLite.
@Suite struct SQLTranslationCases {
    static let relation = """
        add r id = 0, k = at least 5, s = "Київ", n = 4, b = true
        add r id = 1, k = 7, s = "kyiv", n = 0, b = false
        add r id = 2, k = null, s = "KYIV", n = 2, b = null
        add r id = 3, k = ~3, s = "Zaporizhzhia", n = 0, b = true
        add r id = 4, k = more than 9, s = "éclair", n = 4, b = false

        """

    /// In order when the query sorts (factsh's sort is stable, so ties too), else as multisets.
    func expectAgreement(_ query: String, failing: Bool = false) throws {
        let outcome = try TranslationCheck.compare(script: Self.relation, query: query, ordered: query.contains("sort"))
        switch outcome {
        case .disagreed(let detail): Issue.record(Comment(rawValue: detail))
        case .failedInBoth: if !failing { Issue.record("failed at run time: \(query)") }
        case .agreed: if failing { Issue.record("expected factsh and SQLite to fail: \(query)") }
        }
    }

    func translation(_ query: String, _ dialect: SQLTranslator.Dialect) throws -> String {
        var interpreter = Interpreter()
        for statement in Parser.parse(SourceFile(name: "setup", text: Self.relation)).statements { _ = try interpreter.execute(statement) }
        let source = SourceFile(name: "case", text: query)
        guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else { throw SQLTranslator.Unsupported(message: "no query") }
        return try SQLTranslator(environment: interpreter.environment, source: source, dialect: dialect).translate(parsed)
    }

    @Test(arguments: [
        // A negative number negated was written `--12`, which begins a comment.
        "r show -(-12) as a, -(-n) as b", "r where -(-12) > n show id",
        // Names that differ only in case: SQLite matches quoted names without case.
        "r show n as a, n * 2 as A",
        "r show n as a, n * 2 as A sort A desc, a",
        "r count as a, sum n as A by s",
        // Names like the columns `.sql` uses: a quantity's qualifier, the order, the positions.
        "r show k, s as k_qualifier",
        "r show k, n as factsh_order sort factsh_order desc limit 3",
        "r show s as c1, n as c2, id as c1_q sort c2, c1",
        "r count as factsh_order by s sort factsh_order desc"
    ])
    func namesCannotCollide(query: String) throws {
        try expectAgreement(query)
    }

    @Test(arguments: [
        // `limit` keeps the relation's own order, and groups come in the order of their first rows.
        "r limit 2 sort n",
        "r where n < 4 limit 2 show s",
        "r count by n limit 1",
        "r limit 3 count as c, sum n as total",
        // A stable sort leaves ties in the order they had.
        "r sort n",
        "r sort n desc limit 3 show id",
        "r sort b limit 2 sort n"
    ])
    func limitKeepsFactshOrder(query: String) throws {
        try expectAgreement(query)
    }

    @Test func resultNamesAreDistinctWithoutCase() {
        let fields = [Field(name: "a", type: .int), Field(name: "A", type: .int), Field(name: "k", type: .quantity), Field(name: "k_qualifier", type: .string)]
        #expect(SQLTranslator.outputNames(fields) == ["\"a\"", "\"A_2\"", "\"k\"", "\"k_qualifier_2\"", "\"k_qualifier\""])
    }

    @Test(arguments: ["r min b as lo, max b as hi", "r min b as lo, max b as hi by n", "r where b is null max b"])
    func minAndMaxOfBools(query: String) throws {
        try expectAgreement(query)
        // PostgreSQL has no MIN(boolean): the bools are taken as 0 and 1.
        #expect(!(try translation(query, .postgresql)).contains("MIN(c5)"))
    }

    @Test(arguments: [
        "r where s contains \"київ\"", "r where s contains \"ИЇ\"", "r where s starts with \"к\"", "r where s starts with \"É\"",
        "r where s contains \"yiv\"", "r where s starts with \"KY\"", "r sort s", "r where s > \"kyiv\"", "r min s, max s"
    ])
    func stringsCompareByBytesAndFoldOnlyASCII(query: String) throws {
        try expectAgreement(query)
    }

    @Test func stringOrderIsBytewiseInEitherDialect() throws {
        #expect(try translation("r sort s", .sqlite).contains("c3 COLLATE BINARY ASC"))
        #expect(try translation("r sort s", .postgresql).contains("c3 COLLATE \"C\" ASC"))
        #expect(try translation("r where s >= \"K\"", .postgresql).contains("(c3 COLLATE \"C\" >= 'K')"))
        #expect(try translation("r max s", .postgresql).contains("MAX(c3 COLLATE \"C\")"))
        #expect(try translation("r where s contains \"Ки\"", .postgresql).contains("LOWER(c3 COLLATE \"C\") LIKE '%' || 'Ки' || '%'"))
        // Numbers and dates take no collation (PostgreSQL refuses one on a date).
        #expect(!(try translation("r sort n, id", .postgresql)).contains("COLLATE"))
    }

    @Test(arguments: [
        ("r show n / 0 as z", true), ("r show k / (n - 4)", true), ("r sum 10.0 / n", true),
        ("r show id + 9223372036854775807 as big", true), ("r sum n * 4611686018427387904", true), ("r show -(id - 9223372036854775807 - 2)", true),
        // A null dividend gives null, whatever the divisor.
        ("r where k is null show k / (n - 2)", false), ("r where id = 0 show id + 9223372036854775807", false)
    ])
    func divisionByZeroAndOverflowFailInBoth(query: String, failing: Bool) throws {
        try expectAgreement(query, failing: failing)
    }

    @Test func postgreSQLFailsOnItsOwn() throws {
        // PostgreSQL refuses division by zero and bigint overflow itself: no SQLite workaround.
        #expect(!(try translation("r show n / 0 + id * 3", .postgresql)).contains("abs("))
        #expect(try translation("r show n / 0", .sqlite).contains("abs(-9223372036854775807 - 1)"))
        // Its SUM of bigints is a numeric, which never overflows: cast back, it fails as factsh does.
        #expect(try translation("r sum n", .postgresql).contains("CAST(SUM(c4) AS BIGINT)"))
        #expect(try translation("r sum n", .sqlite).contains("SUM(c4) AS c1"))
    }
}

/// `.sql`'s translation checked against factsh: a query runs in factsh and, through
/// `SQLTranslator`, in SQLite. This tests the translation; the differential test's oracle
/// (`DifferentialTests`) is written independently of it.
enum TranslationCheck {
    enum Outcome {
        case agreed
        case failedInBoth
        case disagreed(String)
    }

    /// Runs `query` over the relations that `script` adds (`r`, and any others), in factsh and in SQLite.
    static func compare(script: String, query: String, ordered: Bool) throws -> Outcome {
        var interpreter = Interpreter()
        for statement in Parser.parse(SourceFile(name: "setup", text: script)).statements { _ = try interpreter.execute(statement) }
        let source = SourceFile(name: "case", text: query)
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty, case .query(let parsed)? = statements.first?.kind else {
            return .disagreed("\(query) does not parse: \(diagnostics.map(\.message))")
        }
        let factsh: QueryResult
        var factshError: Diagnostic?
        do {
            factsh = try interpreter.run(parsed, in: source)
        } catch let diagnostic where diagnostic.kind == .runtime {
            factshError = diagnostic
            factsh = QueryResult(relation: Relation(fields: [], columns: [], rowCount: 0), isGrouped: false)
        } catch {
            return .disagreed("\(query): factsh failed: \(error)")
        }
        let sql = try SQLTranslator(environment: interpreter.environment, source: source).translate(parsed)
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        for name in interpreter.environment.catalog.names { try load(interpreter.environment.catalog[name]!, as: name, into: database) }
        let sqlite: [[SQLiteDatabase.Cell]]
        do {
            sqlite = try database.query(sql)
        } catch {
            if factshError != nil { return .failedInBoth }
            return .disagreed("\(script)\(query)\n  \(sql)\n  SQLite failed: \(error)")
        }
        if let factshError {
            return .disagreed("\(script)\(query)\n  \(sql)\n  factsh failed (\(factshError.message)), SQLite gave \(sqlite.prefix(6))")
        }
        let ours = (0..<factsh.relation.rowCount).map { row in
            zip(factsh.relation.fields, factsh.relation.columns).flatMap { field, column -> [Cell] in
                // A quantity is its number and its qualifier in SQL.
                guard field.type == .quantity else { return [normalise(column[row])] }
                guard case .quantity(let quantity) = column[row] else { return [.null, .null] }
                return [.number(quantity.value), .text(quantity.qualifier.name)]
            }
        }
        let theirs = sqlite.map { $0.map(normalise) }
        let same = ordered ? ours.elementsEqual(theirs, by: rowsEqual) : sameMultiset(ours, theirs)
        return same ? .agreed : .disagreed("\(script)\(query)\n  \(sql)\n  factsh \(ours.prefix(6))\n  sqlite \(theirs.prefix(6))")
    }

    /// A relation as a SQLite table: dates as ISO text, bools as 0/1.
    static func load(_ relation: Relation, as name: String, into database: SQLiteDatabase) throws {
        let columns = relation.fields.flatMap { field -> [String] in
            let type =
                switch field.type {
                case .int, .bool: "INTEGER"
                case .number, .quantity: "REAL"
                default: "TEXT"
                }
            let column = "\(SQLTranslator.identifier(field.name)) \(type)"
            return field.type == .quantity ? [column, "\(SQLTranslator.identifier(field.name + "_qualifier")) TEXT"] : [column]
        }
        try database.execute("CREATE TABLE \(SQLTranslator.identifier(name)) (\(columns.joined(separator: ", ")))")
        let rows = (0..<relation.rowCount).map { row in
            zip(relation.fields, relation.columns).flatMap { field, column -> [SQLiteDatabase.Cell] in
                switch column[row] {
                case .null: field.type == .quantity ? [.null, .null] : [.null]
                case .int(let int): [.integer(int)]
                case .number(let number): [.real(number)]
                case .bool(let bool): [.integer(bool ? 1 : 0)]
                case .quantity(let quantity): [.real(quantity.value), .text(quantity.qualifier.name)]
                case let other: [.text(other.description)]
                }
            }
        }
        try database.insert("INSERT INTO \(SQLTranslator.identifier(name)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))", rows: rows)
    }

    enum Cell: Hashable, Comparable, CustomStringConvertible {
        case null
        case number(Double)
        case text(String)

        var description: String {
            switch self {
            case .null: "NULL"
            case .number(let number): String(number)
            case .text(let text): "'\(text)'"
            }
        }
    }

    static func normalise(_ value: Value) -> Cell {
        switch value {
        case .null: .null
        case .bool(let bool): .number(bool ? 1 : 0)
        case .int(let int): .number(Double(int))
        case .number(let number): .number(number)
        case let other: .text(other.description)
        }
    }

    static func normalise(_ cell: SQLiteDatabase.Cell) -> Cell {
        switch cell {
        case .null: .null
        case .integer(let int): .number(Double(int))
        case .real(let real): .number(real)
        case .text(let text): .text(text)
        case .invalidUTF8: .text("<not UTF-8>")
        case .blob: .text("<blob>")
        }
    }

    static func cellsEqual(_ a: Cell, _ b: Cell) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y)) }
        return a == b
    }

    static func rowsEqual(_ a: [Cell], _ b: [Cell]) -> Bool { a.count == b.count && zip(a, b).allSatisfy(cellsEqual) }

    static func sameMultiset(_ a: [[Cell]], _ b: [[Cell]]) -> Bool {
        guard a.count == b.count else { return false }
        let order = { (x: [Cell], y: [Cell]) in x.lexicographicallyPrecedes(y) }
        return zip(a.sorted(by: order), b.sorted(by: order)).allSatisfy(rowsEqual)
    }
}
