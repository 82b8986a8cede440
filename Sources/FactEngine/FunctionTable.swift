import FactStore

/// Every function of the language, one entry each: name, parameters, result type, row
/// evaluation and SQL form (see `ScalarFunction`). The binder, the evaluator, the SQL
/// translation and completion all read this table and nothing else.
///
/// Text functions count and cut by Unicode code points, as SQL's `LENGTH` and `SUBSTR` do;
/// dates in SQL are ISO text, as `.save` writes them.
public enum FunctionTable {
    static let all: [ScalarFunction] = numeric + text + choice + dates + quantities

    static let byName: [String: ScalarFunction] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// `share(d)`, d's part of the total of d over the rows a clause reads: a function of all
    /// the rows, not of one, so bound and evaluated apart (`BoundExpression.share`).
    static let share = "share"

    /// The names, for did-you-mean and completion.
    public static var names: [String] { all.map(\.name) + [share] }

    private static let numbers: Set<ValueType> = [.int, .number, .quantity]
    private static let anyType = Set(ValueType.allCases)

    /// An int argument (`digits`, `start`); nil for null.
    private static func integer(_ value: Value) -> Int64? {
        if case .int(let int) = value { return int }
        return nil
    }

    /// The type of the first argument, as it is (null stays null).
    private static let sameAsFirst: @Sendable ([ValueType]) -> ValueType? = { $0[0] }

    // MARK: numbers

