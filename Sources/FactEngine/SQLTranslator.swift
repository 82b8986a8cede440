import FactStore
import FactSyntax

/// Translates a query to one standard SQL statement for SQLite (whose form DuckDB reads too) or
/// PostgreSQL: each pipeline stage becomes a subquery over the one before, and the operators
/// whose meaning differs between engines are spelled out (integer division, case-insensitive
/// `contains` as `LIKE` with escaping, nulls sorted last, strings compared by their bytes,
/// division by zero and integer overflow as errors).
///
/// Dates are ISO text literals, which compare correctly with dates and with ISO text columns;
/// a quantity is read as its number (its qualifier column is left to the caller).
///
/// Inside the statement a field is the column `c<n>` after its position (a quantity's
/// qualifier `c<n>_q`), so no user's name meets another or an internal one; only the outermost
/// SELECT gives the user's names, with `_2`, ... where SQL could not tell two apart. Rows carry
/// `factsh_order` wherever a `sort` or `limit` could see it, numbered from the table's row
/// order, so `limit` takes the rows factsh takes and a sort's ties stay in factsh's order.
public struct SQLTranslator {
    let environment: Environment
    let source: SourceFile
    let dialect: Dialect

    /// The engine a statement is written for. The two differ in how they are told to compare
    /// strings by their bytes (no collation name is known to both) and in what makes an
    /// error: PostgreSQL refuses division by zero and integer overflow itself, SQLite gives
    /// null and a float, so its statement checks and fails as factsh does.
    public enum Dialect: String, Sendable, CaseIterable {
        /// SQLite; DuckDB reads this form too (`BINARY` is its default collation).
        case sqlite
        case postgresql
    }

    /// Where a stored relation's rows are read when they are not in a table named like the
    /// relation with columns named like its fields: a database factsh attached to maps names
    /// (`SQLNames`) and numbers its rows in a column of their own, since a PostgreSQL table,
    /// unlike a SQLite one, has no row order to number them by.
    public struct Table: Sendable {
        /// The table's SQL name, unquoted.
        public var name: String
        /// The column of each field, unquoted; a quantity's qualifier is `<column>_qualifier`.
        public var columns: [String]
        /// The column that numbers the rows in factsh's order (any increasing numbers). With
        /// it, every statement keeps factsh's order to the end, so a result reads as factsh
        /// prints it.
        public var rowOrder: String

        public init(name: String, columns: [String], rowOrder: String) {
            self.name = name
            self.columns = columns
            self.rowOrder = rowOrder
        }
    }

    /// The stored relations read through `Table`, by relation name.
    public var tables: [String: Table] = [:]
    /// True when the statement runs on a server that has no tables for the session's bindings
    /// (a database factsh is attached to): `in (binding)` then takes the binding's values as a
    /// parameter. Otherwise a binding is read as a table of its name, as `.save` writes it.
    public var sendsBindingsAsParameters = false
    /// The parameters of the statement being written.
    private let parameters = SQLSetParameters()

    public init(environment: Environment, source: SourceFile, dialect: Dialect = .sqlite) {
        self.environment = environment
        self.source = source
        self.dialect = dialect
    }

    /// A query's statement and what its rows are: the fields (a quantity's qualifier follows
    /// its number as a column of its own) and whether the result is grouped.
    public struct Translation: Sendable {
        public var sql: String
        public var fields: [Field]
        public var isGrouped: Bool
        /// The values of `$1`, `$2`, ... in `sql`: bindings read by `in`, over PostgreSQL.
        public var parameters: [SQLSetParameter] = []
    }

    /// Why a query has no portable SQL form.
    public struct Unsupported: Error, Sendable {
        public var message: String
    }

    public func translate(_ query: Query) throws -> String {
        try translation(query).sql
    }

    public func translation(_ query: Query) throws -> Translation {
        parameters.removeAll()
        var translation = try statement(query)
        translation.parameters = parameters.sets
        return translation
    }

