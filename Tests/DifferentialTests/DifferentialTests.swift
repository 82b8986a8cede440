import FactStore
import FactSyntax
import Foundation
import TestSupport
import Testing

@testable import FactEngine
@testable import SessionStore

/// factsh against an independent oracle, as SQLancer does: each random query is a small tree of
/// this test's own (`OracleQuery`), printed as factsh text, which factsh parses and runs, and as
/// SQL written here, which SQLite runs. factsh's own SQL translation is not used: it shares
/// factsh's planner, so a binding bug would agree with itself.
///
/// Results are compared as multisets unless the query sorts (factsh's sort is stable, so then
/// in order); ints, strings and per-row arithmetic exactly, floating totals and means within
/// the error of adding in another order. Where factsh reports a runtime error the oracle must
/// find one too, and the other way round.
///
/// factsh runs each query on one thread and on two, its rows cut in morsels of a few hundred
/// (so that merging the morsels' partial results is tested on small relations): the two
/// must give exactly the same rows, or both a runtime error.
///
/// `FACTSH_DIFF_CASES` and `FACTSH_DIFF_SEED` set how many cases and where they start (`make
/// soak` runs 10,000); a failure prints its seed, which replays alone with
/// `FACTSH_DIFF_SEED=N FACTSH_DIFF_CASES=1`.
@Suite struct DifferentialTests {
    /// Rows per morsel here: small relations still make several morsels.
    static let morselSize = 997
    static var caseCount: Int { Int(ProcessInfo.processInfo.environment["FACTSH_DIFF_CASES"] ?? "") ?? 300 }
    static var firstSeed: UInt64 { UInt64(ProcessInfo.processInfo.environment["FACTSH_DIFF_SEED"] ?? "") ?? 1 }

    enum Outcome {
        case agreed
        case failedInBoth
        case skipped(String)
        case disagreed(String)
    }

