import FactStore

/// The differential test's own model of a query: a small syntax tree, generated at random and
/// printed twice, as factsh text (parsed and run by factsh) and as SQL written here (run in
/// SQLite). Nothing in it comes from factsh's parser, binder, planner or SQL translation, so a
/// bug in any of them cannot agree with itself.
///
/// Each column of a stage is `c<k>` in SQL, by position, so names that differ only in case
/// cannot meet in SQLite; factsh sees the names.
struct OracleColumn: Sendable {
    var name: String
    var type: ValueType
    /// A floating total or mean: summed in another order (or with ints rounded first) by the two
    /// engines, so compared within a bound and never used to filter, sort or group.
    var approximate = false
    /// The largest magnitude a numeric value may have (`.infinity` when unknown): what keeps
    /// arithmetic in conditions from overflowing.
    var bound: Double = .infinity
}

indirect enum OracleExpression: Sendable {
    case field(Int, OracleColumn)
    case literal(Value)
    /// `3 days`: only beside a date.
    case duration(Int64)
    case negate(OracleExpression, ValueType)
    case arithmetic(String, OracleExpression, OracleExpression, ValueType)
    case comparison(String, OracleExpression, OracleExpression)
    case logical(String, [OracleExpression])
    case not(OracleExpression)
    case between(OracleExpression, OracleExpression, OracleExpression, negated: Bool)
    case inList(OracleExpression, [OracleExpression], negated: Bool)
    case isNull(OracleExpression, negated: Bool)
    /// `contains` or `starts with`.
    case text(String, OracleExpression, OracleExpression)
    /// `like` or `matches`, maybe negated: case as written.
    case pattern(String, OracleExpression, OracleExpression, negated: Bool)
    /// `x in (ki)`: membership in a relation of one field.
    case inRelation(OracleExpression, String, negated: Bool)
    /// A function of the language, with its type; `trunc`'s unit is a string literal here, a
    /// bare word in factsh.
    case call(String, [OracleExpression], ValueType)

    var type: ValueType {
        switch self {
        case .field(_, let column): column.type
        case .literal(let value): value.type
        case .duration: .duration
        case .negate(_, let type), .arithmetic(_, _, _, let type), .call(_, _, let type): type
        case .comparison, .logical, .not, .between, .inList, .isNull, .text, .pattern, .inRelation: .bool
        }
    }
}

struct OracleAggregate: Sendable {
    /// count, count distinct, sum, avg, min, max
    var function: String
    var argument: OracleExpression?
    var alias: String
}

/// `[left] join s on a = k and d and CONDITION`: the columns of the rows so far, renamed
/// `r.<name>` where the joined relation keeps a field of that name, then the joined relation's
/// columns but a key named alike on both sides.
struct OracleJoin: Sendable {
    /// Each key: a column of the rows so far and one of the joined relation; none in a join on
    /// a condition alone.
    var keys: [(left: Int, right: Int)]
    var keepsUnmatched: Bool
    /// The joined relation's columns kept, in order.
    var kept: [Int]
    /// The rest of the condition, over a pair of rows: the columns so far, then all of the
    /// joined relation's (numbered after them), a name in both written `r.x` and `s.x`.
    var residual: OracleExpression?
}

enum OracleStage: Sendable {
    case filter(OracleExpression)
    case join(OracleJoin)
    /// Each output with its alias; nil for a bare field that keeps its name.
    /// With `distinct`, each different row once, where it first came.
    case show([(OracleExpression, String?)], distinct: Bool)
    case aggregate(keys: [(OracleExpression, String?)], aggregates: [OracleAggregate])
    case sort([(OracleExpression, descending: Bool)])
    /// `limit N offset M`
    case limit(Int, offset: Int)
}

struct OracleQuery: Sendable {
    var stages: [OracleStage]
    /// The columns after each stage; `schemas[0]` is the relation's.
    var schemas: [[OracleColumn]]
    /// Whether the result's order is the query's to compare: a `sort` that nothing after it
    /// (an aggregate) reorders. Ties keep their earlier order: factsh's sort is stable.
    var ordered: Bool
}

// MARK: factsh text

enum FactshText {
    static func query(_ query: OracleQuery, relation: String) -> String {
        var text = relation
        for (index, stage) in query.stages.enumerated() { text += " " + self.stage(stage, schema: query.schemas[index]) }
        return text
    }