    private func statement(_ query: Query) throws -> Translation {
        let plan = try QueryPlanner(environment: environment, source: source).plan(query)
        var fields: [Field]
        var sql: String
        // Rows carry `factsh_order`, their position in factsh's order, wherever a `sort` or
        // `limit` could see it: SQL keeps no row order across subqueries, and `limit` without
        // an order, or a sort's ties, would otherwise pick rows the engine likes.
        var ordered = plan.stages.contains { stage in
            switch stage.operation {
            case .sort, .limit, .limitPerGroup: true
            // `list` joins values in the order of their rows.
            case .aggregate(_, let aggregates): aggregates.contains { $0.function == .list || $0.function == .listDistinct }
            default: false
            }
        }
        switch plan.source {
        case .relation(let relation, let name):
            fields = relation.fields
            // A table that numbers its rows gives that number itself: no window, no sort.
            if tables[name] != nil { ordered = true }
            sql = table(relation, name, ordered: ordered)
        case .value(let expression, let name):
            let field = Field(name: name, type: expression.type)
            let columns = try output(expression, as: 0, fields: [])
            let sql = "SELECT " + zip(columns, Self.outputNames([field])).map { "\($0) AS \($1)" }.joined(separator: ", ")
            return Translation(sql: sql, fields: [field], isGrouped: false)
        }
        var alias = 0
        func wrap() -> String {
            alias += 1
            return "(\(sql)) AS s\(alias)"
        }
        for stage in plan.stages {
            switch stage.operation {
            case .filter(let condition):
                try Self.refuseWindow(condition, in: "where")
                sql = "SELECT * FROM \(wrap()) WHERE \(try sqlExpression(condition, fields: fields))"
            case .project(let expressions):
                var columns: [String] = []
                for (index, expression) in expressions.enumerated() { columns += try output(expression, as: index, fields: fields) }
                if ordered { columns.append("factsh_order") }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
            case .aggregate(let keys, let aggregates):
                for expression in keys + aggregates.compactMap(\.argument) { try Self.refuseWindow(expression, in: "an aggregate or by") }
                let extremes = try extremeQualifiers(keys: keys, aggregates: aggregates, fields: fields)
                let firsts = try firstOccurrences(keys: keys, aggregates: aggregates, fields: fields)
                let lists = aggregates.contains { $0.function == .list || $0.function == .listDistinct }
                if !extremes.isEmpty || !firsts.isEmpty || lists {
                    // SQLite's GROUP_CONCAT joins rows in the order they come.
                    let windows = (extremes.values.sorted() + firsts.values.sorted()).map { ", " + $0 }.joined()
                    sql = "SELECT *\(windows) FROM \(wrap())" + (lists ? " ORDER BY factsh_order" : "")
                }
                var columns: [String] = []
                for (index, key) in keys.enumerated() { columns += try output(key, as: index, fields: fields) }
                for (offset, (aggregate, field)) in zip(aggregates, stage.fields.dropFirst(keys.count)).enumerated() {
                    let index = keys.count + offset
                    // `list distinct` joins the values its window column keeps.
                    let value = firsts[offset] != nil ? list(Self.firstColumn(offset)) : try self.aggregate(aggregate, fields: fields)
                    columns.append("\(value) AS \(Self.column(index))")
                    if field.type == .quantity, let argument = aggregate.argument {
                        let qualifier =
                            extremes[offset] != nil
                            ? "CASE WHEN COUNT(\(try sqlExpression(argument, fields: fields))) = 0 THEN NULL ELSE MIN(\(Self.extremeColumn(offset))) END"
                            : try aggregateQualifier(argument, fields: fields)
                        columns.append("\(qualifier) AS \(Self.qualifierColumn(index))")
                    }
                }
                // Groups come in the order of their first rows, as factsh gives them.
                if ordered { columns.append("MIN(factsh_order) AS factsh_order") }
                sql = "SELECT \(columns.joined(separator: ", ")) FROM \(wrap())"
                if !keys.isEmpty {
                    // Group by the key values (and a quantity key's qualifier, which follows its value).
                    let keyColumns = try keys.enumerated().flatMap { try output($1, as: $0, fields: fields) }.count
                    sql += " GROUP BY " + (1...keyColumns).map(String.init).joined(separator: ", ")
                }
            case .sort(let keys):
                for key in keys { try Self.refuseWindow(key.key, in: "sort") }
                // factsh's sort is stable: ties keep the order the rows had.
                let order = try keys.map { "\(try bytewise($0.key, fields: fields))\($0.descending ? " DESC" : " ASC") NULLS LAST" } + ["factsh_order"]
                sql = "SELECT \(Self.internalColumns(fields)), ROW_NUMBER() OVER (ORDER BY \(order.joined(separator: ", "))) AS factsh_order FROM \(wrap())"
            case .join(let join):
                let from = wrap()
                let (left, right) = ("s\(alias)", "j\(alias)")
                // The joined relation's columns are numbered after those so far, as in the
                // pair the condition reads, so its residual part names each column once.
                let firstColumn = fields.count
                var columns = Self.internalNames(fields).map { "\(left).\($0) AS \($0)" }
                for (offset, index) in join.rightFields.enumerated() {
                    let position = fields.count + offset
                    columns.append("\(right).\(Self.column(firstColumn + index)) AS \(Self.column(position))")
                    if join.right.fields[index].type == .quantity {
                        columns.append("\(right).\(Self.qualifierColumn(firstColumn + index)) AS \(Self.qualifierColumn(position))")
                    }
                }
                // Rows in factsh's order: the rows so far, each with its matches in table order.
                if ordered { columns.append("ROW_NUMBER() OVER (ORDER BY \(left).factsh_order, \(right).factsh_order) AS factsh_order") }
                var condition = zip(join.leftKeys, join.rightKeys).map { "\(left).\(Self.column($0)) = \(right).\(Self.column(firstColumn + $1))" }
                if let residual = join.residual { condition.append(try sqlExpression(residual, fields: join.pairFields)) }
                let joined = table(join.right, join.rightName, ordered: ordered, firstColumn: firstColumn)
                sql =
                    "SELECT \(columns.joined(separator: ", ")) FROM \(from) \(join.keepsUnmatched ? "LEFT JOIN" : "JOIN") "
                    + "(\(joined)) AS \(right) ON \(condition.joined(separator: " AND "))"
            case .distinct:
                // Each different row where it first came: the smallest of its positions.
                let columns = Self.internalColumns(fields)
                sql =
                    ordered
                    ? "SELECT \(columns), MIN(factsh_order) AS factsh_order FROM \(wrap()) GROUP BY \(columns)"
                    : "SELECT DISTINCT \(columns) FROM \(wrap())"
            case .limit(let count, let offset):
                sql = "SELECT * FROM \(wrap()) ORDER BY factsh_order LIMIT \(count)" + (offset > 0 ? " OFFSET \(offset)" : "")
            case .limitPerGroup(let count, let offset, let keys):
                for key in keys { try Self.refuseWindow(key, in: "limit ... by") }
                // Each row numbered within its group, in factsh's order (nulls are one group,
                // as in PARTITION BY).
                let partition = try keys.flatMap { try values($0, fields: fields) }.joined(separator: ", ")
                let numbered = "SELECT *, ROW_NUMBER() OVER (PARTITION BY \(partition) ORDER BY factsh_order) AS factsh_rank FROM \(wrap())"
                sql = numbered
                let (last, overflow) = count.addingReportingOverflow(offset)
                sql = "SELECT \(Self.internalColumns(fields)), factsh_order FROM \(wrap()) WHERE factsh_rank > \(offset)" + (overflow ? "" : " AND factsh_rank <= \(last)")
            }
            fields = stage.fields
        }
        // Only the outermost SELECT names columns as the user did, so no user's name can meet
        // another or an internal one inside the statement.
        let renamed = zip(Self.internalNames(fields), Self.outputNames(fields)).map { "\($0) AS \($1)" }.joined(separator: ", ")
        sql = "SELECT \(renamed) FROM \(wrap())"
        // Qualified: a bare name in ORDER BY would mean a user's column named `factsh_order`.
        if ordered { sql += " ORDER BY s\(alias).factsh_order" }
        return Translation(sql: sql, fields: fields, isGrouped: plan.isGrouped)
    }