    @Test func factshAgreesWithTheOracle() throws {
        try Self.checkSQLiteFoldsOnlyASCII()
        try Self.checkOracleFunctions()
        var runner = Runner()
        var agreed = 0
        var failedInBoth = 0
        var skipped: [String: Int] = [:]
        var failures: [String] = []
        var sizes: [String: Int] = [:]
        var forms: [String: Int] = [:]
        let seeds = Self.firstSeed..<(Self.firstSeed + UInt64(Self.caseCount))
        for seed in seeds {
            let (outcome, size, used) = try runner.run(seed: seed)
            sizes[size, default: 0] += 1
            for form in used { forms[form, default: 0] += 1 }
            switch outcome {
            case .agreed: agreed += 1
            case .failedInBoth: failedInBoth += 1
            case .skipped(let why): skipped[why, default: 0] += 1
            case .disagreed(let detail): failures.append("seed \(seed): \(detail)")
            }
            if failures.count >= 5 { break }
        }
        let ran = agreed + failedInBoth + skipped.values.reduce(0, +) + failures.count
        var report = "differential: \(ran) cases ran, \(agreed + failedInBoth) agreed (\(failedInBoth) of them a runtime error in both), "
        report += "\(skipped.values.reduce(0, +)) skipped, \(failures.count) disagreed"
        report += "; relations: " + sizes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print(report)
        print("  cases using each form: " + OracleForms.expected.sorted().map { "\($0) \(forms[$0, default: 0])" }.joined(separator: ", "))
        for (why, count) in skipped.sorted(by: { $0.value > $1.value }) { print("  skipped \(count): \(why)") }
        for failure in failures {
            print(failure)
            Issue.record(Comment(rawValue: failure))
        }
        // A skip is a case the oracle could not judge; they must stay rare.
        #expect(skipped.values.reduce(0, +) * 100 <= max(ran, 1))
        // Every form is generated, over a run of the usual length or more.
        if ran >= 300 { #expect(OracleForms.expected.filter { forms[$0, default: 0] == 0 }.isEmpty) }
    }

    /// The oracle's `contains` relies on SQLite's lower() folding ASCII letters only, as factsh
    /// does; SQLite built with ICU folds all of Unicode.
    static func checkSQLiteFoldsOnlyASCII() throws {
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        let rows = try database.query("SELECT lower('ÉКИЇВ İAZ')")
        #expect(rows == [[.text("ÉКИЇВ İaz")]], "this SQLite's lower() folds more than ASCII: the oracle's contains would not be factsh's")
    }

    /// What the oracle's `like`, `matches`, `lower` and `upper` rest on (see OracleFunctions).
    static func checkOracleFunctions() throws {
        #expect(OracleFunctions.registered)
        let database = try SQLiteDatabase(path: ":memory:", create: true)
        try database.execute("PRAGMA case_sensitive_like = ON")
        let rows = try database.query(
            "SELECT 'Kyiv' LIKE 'k%', 'Kyiv' LIKE 'K_iv', '日本' LIKE '__', oracle_regexp('Kyiv', '^K[a-z]+$'), oracle_regexp('kyiv', '^K'), oracle_regexp(NULL, 'a'), oracle_upper('straße'), oracle_lower('ÉKИЇВ İ')"
        )
        #expect(rows == [[.integer(0), .integer(1), .integer(1), .integer(1), .integer(0), .null, .text("STRAßE"), .text("ékиїв i")]])
    }

    /// Cases by seed. A large relation is shared by a block of consecutive seeds (it is built from
    /// the block's number, so a seed replays alone), a smaller one is made for each case.
    struct Runner {
        static let block: UInt64 = 16
        var shared: (block: UInt64, relation: LoadedRelation)?

        struct LoadedRelation {
            var table: OracleGenerator.Table
            var interpreter: Interpreter
            var database: SQLiteDatabase
        }

        mutating func run(seed: UInt64) throws -> (Outcome, String, Set<String>) {
            var blockRandom = OracleGenerator(random: SeededGenerator(state: (seed / Self.block) &* 0x9E37_79B9 &+ 7))
            let relation: LoadedRelation
            let size: String
            if blockRandom.chance(7) {
                size = "large (20,000-100,000 rows)"
                if let shared, shared.block == seed / Self.block {
                    relation = shared.relation
                } else {
                    relation = try Self.load(blockRandom.table(rows: blockRandom.int(20_000...100_000)))
                    shared = (seed / Self.block, relation)
                }
            } else {
                var caseRandom = OracleGenerator(random: SeededGenerator(state: seed &* 0x2545_F491 &+ 3))
                let rows: Int
                switch caseRandom.int(0..<100) {
                case 0..<40:
                    size = "tiny (0-12 rows)"
                    rows = caseRandom.int(0...12)
                case 40..<80:
                    size = "small (13-300 rows)"
                    rows = caseRandom.int(13...300)
                default:
                    size = "medium (301-5,000 rows)"
                    rows = caseRandom.int(301...5000)
                }
                relation = try Self.load(caseRandom.table(rows: rows))
            }
            var sideRandom = OracleGenerator(random: SeededGenerator(state: seed &* 0x9E37_79B9 &+ 11))
            let side = OracleSideRelations(&sideRandom)
            var withSide = relation
            for (name, sideRelation) in side.relations { withSide.interpreter.environment.catalog.set(name, sideRelation) }
            try side.load(into: relation.database)
            var generator = OracleGenerator(random: SeededGenerator(state: seed))
            let query = generator.query(relation.table.columns, rowCount: relation.table.rowCount)
            return (try DifferentialTests.compare(query, on: withSide), size, OracleForms.of(query))
        }

        /// The relation in factsh (as `r`) and in SQLite (as `q0`).
        static func load(_ table: OracleGenerator.Table) throws -> LoadedRelation {
            let fields = table.columns.map { Field(name: $0.name, type: $0.type) }
            let columns = zip(table.columns, table.values).map { Column(type: $0.type, values: $1) }
            var interpreter = Interpreter()
            interpreter.threads = 1
            interpreter.morselSize = DifferentialTests.morselSize
            interpreter.environment.catalog.set("r", Relation(fields: fields, columns: columns, rowCount: table.rowCount))
            precondition(OracleFunctions.registered, "the oracle's SQLite functions could not be registered")
            let database = try SQLiteDatabase(path: ":memory:", create: true)
            try database.execute("PRAGMA case_sensitive_like = ON")
            let declared = table.columns.indices.map { k in
                "c\(k) " + (table.columns[k].type == .number ? "REAL" : table.columns[k].type == .string ? "TEXT" : "INTEGER")
            }
            try database.execute("CREATE TABLE q0 (\(declared.joined(separator: ", ")), o INTEGER, err INTEGER)")
            try database.execute("BEGIN")
            let placeholders = Array(repeating: "?", count: table.columns.count + 2).joined(separator: ", ")
            try database.insert(
                "INSERT INTO q0 VALUES (\(placeholders))",
                rows: (0..<table.rowCount).lazy.map { row in
                    table.values.map { sqlCell($0[row]) } + [.integer(Int64(row)), .integer(0)]
                })
            try database.execute("COMMIT")
            return LoadedRelation(table: table, interpreter: interpreter, database: database)
        }

        /// Bools as 0/1 and dates as day numbers, in the table and in every result.
        static func sqlCell(_ value: Value) -> SQLiteDatabase.Cell {
            switch value {
            case .null: .null
            case .int(let int): .integer(int)
            case .number(let number): .real(number)
            case .string(let string): .text(string)
            case .date(let day): .integer(day.number)
            case .bool(let bool): .integer(bool ? 1 : 0)
            default: .text(value.description)
            }
        }
    }

    // MARK: comparing

    static func compare(_ query: OracleQuery, on relation: Runner.LoadedRelation) throws -> Outcome {
        let text = FactshText.query(query, relation: "r")
        if ProcessInfo.processInfo.environment["FACTSH_DIFF_SHOW"] != nil {
            print(text)
            for statement in OracleSQL.stages(query) + [OracleSQL.result(query)] { print("  " + statement + ";") }
        }
        let source = SourceFile(name: "case", text: text)
        let (statements, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty, statements.count == 1, case .query(let parsed) = statements[0].kind else {
            return .disagreed("\(text)\n  does not parse: \(diagnostics.map(\.message))")
        }
        var factsh: QueryResult?
        var factshError: String?
        do {
            factsh = try relation.interpreter.run(parsed, in: source)
        } catch let diagnostic where diagnostic.kind == .runtime {
            factshError = diagnostic.message
        } catch {
            return .disagreed("\(text)\n  factsh refused it: \(error)")
        }
        if let difference = threadsDiffer(parsed, source, oneThread: factsh, relation: relation) {
            return .disagreed("\(text)\n  \(difference)")
        }

        let database = relation.database
        let stages = OracleSQL.stages(query)
        defer { for index in 1..<query.schemas.count { try? database.execute("DROP TABLE IF EXISTS temp.q\(index)") } }
        let sqlite: [[SQLiteDatabase.Cell]]
        let oracleFailed: Bool
        do {
            for statement in stages { try database.execute(statement) }
            oracleFailed = try database.query(OracleSQL.errors(query)) == [[.integer(1)]]
            sqlite = try database.query(OracleSQL.result(query))
        } catch {
            // SQLite stops at `abs` of the smallest int wherever it evaluates it (a sort key
            // included), before the error flag is read: that is the oracle finding the overflow.
            if factshError != nil, "\(error)".contains("integer overflow") { return .failedInBoth }
            return .disagreed("\(text)\n  \(stages.joined(separator: ";\n  "))\n  SQLite failed: \(error)")
        }
        let sql = stages.joined(separator: ";\n  ") + ";\n  " + OracleSQL.result(query)
        switch (factshError, oracleFailed) {
        case (nil, false): break
        case (_?, true): return .failedInBoth
        case (let message?, false):
            return .disagreed("\(text)\n  \(sql)\n  factsh failed (\(message)), the oracle gave \(sqlite.prefix(6))")
        case (nil, true):
            return .disagreed("\(text)\n  \(sql)\n  factsh gave a result where the oracle finds a runtime error")
        }
        guard let factsh else { return .disagreed("\(text): no result") }

        let columns = query.schemas.last!
        guard factsh.relation.fields.count == columns.count else {
            return .disagreed("\(text)\n  factsh gave \(factsh.relation.fields.count) columns, the query has \(columns.count)")
        }
        var ours: [[Cell]] = []
        for row in 0..<factsh.relation.rowCount {
            var cells: [Cell] = []
            for (column, declared) in zip(factsh.relation.columns, columns) {
                let cell = Cell(column[row])
                // factsh holds no infinity or NaN: arithmetic that would make one is an error.
                if case .number(let number) = cell, !number.isFinite {
                    return .disagreed("\(text)\n  factsh gave the non-finite number \(number)")
                }
                cells.append(cell)
                if declared.approximate { cells.append(.null) }
            }
            ours.append(cells)
        }
        let theirs = sqlite.map { row in row.enumerated().map { Cell($1) } }
        let layout = columns.flatMap { $0.approximate ? [Slot.value(approximate: true), .scale] : [.value(approximate: false)] }
        let same =
            query.ordered
            ? ours.count == theirs.count && zip(ours, theirs).allSatisfy { rowsMatch($0, $1, layout) }
            : sameMultiset(ours, theirs, layout)
        return same ? .agreed : .disagreed("\(text)\n  \(sql)\n  factsh (\(ours.count) rows) \(ours.prefix(8))\n  oracle (\(theirs.count) rows) \(theirs.prefix(8))")
    }

    /// Why the query on two threads does not give what it gave on one; nil when it does.
    static func threadsDiffer(_ query: Query, _ source: SourceFile, oneThread: QueryResult?, relation: Runner.LoadedRelation) -> String? {
        var interpreter = relation.interpreter
        interpreter.threads = 2
        let twoThreads = try? interpreter.run(query, in: source)
        switch (oneThread, twoThreads) {
        case (nil, nil): return nil
        case (let one?, let two?):
            let rows = { (result: QueryResult) in (0..<result.relation.rowCount).map { result.relation.row($0) } }
            if one.relation.fields == two.relation.fields, rows(one) == rows(two) { return nil }
            return "on two threads factsh gave \(rows(two).prefix(8)), on one \(rows(one).prefix(8))"
        case (nil, _?): return "on two threads factsh gave a result where one thread failed"
        case (_?, nil): return "on two threads factsh failed where one thread gave a result"
        }
    }

    enum Slot {
        case value(approximate: Bool)
        case scale
    }

    /// A result cell on either side: ints apart from floats, so that 2^63 - 1 and 2^63 - 2 differ.
    enum Cell: Hashable, Comparable, CustomStringConvertible {
        case null
        case int(Int64)
        case number(Double)
        case text(String)

        init(_ value: Value) {
            switch value {
            case .null: self = .null
            case .int(let int): self = .int(int)
            case .number(let number): self = .number(number)
            case .string(let string): self = .text(string)
            case .date(let day): self = .int(day.number)
            case .bool(let bool): self = .int(bool ? 1 : 0)
            default: self = .text("unexpected \(value.type): \(value)")
            }
        }

        init(_ cell: SQLiteDatabase.Cell) {
            switch cell {
            case .null: self = .null
            case .integer(let int): self = .int(int)
            case .real(let real): self = .number(real)
            case .text(let text): self = .text(text)
            case .invalidUTF8: self = .text("<not UTF-8>")
            case .blob: self = .text("<blob>")
            }
        }

        var description: String {
            switch self {
            case .null: "NULL"
            case .int(let int): String(int)
            case .number(let number): String(number)
            case .text(let text): "'\(text)'"
            }
        }

        var double: Double? {
            switch self {
            case .int(let int): Double(int)
            case .number(let number): number
            default: nil
            }
        }
    }

    /// Two rows agree: exact cells exactly (a float column may come back from SQLite as an
    /// integer when its value is whole), approximate ones within the rounding error of adding
    /// their terms in doubles, whose scale is the total of the terms' magnitudes.
    static func rowsMatch(_ ours: [Cell], _ theirs: [Cell], _ layout: [Slot]) -> Bool {
        guard ours.count == layout.count, theirs.count == layout.count else { return false }
        for index in layout.indices {
            let (a, b) = (ours[index], theirs[index])
            switch layout[index] {
            case .scale: continue
            case .value(let approximate):
                if a == b { continue }
                if case .number(let x) = a, case .int(let y) = b, x == Double(y), Double(y).magnitude < 9e15 { continue }
                if case .number(let x) = a, case .number(let y) = b, x == y { continue } // 0.0 and -0.0
                guard approximate, let x = a.double, let y = b.double else { return false }
                let scale = theirs[index + 1].double ?? 0
                if abs(x - y) > 1e-9 * max(abs(x), abs(y)) + 1e-9 * scale { return false }
            }
        }
        return true
    }

    /// The same rows in any order. Rows are sorted on both sides and paired; when approximate
    /// values put them in different orders, each row is matched to any unused row it agrees with.
    static func sameMultiset(_ ours: [[Cell]], _ theirs: [[Cell]], _ layout: [Slot]) -> Bool {
        guard ours.count == theirs.count else { return false }
        // Exact cells as they compare, whole floats as ints, approximate and scale cells ignored.
        func key(_ row: [Cell]) -> [Cell] {
            layout.indices.map { index in
                guard case .value(false) = layout[index] else { return .null }
                if case .number(let x) = row[index], x == x.rounded(), x.magnitude < 9e15 { return .int(Int64(x)) }
                return row[index]
            }
        }
        let a = ours.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        let b = theirs.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        if zip(a, b).allSatisfy({ rowsMatch($0.1, $1.1, layout) }) { return true }
        guard layout.contains(where: { if case .value(true) = $0 { true } else { false } }) else { return false }
        var unused = Array(b.indices)
        for (_, row) in a {
            guard let match = unused.firstIndex(where: { rowsMatch(row, b[$0].1, layout) }) else { return false }
            unused.remove(at: match)
        }
        return true
    }
}
