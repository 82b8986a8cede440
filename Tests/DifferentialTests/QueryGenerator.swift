import FactStore
import TestSupport

/// Random relations (nulls, negatives, duplicates, Unicode, dates) and random well-typed
/// queries over the whole language that has a SQL form.
struct QueryGenerator {
    var random: SeededGenerator
    /// Set once an output may fail: no `limit` or `where` may follow it, since SQL evaluates an
    /// output only for the rows they keep and factsh for every row of the stage.
    var usedRisky = false

    static let strings = ["kyiv", "Lviv", "odesa", "Київ", "КИЇВ", "київ", "o'brien", "50%_off", "", "sumy", "SUMY", "kharkiv region", "İstanbul", "éclair", "ÉCLAIR"]
    static let fields: [(name: String, type: ValueType)] = [
        ("id", .int), ("i", .int), ("j", .int), ("x", .number), ("s", .string), ("t", .string), ("d", .date), ("b", .bool), ("q", .quantity),
    ]

    /// Output names, among them names that differ only in case and names like the columns
    /// `.sql` uses inside its statement or for a quantity's qualifier (`q_qualifier` beside `q`).
    static let outputNames = ["a", "A", "b2", "B2", "factsh_order", "q_qualifier", "c1", "c1_q", "s1", "x_2", "X"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    /// `count` distinct output names.
    mutating func names(_ count: Int) -> [String] { Array(Self.outputNames.shuffled(using: &random).prefix(count)) }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// `add` statements for a relation `r` of 0–40 rows.
    mutating func relation() -> String {
        var script = ""
        let rows = chance(5) ? 0 : Int.random(in: 1...40, using: &random)
        for row in 0..<rows {
            let cells = Self.fields.map { field in
                field.name == "id" ? "id = \(row)" : "\(field.name) = \(chance(15) ? "null" : literal(field.type))"
            }
            script += "add r " + cells.joined(separator: ", ") + "\n"
        }
        if rows == 0 { script = "add r id = 0, i = 1, j = 1, x = 1.0, s = \"a\", t = \"a\", d = 2025-01-01, b = true, q = at least 1\n" }
        return script
    }

    mutating func literal(_ type: ValueType) -> String {
        switch type {
        case .int: return String(Int.random(in: -20...20, using: &random))
        case .number: return String(Double(Int.random(in: -400...400, using: &random)) / 8)
        case .string:
            let text = pick(Self.strings)
            return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .date: return "2025-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
        case .bool: return chance(50) ? "true" : "false"
        case .quantity:
            let number = Int.random(in: 0...30, using: &random)
            return pick(["at least \(number)", "~\(number)", "more than \(number)", "nearly \(number)", "fewer than \(number)", "\(number)", "\(number)", "dozens"])
        default: return "null"
        }
    }

    mutating func fieldName(_ types: [ValueType]) -> String {
        pick(Self.fields.filter { types.contains($0.type) }).name
    }

    /// A bool condition over the row fields. Patterns are non-ASCII too: `contains` and
    /// `starts with` fold ASCII letters only, in factsh as in SQL.
    mutating func condition(depth: Int = 0) -> String {
        if depth < 2, chance(30) {
            let op = pick(["and", "or"])
            return "(\(condition(depth: depth + 1)) \(op) \(condition(depth: depth + 1)))"
        }
        if depth < 2, chance(8) { return "not (\(condition(depth: depth + 1)))" }
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return "\(numeric()) \(pick(["=", "!=", "<", "<=", ">", ">="])) \(numeric())"
        case 1: return "\(fieldName([.string])) \(pick(["=", "!=", "<", ">="])) \(literal(.string))"
        case 2: return "d \(pick(["=", "<", ">="])) \(literal(.date))"
        case 3: return "\(fieldName([.string])) contains \"\(pick(["k", "iv", "%", "_", "o'", "SUMY", "", "иї", "ИЇ", "i", "É", "é", "İ"]))\""
        case 4: return "\(fieldName([.string])) starts with \"\(pick(["k", "l", "5", "KY", "", "к", "К", "i", "É"]))\""
        case 5: return "\(fieldName([.int, .number, .string, .date, .bool])) is \(chance(50) ? "not " : "")null"
        case 6: return "i \(chance(30) ? "not " : "")in (\(literal(.int)), \(literal(.int)), \(chance(20) ? "null" : literal(.int)))"
        case 7: return "x \(chance(20) ? "not " : "")between \(literal(.number)) and \(literal(.number))"
        default: return chance(50) ? "b" : "b = \(literal(.bool))"
        }
    }