    static func stage(_ stage: OracleStage, schema: [OracleColumn]) -> String {
        switch stage {
        case .filter(let condition):
            return "where " + expression(condition)
        case .show(let outputs, let distinct):
            return "show " + (distinct ? "distinct " : "") + outputs.map(output).joined(separator: ", ")
        case .aggregate(let keys, let aggregates):
            let list = aggregates.map { aggregate in
                let name = aggregate.function == "count distinct" ? "count distinct" : aggregate.function
                return (aggregate.argument.map { "\(name) \(expression($0))" } ?? name) + " as \(identifier(aggregate.alias))"
            }.joined(separator: ", ")
            return keys.isEmpty ? list : list + " by " + keys.map(output).joined(separator: ", ")
        case .sort(let keys):
            return "sort " + keys.map { expression($0.0) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ")
        case .limit(let count, let offset):
            return "limit \(count)" + (offset > 0 ? " offset \(offset)" : "")
        case .join(let join):
            var parts = join.keys.map { key in
                let (left, right) = (schema[key.left].name, OracleSideRelations.joined[key.right].name)
                return left == right ? identifier(left) : "\(identifier(left)) = \(identifier(right))"
            }
            if let residual = join.residual { parts.append(expression(residual)) }
            return (join.keepsUnmatched ? "left " : "") + "join \(OracleSideRelations.joinedName) on " + parts.joined(separator: " and ")
        }
    }

    static func output(_ output: (OracleExpression, String?)) -> String {
        expression(output.0) + (output.1.map { " as \(identifier($0))" } ?? "")
    }

    /// Names that are not plain words go in backquotes; `r.i`, a field named after its relation
    /// in a join, is two words.
    static func identifier(_ name: String) -> String {
        func plain(_ word: Substring) -> Bool { word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !(word.first?.isNumber ?? true) }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(plain) ? name : "`\(name)`"
    }

    /// Fully parenthesised: the test is of meaning, not of precedence (the parser tests that).
    static func expression(_ expression: OracleExpression) -> String {
        switch expression {
        case .field(_, let column): return identifier(column.name)
        case .literal(let value): return literal(value)
        case .duration(let days): return "\(days) days"
        case .negate(let operand, _): return "(-\(self.expression(operand)))"
        case .arithmetic(let op, let left, let right, _): return "(\(self.expression(left)) \(op) \(self.expression(right)))"
        case .comparison(let op, let left, let right): return "(\(self.expression(left)) \(op) \(self.expression(right)))"
        case .logical(let op, let operands): return "(" + operands.map(self.expression).joined(separator: " \(op) ") + ")"
        case .not(let operand): return "(not \(self.expression(operand)))"
        case .between(let value, let low, let high, let negated):
            return "(\(self.expression(value)) \(negated ? "not " : "")between \(self.expression(low)) and \(self.expression(high)))"
        case .inList(let value, let items, let negated):
            return "(\(self.expression(value)) \(negated ? "not " : "")in (\(items.map(self.expression).joined(separator: ", "))))"
        case .isNull(let operand, let negated): return "(\(self.expression(operand)) is \(negated ? "not " : "")null)"
        case .text(let op, let left, let right): return "(\(self.expression(left)) \(op) \(self.expression(right)))"
        case .pattern(let op, let left, let right, let negated):
            return "(\(self.expression(left)) \(negated ? "not " : "")\(op) \(self.expression(right)))"
        case .inRelation(let value, let relation, let negated): return "(\(self.expression(value)) \(negated ? "not " : "")in (\(relation)))"
        case .call("trunc", let arguments, _):
            guard case .literal(.string(let unit)) = arguments.last else { preconditionFailure("trunc takes a unit") }
            return "trunc(\(self.expression(arguments[0])), \(unit))"
        case .call(let name, let arguments, _): return "\(name)(\(arguments.map(self.expression).joined(separator: ", ")))"
        }
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .int(let int): return int < 0 ? "(-\(int.magnitude))" : "\(int)"
        case .number(let number):
            let text = "\(abs(number))"
            precondition(text.contains(".") || text.contains("e"), "a number literal must not read as an int")
            return number.sign == .minus ? "(-\(text))" : text
        case .string(let string):
            var escaped = ""
            for character in string {
                switch character {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.append(character)
                }
            }
            return "\"\(escaped)\""
        case .date(let day): return day.description
        case .bool(let bool): return bool ? "true" : "false"
        default: preconditionFailure("no literal for \(value)")
        }
    }
}

