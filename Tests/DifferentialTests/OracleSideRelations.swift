import FactStore

@testable import SessionStore

/// The relations a generated query reads beside `r`: `s`, which it joins (fields k, name, i,
/// d, w: `i` and `d` clash with r's, so the join must name them `r.i` and `s.i`), and `ki` and
/// `ks`, relations of one field that `in (ki)` tests membership in. Each case makes its own,
/// small (a join of a large `r` with them stays small), with nulls and repeated keys.
struct OracleSideRelations {
    static let joinedName = "s"
    /// The joined relation's table in the oracle's SQLite: c0... by position, and `o`, its row
    /// order.
    static let joinedTable = "j0"
    static let joined = [
        OracleColumn(name: "k", type: .int, bound: 20),
        OracleColumn(name: "name", type: .string),
        OracleColumn(name: "i", type: .int, bound: 20),
        OracleColumn(name: "d", type: .date),
        OracleColumn(name: "w", type: .number, bound: 10)
    ]
    /// The relations of one field, by name, with the type of their field.
    static let members: [(name: String, type: ValueType)] = [("ki", .int), ("ks", .string)]

    /// A membership relation's table in the oracle's SQLite (its field is `c0`).
    static func table(_ relation: String) -> String { "m_" + relation }

    var joinedValues: [[Value]] // by column
    var memberValues: [[Value]] // by relation

    init(_ generator: inout OracleGenerator) {
        let rows = generator.int(0...25)
        let nullRate = generator.pick([0, 10, 30])
        let firstDay = Day(year: 2025, month: 1, day: 1)!.number
        func maybeNull(_ make: (inout OracleGenerator) -> Value) -> [Value] {
            (0..<rows).map { _ in generator.chance(nullRate) ? .null : make(&generator) }
        }
        joinedValues = [
            maybeNull { .int(Int64($0.int(-20...20))) },
            maybeNull { .string($0.pick(OracleGenerator.strings)) },
            maybeNull { .int(Int64($0.int(-20...20))) },
            maybeNull { .date(Day(number: firstDay + Int64($0.int(-400...400)))) },
            maybeNull { .number(Double($0.int(-80...80)) / 8) }
        ]
        memberValues = Self.members.map { member in
            var values: [Value] = (0..<generator.int(0...6)).map { _ in
                member.type == .int ? .int(Int64(generator.int(-20...20))) : .string(generator.pick(OracleGenerator.strings))
            }
            if generator.chance(20) { values.append(.null) }
            return values
        }
    }

    /// Each relation under its name, as factsh's catalog holds them.
    var relations: [(String, Relation)] {
        let joined = Relation(
            fields: Self.joined.map { Field(name: $0.name, type: $0.type) },
            columns: zip(Self.joined, joinedValues).map { Column(type: $0.type, values: $1) },
            rowCount: joinedValues[0].count)
        let members = zip(Self.members, memberValues).map { member, values in
            (member.name, Relation(fields: [Field(name: "v", type: member.type)], columns: [Column(type: member.type, values: values)], rowCount: values.count))
        }
        return [(Self.joinedName, joined)] + members
    }

    /// The same relations in the oracle's SQLite, replacing the last case's.
    func load(into database: SQLiteDatabase) throws {
        let tables = [Self.joinedTable] + Self.members.map { Self.table($0.name) }
        for table in tables { try database.execute("DROP TABLE IF EXISTS \(table)") }
        let declared = Self.joined.indices.map { "c\($0) \(Self.sqlType(Self.joined[$0].type))" }.joined(separator: ", ")
        try database.execute("CREATE TABLE \(Self.joinedTable) (\(declared), o INTEGER)")
        let placeholders = Array(repeating: "?", count: Self.joined.count + 1).joined(separator: ", ")
        try database.insert(
            "INSERT INTO \(Self.joinedTable) VALUES (\(placeholders))",
            rows: joinedValues[0].indices.map { row in joinedValues.map { DifferentialTests.Runner.sqlCell($0[row]) } + [.integer(Int64(row))] })
        for (member, values) in zip(Self.members, memberValues) {
            try database.execute("CREATE TABLE \(Self.table(member.name)) (c0 \(Self.sqlType(member.type)))")
            try database.insert("INSERT INTO \(Self.table(member.name)) VALUES (?)", rows: values.map { [DifferentialTests.Runner.sqlCell($0)] })
        }
    }

    static func sqlType(_ type: ValueType) -> String { type == .number ? "REAL" : type == .string ? "TEXT" : "INTEGER" }
}
