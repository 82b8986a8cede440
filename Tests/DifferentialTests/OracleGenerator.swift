import FactStore
import TestSupport

/// Random relations and random queries for the oracle.
///
/// Relations run from none to 100,000 rows: nulls, duplicates, negative numbers, ints near
/// 2^63, strings in mixed case and outside ASCII, each int column at a width chosen per
/// relation (so the store packs it in 8, 16, 32 or 64 bits). Queries cover the language: where
/// with and/or/not, comparisons, arithmetic (`/` a number, `//` the integer quotient), between,
/// in, is null, contains and starts with, like and matches, membership in a relation (`in (ki)`,
/// `not in`), the functions of the language (round, abs, lower, upper, length, trim, replace,
/// substr, coalesce, if, year, month, week, trunc, days, value, qualifier), joins and left joins
/// with `s` (on equal fields, on a field computed by a `show`, on a clash of names),
/// count/sum/avg/min/max with `by`, show with expressions and aliases (and distinct), sort
/// asc/desc, limit with and without offset.
struct OracleGenerator {
    var random: SeededGenerator

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

    // MARK: relations

    /// Written in NFC: factsh compares strings as canonically equivalent, SQL by bytes.
    static let strings = [
        "kyiv", "Kyiv", "KYIV", "Київ", "КИЇВ", "київ", "o'brien", "O'Brien", "50%_off", "", " ", "sumy", "SUMY",
        "kharkiv region", "İstanbul", "istanbul", "éclair", "ÉCLAIR", "Éclair", "naïve", "straße", "STRASSE", "日本",
        "😀 smile", "a\"b", "back\\slash", "tab\there", "z", "Z", "ǅ", "Ab1", "ab10", "AB2"
    ]
    static let patterns = ["k", "iv", "KY", "%", "_", "o'", "", "иї", "ИЇ", "i", "É", "é", "İ", "a\"", "\\", "ß", "ss", "日", "1", "ab", " ", "😀"]
    static let bigInts: [Int64] = [
        .max, .max - 1, .min, .min + 1, 1 << 62, -(1 << 62), (1 << 53) + 1, -(1 << 53) - 1, 4_611_686_018_427_387_904 - 1, 0, 1, -1,
        9_000_000_000_000_000_000, -9_000_000_000_000_000_000
    ]

    struct Table {
        var columns: [OracleColumn]
        var values: [[Value]] // by column
        var rowCount: Int
    }

    /// A relation of `rows` rows with fields id, i, j, big, x, s, t, d, b.
    mutating func table(rows: Int) -> Table {
        let widths: [Int64] = [100, 30_000, 2_000_000_000]
        let iLimit = pick(widths)
        let jLimit = pick(widths)
        let nullRate = pick([0, 5, 15, 50])
        let distinctStrings = rows > 2000 && chance(50) ? int(300...3000) : 0
        var ids = Array(0..<rows).map { Int64($0) }
        if chance(50) { ids.shuffle(using: &random) }
        func maybeNull(_ make: () -> Value) -> Value { chance(nullRate) ? .null : make() }
        var columns: [[Value]] = Array(repeating: [], count: 9)
        let firstDay = Day(year: 2025, month: 1, day: 1)!.number
        for row in 0..<rows {
            columns[0].append(.int(ids[row]))
            columns[1].append(maybeNull { .int(chance(70) ? Int64(int(-20...20)) : Int64.random(in: -iLimit...iLimit, using: &random)) })
            columns[2].append(maybeNull { .int(chance(25) ? 0 : chance(50) ? Int64(int(-9...9)) : Int64.random(in: -jLimit...jLimit, using: &random)) })
            columns[3].append(maybeNull { .int(chance(60) ? pick(Self.bigInts) : Int64.random(in: .min ... .max, using: &random)) })
            columns[4].append(maybeNull { .number(chance(10) ? pick([0.0, -0.0]) : Double(int(-8000...8000)) / 8) })
            columns[5].append(maybeNull { .string(distinctStrings > 0 && chance(80) ? pick(["n", "N", "ñ"]) + String(int(0...distinctStrings)) : pick(Self.strings)) })
            columns[6].append(maybeNull { .string(pick(Self.strings)) })
            columns[7].append(maybeNull { .date(Day(number: firstDay + Int64(int(-400...400)))) })
            columns[8].append(maybeNull { .bool(chance(50)) })
        }
        let schema = [
            OracleColumn(name: "id", type: .int, bound: Double(max(rows, 1))),
            OracleColumn(name: "i", type: .int, bound: Double(iLimit)),
            OracleColumn(name: "j", type: .int, bound: Double(jLimit)),
            OracleColumn(name: "big", type: .int, bound: 9.3e18),
            OracleColumn(name: "x", type: .number, bound: 1000),
            OracleColumn(name: "s", type: .string),
            OracleColumn(name: "t", type: .string),
            OracleColumn(name: "d", type: .date),
            OracleColumn(name: "b", type: .bool)
        ]
        return Table(columns: schema, values: columns, rowCount: rows)
    }

