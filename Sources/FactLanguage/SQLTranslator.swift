import FactStore

/// Translates a query to one standard SQL statement that runs unchanged on SQLite, DuckDB and
/// PostgreSQL: each pipeline stage becomes a subquery over the one before, and the operators
/// whose meaning differs between engines are spelled out (integer division, case-insensitive
/// `contains` as `LIKE` with escaping, nulls sorted last).
///
/// Dates are ISO text literals, which compare correctly with dates and with ISO text columns;
/// a quantity is read as its number (its qualifier column is left to the caller).
public struct SQLTranslator {
    let environment: Environment
    let source: SourceFile

    public init(environment: Environment, source: SourceFile) {
        self.environment = environment
        self.source = source
    }

    /// Why a query has no portable SQL form.
    public struct Unsupported: Error, Sendable {
        public var message: String
    }

    public func translate(_ query: Query) throws -> String {
        let plan = try QueryPlanner(environment: environment, source: source).plan(query)
        var fields: [Field]
        var sql: String
        switch plan.source {
        case .relation(let relation, let name):
            fields = relation.fields
            sql = "SELECT \(Self.visibleColumns(fields)) FROM \(Self.identifier(name))"
        case .value(let expression, let name):
            let field = Field(name: name, type: expression.type)
            return "SELECT " + (try output(expression, as: field, fields: []).joined(separator: ", "))
        }
        var index = 0
        var alias = 0
        // Set while rows carry `factsh_order`, the order a sort gave them: SQL keeps no row
        // order across subqueries, so later stages keep it as a column.
        var ordered = false
        func wrap() -> String {
            alias += 1
            return "(\(sql)) AS s\(alias)"
        }
        while index < plan.stages.count {
            let stage = plan.stages[index]
            let isLast = index == plan.stages.count - 1
            switch stage.operation {
            case .filter(let condition):
                sql = "SELECT * FROM \(wrap()) WHERE \(try sqlExpression(condition, fields: fields))"
            case .project(let expressions):
                var columns: [String] = []
                for (expression, field) in zip(expressions, stage.fields) { columns += try output(expression, as: field, fields: fields) }
                if ordered { columns.append("factsh_order") }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
            case .aggregate(let keys, let aggregates):
                var columns: [String] = []
                for (key, field) in zip(keys, stage.fields) { columns += try output(key, as: field, fields: fields) }
                for (aggregate, field) in zip(aggregates, stage.fields.dropFirst(keys.count)) {
                    columns.append("\(try self.aggregate(aggregate, fields: fields)) AS \(Self.identifier(field.name))")
                    if field.type == .quantity, let argument = aggregate.argument {
                        columns.append("\(try aggregateQualifier(argument, fields: fields)) AS \(Self.identifier(field.name + "_qualifier"))")
                    }
                }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
                if !keys.isEmpty {
                    // Group by the key values (and a quantity key's qualifier, which follows its value).
                    let keyColumns = try zip(keys, stage.fields).flatMap { try output($0, as: $1, fields: fields) }.count
                    sql += " GROUP BY " + (1...keyColumns).map(String.init).joined(separator: ", ")
                }
                ordered = false
            case .sort(let keys):
                var order = try keys.map { "\(try sqlExpression($0.key, fields: fields))\($0.descending ? " DESC" : " ASC") NULLS LAST" }
                if ordered { order.append("factsh_order") }
                let limitFollows = index + 1 < plan.stages.count && { if case .limit = plan.stages[index + 1].operation { true } else { false } }()
                if !ordered && (isLast || limitFollows && index + 1 == plan.stages.count - 1) {
                    sql = "SELECT * FROM \(wrap()) ORDER BY \(order.joined(separator: ", "))"
                    if limitFollows, case .limit(let count) = plan.stages[index + 1].operation {
                        sql += " LIMIT \(count)"
                        index += 1
                    }
                } else {
                    sql = "SELECT \(Self.visibleColumns(fields)), ROW_NUMBER() OVER (ORDER BY \(order.joined(separator: ", "))) AS factsh_order FROM \(wrap())"
                    ordered = true
                }
            case .limit(let count):
                sql = "SELECT * FROM \(wrap())\(ordered ? " ORDER BY factsh_order" : "") LIMIT \(count)"
            }
            fields = stage.fields
            index += 1
        }
        if ordered { sql = "SELECT \(Self.visibleColumns(fields)) FROM \(wrap()) ORDER BY factsh_order" }
        return sql
    }

    /// A relation's columns as SQL holds them: a quantity is its number and `_qualifier`.
    static func visibleColumns(_ fields: [Field]) -> String {
        fields.flatMap { field in
            field.type == .quantity ? [identifier(field.name), identifier(field.name + "_qualifier")] : [identifier(field.name)]
        }.joined(separator: ", ")
    }

