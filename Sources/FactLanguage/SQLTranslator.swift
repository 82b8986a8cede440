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
            sql = "SELECT * FROM \(Self.identifier(name))"
        case .value(let expression, let name):
            return "SELECT \(try sqlExpression(expression, fields: [])) AS \(Self.identifier(name))"
        }
        var index = 0
        var alias = 0
        func wrap() -> String {
            alias += 1
            return "(\(sql)) AS s\(alias)"
        }
        while index < plan.stages.count {
            let stage = plan.stages[index]
            switch stage.operation {
            case .filter(let condition):
                sql = "SELECT * FROM \(wrap()) WHERE \(try sqlExpression(condition, fields: fields))"
            case .project(let expressions):
                let columns = try zip(expressions, stage.fields).map { "\(try sqlExpression($0, fields: fields)) AS \(Self.identifier($1.name))" }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
            case .aggregate(let keys, let aggregates):
                var columns: [String] = []
                for (key, field) in zip(keys, stage.fields) { columns.append("\(try sqlExpression(key, fields: fields)) AS \(Self.identifier(field.name))") }
                for (aggregate, field) in zip(aggregates, stage.fields.dropFirst(keys.count)) {
                    columns.append("\(try self.aggregate(aggregate, fields: fields)) AS \(Self.identifier(field.name))")
                }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
                if !keys.isEmpty { sql += " GROUP BY " + (1...keys.count).map(String.init).joined(separator: ", ") }
            case .sort(let keys):
                let order = try keys.map { "\(try sqlExpression($0.key, fields: fields))\($0.descending ? " DESC" : " ASC") NULLS LAST" }
                sql = "SELECT * FROM \(wrap()) ORDER BY \(order.joined(separator: ", "))"
                // The limit after a sort belongs to the same SELECT: SQL keeps no order across subqueries.
                if index + 1 < plan.stages.count, case .limit(let count) = plan.stages[index + 1].operation {
                    sql += " LIMIT \(count)"
                    index += 1
                } else if index + 1 < plan.stages.count {
                    throw Unsupported(message: "SQL keeps no row order across a subquery: put 'sort' last (with 'limit' after it)")
                }
            case .limit(let count):
                sql = "SELECT * FROM \(wrap()) LIMIT \(count)"
            }
            fields = stage.fields
            index += 1
        }
        return sql
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