    // MARK: expressions

    /// Usable columns of a type (approximate ones are only ever passed on).
    func fields(_ schema: [OracleColumn], _ types: Set<ValueType>) -> [OracleExpression] {
        schema.indices.filter { !schema[$0].approximate && types.contains(schema[$0].type) }.map { .field($0, schema[$0]) }
    }

    mutating func intLiteral(near column: OracleColumn? = nil) -> Int64 {
        if let column, column.bound > 1e18, chance(60) { return pick(Self.bigInts.filter { $0 != .min }) }
        if let column, column.bound < 9e18, chance(20) { return Int64(column.bound) * (chance(50) ? 1 : -1) }
        return Int64(int(-20...20))
    }

    mutating func numberLiteral() -> Double { Double(int(-800...800)) / 8 }

    mutating func literal(_ type: ValueType, near column: OracleColumn? = nil) -> OracleExpression {
        switch type {
        case .int: return .literal(.int(intLiteral(near: column)))
        case .number: return .literal(.number(numberLiteral()))
        case .string: return .literal(.string(chance(70) ? pick(Self.strings) : pick(Self.patterns)))
        case .date: return .literal(.date(Day(number: Day(year: 2025, month: 1, day: 1)!.number + Int64(int(-400...400)))))
        case .bool: return .literal(.bool(chance(50)))
        default: return .literal(.null)
        }
    }

    /// A numeric expression and the largest magnitude it can take. When `risky`, it may divide
    /// by zero or overflow (only where factsh and SQL evaluate it on the same rows: outputs,
    /// aggregate arguments, keys); otherwise it cannot fail at all.
    mutating func numeric(_ schema: [OracleColumn], risky: Bool, depth: Int = 0) -> (OracleExpression, Double) {
        if depth < 3, chance(depth == 0 ? 55 : 35) {
            let (left, leftBound) = numeric(schema, risky: risky, depth: depth + 1)
            if chance(8) {
                let type = left.type
                guard risky || type != .int || leftBound < 9e18 else { return (left, leftBound) }
                return (.negate(left, type), leftBound)
            }
            var op = pick(["+", "-", "*", "/", "//"])
            var (right, rightBound) = numeric(schema, risky: risky, depth: depth + 1)
            // `//` is of ints only.
            if op == "//", left.type == .number || right.type == .number { op = "/" }
            if op == "/" || op == "//", !risky {
                // A divisor that is never zero.
                right = op == "//" || chance(50) ? .literal(.int(pick([2, 3, -4, 7, 1]))) : .literal(.number(pick([2.0, 0.5, -8.0, 3.0])))
                rightBound = 1
            }
            let widened = Self.widened(left.type, right.type)
            // `/` always gives a number: 4 / 8 is 0.5.
            let type = op == "/" && widened != .null ? .number : widened
            let bound: Double =
                switch op {
                case "+", "-": leftBound + rightBound
                case "*": leftBound * rightBound
                case "//": leftBound
                default: risky ? .infinity : leftBound * 2
                }
            if !risky, type == .int ? !(bound < 4e18) : !(bound < 1e300) { return (left, leftBound) }
            return (.arithmetic(op, left, right, type), bound)
        }
        let candidates = fields(schema, [.int, .number])
        if chance(5), let text = fields(schema, [.string]).first {
            // The length of a text, in code points.
            return (.call("length", [chance(50) ? text : self.text(schema, risky: risky, depth: depth)], .int), 1e6)
        }
        if chance(5), let field = candidates.first, case .field(_, let column) = field {
            guard risky || column.type != .int || column.bound < 9e18 else { return (field, column.bound) }
            return (.call("abs", [field], column.type), column.bound)
        }
        if depth < 3, chance(20), let call = numericCall(schema, risky: risky, depth: depth) { return call }
        if chance(8), let date = fields(schema, [.date]).first {
            // Days between two dates: an int.
            return (.arithmetic("-", date, literal(.date), .int), 1000)
        }
        if candidates.isEmpty || chance(25) {
            let type: ValueType = chance(60) ? .int : .number
            let value = literal(type)
            if chance(3) { return (.literal(.null), 0) }
            if case .literal(let v) = value, let n = v.numericValue { return (value, abs(n)) }
            return (value, 0)
        }
        let field = pick(candidates)
        guard case .field(_, let column) = field else { return (field, .infinity) }
        if risky, column.type == .int, chance(15) {
            // Near the edge of 64 bits, on purpose.
            return (.arithmetic(pick(["+", "-", "*"]), field, .literal(.int(pick([4_611_686_018_427_387_904, 9_223_372_036_854_775_807, 2]))), .int), .infinity)
        }
        return (field, column.bound)
    }