    /// The rows a query's result can come from, when its relation is a database's table and
    /// the query starts with `where`: a statement reading `columns` of that table (as they are
    /// named there) for the rows those conditions keep, in the table's row order. Any fact
    /// behind the result is among them, so `.why` asks the server for these rows only. Nil
    /// when the query starts otherwise.
    public func leadingRows(_ query: Query, columns: [String]) throws -> (sql: String, parameters: [SQLSetParameter])? {
        parameters.removeAll()
        let plan = try QueryPlanner(environment: environment, source: source).plan(query)
        guard case .relation(let relation, let name) = plan.source, tables[name] != nil else { return nil }
        var conditions: [String] = []
        for stage in plan.stages {
            guard case .filter(let condition) = stage.operation, !condition.readsAllRows else { break }
            conditions.append(try sqlExpression(condition, fields: relation.fields))
        }
        guard !conditions.isEmpty else { return nil }
        let wanted = columns.indices.map { "w\($0 + 1)" }
        let read = table(relation, name, ordered: true, alongside: zip(columns, wanted).map { "\(Self.identifier($0)) AS \($1)" })
        return ("SELECT \(wanted.joined(separator: ", ")) FROM (\(read)) AS s WHERE \(conditions.joined(separator: " AND ")) ORDER BY factsh_order", parameters.sets)
    }

