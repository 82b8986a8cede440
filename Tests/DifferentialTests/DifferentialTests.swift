import Foundation
import Testing
@testable import FactEngine
@testable import FactSyntax
import FactStore
@testable import SessionStore
import TestSupport

/// Every query runs in factsh and, through its `.sql` translation, in SQLite; the results must
/// match (as multisets where there is no `sort`; numbers to 1e-9 relative). Where factsh reports
/// a runtime error (division by zero, an overflow), SQLite must fail too. `FACTSH_DIFF_CASES` and
/// `FACTSH_DIFF_SEED` set how many cases and where they start (`make soak`).
@Suite struct DifferentialTests {
    static var caseCount: Int { Int(ProcessInfo.processInfo.environment["FACTSH_DIFF_CASES"] ?? "") ?? 1000 }
    static var firstSeed: UInt64 { UInt64(ProcessInfo.processInfo.environment["FACTSH_DIFF_SEED"] ?? "") ?? 1 }

    @Test func factshAgreesWithSQLite() throws {
        var agreed = 0
        var failedInBoth = 0
        var failures: [String] = []
        for seed in Self.firstSeed..<(Self.firstSeed + UInt64(Self.caseCount)) {
            switch try Self.run(seed: seed) {
            case .agreed: agreed += 1
            case .failedInBoth: failedInBoth += 1
            case .disagreed(let detail): failures.append("seed \(seed): \(detail)")
            }
            if failures.count >= 5 { break }
        }
        print("differential: \(agreed) cases agreed with SQLite, \(failedInBoth) failed in both, \(failures.count) disagreed")
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    enum Outcome { case agreed, failedInBoth, disagreed(String) }

    static func run(seed: UInt64) throws -> Outcome {
        var generator = QueryGenerator(random: SeededGenerator(state: seed))
        let script = generator.relation()
        let (query, ordered) = generator.query()
        return try compare(script: script, query: query, ordered: ordered)
    }

    /// Runs `query` over the relation `r` that `script` adds, in factsh and in SQLite.
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
        } catch let diagnostic as Diagnostic where diagnostic.kind == .runtime {
            factshError = diagnostic
            factsh = QueryResult(relation: Relation(fields: [], columns: [], rowCount: 0), isGrouped: false)
        } catch {
            return .disagreed("\(query): factsh failed: \(error)")
        }
        let sql = try SQLTranslator(environment: interpreter.environment, source: source).translate(parsed)
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        try load(interpreter.environment.catalog["r"]!, into: database)
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

    /// The generated relation as a SQLite table: dates as ISO text, bools as 0/1.
    static func load(_ relation: Relation, into database: SQLiteDatabase) throws {
        let columns = relation.fields.flatMap { field -> [String] in
            let type = switch field.type { case .int, .bool: "INTEGER"; case .number, .quantity: "REAL"; default: "TEXT" }
            let column = "\(SQLTranslator.identifier(field.name)) \(type)"
            return field.type == .quantity ? [column, "\(SQLTranslator.identifier(field.name + "_qualifier")) TEXT"] : [column]
        }
        try database.execute("CREATE TABLE r (\(columns.joined(separator: ", ")))")
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
        try database.insert("INSERT INTO r VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))", rows: rows)
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