    /// A function giving an int or a number, and its largest magnitude; nil when the relation has
    /// nothing to call it on.
    mutating func numericCall(_ schema: [OracleColumn], risky: Bool, depth: Int) -> (OracleExpression, Double)? {
        switch int(0..<8) {
        case 0:
            let (x, bound) = numeric(schema, risky: risky, depth: depth + 1)
            guard x.type != .null else { return nil }
            if chance(40) { return (.call("round", [x], x.type), bound + 1) }
            // 0 to 15 digits; outside them an error, where an error may be.
            let digits = risky && chance(15) ? pick([-1, 16]) : int(0...3)
            return (.call("round", [x, .literal(.int(Int64(digits)))], x.type), bound + 1)
        case 1, 6, 7:
            guard !fields(schema, [.date]).isEmpty else { return nil }
            return (.call(pick(["year", "month", "week"]), [date(schema, risky: false)], .int), 9999)
        case 2:
            guard !fields(schema, [.date]).isEmpty else { return nil }
            return (.call("days", [date(schema, risky: false), date(schema, risky: false)], .int), 1e4)
        case 3:
            let (x, bound) = numeric(schema, risky: risky, depth: depth + 1)
            guard x.type != .null else { return nil }
            return (.call("value", [x], x.type), bound)
        case 4:
            let parts = (0..<int(2...3)).map { _ in numeric(schema, risky: risky, depth: depth + 1) }
            let type = parts.map(\.0.type).reduce(ValueType.null, Self.widened)
            guard type != .null else { return nil }
            return (.call("coalesce", parts.map(\.0), type), parts.map(\.1).max() ?? 0)
        default:
            let condition = condition(schema, depth: 2)
            let (a, b) = (numeric(schema, risky: risky, depth: depth + 1), numeric(schema, risky: risky, depth: depth + 1))
            let type = Self.widened(a.0.type, b.0.type)
            guard type != .null else { return nil }
            return (.call("if", [condition, a.0, b.0], type), max(a.1, b.1))
        }
    }