    /// A stored relation (or binding) read as the statement's columns, the first numbered
    /// `firstColumn`, and any columns `alongside`; its own order is its table's row order,
    /// numbered as the table is read.
    func table(_ relation: Relation, _ name: String, ordered: Bool, firstColumn: Int = 0, alongside: [String] = []) -> String {
        // A table of a database (`tables`) gives its own column names and numbers its rows.
        let table = tables[name]
        var columns = relation.fields.indices.flatMap { index -> [String] in
            let field = relation.fields[index]
            let column = table?.columns[index] ?? field.name
            let value = "\(Self.identifier(column)) AS \(Self.column(firstColumn + index))"
            guard field.type == .quantity else { return [value] }
            return [value, "\(Self.identifier(column + "_qualifier")) AS \(Self.qualifierColumn(firstColumn + index))"]
        }
        if ordered { columns.append("\(table.map { Self.identifier($0.rowOrder) } ?? "ROW_NUMBER() OVER ()") AS factsh_order") }
        columns += alongside
        return "SELECT \(columns.joined(separator: ", ")) FROM \(Self.identifier(table?.name ?? name))"
    }

    /// SQL takes a window (`share`) only in a SELECT list.
    static func refuseWindow(_ expression: BoundExpression, in clause: String) throws {
        if expression.readsAllRows {
            throw Unsupported(message: "share(...) in '\(clause)' has no SQL form; compute it with 'show ... as name' first")
        }
    }

    /// The column holding field `index` inside the statement: `c1`, `c2`, ... after their
    /// position, never after the user's name (SQLite matches quoted names without case).
    static func column(_ index: Int) -> String { "c\(index + 1)" }

    /// The column holding the qualifier of quantity field `index` inside the statement.
    static func qualifierColumn(_ index: Int) -> String { "c\(index + 1)_q" }

    /// The internal columns of a relation, a quantity's qualifier after its number.
    static func internalNames(_ fields: [Field]) -> [String] {
        fields.indices.flatMap { fields[$0].type == .quantity ? [column($0), qualifierColumn($0)] : [column($0)] }
    }

    static func internalColumns(_ fields: [Field]) -> String { internalNames(fields).joined(separator: ", ") }

    /// The result's column names: each field's name, a quantity's qualifier `name_qualifier`
    /// after it. A name SQL could not tell from an earlier one (names match without case in
    /// SQLite) gets `_2`, `_3`, ...; fields keep their names before qualifiers do.
    static func outputNames(_ fields: [Field]) -> [String] {
        var taken = Set(fields.map { $0.name.lowercased() })
        var fieldNames = Set<String>()
        var names: [String] = []
        for field in fields {
            var name = field.name
            if !fieldNames.insert(name.lowercased()).inserted { name = unique(name, &taken) }
            names.append(identifier(name))
            if field.type == .quantity { names.append(identifier(unique(field.name + "_qualifier", &taken))) }
        }
        return names
    }