// MARK: SQL

/// The SQL side, written for factsh's semantics rather than SQL's wherever they differ; each
/// such place says so. Every stage becomes a table (`CREATE TEMP TABLE`), as factsh runs a
/// query a stage at a time, with:
///
/// - `c<k>`: the stage's columns by position (bools as 0/1, dates as day numbers);
/// - `t<k>`: for an approximate column, the scale of its rounding error (the sum of the
///   magnitudes it was summed from);
/// - `o`: the row's place in factsh's order (the relation's row order, kept by `where` and
///   `limit`, set by `sort`; a group takes its first row's);
/// - `err`: 1 where factsh raises a runtime error on this row of this stage. SQLite gives null
///   for a division by zero and a float for an integer overflow where factsh stops with an
///   error, so the error is worked out explicitly instead of relied on: factsh evaluates a
///   stage's expressions for every row of its input (and `show` before `limit n` for the first n
///   only, since its plan rewriter pushes the limit in), whatever later stages drop.
enum OracleSQL {
    static let maxDouble = "1.7976931348623157e308"

    /// The statements creating `q1`, `q2`, ... from the relation's table `q0`.
    static func stages(_ query: OracleQuery) -> [String] {
        var statements: [String] = []
        for (index, stage) in query.stages.enumerated() {
            let input = "q\(index)"
            let schema = query.schemas[index]
            let output = query.schemas[index + 1]
            let next = index + 1 < query.stages.count ? query.stages[index + 1] : nil
            statements.append("CREATE TEMP TABLE q\(index + 1) AS " + select(stage, input: input, schema: schema, output: output, next: next))
        }
        return statements
    }

    /// The result in factsh's order, approximate columns followed by their error scale.
    static func result(_ query: OracleQuery) -> String {
        let last = query.schemas.count - 1
        let columns = columnList(query.schemas[last])
        return "SELECT \(columns.isEmpty ? "NULL" : columns) FROM q\(last) ORDER BY o"
    }

    /// Whether any stage raised an error in factsh's terms.
    /// Conditions are generated so that they cannot fail (factsh may decide an `and` from its
    /// first operand on some rows, SQL in its own way), but they are still checked, over every
    /// row the condition sees, to say so if one ever does.
    static func errors(_ query: OracleQuery) -> String {
        var probes = (1..<query.schemas.count).map { "SELECT MAX(err) AS e FROM q\($0)" }
        for (index, stage) in query.stages.enumerated() {
            if case .filter(let condition) = stage, let error = error(condition) { probes.append("SELECT MAX(\(error)) AS e FROM q\(index)") }
        }
        if probes.isEmpty { return "SELECT 0" }
        return "SELECT MAX(e) FROM (" + probes.joined(separator: " UNION ALL ") + ")"
    }

    static func columnList(_ schema: [OracleColumn], from table: String? = nil) -> String {
        let prefix = table.map { $0 + "." } ?? ""
        return schema.indices.flatMap { k in schema[k].approximate ? ["\(prefix)c\(k)", "\(prefix)t\(k)"] : ["\(prefix)c\(k)"] }.joined(separator: ", ")
    }

