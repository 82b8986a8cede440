import FactStore

/// The hand-written recursive-descent parser of the language in `Grammar/factsh.ebnf`.
///
/// Conventions:
/// - one `parseRuleName` function per grammar rule, named after it, with the rule as a
///   comment above it; binary operators are parsed by precedence climbing over the single
///   table in `OperatorTable`;
/// - `parseX` functions throw `ParseError` at the first problem in a statement; `parseScript`
///   records it, skips to the end of that statement and goes on, so every bad statement of a
///   script is reported once;
/// - an error found at the end of the input while a parenthesis is open is `incompleteInput`,
///   which the shell answers with a continuation prompt;
/// - newlines end statements except inside parentheses, where they are skipped.
public struct Parser {
    /// The deepest nesting of parentheses and prefix operators the parser follows.
    public static let maximumNesting = 256
    /// The deepest expression tree accepted, so that evaluating it cannot exhaust the stack.
    public static let maximumExpressionDepth = 1000

    let source: SourceFile
    var tokens: [Token]
    var index = 0
    var parenthesisDepth = 0
    var nesting = 0

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// Parses a whole script: every statement it could parse and every problem it found.
    public static func parse(_ source: SourceFile) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let (tokens, lexerDiagnostics) = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: tokens)
        return parser.parseScript(lexerDiagnostics: lexerDiagnostics)
    }

    // script = { statement_separator } [ statement { statement_separator { statement_separator } [ statement ] } ] ;
    mutating func parseScript(lexerDiagnostics: [Diagnostic]) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        var statements: [Statement] = []
        var diagnostics: [Diagnostic] = []
        let lexicalProblems = lexerDiagnostics.compactMap(\.range)
        while true {
            skipStatementSeparators()
            if current.kind == .endOfInput { break }
            let start = current.range.start
            var result: Result<Statement, ParseError>
            do throws(ParseError) {
                let statement = try parseStatement()
                if !current.endsStatement {
                    throw error(.expected, "expected the end of the statement, found \(current.displayName)", at: current.range)
                }
                result = .success(statement)
            } catch {
                result = .failure(error)
                synchronize()
            }
            // A statement holding a lexical error is reported by the lexer alone.
            let end = max(start, previousEnd, current.range.end)
            guard !lexicalProblems.contains(where: { $0.start >= start && $0.start <= end }) else { continue }
            switch result {
            case .success(let statement): statements.append(statement)
            case .failure(let error): diagnostics.append(error.diagnostic)
            }
        }
        let all = (lexerDiagnostics + diagnostics).sorted {
            ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
        }
        return (statements, all)
    }

    // statement = let_statement | add_statement | dot_command | query ;
    mutating func parseStatement() throws(ParseError) -> Statement {
        let start = current.range.start
        let kind: Statement.Kind
        switch current.kind {
        case .keyword(.let):
            kind = try parseLetStatement()
        case .keyword(.add):
            kind = try parseAddStatement()
        case .dotCommand(let name, let arguments):
            advance()
            kind = .dotCommand(name: name, arguments: arguments)
        case .identifier(let word) where word.lowercased() == "select":
            if let relation = sqlFromRelation() {
                throw error(
                    .sqlHabit, "factsh is not SQL: a query starts with its relation, then its clauses", at: current.range,
                    help: "write '\(relation) where ... show ...', as in '\(relation) count'")
            }
            kind = .query(try parseQuery())
        case .keyword(let keyword) where keyword.startsClause || keyword == .by:
            throw error(
                .expected, "a statement cannot start with '\(keyword.rawValue)': a query starts with a relation name",
                at: current.range, help: "to go on with the query of the line before, end that line with '\\'")
        default:
            kind = .query(try parseQuery())
        }
        return Statement(kind, range: SourceRange(start, previousEnd), source: source)
    }

    /// The name after `FROM` when the statement reads as SQL's `SELECT ... FROM NAME`.
    private func sqlFromRelation() -> String? {
        var position = index + 1
        while position + 1 < tokens.count {
            switch tokens[position].kind {
            case .endOfInput, .newline, .symbol(";"): return nil
            case .identifier(let word) where word.lowercased() == "from":
                if case .identifier(let relation) = tokens[position + 1].kind { return relation }
                return nil
            default: position += 1
            }
        }
        return nil
    }

    // let_statement = "let" IDENTIFIER "=" query ;
    mutating func parseLetStatement() throws(ParseError) -> Statement.Kind {
        advance()
        let name = try expectIdentifier("a name to bind after 'let'")
        try expectSymbol("=", "'=' after the name")
        return .let(name: name, query: try parseQuery())
    }

    // add_statement = "add" IDENTIFIER assignment { "," assignment } ;
    mutating func parseAddStatement() throws(ParseError) -> Statement.Kind {
        advance()
        let relation = try expectIdentifier("a relation name after 'add'")
        var assignments = [try parseAssignment()]
        while current.isSymbol(",") {
            advance()
            assignments.append(try parseAssignment())
        }
        return .add(relation: relation, assignments: assignments)
    }

    // assignment = IDENTIFIER "=" expression ;
    mutating func parseAssignment() throws(ParseError) -> Assignment {
        let field = try expectIdentifier("a field name")
        try expectSymbol("=", "'=' after the field name")
        return Assignment(field: field, value: try parseExpression())
    }

    // query = expression { clause } [ "chart" ] ;
    mutating func parseQuery() throws(ParseError) -> Query {
        let source = try parseExpression()
        var clauses: [Clause] = []
        while case .keyword(let keyword) = current.kind, keyword.startsClause {
            if clauses.isEmpty, case .literal = source.kind {
                throw error(.expected, "a query starts with a relation name, found \(source.text)", at: source.range)
            }
            if clauses.isEmpty, !(source.kind.isName) {
                throw error(.expected, "a query starts with a relation name, found an expression", at: source.range)
            }
            clauses.append(try parseClause())
        }
        var chart: SourceRange?
        if current.isKeyword(.chart) {
            chart = current.range
            advance()
        }
        if !current.endsStatement { throw unexpectedAfterStatement() }
        return Query(source: source, clauses: clauses, range: SourceRange(source.range.start, previousEnd), chart: chart)
    }

    // clause = where_clause | aggregate_clause | show_clause | sort_clause | limit_clause | join_clause ;
    mutating func parseClause() throws(ParseError) -> Clause {
        switch current.kind {
        case .keyword(.join), .keyword(.left): return try parseJoinClause()
        case .keyword(.where): return try parseWhereClause()
        case .keyword(.show): return try parseShowClause()
        case .keyword(.sort): return try parseSortClause()
        case .keyword(.limit): return try parseLimitClause()
        default: return try parseAggregateClause()
        }
    }

    // join_clause = [ "left" ] "join" IDENTIFIER "on" expression ;
    mutating func parseJoinClause() throws(ParseError) -> Clause {
        let start = current.range.start
        let keepsUnmatched = current.isKeyword(.left)
        if keepsUnmatched { advance() }
        try expectKeyword(.join, "'join' after 'left'")
        let relation = try expectIdentifier("a relation name after 'join'")
        try expectKeyword(.on, "'on' and the condition to join on")
        let condition = try parseExpression()
        return Clause(kind: .join(relation: relation, condition: condition, keepsUnmatched: keepsUnmatched), range: SourceRange(start, previousEnd))
    }

    // where_clause = "where" expression ;
    mutating func parseWhereClause() throws(ParseError) -> Clause {
        let start = current.range.start
        advance()
        let condition = try parseExpression()
        return Clause(kind: .where(condition), range: SourceRange(start, previousEnd))
    }

    // aggregate_clause = aggregate { "," aggregate } [ "by" projection { "," projection } ] ;
    mutating func parseAggregateClause() throws(ParseError) -> Clause {
        let start = current.range.start
        var aggregates = [try parseAggregate()]
        while current.isSymbol(",") {
            advance()
            aggregates.append(try parseAggregate())
        }
        var keys: [Projection] = []
        if current.isKeyword(.by) {
            advance()
            keys = try parseProjectionList()
        }
        return Clause(kind: .aggregate(aggregates, by: keys), range: SourceRange(start, previousEnd))
    }

    // aggregate = ( ( "count" | "list" ) [ [ "distinct" ] expression ] | ( "sum" | "avg" | "min" | "max" ) expression ) [ "as" IDENTIFIER ] ;
    mutating func parseAggregate() throws(ParseError) -> Aggregate {
        let start = current.range.start
        guard case .keyword(let keyword) = current.kind, keyword.isAggregate else {
            throw expected("an aggregate (count, sum, avg, min, max, list)")
        }
        advance()
        var function: Aggregate.Function
        var argument: Expression?
        switch keyword {
        case .count:
            function = .count
            if current.isKeyword(.distinct) {
                advance()
                function = .countDistinct
                argument = try parseExpression()
            } else if startsExpression(current) {
                argument = try parseExpression()
            }
        case .list:
            function = .list
            if current.isKeyword(.distinct) {
                advance()
                function = .listDistinct
            }
        case .sum: function = .sum
        case .avg: function = .avg
        case .min: function = .min
        default: function = .max
        }
        if function != .count && function != .countDistinct {
            argument = try parseExpression()
        }
        let alias = try parseAlias()
        return Aggregate(function: function, argument: argument, alias: alias, range: SourceRange(start, previousEnd))
    }

    // show_clause = "show" [ "distinct" ] projection_list ;
    mutating func parseShowClause() throws(ParseError) -> Clause {
        let start = current.range.start
        advance()
        let distinct = current.isKeyword(.distinct)
        if distinct { advance() }
        return Clause(kind: .show(try parseProjectionList(), distinct: distinct), range: SourceRange(start, previousEnd))
    }

    mutating func parseProjectionList() throws(ParseError) -> [Projection] {
        var projections = [try parseProjection()]
        while current.isSymbol(",") {
            advance()
            projections.append(try parseProjection())
        }
        return projections
    }

    // projection = expression [ "as" IDENTIFIER ] ;
    mutating func parseProjection() throws(ParseError) -> Projection {
        let expression = try parseExpression()
        return Projection(expression: expression, alias: try parseAlias())
    }

    mutating func parseAlias() throws(ParseError) -> Name? {
        guard current.isKeyword(.as) else { return nil }
        advance()
        return try expectIdentifier("a column name after 'as'")
    }

    // sort_clause = "sort" sort_key { "," sort_key } ;
    mutating func parseSortClause() throws(ParseError) -> Clause {
        let start = current.range.start
        advance()
        var keys = [try parseSortKey()]
        while current.isSymbol(",") {
            advance()
            keys.append(try parseSortKey())
        }
        return Clause(kind: .sort(keys), range: SourceRange(start, previousEnd))
    }

    // sort_key = expression [ "asc" | "desc" ] ;
    mutating func parseSortKey() throws(ParseError) -> SortKey {
        let expression = try parseExpression()
        var descending = false
        if current.isKeyword(.asc) {
            advance()
        } else if current.isKeyword(.desc) {
            advance()
            descending = true
        }
        return SortKey(expression: expression, descending: descending)
    }

    // limit_clause = "limit" INTEGER [ "offset" INTEGER ] [ "by" expression { "," expression } ] ;
    mutating func parseLimitClause() throws(ParseError) -> Clause {
        let start = current.range.start
        advance()
        let count = try expectRowCount(after: "limit")
        var offset: Int64 = 0
        if current.isKeyword(.offset) {
            advance()
            offset = try expectRowCount(after: "offset")
        }
        guard current.isKeyword(.by) else {
            return Clause(kind: .limit(count, offset: offset), range: SourceRange(start, previousEnd))
        }
        advance()
        var keys = [try parseExpression()]
        while current.isSymbol(",") {
            advance()
            keys.append(try parseExpression())
        }
        return Clause(kind: .limitPerGroup(count, offset: offset, by: keys), range: SourceRange(start, previousEnd))
    }

    /// The whole number of rows after `limit` or `offset`.
    mutating func expectRowCount(after word: String) throws(ParseError) -> Int64 {
        guard case .integer(let digits) = current.kind else {
            throw expected("a whole number of rows after '\(word)'")
        }
        guard let count = Int64(digits) else {
            throw error(.numberOutOfRange, "\(word) \(digits) is too large", at: current.range)
        }
        advance()
        return count
    }
}

extension Parser {
    /// Whether a token can begin an expression (used after `count`, whose argument is optional).
    func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .integer, .decimal, .string, .date: true
        case .keyword(let keyword): keyword == .not || keyword == .null || keyword == .true || keyword == .false || keyword.isUsableAsName && !keyword.isAggregate
        case .symbol(let symbol): symbol == "(" || symbol == "-" || symbol == "~" || symbol == "≈" || symbol == "≥" || symbol == "≤"
        default: false
        }
    }
}

extension Expression.Kind {
    var isName: Bool {
        if case .name = self { return true }
        return false
    }
}