    /// `name`, or `name_2`, `name_3`, ... if it is taken (without case); then taken.
    private static func unique(_ name: String, _ taken: inout Set<String>) -> String {
        var candidate = name
        var suffix = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(name)_\(suffix)"
            suffix += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// `expression AS c<n>`, and for a quantity its qualifier `AS c<n>_q` after it.
    private func output(_ expression: BoundExpression, as index: Int, fields: [Field]) throws -> [String] {
        let names = [Self.column(index), Self.qualifierColumn(index)]
        return zip(try values(expression, fields: fields), names).map { "\($0) AS \($1)" }
    }

    /// The SQL values of an expression: one, or for a quantity its number and its qualifier.
    private func values(_ expression: BoundExpression, fields: [Field]) throws -> [String] {
        let value = try sqlExpression(expression, fields: fields)
        guard expression.type == .quantity else { return [value] }
        // A null quantity has a null qualifier.
        let qualifier = try qualifier(expression, fields: fields)
        if case .column = expression { return [value, qualifier] }
        return [value, "CASE WHEN \(value) IS NULL THEN NULL ELSE \(qualifier) END"]
    }

    /// For each `min` / `max` of quantities (by its position among the aggregates), a window
    /// column holding the qualifier of its group's extreme row, ordered as `Aggregator` orders
    /// them: by number, then by `Qualifier.tieOrder`. The aggregate then reads it back.
    private func extremeQualifiers(keys: [BoundExpression], aggregates: [PlannedAggregate], fields: [Field]) throws -> [Int: String] {
        var columns: [Int: String] = [:]
        let partition = try keys.flatMap { try values($0, fields: fields) }
        for (offset, aggregate) in aggregates.enumerated() {
            guard aggregate.function == .min || aggregate.function == .max, aggregate.type == .quantity, let argument = aggregate.argument else { continue }
            let value = try values(argument, fields: fields)
            let direction = aggregate.function == .min ? "ASC" : "DESC"
            let rank = "CASE \(value[1]) " + Qualifier.tieOrder.map { "WHEN '\($0.name)' THEN \($0.tieRank) " }.joined() + "END"
            let window = (partition.isEmpty ? "" : "PARTITION BY \(partition.joined(separator: ", ")) ") + "ORDER BY \(value[0]) \(direction) NULLS LAST, \(rank) \(direction)"
            columns[offset] = "FIRST_VALUE(\(value[1])) OVER (\(window)) AS \(Self.extremeColumn(offset))"
        }
        return columns
    }

    /// For each `list distinct` (by its position among the aggregates), a window column that
    /// holds its value on the first row of each value in its group and null on the others.
    private func firstOccurrences(keys: [BoundExpression], aggregates: [PlannedAggregate], fields: [Field]) throws -> [Int: String] {
        var columns: [Int: String] = [:]
        let keyValues = try keys.flatMap { try values($0, fields: fields) }
        for (offset, aggregate) in aggregates.enumerated() where aggregate.function == .listDistinct {
            guard let argument = aggregate.argument else { continue }
            let value = try sqlExpression(argument, fields: fields)
            let partition = (keyValues + [value]).joined(separator: ", ")
            columns[offset] = "CASE WHEN ROW_NUMBER() OVER (PARTITION BY \(partition) ORDER BY factsh_order) = 1 THEN \(value) END AS \(Self.firstColumn(offset))"
        }
        return columns
    }

    /// The window column `firstOccurrences` gives the aggregate at `offset`.
    static func firstColumn(_ offset: Int) -> String { "f\(offset + 1)" }

    /// `list` of a value in SQL: its text, `, ` between, in factsh's order.
    private func list(_ value: String) -> String {
        dialect == .sqlite
            ? "GROUP_CONCAT(CAST(\(value) AS TEXT), ', ')" : "STRING_AGG(CAST(\(value) AS TEXT), ', ' ORDER BY factsh_order)"
    }

    /// The window column `extremeQualifiers` gives the aggregate at `offset`.
    static func extremeColumn(_ offset: Int) -> String { "e\(offset + 1)_q" }

    /// SQL for the qualifier of a quantity expression, following `Qualifier.combined` and
    /// `negated` so SQL gives the qualifier factsh gives.
    private func qualifier(_ bound: BoundExpression, fields: [Field]) throws -> String {
        switch bound {
        case .column(let index, let type):
            return type == .quantity ? Self.qualifierColumn(index) : "'exact'"
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
            case .divide, .integerDivide:
                a = Self.negated(a, when: "\(rightValue) < 0")
                b = Self.negated(b, when: "\(rightValue) >= 0")
            default: break
            }
            let combined = Self.combined(a, b)
            // A range stays a range only through addition.
            if op == .add { return combined }
            if let constant = Self.constantQualifier(combined) { return constant == .range ? "'about'" : combined }
            return "CASE WHEN \(combined) = 'range' THEN 'about' ELSE \(combined) END"
        case .call(let function, let arguments, let type, _):
            guard type == .quantity, let sqlQualifier = function.sqlQualifier else { return "'exact'" }
            return sqlQualifier(try sqlCall(arguments, fields: fields))
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
        case .list, .listDistinct: return list(inner)
        case .sum:
            // PostgreSQL sums bigints into a numeric, which cannot overflow: back to bigint, which
            // fails where factsh (and SQLite's SUM) does.
            return dialect == .postgresql && aggregate.type == .int ? "CAST(SUM(\(inner)) AS BIGINT)" : "SUM(\(inner))"
        case .avg: return "AVG(\(inner))"
        case .min, .max:
            let function = aggregate.function == .min ? "MIN" : "MAX"
            // PostgreSQL has no MIN or MAX of booleans: take them as 0 and 1.
            if argument.type == .bool { return "(\(function)(CASE WHEN \(inner) THEN 1 WHEN NOT \(inner) THEN 0 END) = 1)" }
            return "\(function)(\(try bytewise(argument, fields: fields)))"
        }
    }