    static func select(_ stage: OracleStage, input: String, schema: [OracleColumn], output: [OracleColumn], next: OracleStage?) -> String {
        let keep = columnList(schema)
        let comma = keep.isEmpty ? "" : ", "
        switch stage {
        case .filter(let condition):
            // Its errors are looked for over every input row in `errors`.
            return "SELECT \(keep)\(comma)o, 0 AS err FROM \(input) WHERE \(value(condition))"
        case .limit(let count, let offset):
            return "SELECT \(keep)\(comma)o, 0 AS err FROM \(input) ORDER BY o LIMIT \(count) OFFSET \(offset)"
        case .join(let join):
            // Each row so far with its matches in the joined relation's order; equal as factsh
            // compares (an int with a number as two doubles), a null key matching nothing.
            // The joined relation's columns are numbered after those so far, as in the pair the
            // residual condition reads, so it names each column once.
            let joined = OracleSideRelations.joined
            let first = schema.count
            let renumbered = joined.indices.map { "c\($0) AS c\(first + $0)" }.joined(separator: ", ")
            var columns = schema.indices.flatMap { k in schema[k].approximate ? ["L.c\(k) AS c\(k)", "L.t\(k) AS t\(k)"] : ["L.c\(k) AS c\(k)"] }
            columns += join.kept.enumerated().map { "R.c\(first + $1) AS c\(first + $0)" }
            var on = join.keys.map { key in
                let (l, r) = comparable("L.c\(key.left)", schema[key.left].type, "R.c\(first + key.right)", joined[key.right].type)
                return "\(l) = \(r)"
            }
            if let residual = join.residual { on.append(value(residual)) }
            let kind = join.keepsUnmatched ? "LEFT JOIN" : "JOIN"
            let right = "(SELECT \(renumbered), o FROM \(OracleSideRelations.joinedTable))"
            return
                "SELECT \(columns.joined(separator: ", ")), ROW_NUMBER() OVER (ORDER BY L.o, R.o) AS o, 0 AS err FROM \(input) AS L \(kind) \(right) AS R ON \(on.joined(separator: " AND "))"
        case .show(let outputs, let distinct):
            var columns: [String] = []
            for (k, (expression, _)) in outputs.enumerated() {
                columns.append("\(value(expression)) AS c\(k)")
                if output[k].approximate, case .field(let source, _) = expression { columns.append("t\(source) AS t\(k)") }
            }
            // factsh's plan rewriter computes a `show` before `limit n offset m` for the first
            // n + m rows only.
            var source = input
            if !distinct, case .limit(let count, let offset)? = next { source = "(SELECT * FROM \(input) ORDER BY o LIMIT \(count + offset))" }
            let err = anyError(outputs.map(\.0))
            let shown = "SELECT \(columns.joined(separator: ", ")), o, \(err) AS err FROM \(source)"
            guard distinct else { return shown }
            // Every row is computed (an error in any counts), and each different row kept once.
            let group = outputs.indices.map { "c\($0)" }.joined(separator: ", ")
            return "SELECT \(group), MIN(o) AS o, MAX(err) AS err FROM (\(shown)) GROUP BY \(group)"
        case .sort(let keys):
            // factsh: nulls last whichever the direction, and stable (ties keep their order).
            let order = keys.map { "(\(value($0.0))) IS NULL, \(value($0.0))\($0.descending ? " DESC" : " ASC")" }.joined(separator: ", ")
            return "SELECT \(keep)\(comma)ROW_NUMBER() OVER (ORDER BY \(order), \(input).o) AS o, \(anyError(keys.map(\.0))) AS err FROM \(input)"
        case .aggregate(let keys, let aggregates):
            var columns: [String] = keys.indices.map { "g\($0) AS c\($0)" }
            var groupErrors: [String] = []
            var rowErrors = keys.compactMap { error($0.0) }
            for (offset, aggregate) in aggregates.enumerated() {
                let k = keys.count + offset
                let (sql, scale, failure) = self.aggregate(aggregate)
                columns.append("\(sql) AS c\(k)")
                if output[k].approximate { columns.append("\(scale!) AS t\(k)") }
                if let failure { groupErrors.append(failure) }
                if let argument = aggregate.argument, let rowError = error(argument) { rowErrors.append(rowError) }
            }
            if !rowErrors.isEmpty { groupErrors.append("COALESCE(MAX(\(rowErrors.joined(separator: " OR "))), 0)") }
            let err = groupErrors.isEmpty ? "0" : "(" + groupErrors.joined(separator: " OR ") + ")"
            // Groups come in the order of their first rows; without keys there is one row, over
            // no rows too.
            let order = keys.isEmpty ? "0" : "MIN(o)"
            guard !keys.isEmpty else { return "SELECT \(columns.joined(separator: ", ")), \(order) AS o, \(err) AS err FROM \(input)" }
            // Keys computed as columns first: SQLite reads a constant int in GROUP BY as a position.
            let computed = keys.enumerated().map { "\(value($1.0)) AS g\($0)" }.joined(separator: ", ")
            let group = keys.indices.map { "g\($0)" }.joined(separator: ", ")
            return "SELECT \(columns.joined(separator: ", ")), \(order) AS o, \(err) AS err FROM (SELECT *, \(computed) FROM \(input)) GROUP BY \(group)"
        }
    }