    static let numeric: [ScalarFunction] = [
        ScalarFunction(
            name: "round", parameters: [.init("x", numbers), .init("digits", [.int])], optionalCount: 1,
            resultType: sameAsFirst,
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                let digits = arguments.count > 1 ? integer(arguments[1]) ?? 0 : 0
                guard (0...15).contains(digits) else {
                    throw .init(id: .argumentOutOfRange, message: "round keeps 0 to 15 digits after the point, not \(digits)")
                }
                switch arguments[0] {
                case .number(let x): return .number(rounded(x, digits: Int(digits)))
                case .quantity(var q):
                    q.value = rounded(q.value, digits: Int(digits))
                    q.upper = q.upper.map { rounded($0, digits: Int(digits)) }
                    return .quantity(q)
                default: return arguments[0]
                }
            },
            sql: { call in
                // An int has no digits after the point to round.
                guard call.types[0] != .int else { return call.values[0] }
                let digits = call.values.count > 1 ? call.values[1] : "0"
                // PostgreSQL rounds only its exact numeric to digits.
                return call.dialect == .sqlite
                    ? "ROUND(\(call.values[0]), \(digits))"
                    : "CAST(ROUND(CAST(\(call.values[0]) AS NUMERIC), CAST(\(digits) AS INTEGER)) AS DOUBLE PRECISION)"
            },
            sqlQualifier: { $0.qualifiers[0] }),
        ScalarFunction(
            name: "abs", parameters: [.init("x", numbers)], resultType: sameAsFirst,
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                switch arguments[0] {
                case .int(let x):
                    guard x != .min else { throw .init(id: .overflow, message: "integer overflow: abs(\(x)) does not fit in 64 bits") }
                    return .int(Swift.abs(x))
                case .number(let x): return .number(Swift.abs(x))
                case .quantity(let q) where q.value < 0:
                    // "at least -12" is at most 12 away from zero; a range turned around is about.
                    return .quantity(Quantity(-q.value, q.qualifier == .range ? .about : q.qualifier.negated))
                default: return arguments[0]
                }
            },
            sql: { "ABS(\($0.values[0]))" },
            sqlQualifier: { call in
                let q = call.qualifiers[0]
                return "CASE WHEN \(call.values[0]) < 0 THEN (CASE WHEN \(q) = 'range' THEN 'about' ELSE \(SQLTranslator.negated(q)) END) ELSE \(q) END"
            })
    ]

    /// `x` rounded to `digits` after the point, halves away from zero (as SQL's ROUND).
    static func rounded(_ x: Double, digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = x * scale
        // Past 2^52 a double has no fraction to round.
        guard scaled.isFinite, Swift.abs(scaled) < 4_503_599_627_370_496 else { return x }
        return scaled.rounded(.toNearestOrAwayFromZero) / scale
    }

    // MARK: text

    static let text: [ScalarFunction] = [
        stringFunction("lower", sqlName: "LOWER", SimpleCaseMapping.lowercased),
        stringFunction("upper", sqlName: "UPPER", SimpleCaseMapping.uppercased),
        // SQL's TRIM takes spaces only, not tabs or line breaks.
        stringFunction("trim", sqlName: "TRIM") { text in
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
            let last = scalars.lastIndex(where: { $0 != " " })!
            return String(scalars[first...last])
        },
        ScalarFunction(
            name: "length", parameters: [.init("s", [.string])], resultType: { $0[0] == .null ? .null : .int },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .string(let s) = arguments[0] else { return .null }
                return .int(Int64(s.unicodeScalars.count))
            },
            sql: { "LENGTH(\($0.values[0]))" }),
        ScalarFunction(
            name: "replace", parameters: [.init("s", [.string]), .init("from", [.string]), .init("to", [.string])],
            resultType: { _ in .string },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .string(let s) = arguments[0], case .string(let from) = arguments[1], case .string(let to) = arguments[2] else { return .null }
                return .string(replacingBytes(s, from, to))
            },
            sql: { "REPLACE(\($0.values[0]), \($0.values[1]), \($0.values[2]))" }),
        ScalarFunction(
            name: "substr", parameters: [.init("s", [.string]), .init("start", [.int]), .init("length", [.int])], optionalCount: 1,
            resultType: { _ in .string },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .string(let s) = arguments[0], let start = integer(arguments[1]) else { return .null }
                guard start >= 1 else { throw .init(id: .argumentOutOfRange, message: "substr counts from 1, not \(start)") }
                let length = arguments.count > 2 ? integer(arguments[2]) ?? 0 : Int64.max
                guard length >= 0 else { throw .init(id: .argumentOutOfRange, message: "substr takes a length of 0 or more, not \(length)") }
                let scalars = s.unicodeScalars.dropFirst(Int(clamping: start - 1)).prefix(Int(clamping: length))
                return .string(String(String.UnicodeScalarView(scalars)))
            },
            sql: { call in
                // PostgreSQL's SUBSTR takes 32-bit positions.
                let numbers = call.values.dropFirst().map { call.dialect == .sqlite ? $0 : "CAST(\($0) AS INTEGER)" }
                return "SUBSTR(\(([call.values[0]] + numbers).joined(separator: ", ")))"
            })
    ]

    private static func stringFunction(_ name: String, sqlName: String, _ transform: @escaping @Sendable (String) -> String) -> ScalarFunction {
        ScalarFunction(
            name: name, parameters: [.init("s", [.string])], resultType: { _ in .string },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .string(let s) = arguments[0] else { return .null }
                return .string(transform(s))
            },
            sql: { "\(sqlName)(\($0.values[0]))" })
    }

    /// Every occurrence of `from` in `text` replaced, matched by UTF-8 bytes as SQL's REPLACE
    /// does; an empty `from` changes nothing.
    static func replacingBytes(_ text: String, _ from: String, _ to: String) -> String {
        let (bytes, pattern) = (Array(text.utf8), Array(from.utf8))
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            if position + pattern.count <= bytes.count, bytes[position..<(position + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: to.utf8)
                position += pattern.count
            } else {
                result.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: choosing a value

    /// The type values of these types take together (`coalesce(n, 2.5)` is a number).
    private static func unified(_ types: some Sequence<ValueType>) -> ValueType? {
        var result = ValueType.null
        for type in types {
            guard let next = result.unified(with: type) else { return nil }
            result = next
        }
        return result
    }

    static let choice: [ScalarFunction] = [
        ScalarFunction(
            name: "coalesce", parameters: [.init("value", anyType)], isVariadic: true, propagatesNull: false,
            resultType: { unified($0) },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in arguments.first { !$0.isNull } ?? .null },
            sql: { "COALESCE(\($0.values.joined(separator: ", ")))" },
            sqlQualifier: { call in
                "CASE " + zip(call.values, call.qualifiers).map { "WHEN \($0) IS NOT NULL THEN \($1) " }.joined() + "END"
            }),
        ScalarFunction(
            name: "if", parameters: [.init("condition", [.bool]), .init("then", anyType), .init("else", anyType)], propagatesNull: false,
            resultType: { unified($0.dropFirst()) },
            // A null condition is not true, as in `where`.
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in arguments[0] == .bool(true) ? arguments[1] : arguments[2] },
            sql: { "CASE WHEN \($0.values[0]) THEN \($0.values[1]) ELSE \($0.values[2]) END" },
            sqlQualifier: { "CASE WHEN \($0.values[0]) THEN \($0.qualifiers[1]) ELSE \($0.qualifiers[2]) END" })
    ]

    // MARK: dates

    static let dates: [ScalarFunction] = [
        datePart("year", sql: { datePartSQL($0, text: (1, 4), field: "YEAR") }) { $0.components.year },
        datePart("month", sql: { datePartSQL($0, text: (6, 2), field: "MONTH") }) { $0.components.month },
        datePart(
            "week",
            sql: { call in
                let d = call.values[0]
                // SQLite: the day of the year of the week's Thursday, which fixes the ISO year.
                return call.dialect == .sqlite
                    ? "CAST((CAST(strftime('%j', date(\(d), '-3 days', 'weekday 4')) AS INTEGER) - 1) / 7 + 1 AS BIGINT)"
                    : "CAST(EXTRACT(WEEK FROM CAST(\(d) AS DATE)) AS BIGINT)"
            }, isoWeek),
        ScalarFunction(
            name: "trunc", parameters: [.init("d", [.date]), .init("unit", words: ["month", "week", "year"])],
            resultType: { $0[0] == .null ? .null : .date },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .date(let day) = arguments[0], case .string(let unit) = arguments[1] else { return .null }
                let (year, month, _) = day.components
                switch unit {
                case "week": return .date(day.adding(days: -Int64(day.weekday)))
                case "month": return Day(year: year, month: month, day: 1).map(Value.date) ?? .null
                default: return Day(year: year, month: 1, day: 1).map(Value.date) ?? .null
                }
            },
            sql: { call in
                let d = call.values[0]
                switch call.constants[1] {
                // PostgreSQL holds dates as its DATE, and truncates a timestamp.
                case .string(let unit)? where call.dialect == .postgresql: return "CAST(DATE_TRUNC('\(unit)', CAST(\(d) AS DATE)) AS DATE)"
                case .string("week")?: return "date(\(d), '-6 days', 'weekday 1')"
                case .string("month")?: return "(SUBSTR(\(d), 1, 7) || '-01')"
                default: return "(SUBSTR(\(d), 1, 4) || '-01-01')"
                }
            }),
        ScalarFunction(
            name: "days", parameters: [.init("from", [.date]), .init("to", [.date])], resultType: { _ in .int },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .date(let from) = arguments[0], case .date(let to) = arguments[1] else { return .null }
                return .int(to.number - from.number)
            },
            sql: { call in
                call.dialect == .sqlite
                    ? "CAST(julianday(\(call.values[1])) - julianday(\(call.values[0])) AS INTEGER)"
                    : "(CAST(\(call.values[1]) AS DATE) - CAST(\(call.values[0]) AS DATE))"
            })
    ]

    private static func datePart(_ name: String, sql: @escaping @Sendable (ScalarFunction.SQLCall) -> String, _ part: @escaping @Sendable (Day) -> Int) -> ScalarFunction {
        ScalarFunction(
            name: name, parameters: [.init("d", [.date])], resultType: { $0[0] == .null ? .null : .int },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                guard case .date(let day) = arguments[0] else { return .null }
                return .int(Int64(part(day)))
            },
            sql: sql)
    }

    /// A part of a date: in SQLite, digits of its ISO text; PostgreSQL holds dates as its DATE.
    private static func datePartSQL(_ call: ScalarFunction.SQLCall, text digits: (start: Int, count: Int), field: String) -> String {
        let d = call.values[0]
        return call.dialect == .sqlite
            ? "CAST(SUBSTR(\(d), \(digits.start), \(digits.count)) AS BIGINT)" : "CAST(EXTRACT(\(field) FROM CAST(\(d) AS DATE)) AS BIGINT)"
    }

    /// The ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday.
    static func isoWeek(_ day: Day) -> Int {
        let thursday = day.adding(days: 3 - Int64(day.weekday))
        let januaryFirst = Day(year: thursday.components.year, month: 1, day: 1)?.number ?? thursday.number
        return Int((thursday.number - januaryFirst) / 7) + 1
    }

    // MARK: quantities

    static let quantities: [ScalarFunction] = [
        ScalarFunction(
            name: "value", parameters: [.init("q", numbers)], resultType: { $0[0] == .quantity ? .number : $0[0] },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                if case .quantity(let q) = arguments[0] { return .number(q.value) }
                return arguments[0]
            },
            sql: { $0.values[0] }),
        ScalarFunction(
            name: "qualifier", parameters: [.init("q", numbers)], resultType: { _ in .string },
            evaluate: { (arguments) throws(ScalarFunction.Failure) -> Value in
                if case .quantity(let q) = arguments[0] { return .string(q.qualifier.name) }
                return .string(Qualifier.exact.name)
            },
            sql: { "CASE WHEN \($0.values[0]) IS NULL THEN NULL ELSE \($0.qualifiers[0]) END" })
    ]
}