    /// `expression AS "name"`, and for a quantity its qualifier `AS "name_qualifier"` after it.
    private func output(_ expression: BoundExpression, as field: Field, fields: [Field]) throws -> [String] {
        var columns = ["\(try sqlExpression(expression, fields: fields)) AS \(Self.identifier(field.name))"]
        if field.type == .quantity {
            // A null quantity has a null qualifier.
            let value = try sqlExpression(expression, fields: fields)
            let qualifier = try qualifier(expression, fields: fields)
            var isPlainColumn = false
            if case .column = expression { isPlainColumn = true }
            let column = isPlainColumn ? qualifier : "CASE WHEN \(value) IS NULL THEN NULL ELSE \(qualifier) END"
            columns.append("\(column) AS \(Self.identifier(field.name + "_qualifier"))")
        }
        return columns
    }

    /// SQL for the qualifier of a quantity expression, following `Qualifier.combined` and
    /// `negated` so SQL gives the qualifier factsh gives.
    private func qualifier(_ bound: BoundExpression, fields: [Field]) throws -> String {
        switch bound {
        case .column(let index, let type):
            return type == .quantity ? Self.identifier(fields[index].name + "_qualifier") : "'exact'"
        case .constant(let value):
            if case .quantity(let quantity) = value { return "'\(quantity.qualifier.name)'" }
            return "'exact'"
        case .negate(let operand, _, _):
            return Self.negated(try qualifier(operand, fields: fields))
        case .arithmetic(let op, let left, let right, _, _):
            var a = try qualifier(left, fields: fields)
            var b = try qualifier(right, fields: fields)
            let leftValue = try sqlExpression(left, fields: fields)
            let rightValue = try sqlExpression(right, fields: fields)
            switch op {
            case .subtract: b = Self.negated(b)
            case .multiply:
                a = Self.negated(a, when: "\(rightValue) < 0")
                b = Self.negated(b, when: "\(leftValue) < 0")
            case .divide:
                a = Self.negated(a, when: "\(rightValue) < 0")
                b = Self.negated(b, when: "\(rightValue) >= 0")
            default: break
            }
            let combined = Self.combined(a, b)
            // A range stays a range only through addition.
            if op == .add { return combined }
            if let constant = Self.constantQualifier(combined) { return constant == .range ? "'about'" : combined }
            return "CASE WHEN \(combined) = 'range' THEN 'about' ELSE \(combined) END"
        default:
            return "'exact'"
        }
    }

    /// A qualifier written as a literal (`'at_least'`), worked out here rather than in SQL.
    static func constantQualifier(_ sql: String) -> Qualifier? {
        guard sql.hasPrefix("'"), sql.hasSuffix("'"), sql.count > 2 else { return nil }
        return Qualifier(name: sql.dropFirst().dropLast())
    }

    /// `Qualifier.negated` in SQL.
    static func negated(_ q: String) -> String {
        if let constant = constantQualifier(q) { return "'\(constant.negated.name)'" }
        return "CASE \(q) WHEN 'at_least' THEN 'at_most' WHEN 'at_most' THEN 'at_least' WHEN 'more_than' THEN 'fewer_than' "
            + "WHEN 'fewer_than' THEN 'more_than' ELSE \(q) END"
    }

    /// The qualifier negated when a condition holds (a negative factor).
    static func negated(_ q: String, when condition: String) -> String {
        if let constant = constantQualifier(q), constant.negated == constant { return q }
        return "CASE WHEN \(condition) THEN \(negated(q)) ELSE \(q) END"
    }

    /// `Qualifier.combined` in SQL.
    static func combined(_ a: String, _ b: String) -> String {
        if let x = constantQualifier(a), let y = constantQualifier(b) { return "'\(x.combined(with: y).name)'" }
        if constantQualifier(a) == .exact || a == b { return b }
        if constantQualifier(b) == .exact { return a }
        let lower = "('at_least', 'more_than')"
        let upper = "('at_most', 'fewer_than')"
        return "CASE WHEN \(a) = \(b) THEN \(a) WHEN \(a) = 'exact' THEN \(b) WHEN \(b) = 'exact' THEN \(a) "
            + "WHEN \(a) = 'vague' OR \(b) = 'vague' THEN 'vague' WHEN \(a) IN \(lower) AND \(b) IN \(lower) THEN 'at_least' "
            + "WHEN \(a) IN \(upper) AND \(b) IN \(upper) THEN 'at_most' ELSE 'about' END"
    }

    /// The qualifier of an aggregate over quantities: `combined` folded over every non-null
    /// value, written with counts so it is one SQL expression.
    private func aggregateQualifier(_ argument: BoundExpression, fields: [Field]) throws -> String {
        let value = try sqlExpression(argument, fields: fields)
        let q = try qualifier(argument, fields: fields)
        func count(_ condition: String) -> String { "SUM(CASE WHEN \(value) IS NOT NULL AND \(condition) THEN 1 ELSE 0 END)" }
        let all = "COUNT(\(value))"
        let exact = count("\(q) = 'exact'")
        let nonExact = "(\(all) - \(exact))"
        return "CASE WHEN \(all) = 0 THEN NULL "
            + "WHEN \(count("\(q) = 'vague'")) > 0 THEN 'vague' "
            + "WHEN \(nonExact) = 0 THEN 'exact' "
            + Qualifier.allCases.filter { $0 != .exact && $0 != .vague }
                .map { "WHEN \(count("\(q) = '\($0.name)'")) = \(nonExact) THEN '\($0.name)' " }.joined()
            + "WHEN \(count("\(q) IN ('at_least', 'more_than')")) = \(nonExact) THEN 'at_least' "
            + "WHEN \(count("\(q) IN ('at_most', 'fewer_than')")) = \(nonExact) THEN 'at_most' "
            + "ELSE 'about' END"
    }