    /// A constant in SQL, typed where PostgreSQL would read it otherwise: `7.25` as an exact
    /// numeric (factsh's numbers are doubles), and `'2025-05-23'` as text where nothing beside
    /// it is a date (`COALESCE('2025-05-23', '2025-06-01') > d` fails on the server).
    private func constant(_ value: Value) throws -> String {
        let literal = try Self.literal(value)
        guard dialect == .postgresql else { return literal }
        switch value {
        case .number: return "CAST(\(literal) AS DOUBLE PRECISION)"
        case .date: return "DATE \(literal)"
        default: return literal
        }
    }

    /// `bound` in SQL. `inIntegerArithmetic` when its value goes on into integer `+ - *`,
    /// which carries an overflow on to where it is checked.
    private func sqlExpression(_ bound: BoundExpression, fields: [Field], inIntegerArithmetic: Bool = false) throws -> String {
        switch bound {
        case .column(let index, _):
            return Self.column(index)
        case .constant(let value):
            return try constant(value)
        case .negate(let operand, let type, _):
            // A space after the minus: `--12` would begin a comment.
            let result = "(- \(try sqlExpression(operand, fields: fields, inIntegerArithmetic: type == .int)))"
            return type == .int && !inIntegerArithmetic ? checkedInteger(result) : result
        case .not(let operand):
            return "(NOT \(try sqlExpression(operand, fields: fields)))"
        case .arithmetic(let op, let left, let right, let type, _):
            if case .constant(let a) = left, case .constant(let b) = right, type == .date,
                let folded = Self.foldDate(op, a, b)
            {
                return try constant(folded)
            }
            guard type != .date, type != .duration, left.type != .date else {
                throw Unsupported(message: "date arithmetic has no SQL form shared by SQLite, DuckDB and PostgreSQL; write the date itself")
            }
            // Inside integer arithmetic an overflow is checked once, where the result leaves it.
            let divides = op == .divide || op == .integerDivide
            let inner = type == .int && !divides
            var a = try sqlExpression(left, fields: fields, inIntegerArithmetic: inner)
            var b = try sqlExpression(right, fields: fields, inIntegerArithmetic: inner)
            let divisor = Self.constantNumber(right)
            if op == .divide, type == .number, left.type == .int || left.type == .null, right.type == .int || right.type == .null {
                // `/` of two ints is a number: SQL would truncate.
                a = "CAST(\(a) AS \(dialect == .sqlite ? "REAL" : "DOUBLE PRECISION"))"
            }
            if divides, dialect == .sqlite, divisor == nil || divisor == 0 {
                // SQLite divides by zero into null; factsh, like PostgreSQL, refuses (unless
                // the dividend is null: then the answer is null).
                b = "CASE WHEN \(b) = 0 AND \(a) IS NOT NULL THEN \(Self.sqliteError) ELSE \(b) END"
            }
            if op == .integerDivide {
                // Integer division that truncates in every engine (DuckDB's / gives a fraction);
                // it overflows only for the smallest integer divided by -1.
                let quotient = "(\(a) - \(a) % \(b)) / \(b)"
                return "CAST(\(divisor == nil || divisor == -1 ? checkedInteger(quotient) : quotient) AS BIGINT)"
            }
            let result = "(\(a) \(op.rawValue) \(b))"
            return type == .int && !inIntegerArithmetic ? checkedInteger(result) : result
        case .comparison(let op, let left, let right):
            let sqlOperator = op == .notEqual ? "<>" : op.rawValue
            return "(\(try bytewise(left, fields: fields)) \(sqlOperator) \(try sqlExpression(right, fields: fields)))"
        case .text(let op, let left, let right) where op == .like || op == .matches:
            return try pattern(op, left, right, fields: fields)
        case .text(let op, let left, let right):
            // TextMatch's rule: ASCII letters without case, all else byte for byte. LOWER
            // folds only ASCII in SQLite and, under the "C" collation, in PostgreSQL.
            let pattern: String
            if case .constant(.string(let text)) = right {
                pattern = "'" + Self.escapeLike(TextMatch.asciiLowercased(text)).replacing("'", with: "''") + "'"
            } else {
                let inner = try sqlExpression(right, fields: fields)
                pattern = "REPLACE(REPLACE(REPLACE(\(asciiLower(inner)), '\\', '\\\\'), '%', '\\%'), '_', '\\_')"
            }
            let like = op == .contains ? "'%' || \(pattern) || '%'" : "\(pattern) || '%'"
            return "(\(asciiLower(try sqlExpression(left, fields: fields))) LIKE \(like) ESCAPE '\\')"
        case .overlaps:
            throw Unsupported(message: "'overlaps' compares the intervals of qualifiers, which the SQL translation does not carry")
        case .logical(let op, let operands):
            return "(" + (try operands.map { try sqlExpression($0, fields: fields) }).joined(separator: op == .and ? " AND " : " OR ") + ")"
        case .inList(let value, let items, let negated):
            let tested = try sqlExpression(value, fields: fields)
            let list = try items.map { try sqlExpression($0, fields: fields) }
            // PostgreSQL gives an IN list one type, so `big IN (2.5, 4611686018427387903)`
            // compares every item in doubles; factsh compares each item with its own type, as
            // the equalities one by one do (with the same answer for null).
            let mixed = dialect == .postgresql && Set(items.map(\.type)).isSuperset(of: [.int, .number])
            let test = mixed ? list.map { "\(tested) = \($0)" }.joined(separator: " OR ") : "\(tested) IN (\(list.joined(separator: ", ")))"
            return negated ? "(NOT (\(test)))" : "(\(test))"
        case .inRelation(let value, let membership, let negated):
            let tested = try sqlExpression(value, fields: fields)
            let test: String
            if sendsBindingsAsParameters, dialect == .postgresql, tables[membership.relation] == nil, environment.bindings[membership.relation] != nil {
                // A binding the server has no table for is in memory: its values go as a parameter.
                let set = membership.parameter
                test = "\(tested) = ANY($\(parameters.number(of: membership.relation, set))::\(Self.postgresType(set.type))[])"
            } else {
                // A relation of a database is read from its table and column, not by its names.
                let table = tables[membership.relation]
                let column = table?.columns.first ?? membership.field.name
                test = "\(tested) IN (SELECT \(Self.identifier(column)) FROM \(Self.identifier(table?.name ?? membership.relation)))"
            }
            return negated ? "(NOT (\(test)))" : "(\(test))"
        case .isNull(let value, let negated):
            return "(\(try sqlExpression(value, fields: fields)) IS \(negated ? "NOT " : "")NULL)"
        case .call(let function, let arguments, _, _):
            return function.sql(try sqlCall(arguments, fields: fields))
        case .share(let operand, _):
            let value = try sqlExpression(operand, fields: fields)
            var total = "SUM(\(value)) OVER ()"
            if dialect == .sqlite { total = "CASE WHEN \(total) = 0 AND \(value) IS NOT NULL THEN \(Self.sqliteError) ELSE \(total) END" }
            return "(CAST(\(value) AS \(dialect == .sqlite ? "REAL" : "DOUBLE PRECISION")) / \(total))"
        }
    }