    /// A text-valued expression: a string field, a literal, or a function of text. When
    /// `risky`, `substr` may be given a start or length out of range.
    mutating func text(_ schema: [OracleColumn], risky: Bool, depth: Int = 0) -> OracleExpression {
        let strings = fields(schema, [.string])
        let plain = strings.isEmpty || chance(20) ? literal(.string) : pick(strings)
        guard depth < 2, chance(60) else { return plain }
        let inner = text(schema, risky: risky, depth: depth + 1)
        switch int(0..<8) {
        case 0: return .call(pick(["lower", "upper"]), [inner], .string)
        case 1: return .call("trim", [inner], .string)
        case 2:
            return .call("replace", [inner, .literal(.string(pick(Self.patterns))), .literal(.string(pick(["", "-", "ß", "AB", "%"])))], .string)
        case 3:
            let start = risky && chance(10) ? 0 : int(1...6)
            guard chance(60) else { return .call("substr", [inner, .literal(.int(Int64(start)))], .string) }
            let length = risky && chance(10) ? -1 : int(0...5)
            return .call("substr", [inner, .literal(.int(Int64(start))), .literal(.int(Int64(length)))], .string)
        case 4:
            var parts = [inner, text(schema, risky: risky, depth: depth + 1)]
            if chance(30) { parts.insert(.literal(.null), at: 0) }
            return .call("coalesce", parts, .string)
        case 5: return .call("if", [condition(schema, depth: 2), inner, text(schema, risky: risky, depth: depth + 1)], .string)
        case 6:
            // A plain number's qualifier is "exact".
            guard let number = fields(schema, [.int, .number]).randomElement(using: &random) else { return inner }
            return .call("qualifier", [number], .string)
        default: return plain
        }
    }

    /// A `like` pattern: literal pieces of the texts generated, `%` and `_`; now and then a
    /// field, whose texts hold `%` and `_` too (`50%_off`).
    mutating func likePattern(_ schema: [OracleColumn]) -> OracleExpression {
        if chance(10), let field = fields(schema, [.string]).randomElement(using: &random) { return field }
        var pattern = ""
        for _ in 0..<int(1...4) {
            switch int(0..<5) {
            case 0: pattern += "%"
            case 1: pattern += "_"
            default:
                let word = Array(pick(Self.strings).unicodeScalars)
                guard !word.isEmpty else { continue }
                let start = int(0..<word.count)
                pattern.unicodeScalars.append(contentsOf: word[start..<min(word.count, start + int(1...3))])
            }
        }
        return .literal(.string(pattern))
    }

    /// A `matches` pattern in the subset of regular expressions where factsh's engine and the
    /// oracle's POSIX one must agree (see OracleFunctions): ASCII atoms, never `.` or a negated
    /// class, quantified, maybe anchored.
    mutating func regexPattern() -> String {
        let atoms = ["k", "y", "iv", "a", "b", "1", "0", "z", "K", "Z", "[a-z]", "[A-Z]", "[0-9]", "[ak]", "(iv|ab)", " ", "_", "%", "'", "(S|s)"]
        var pattern = chance(30) ? "^" : ""
        for _ in 0..<int(1...3) { pattern += pick(atoms) + pick(["", "", "", "+", "*", "?", "{1,2}"]) }
        return pattern + (chance(25) ? "$" : "")
    }

    /// A comparison. `= null` and `!= null` are errors in factsh (`is null` is meant), so a
    /// literal null is compared with `<` instead.
    func comparison(_ op: String, _ left: OracleExpression, _ right: OracleExpression) -> OracleExpression {
        let hasNullLiteral = [left, right].contains { expression in
            if case .literal(.null) = expression { return true }
            return false
        }
        return .comparison(hasNullLiteral && (op == "=" || op == "!=") ? "<" : op, left, right)
    }

    /// The type of `+ - * //` on two numeric operands, as the language defines it: null with
    /// anything is the other, a number makes a number, two ints an int.
    static func widened(_ a: ValueType, _ b: ValueType) -> ValueType {
        if a == .null { return b }
        if b == .null { return a }
        return a == .number || b == .number ? .number : .int
    }

    /// A date-valued expression: a date field, a literal, or either moved by a duration.
    mutating func date(_ schema: [OracleColumn], risky: Bool) -> OracleExpression {
        var base = fields(schema, [.date]).isEmpty || chance(20) ? literal(.date) : pick(fields(schema, [.date]))
        if chance(15) { base = .call("trunc", [base, .literal(.string(pick(["month", "week", "year"])))], .date) }
        if chance(8) { base = .call("coalesce", [base, literal(.date)], .date) }
        if chance(25) { return .arithmetic(pick(["+", "-"]), base, .duration(Int64(int(0...30))), .date) }
        return base
    }