    /// An aggregate's SQL, the scale of its rounding error when approximate, and when it fails.
    static func aggregate(_ aggregate: OracleAggregate) -> (String, String?, String?) {
        guard let argument = aggregate.argument else { return ("COUNT(*)", nil, nil) }
        let a = value(argument)
        switch (aggregate.function, argument.type) {
        case ("count", _): return ("COUNT(\(a))", nil, nil)
        case ("count distinct", _): return ("COUNT(DISTINCT \(a))", nil, nil)
        case ("min", _): return ("MIN(\(a))", nil, nil)
        case ("max", _): return ("MAX(\(a))", nil, nil)
        case ("sum", .int):
            // factsh fails when the total does not fit in 64 bits. SQLite's SUM fails when a
            // running total does not, which depends on the order of the rows; so the total is
            // taken exactly here, as the sums of the high and low 32 bits of each value (each
            // far from overflowing), and then put together.
            let high = "SUM((\(a)) >> 32)"
            let low = "SUM((\(a)) & 4294967295)"
            let top = "(\(high) + (\(low) >> 32))"
            let fits = "\(top) BETWEEN -2147483648 AND 2147483647"
            return (
                "CASE WHEN \(fits) THEN \(top) * 4294967296 + (\(low) & 4294967295) END", nil,
                "(COUNT(\(a)) > 0 AND NOT (\(fits)))"
            )
        case ("avg", .int):
            // factsh adds the ints as doubles, SQLite as ints: equal within the error of adding
            // the magnitudes in doubles.
            return ("AVG(\(a))", "TOTAL(ABS(CAST(\(a) AS REAL))) / COUNT(\(a))", nil)
        case ("sum", _):
            return ("SUM(\(a))", "TOTAL(ABS(\(a)))", "COALESCE(ABS(SUM(\(a))) > \(maxDouble), 0)")
        case ("avg", _):
            return ("AVG(\(a))", "TOTAL(ABS(\(a))) / COUNT(\(a))", "COALESCE(ABS(SUM(\(a))) > \(maxDouble), 0)")
        default:
            preconditionFailure("no aggregate \(aggregate.function)")
        }
    }