    /// An int or number expression without division by a possible zero.
    mutating func numeric(depth: Int = 0) -> String {
        if depth < 2, chance(35) {
            let op = pick(["+", "-", "*"])
            return "(\(numeric(depth: depth + 1)) \(op) \(numeric(depth: depth + 1)))"
        }
        if chance(10) { return "(\(fieldName([.int])) / \(pick(["2", "3", "-4"])))" }
        return chance(70) ? fieldName([.int, .number, .quantity]) : literal(pick([ValueType.int, .number]))
    }

    /// A number that may divide by zero or overflow 64 bits: only in outputs and aggregate
    /// arguments, which factsh and SQL evaluate on the same rows (a condition's operands they
    /// may evaluate in different orders, and stop at different places).
    mutating func risky() -> String {
        usedRisky = true
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return "(\(fieldName([.int, .number, .quantity])) / \(numeric()))"
        case 1: return "(\(fieldName([.int])) \(pick(["*", "+", "-"])) \(pick(["4611686018427387904", "9223372036854775807", "-9223372036854775807"])))"
        default: return "(\(numeric()) / \(pick(["0", "i", "j", "x"])))"
        }
    }

    /// A query over `r` and, with it, how to compare results: in order or as a multiset.
    mutating func query() -> (text: String, ordered: Bool) {
        var text = "r"
        if chance(70) { text += " where \(condition())" }
        // A sort before other stages: its order must survive them (ties broken by the unique id).
        var orderedBefore = false
        // A limit in the relation's own order: SQL must be told that order.
        if chance(15) { text += " limit \(Int.random(in: 0...12, using: &random))" }
        if chance(25) {
            text += " sort \(fieldName([.int, .string, .date, .quantity]))\(chance(50) ? " desc" : ""), id"
            if chance(50) { text += " limit \(Int.random(in: 1...10, using: &random))" }
            orderedBefore = true
        }
        var outputs: [String]
        if chance(50) {
            var aggregates: [String] = []
            let pool = names(Int.random(in: 1...3, using: &random) + 2)
            let keyNames = Array(pool.suffix(2))
            let names = Array(pool.dropLast(2))
            for name in names {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: aggregates.append("count as \(name)")
                case 1: aggregates.append("count distinct \(fieldName([.int, .string, .date])) as \(name)")
                case 2: aggregates.append("sum \(chance(20) ? risky() : fieldName([.int, .number, .quantity])) as \(name)")
                case 3: aggregates.append("avg \(chance(20) ? risky() : fieldName([.int, .number, .quantity])) as \(name)")
                case 4: aggregates.append("min \(fieldName([.int, .number, .string, .date, .quantity, .bool])) as \(name)")
                default: aggregates.append("max \(fieldName([.int, .number, .string, .date, .quantity, .bool])) as \(name)")
                }
            }
            text += " " + aggregates.joined(separator: ", ")
            outputs = names
            orderedBefore = false
            if chance(60) {
                let keys = Array(Set((0..<Int.random(in: 1...2, using: &random)).map { _ in fieldName([.string, .date, .bool, .int, .quantity]) })).sorted()
                // Keys renamed with `as` take names from the pool too.
                let keyOutputs = zip(keys, keyNames).map { chance(40) ? $1 : $0 }
                text += " by " + zip(keys, keyOutputs).map { $0 == $1 ? $0 : "\($0) as \($1)" }.joined(separator: ", ")
                outputs = keyOutputs + names
                if chance(30) { text += " where \(names[0]) is not null" }
                // Groups come in the order of their first rows.
                if !usedRisky, chance(20) { text += " limit \(Int.random(in: 0...4, using: &random))" }
            }
        } else {
            let count = Int.random(in: 1...3, using: &random)
            outputs = names(count)
            let expressions = outputs.map { name -> String in
                let expression = chance(15) ? risky() : chance(50) ? numeric() : fieldName([.string, .date, .bool, .int, .number])
                return "\(expression) as \(name)"
            }
            text += " show " + expressions.joined(separator: ", ")
            if orderedBefore, !usedRisky, chance(50) { text += " where \(outputs[0]) is not null" }
        }
        if chance(40) {
            // Sort on some outputs: a stable sort leaves ties in the order they had.
            let keys = outputs.filter { _ in chance(60) }
            text += " sort " + (keys.isEmpty ? [outputs[0]] : keys).map { "\($0)\(chance(50) ? " desc" : "")" }.joined(separator: ", ")
            if !usedRisky, chance(50) { text += " limit \(Int.random(in: 0...8, using: &random))" }
            return (text, true)
        }
        return (text, orderedBefore)
    }
}