    /// The SQL of a function's arguments, as `FunctionTable`'s SQL forms take them.
    private func sqlCall(_ arguments: [BoundExpression], fields: [Field]) throws -> ScalarFunction.SQLCall {
        var values: [String] = []
        var qualifiers: [String] = []
        for argument in arguments {
            values.append(try sqlExpression(argument, fields: fields))
            qualifiers.append(try qualifier(argument, fields: fields))
        }
        let constants = arguments.map { argument -> Value? in
            if case .constant(let value) = argument { return value }
            return nil
        }
        return ScalarFunction.SQLCall(values: values, qualifiers: qualifiers, types: arguments.map(\.type), constants: constants, dialect: dialect)
    }

    /// `like` and `matches`, which match case as written. SQLite's LIKE ignores the case of
    /// ASCII letters, so there it is a GLOB; its REGEXP is the one of the sqlite3 shell (and
    /// of its regexp extension), PostgreSQL's the `~` operator.
    private func pattern(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression, fields: [Field]) throws -> String {
        let text = try sqlExpression(left, fields: fields)
        let pattern = try sqlExpression(right, fields: fields)
        switch (op, dialect) {
        case (.matches, .sqlite): return "(\(text) REGEXP \(pattern))"
        case (.matches, _): return "(\(text) ~ \(pattern))"
        case (_, .postgresql): return "(\(text) LIKE \(pattern) ESCAPE '')"
        default:
            if case .constant(.string(let like)) = right { return "(\(text) GLOB \(try Self.literal(.string(PatternMatch.glob(fromLike: like)))))" }
            let escaped = [("[", "[[]"), ("*", "[*]"), ("?", "[?]"), ("%", "*"), ("_", "?")].reduce(pattern) { "REPLACE(\($0), '\($1.0)', '\($1.1)')" }
            return "(\(text) GLOB \(escaped))"
        }
    }