    static func anyError(_ expressions: [OracleExpression]) -> String {
        let errors = expressions.compactMap(error)
        return errors.isEmpty ? "0" : "(" + errors.joined(separator: " OR ") + ")"
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .null: "NULL"
        case .int(let int): int < 0 ? "(\(int))" : "\(int)"
        case .number(let number): number.sign == .minus ? "(-\(abs(number)))" : "\(number)"
        case .string(let string): "'" + string.replacing("'", with: "''") + "'"
        case .date(let day): "\(day.number)"
        case .bool(let bool): bool ? "1" : "0"
        default: preconditionFailure("no literal for \(value)")
        }
    }

    /// The expression's value.
    static func value(_ expression: OracleExpression) -> String {
        switch expression {
        case .field(let k, _): return "c\(k)"
        case .literal(let value): return literal(value)
        case .duration(let days): return "\(days)"
        case .negate(let operand, let type):
            // factsh negates as 0 - x: -0.0 never comes of it.
            return "(\(type == .number ? "0.0" : "0") - \(value(operand)))"
        case .arithmetic(let op, let left, let right, _):
            switch op {
            case "//": return "(\(value(left)) / \(value(right)))"
            // SQL divides two ints into an int; factsh's `/` gives a number.
            case "/" where left.type != .number && right.type != .number: return "(CAST(\(value(left)) AS REAL) / \(value(right)))"
            default: return "(\(value(left)) \(op) \(value(right)))"
            }
        case .comparison(let op, let left, let right):
            let (l, r) = comparable(left, right)
            return "(\(l) \(op == "!=" ? "<>" : op) \(r))"
        case .logical(let op, let operands):
            return "(" + operands.map(value).joined(separator: " \(op.uppercased()) ") + ")"
        case .not(let operand):
            return "(NOT \(value(operand)))"
        case .between(let v, let low, let high, let negated):
            if v.type == low.type, v.type == high.type {
                return "(\(value(v)) \(negated ? "NOT " : "")BETWEEN \(value(low)) AND \(value(high)))"
            }
            let (a, b) = comparable(v, low)
            let (c, d) = comparable(v, high)
            return "(\(negated ? "NOT " : "")(\(a) >= \(b) AND \(c) <= \(d)))"
        case .inList(let v, let items, let negated):
            if items.allSatisfy({ $0.type == v.type || $0.type == .null }) {
                return "(\(value(v)) \(negated ? "NOT " : "")IN (\(items.map(value).joined(separator: ", "))))"
            }
            let equalities = items.map { item in
                let (a, b) = comparable(v, item)
                return "\(a) = \(b)"
            }
            return "(\(negated ? "NOT " : "")(\(equalities.joined(separator: " OR "))))"
        case .isNull(let operand, let negated):
            return "(\(value(operand)) IS \(negated ? "NOT " : "")NULL)"
        case .text(let op, let left, let right):
            // factsh folds ASCII letters only; so does SQLite's lower() without ICU (checked
            // before any case runs). A byte match of UTF-8 is a character match.
            let found = "instr(lower(\(value(left))), lower(\(value(right))))"
            return op == "contains" ? "(\(found) > 0)" : "(\(found) = 1)"
        case .pattern(let op, let left, let right, let negated):
            // LIKE is made to match case as written (see OracleFunctions); `matches` is POSIX's
            // regexec, another engine than factsh's.
            let test = op == "like" ? "(\(value(left)) LIKE \(value(right)))" : "oracle_regexp(\(value(left)), \(value(right)))"
            return negated ? "(NOT \(test))" : test
        case .inRelation(let v, let relation, let negated):
            return "(\(value(v)) \(negated ? "NOT " : "")IN (SELECT c0 FROM \(OracleSideRelations.table(relation))))"
        case .call(let name, let arguments, let type):
            return OracleFunctions.sql(name, arguments.map(value), arguments.map(\.type), type)
        }
    }

    /// factsh compares an int with a number as two doubles; SQLite compares them exactly. The
    /// int side is made a double so that SQL says what factsh says near 2^63.
    static func comparable(_ left: OracleExpression, _ right: OracleExpression) -> (String, String) {
        comparable(value(left), left.type, value(right), right.type)
    }

    static func comparable(_ l: String, _ leftType: ValueType, _ r: String, _ rightType: ValueType) -> (String, String) {
        switch (leftType, rightType) {
        case (.int, .number): return ("CAST(\(l) AS REAL)", r)
        case (.number, .int): return (l, "CAST(\(r) AS REAL)")
        default: return (l, r)
        }
    }

    /// When the expression fails on a row, in factsh's terms; nil when it never can.
    static func error(_ expression: OracleExpression) -> String? {
        func either(_ parts: [String?]) -> String? {
            let present = parts.compactMap { $0 }
            return present.isEmpty ? nil : "(" + present.joined(separator: " OR ") + ")"
        }
        switch expression {
        case .field, .literal, .duration:
            return nil
        case .negate(let operand, let type):
            guard type == .int else { return either([error(operand)]) }
            let v = value(operand)
            return either([error(operand), "(\(v) IS NOT NULL AND \(v) = -9223372036854775807 - 1)"])
        case .arithmetic(let op, let left, let right, let type):
            let (l, r) = (value(left), value(right))
            let both = "\(l) IS NOT NULL AND \(r) IS NOT NULL"
            var local: [String] = []
            if op == "/" || op == "//" { local.append("\(r) = 0") }
            let result = value(expression)
            switch type {
            case .int, .date:
                // SQLite turns an integer result that does not fit into a float.
                local.append("typeof(\(result)) = 'real'")
            case .number:
                local.append("ABS(\(result)) > \(maxDouble)")
            default: break
            }
            if type == .date {
                local.append("\(result) NOT BETWEEN \(Day(year: 1, month: 1, day: 1)!.number) AND \(Day(year: 9999, month: 12, day: 31)!.number)")
            }
            // null - null is null, whatever the operands.
            if local.isEmpty { return either([error(left), error(right)]) }
            return either([error(left), error(right), "(\(both) AND (\(local.joined(separator: " OR "))))"])
        case .comparison(_, let left, let right), .text(_, let left, let right), .pattern(_, let left, let right, _):
            return either([error(left), error(right)])
        case .logical(_, let operands):
            return either(operands.map(error))
        case .not(let operand), .isNull(let operand, _), .inRelation(let operand, _, _):
            return either([error(operand)])
        case .call(let name, let arguments, _):
            return either(arguments.map(error) + [OracleFunctions.error(name, arguments.map(value), arguments.map(\.type))])
        case .between(let v, let low, let high, _):
            return either([error(v), error(low), error(high)])
        case .inList(let v, let items, _):
            return either([error(v)] + items.map(error))
        }
    }
}
