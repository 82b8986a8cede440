import FactStore

extension Parser {
    /// The token at hand; inside parentheses newlines are skipped.
    var current: Token {
        var probe = index
        if parenthesisDepth > 0 {
            while tokens[probe].kind == .newline { probe += 1 }
        }
        return tokens[probe]
    }

    /// Where the last consumed token ended.
    var previousEnd: Int {
        var probe = index - 1
        while probe > 0, tokens[probe].kind == .newline { probe -= 1 }
        return probe >= 0 ? tokens[probe].range.end : 0
    }

    mutating func advance() {
        if parenthesisDepth > 0 {
            while tokens[index].kind == .newline { index += 1 }
        }
        if tokens[index].kind != .endOfInput { index += 1 }
    }

    mutating func skipStatementSeparators() {
        while tokens[index].kind == .newline || tokens[index].isSymbol(";") { index += 1 }
    }

    /// After an error: skip to the end of the statement, so the next one parses afresh.
    mutating func synchronize() {
        parenthesisDepth = 0
        while !tokens[index].endsStatement { index += 1 }
    }

    mutating func expectIdentifier(_ what: String) throws(ParseError) -> Name {
        if case .keyword(let keyword) = current.kind, keyword.isUsableAsName {
            let token = current
            advance()
            return Name(keyword.rawValue, token.range)
        }
        guard case .identifier(let name) = current.kind else {
            if case .keyword(let keyword) = current.kind {
                throw error(
                    .expected, "expected \(what), found the keyword '\(keyword.rawValue)'", at: current.range,
                    help: "write `\(keyword.rawValue)` in backquotes to use it as a name")
            }
            throw expected(what)
        }
        let token = current
        advance()
        return Name(name, token.range)
    }

    mutating func expectSymbol(_ symbol: String, _ what: String) throws(ParseError) {
        guard current.isSymbol(symbol) || (symbol == "=" && current.isSymbol("==")) else { throw expected(what) }
        advance()
    }

    mutating func expectKeyword(_ keyword: Keyword, _ what: String) throws(ParseError) {
        guard current.isKeyword(keyword) else { throw expected(what) }
        advance()
    }

    mutating func expectClosingParenthesis() throws(ParseError) {
        guard current.isSymbol(")") else { throw expected("')' to close the parenthesis") }
        advance()
        parenthesisDepth -= 1
    }

    /// "expected X, found Y" at the current token. At the end of the input inside an open
    /// parenthesis it is `incompleteInput`: more lines would complete the statement.
    func expected(_ what: String) -> ParseError {
        let token = current
        let id: Diagnostic.ID = token.kind == .endOfInput && parenthesisDepth > 0 ? .unexpectedEnd : .expected
        var help: String?
        if case .identifier(let word) = token.kind {
            help = NameSuggester.help(for: word, among: Keyword.allCases.map(\.rawValue))
        }
        return error(id, "expected \(what), found \(token.displayName)", at: token.range, help: help)
    }

    /// Something follows a complete query that is no clause.
    func unexpectedAfterStatement() -> ParseError {
        let token = current
        if token.isSymbol(")") {
            return error(.unbalancedParenthesis, "unexpected ')': no parenthesis is open", at: token.range)
        }
        var help: String?
        if case .identifier(let word) = token.kind {
            help = NameSuggester.help(for: word, among: Keyword.allCases.filter(\.startsClause).map(\.rawValue) + ["by", "as"])
        }
        return error(
            .expected, "expected a clause (where, show, sort, limit, count, sum, avg, min, max) or the end of the statement, found \(token.displayName)",
            at: token.range, help: help)
    }

    func error(_ id: Diagnostic.ID, _ message: String, at range: SourceRange, help: String? = nil) -> ParseError {
        ParseError(diagnostic: Diagnostic(id, message, in: source, at: range, help: help))
    }
}