    /// A bool condition that cannot fail (factsh may stop evaluating an `and` early, SQL too,
    /// each in its own way: so no condition has a runtime error to find).
    mutating func condition(_ schema: [OracleColumn], depth: Int = 0) -> OracleExpression {
        if depth < 3, chance(depth == 0 ? 35 : 20) {
            let count = chance(80) ? 2 : 3
            return .logical(pick(["and", "or"]), (0..<count).map { _ in condition(schema, depth: depth + 1) })
        }
        if depth < 3, chance(8) { return .not(condition(schema, depth: depth + 1)) }
        let strings = fields(schema, [.string])
        let numbers = fields(schema, [.int, .number])
        let dates = fields(schema, [.date])
        let bools = fields(schema, [.bool])
        switch int(0..<14) {
        case 0, 1:
            guard !numbers.isEmpty else { break }
            let (left, _) = numeric(schema, risky: false)
            let right: OracleExpression
            if chance(50), case .field(_, let column) = left { right = literal(chance(70) ? column.type : pick([.int, .number]), near: column) } else { right = numeric(schema, risky: false).0 }
            return comparison(pick(["=", "!=", "<", "<=", ">", ">="]), left, right)
        case 2:
            guard !strings.isEmpty else { break }
            let right = chance(30) && strings.count > 1 ? pick(strings) : literal(.string)
            return comparison(pick(["=", "!=", "<", "<=", ">", ">="]), chance(30) ? text(schema, risky: false) : pick(strings), right)
        case 3:
            guard !strings.isEmpty else { break }
            let pattern: OracleExpression = chance(15) ? pick(strings) : .literal(.string(pick(Self.patterns)))
            return .text(pick(["contains", "starts with"]), chance(10) ? literal(.string) : pick(strings), pattern)
        case 4:
            let candidates = schema.indices.filter { !schema[$0].approximate }.map { OracleExpression.field($0, schema[$0]) }
            guard !candidates.isEmpty else { break }
            let operand = chance(80) ? pick(candidates) : numeric(schema, risky: false).0
            return .isNull(operand, negated: chance(50))
        case 5:
            guard !numbers.isEmpty else { break }
            let value = pick(numbers)
            guard case .field(_, let column) = value else { break }
            var items = (0..<int(1...4)).map { _ in literal(chance(80) ? column.type : pick([.int, .number]), near: column) }
            if chance(20) { items.append(.literal(.null)) }
            return .inList(value, items, negated: chance(30))
        case 6:
            guard !numbers.isEmpty else { break }
            let value = pick(numbers)
            guard case .field(_, let column) = value else { break }
            let low = literal(chance(80) ? column.type : pick([.int, .number]), near: column)
            let high = literal(chance(80) ? column.type : pick([.int, .number]), near: column)
            return .between(value, low, high, negated: chance(25))
        case 7:
            guard !dates.isEmpty else { break }
            if chance(30) { return .between(pick(dates), literal(.date), literal(.date), negated: chance(25)) }
            if chance(20) { return .inList(pick(dates), [literal(.date), literal(.date)], negated: chance(30)) }
            return comparison(pick(["=", "!=", "<", "<=", ">", ">="]), date(schema, risky: false), date(schema, risky: false))
        case 8:
            guard !strings.isEmpty else { break }
            if chance(50) { return .between(pick(strings), literal(.string), literal(.string), negated: chance(25)) }
            return .inList(pick(strings), [literal(.string), literal(.string), chance(20) ? .literal(.null) : literal(.string)], negated: chance(30))
        case 11:
            guard !strings.isEmpty else { break }
            return .pattern("like", chance(25) ? text(schema, risky: false) : pick(strings), likePattern(schema), negated: chance(25))
        case 12:
            guard !strings.isEmpty else { break }
            return .pattern("matches", chance(20) ? text(schema, risky: false) : pick(strings), .literal(.string(regexPattern())), negated: chance(25))
        case 13:
            if chance(50), !strings.isEmpty { return .inRelation(chance(70) ? pick(strings) : text(schema, risky: false), "ks", negated: chance(35)) }
            let ints = fields(schema, [.int])
            let value = chance(60) && !ints.isEmpty ? pick(ints) : numeric(schema, risky: false).0
            guard value.type == .int || value.type == .number else { break }
            return .inRelation(value, "ki", negated: chance(35))
        default:
            guard !bools.isEmpty else { break }
            let field = pick(bools)
            if chance(40) { return field }
            return comparison(pick(["=", "!="]), field, chance(70) ? literal(.bool) : condition(schema, depth: 3))
        }
        return chance(5) ? .literal(.null) : .literal(.bool(chance(70)))
    }