    private func aggregate(_ aggregate: PlannedAggregate, fields: [Field]) throws -> String {
        guard let argument = aggregate.argument else { return "COUNT(*)" }
        let inner = try sqlExpression(argument, fields: fields)
        switch aggregate.function {
        case .count: return "COUNT(\(inner))"
        case .countDistinct: return "COUNT(DISTINCT \(inner))"
        case .sum: return "SUM(\(inner))"
        case .avg: return "AVG(\(inner))"
        case .min: return "MIN(\(inner))"
        case .max: return "MAX(\(inner))"
        }
    }

    private func sqlExpression(_ bound: BoundExpression, fields: [Field]) throws -> String {
        switch bound {
        case .column(let index, _):
            return Self.identifier(fields[index].name)
        case .constant(let value):
            return try Self.literal(value)
        case .negate(let operand, _, _):
            return "(-\(try sqlExpression(operand, fields: fields)))"
        case .not(let operand):
            return "(NOT \(try sqlExpression(operand, fields: fields)))"
        case .arithmetic(let op, let left, let right, let type, _):
            if case .constant(let a) = left, case .constant(let b) = right, type == .date,
               let folded = Self.foldDate(op, a, b) {
                return try Self.literal(folded)
            }
            guard type != .date, type != .duration, left.type != .date else {
                throw Unsupported(message: "date arithmetic has no SQL form shared by SQLite, DuckDB and PostgreSQL; write the date itself")
            }
            let a = try sqlExpression(left, fields: fields)
            let b = try sqlExpression(right, fields: fields)
            if op == .divide, type == .int {
                // Integer division that truncates in every engine (DuckDB's / gives a fraction).
                return "CAST((\(a) - \(a) % \(b)) / \(b) AS BIGINT)"
            }
            return "(\(a) \(op.rawValue) \(b))"
        case .comparison(let op, let left, let right):
            let sqlOperator = op == .notEqual ? "<>" : op.rawValue
            return "(\(try sqlExpression(left, fields: fields)) \(sqlOperator) \(try sqlExpression(right, fields: fields)))"
        case .text(let op, let left, let right):
            let pattern: String
            if case .constant(.string(let text)) = right {
                pattern = "'" + Self.escapeLike(text.lowercased()).replacing("'", with: "''") + "'"
            } else {
                let inner = try sqlExpression(right, fields: fields)
                pattern = "REPLACE(REPLACE(REPLACE(LOWER(\(inner)), '\\', '\\\\'), '%', '\\%'), '_', '\\_')"
            }
            let like = op == .contains ? "'%' || \(pattern) || '%'" : "\(pattern) || '%'"
            return "(LOWER(\(try sqlExpression(left, fields: fields))) LIKE \(like) ESCAPE '\\')"
        case .logical(let op, let operands):
            return "(" + (try operands.map { try sqlExpression($0, fields: fields) }).joined(separator: op == .and ? " AND " : " OR ") + ")"
        case .inList(let value, let items, let negated):
            let list = try items.map { try sqlExpression($0, fields: fields) }.joined(separator: ", ")
            let test = "\(try sqlExpression(value, fields: fields)) IN (\(list))"
            return negated ? "(NOT (\(test)))" : "(\(test))"
        case .isNull(let value, let negated):
            return "(\(try sqlExpression(value, fields: fields)) IS \(negated ? "NOT " : "")NULL)"
        }
    }

    static func literal(_ value: Value) throws -> String {
        switch value {
        case .null: return "NULL"
        case .int(let int): return String(int)
        case .number(let number):
            guard number.isFinite else { throw Unsupported(message: "SQL has no literal for \(number)") }
            return Value.format(number: number)
        case .string(let string): return "'" + string.replacing("'", with: "''") + "'"
        case .date(let day): return "'\(day)'"
        case .bool(let bool): return bool ? "TRUE" : "FALSE"
        case .quantity(let quantity): return Quantity.format(quantity.value)
        case .duration: throw Unsupported(message: "durations have no SQL form shared by SQLite, DuckDB and PostgreSQL")
        }
    }

    /// `2025-05-25 - 2 days` worked out here, so the SQL holds a plain date.
    static func foldDate(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value? {
        switch (op, a, b) {
        case (.add, .date(let day), .duration(let days)), (.add, .duration(let days), .date(let day)): .date(day.adding(days: days))
        case (.subtract, .date(let day), .duration(let days)): .date(day.adding(days: -days))
        default: nil
        }
    }

    /// `%`, `_` and the escape character itself, made literal for LIKE.
    static func escapeLike(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
    }

    static func identifier(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }
}