    /// The number a constant operand holds; nil for anything else.
    static func constantNumber(_ bound: BoundExpression) -> Double? {
        guard case .constant(let value) = bound else { return nil }
        switch value {
        case .int(let int): return Double(int)
        case .number(let number): return number
        case .quantity(let quantity): return quantity.value
        default: return nil
        }
    }

    /// `bound` in SQL, compared by its bytes when it is a string: factsh orders strings by
    /// code point (byte order in UTF-8), PostgreSQL by the database's locale unless told.
    private func bytewise(_ bound: BoundExpression, fields: [Field]) throws -> String {
        let sql = try sqlExpression(bound, fields: fields)
        guard bound.type == .string else { return sql }
        return "\(sql) COLLATE \(dialect == .sqlite ? "BINARY" : "\"C\"")"
    }

    /// LOWER of ASCII letters only.
    private func asciiLower(_ sql: String) -> String {
        dialect == .sqlite ? "LOWER(\(sql))" : "LOWER(\(sql) COLLATE \"C\")"
    }

    /// Integer arithmetic that fails on overflow: SQLite turns an overflowing integer into a
    /// float, PostgreSQL already fails.
    private func checkedInteger(_ sql: String) -> String {
        dialect == .sqlite ? "(CASE WHEN typeof(\(sql)) = 'real' THEN \(Self.sqliteError) ELSE \(sql) END)" : sql
    }

    /// An expression SQLite fails on when it is evaluated (`integer overflow`), and only then:
    /// SQLite has no function that raises an error of one's choosing.
    static let sqliteError = "abs(-9223372036854775807 - 1)"

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

    /// The PostgreSQL type values of a factsh type are compared in (a duration as its days).
    static func postgresType(_ type: ValueType) -> String {
        switch type {
        case .int, .duration: "BIGINT"
        case .number, .quantity: "DOUBLE PRECISION"
        case .date: "DATE"
        case .bool: "BOOLEAN"
        case .string, .null: "TEXT"
        }
    }

    static func identifier(_ name: String) -> String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }
}