    /// A value of any type, for an output, a key or an aggregate argument.
    mutating func value(_ schema: [OracleColumn], risky: Bool, types: Set<ValueType> = [.int, .number, .string, .date, .bool]) -> OracleExpression {
        for _ in 0..<20 {
            let expression: OracleExpression
            switch int(0..<12) {
            case 0...3: expression = numeric(schema, risky: risky).0
            case 4: expression = date(schema, risky: risky)
            case 5: expression = condition(schema, depth: 2)
            case 6, 7: expression = text(schema, risky: risky)
            default:
                let candidates = fields(schema, types)
                expression = candidates.isEmpty ? literal(pick(Array(types))) : pick(candidates)
            }
            if types.contains(expression.type) { return expression }
        }
        return literal(pick(Array(types)))
    }

    // MARK: queries

    static let names = ["a", "A", "b2", "B2", "total", "n", "Δx", "x_2", "X", "café", "k1", "K1", "z"]

    mutating func freshName(_ used: inout Set<String>) -> String {
        let name = pick(Self.names.filter { !used.contains($0) })
        used.insert(name)
        return name
    }

    /// The column an output expression makes.
    func column(_ expression: OracleExpression, name: String, schema: [OracleColumn]) -> OracleColumn {
        if case .field(_, var column) = expression {
            column.name = name
            return column
        }
        var bound = Double.infinity
        if case .literal(let value) = expression, let number = value.numericValue { bound = abs(number) }
        return OracleColumn(name: name, type: expression.type, bound: bound)
    }

    mutating func query(_ base: [OracleColumn], rowCount: Int) -> OracleQuery {
        var stages: [OracleStage] = []
        var schemas = [base]
        var ordered = false
        var schema: [OracleColumn] { schemas.last! }
        func add(_ stage: OracleStage, _ output: [OracleColumn]) {
            stages.append(stage)
            schemas.append(output)
        }
        if chance(20), let joined = joinStage(schema, rowCount: rowCount) { add(.join(joined.0), joined.1) }
        if chance(60) { add(.filter(condition(schema)), schema) }
        if chance(10) { add(.limit(int(0...15), offset: chance(30) ? int(0...5) : 0), schema) }
        if chance(25) {
            add(.sort(sortKeys(schema)), schema)
            ordered = true
            if chance(50) { add(.limit(limitCount(rowCount), offset: chance(20) ? int(0...20) : 0), schema) }
            if chance(20) { add(.filter(condition(schema)), schema) }
        }
        switch int(0..<100) {
        case 0..<45:
            var used: Set<String> = []
            var keys: [(OracleExpression, String?)] = []
            var output: [OracleColumn] = []
            if chance(60) {
                for _ in 0..<int(1...2) {
                    let key: OracleExpression
                    if chance(75), let field = fields(schema, [.int, .string, .date, .bool, .number]).randomElement(using: &random),
                        case .field(_, let column) = field, !used.contains(column.name)
                    {
                        key = field
                    } else {
                        key = value(schema, risky: chance(20))
                    }
                    var alias: String?
                    if case .field(_, let column) = key, !used.contains(column.name), chance(60) {
                        alias = nil
                        used.insert(column.name)
                    } else {
                        alias = freshName(&used)
                    }
                    if alias == nil, case .field(_, let column) = key {
                        output.append(self.column(key, name: column.name, schema: schema))
                    } else {
                        output.append(self.column(key, name: alias!, schema: schema))
                    }
                    keys.append((key, alias))
                }
            }
            var aggregates: [OracleAggregate] = []
            for _ in 0..<int(1...3) {
                let name = freshName(&used)
                let risky = chance(20)
                var aggregate: OracleAggregate
                var column: OracleColumn
                switch int(0..<7) {
                case 0:
                    aggregate = OracleAggregate(function: "count", argument: nil, alias: name)
                    column = OracleColumn(name: name, type: .int, bound: Double(rowCount))
                case 1:
                    aggregate = OracleAggregate(function: "count", argument: value(schema, risky: risky), alias: name)
                    column = OracleColumn(name: name, type: .int, bound: Double(rowCount))
                case 2:
                    aggregate = OracleAggregate(function: "count distinct", argument: value(schema, risky: risky, types: [.int, .string, .date, .bool, .number]), alias: name)
                    column = OracleColumn(name: name, type: .int, bound: Double(rowCount))
                case 3, 4:
                    let (argument, bound) = numeric(schema, risky: risky)
                    aggregate = OracleAggregate(function: "sum", argument: argument, alias: name)
                    column = OracleColumn(name: name, type: argument.type == .null ? .int : argument.type, approximate: argument.type != .int, bound: bound * Double(max(rowCount, 1)))
                case 5:
                    let (argument, bound) = numeric(schema, risky: risky)
                    aggregate = OracleAggregate(function: "avg", argument: argument, alias: name)
                    column = OracleColumn(name: name, type: .number, approximate: true, bound: bound)
                default:
                    let argument = value(schema, risky: risky)
                    aggregate = OracleAggregate(function: pick(["min", "max"]), argument: argument, alias: name)
                    column = self.column(argument, name: name, schema: schema)
                }
                if aggregate.argument?.type == .null { continue }
                aggregates.append(aggregate)
                output.append(column)
            }
            if aggregates.isEmpty {
                aggregates.append(OracleAggregate(function: "count", argument: nil, alias: freshName(&used)))
                output.append(OracleColumn(name: aggregates[0].alias, type: .int, bound: Double(rowCount)))
            }
            add(.aggregate(keys: keys, aggregates: aggregates), output)
            ordered = false
            if chance(25) { add(.filter(condition(schema)), schema) }
        case 45..<85:
            var used: Set<String> = []
            var outputs: [(OracleExpression, String?)] = []
            var output: [OracleColumn] = []
            for _ in 0..<int(1...3) {
                let expression = chance(30) ? pick(fields(schema, [.int, .number, .string, .date, .bool]) + [literal(.int)]) : value(schema, risky: chance(25))
                if case .field(_, let column) = expression, !used.contains(column.name), chance(50) {
                    used.insert(column.name)
                    outputs.append((expression, nil))
                    output.append(column)
                } else {
                    let name = freshName(&used)
                    outputs.append((expression, name))
                    output.append(self.column(expression, name: name, schema: schema))
                }
            }
            // Distinct rows of exact values only: a floating total differs in its last bits.
            add(.show(outputs, distinct: chance(20) && !output.contains(where: \.approximate)), output)
            if chance(20) { add(.limit(limitCount(rowCount), offset: 0), schema) }
            // A join on what the show computed: a join on an expression.
            if chance(15), let joined = joinStage(schema, rowCount: rowCount) { add(.join(joined.0), joined.1) }
        default:
            break
        }
        if chance(40), !fields(schema, [.int, .number, .string, .date, .bool]).isEmpty {
            add(.sort(sortKeys(schema)), schema)
            ordered = true
            if chance(50) { add(.limit(limitCount(rowCount), offset: 0), schema) }
        } else if chance(10) {
            add(.limit(limitCount(rowCount), offset: 0), schema)
        }
        // An approximate column may be shown again after an aggregate, under another name.
        if chance(15), schema.contains(where: \.approximate) {
            var used: Set<String> = []
            let outputs: [(OracleExpression, String?)] = schema.indices.shuffled(using: &random).prefix(int(1...schema.count)).map { k in
                (.field(k, schema[k]), freshName(&used))
            }
            add(.show(outputs, distinct: false), outputs.map { expression, name in column(expression, name: name!, schema: schema) })
        }
        return OracleQuery(stages: stages, schemas: schemas, ordered: ordered)
    }

    /// A join with `s` on one or two pairs of fields of comparable types (ints with numbers too),
    /// now and then on a name both have, and sometimes a condition on the pair besides (a
    /// comparison of a field of each, or any condition); over few rows, now and then on such a
    /// condition alone (a nested loop). Nil when no field of the rows so far can be a key.
    mutating func joinStage(_ schema: [OracleColumn], rowCount: Int) -> (OracleJoin, [OracleColumn])? {
        let right = OracleSideRelations.joined
        let pairs = schema.indices.filter { !schema[$0].approximate }.flatMap { l in
            right.indices.filter { Self.joinable(schema[l].type, right[$0].type) }.map { (left: l, right: $0) }
        }
        guard !pairs.isEmpty else { return nil }
        // The pair the rest of the condition reads: a name in both under its relation's name.
        let common = Set(right.map(\.name)).intersection(schema.map(\.name))
        func qualified(_ column: OracleColumn, _ relation: String) -> OracleColumn {
            var column = column
            if common.contains(column.name) { column.name = relation + "." + column.name }
            return column
        }
        let pairSchema = schema.map { qualified($0, "r") } + right.map { qualified($0, OracleSideRelations.joinedName) }
        var keys: [(left: Int, right: Int)] = []
        var residual: OracleExpression?
        if rowCount <= 300, chance(25) {
            let cross = crossComparison(pairs, pairSchema, leftCount: schema.count, equal: false)
            residual = chance(40) ? .logical(pick(["and", "or"]), [cross, condition(pairSchema)]) : cross
        } else {
            let alike = pairs.filter { schema[$0.left].name == right[$0.right].name }
            keys = [!alike.isEmpty && chance(40) ? pick(alike) : pick(pairs)]
            let second = pick(pairs)
            if chance(20), second.left != keys[0].left, second.right != keys[0].right { keys.append(second) }
            if chance(35) { residual = chance(50) ? crossComparison(pairs, pairSchema, leftCount: schema.count, equal: true) : condition(pairSchema) }
        }
        // A key named alike on both sides is one field; any other name in both is kept twice.
        let merged = Set(keys.filter { schema[$0.left].name == right[$0.right].name }.map(\.right))
        let kept = right.indices.filter { !merged.contains($0) }
        let clashing = Set(kept.map { right[$0].name }).intersection(schema.map(\.name))
        func renamed(_ column: OracleColumn, _ relation: String) -> OracleColumn {
            var column = column
            if clashing.contains(column.name) { column.name = relation + "." + column.name }
            return column
        }
        let output = schema.map { renamed($0, "r") } + kept.map { renamed(right[$0], OracleSideRelations.joinedName) }
        return (OracleJoin(keys: keys, keepsUnmatched: chance(40), kept: kept, residual: residual), output)
    }

    /// Whether fields of two types may be joined on: one type, or ints with numbers.
    static func joinable(_ a: ValueType, _ b: ValueType) -> Bool { a == b || (Set([a, b]).isSubset(of: [.int, .number])) }

    /// A comparison of a field so far with one of the joined relation, over the pair's columns;
    /// `=` only when `equal` (a join on a condition alone is on no equality).
    mutating func crossComparison(_ pairs: [(left: Int, right: Int)], _ pairSchema: [OracleColumn], leftCount: Int, equal: Bool) -> OracleExpression {
        let pair = pick(pairs)
        let (left, other) = (OracleExpression.field(pair.left, pairSchema[pair.left]), OracleExpression.field(leftCount + pair.right, pairSchema[leftCount + pair.right]))
        let operators = ["!=", "<", "<=", ">", ">="] + (equal ? ["="] : [])
        return chance(50) ? comparison(pick(operators), left, other) : comparison(pick(operators), other, left)
    }

    mutating func sortKeys(_ schema: [OracleColumn]) -> [(OracleExpression, descending: Bool)] {
        (0..<int(1...3)).map { _ in
            let candidates = fields(schema, [.int, .number, .string, .date, .bool])
            let key = !candidates.isEmpty && chance(70) ? pick(candidates) : value(schema, risky: chance(30))
            return (key, chance(50))
        }
    }

    /// Small limits, and on large relations limits far below the row count (factsh keeps a heap).
    mutating func limitCount(_ rows: Int) -> Int {
        chance(70) ? int(0...12) : int(0...max(rows, 1))
    }
}
