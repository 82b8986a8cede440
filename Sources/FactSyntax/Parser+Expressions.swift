import FactStore

extension Parser {
    // expression = unary_expression { infix_tail } ;   (* levels from OperatorTable *)
    mutating func parseExpression(minimumLevel: Int = OperatorTable.orLevel) throws(ParseError) -> Expression {
        try enterNesting()
        defer { nesting -= 1 }
        var left = try parseUnaryExpression(minimumLevel: minimumLevel)
        while let (infix, level) = OperatorTable.infix(current), level >= minimumLevel {
            switch infix {
            case .logical(let logical):
                var operands = [left]
                while current.isKeyword(logical == .and ? .and : .or) {
                    advance()
                    operands.append(try parseExpression(minimumLevel: level + 1))
                }
                left = try make(.logical(logical, operands), from: operands[0], to: operands[operands.count - 1], operatorRange: nil)
            case .binary(let binary):
                let operatorStart = current.range.start
                advance()
                if binary == .startsWith {
                    try expectKeyword(.with, "'with' after 'starts'")
                }
                let operatorRange = SourceRange(operatorStart, previousEnd)
                let right = try parseExpression(minimumLevel: level + 1)
                left = try make(.binary(binary, left, right), from: left, to: right, operatorRange: operatorRange)
            case .predicate:
                left = try parsePredicateTail(left)
            }
            // Comparisons do not chain: `a < b < c` is almost always a mistake.
            if level == OperatorTable.comparisonLevel, let (_, nextLevel) = OperatorTable.infix(current), nextLevel == level {
                throw error(.chainedComparison, "comparisons cannot be chained; combine them with 'and'", at: current.range)
            }
        }
        return left
    }

    // unary_expression = "not" unary_expression | "-" unary_expression | primary ;
    mutating func parseUnaryExpression(minimumLevel: Int) throws(ParseError) -> Expression {
        let start = current
        if current.isKeyword(.not) {
            advance()
            try enterNesting()
            defer { nesting -= 1 }
            let operand = try parseExpression(minimumLevel: OperatorTable.comparisonLevel)
            return try make(.not(operand), from: start.range, to: operand.range, operatorRange: start.range, children: [operand])
        }
        if current.isSymbol("-") {
            advance()
            try enterNesting()
            defer { nesting -= 1 }
            let operand = try parseUnaryExpression(minimumLevel: OperatorTable.negationLevel)
            // Fold `-5` into a literal so the smallest int can be written.
            if case .literal(let value) = operand.kind {
                if case .int(let int) = value, int != .min {
                    return Expression(.literal(.int(-int)), range: start.range.union(operand.range), text: "-" + operand.text)
                }
            }
            return try make(.negate(operand), from: start.range, to: operand.range, operatorRange: start.range, children: [operand])
        }
        return try parsePrimary()
    }

    // predicate_tail = [ "not" ] ( "between" expression "and" expression
    //                            | "in" "(" expression { "," expression } ")"
    //                            | ( "contains" | "like" | "matches" ) expression )
    //                | "is" [ "not" ] "null" ;
    mutating func parsePredicateTail(_ left: Expression) throws(ParseError) -> Expression {
        let operatorStart = current.range.start
        if current.isKeyword(.is) {
            advance()
            var negated = false
            if current.isKeyword(.not) {
                advance()
                negated = true
            }
            try expectKeyword(.null, "'null' after 'is\(negated ? " not" : "")'")
            let operatorRange = SourceRange(operatorStart, previousEnd)
            return try make(.isNull(left, negated: negated), from: left.range, to: operatorRange, operatorRange: operatorRange, children: [left])
        }
        var negated = false
        if current.isKeyword(.not) {
            advance()
            negated = true
        }
        let bound = OperatorTable.comparisonLevel + 1
        switch current.kind {
        case .keyword(.between):
            advance()
            let operatorRange = SourceRange(operatorStart, previousEnd)
            let low = try parseExpression(minimumLevel: bound)
            try expectKeyword(.and, "'and' between the two bounds of 'between'")
            let high = try parseExpression(minimumLevel: bound)
            return try make(.between(left, low: low, high: high, negated: negated), from: left.range, to: high.range, operatorRange: operatorRange, children: [left, low, high])
        case .keyword(.in):
            advance()
            let operatorRange = SourceRange(operatorStart, previousEnd)
            try expectSymbol("(", "'(' to open the list after 'in'")
            parenthesisDepth += 1
            var items = [try parseExpression()]
            while current.isSymbol(",") {
                advance()
                items.append(try parseExpression())
            }
            try expectClosingParenthesis()
            return try make(.inList(left, items, negated: negated), from: left.range, to: SourceRange(previousEnd, previousEnd), operatorRange: operatorRange, children: [left] + items)
        case .keyword(let keyword) where negated && [.contains, .like, .matches].contains(keyword):
            advance()
            let operatorRange = SourceRange(operatorStart, previousEnd)
            let right = try parseExpression(minimumLevel: bound)
            let op: BinaryOperator = keyword == .contains ? .contains : (keyword == .like ? .like : .matches)
            let match = try make(.binary(op, left, right), from: left, to: right, operatorRange: operatorRange)
            return try make(.not(match), from: left.range, to: right.range, operatorRange: operatorRange, children: [match])
        default:
            throw expected(negated ? "'in', 'between', 'contains', 'like' or 'matches' after 'not'" : "an operator")
        }
    }

    // primary = literal | quantity | duration | function_call | IDENTIFIER | name_keyword | "(" expression ")" ;
    mutating func parsePrimary() throws(ParseError) -> Expression {
        let token = current
        if let literal = try parseLiteral() { return literal }
        switch token.kind {
        case .identifier(let name):
            if let quantity = try parseQuantity() { return quantity }
            if nextIsOpeningParenthesis { return try parseFunctionCall() }
            advance()
            return Expression(.name(name), range: token.range, text: name)
        case .keyword(let keyword) where keyword.isUsableAsName && !keyword.isAggregate && nextIsOpeningParenthesis:
            // `week(date)`: a name keyword that is also a function.
            return try parseFunctionCall()
        case .keyword(let keyword) where keyword.isUsableAsName:
            advance()
            return Expression(.name(keyword.rawValue), range: token.range, text: keyword.rawValue)
        case .symbol("("):
            advance()
            parenthesisDepth += 1
            let inner = try parseExpression()
            try expectClosingParenthesis()
            var grouped = inner
            grouped.range = token.range.union(SourceRange(previousEnd, previousEnd))
            grouped.text = "(" + inner.text + ")"
            return grouped
        case .symbol:
            if let quantity = try parseQuantity() { return quantity }
            throw expected("an expression")
        default:
            throw expected("an expression")
        }
    }

    // function_call = ( IDENTIFIER | name_keyword ) "(" [ expression { "," expression } ] ")" ;
    mutating func parseFunctionCall() throws(ParseError) -> Expression {
        let start = current
        let name: String
        switch start.kind {
        case .identifier(let text): name = text
        case .keyword(let keyword): name = keyword.rawValue
        default: throw expected("a function name")
        }
        advance()
        try expectSymbol("(", "'(' after the function name")
        parenthesisDepth += 1
        try enterNesting()
        defer { nesting -= 1 }
        var arguments: [Expression] = []
        if !current.isSymbol(")") {
            arguments.append(try parseExpression())
            while current.isSymbol(",") {
                advance()
                arguments.append(try parseExpression())
            }
        }
        try expectClosingParenthesis()
        return try make(
            .call(Name(name, start.range), arguments), from: start.range, to: SourceRange(previousEnd, previousEnd), operatorRange: start.range,
            children: arguments)
    }

    /// Whether the token after the current one is `(`: a name followed by it is a call.
    var nextIsOpeningParenthesis: Bool {
        index + 1 < tokens.count && tokens[index + 1].isSymbol("(")
    }

    // literal = INTEGER | DECIMAL | STRING | DATE | "true" | "false" | "null" ;
    /// Returns nil, consuming nothing, when the token is no literal. An integer followed by
    /// `days` or `weeks` is a duration.
    mutating func parseLiteral() throws(ParseError) -> Expression? {
        let token = current
        switch token.kind {
        case .integer(let digits):
            advance()
            guard let value = Int64(digits) else {
                throw error(
                    .numberOutOfRange, "integer \(digits) does not fit in 64 bits (the largest is \(Int64.max))", at: token.range,
                    help: "write it with a decimal point for a number: \(digits).0")
            }
            if let duration = try parseDuration(value, from: token) { return duration }
            return literal(.int(value), token)
        case .decimal(let value):
            advance()
            return literal(.number(value), token)
        case .string(let value):
            advance()
            return literal(.string(value), token)
        case .date(let day):
            advance()
            return literal(.date(Day(number: day)), token)
        case .keyword(.true), .keyword(.false):
            advance()
            return literal(.bool(token.isKeyword(.true)), token)
        case .keyword(.null):
            advance()
            return literal(.null, token)
        default:
            return nil
        }
    }

    // duration = INTEGER ( "day" | "days" | "week" | "weeks" ) ;
    mutating func parseDuration(_ amount: Int64, from token: Token) throws(ParseError) -> Expression? {
        let factor: Int64
        switch current.kind {
        case .keyword(.day), .keyword(.days): factor = 1
        case .keyword(.week), .keyword(.weeks): factor = 7
        default: return nil
        }
        advance()
        let (days, overflow) = amount.multipliedReportingOverflow(by: factor)
        let range = SourceRange(token.range.start, previousEnd)
        if overflow { throw error(.numberOutOfRange, "duration is too long", at: range) }
        return Expression(.literal(.duration(days: days)), range: range, text: source.text(of: range))
    }

    // quantity = qualifier_prefix NUMBER | vague_amount ;
    // qualifier_prefix = the phrases of QualifierPhrases.prefixes (less those with a keyword in
    //                    them) | "≥" | "≤" | ">" | "<" | ">=" | "<=" | "~" | "≈" | "~" "~" ;
    // vague_amount = the phrases of QualifierPhrases.vagueAmounts ;
    /// Returns nil, consuming nothing, when the tokens here are no quantity.
    mutating func parseQuantity() throws(ParseError) -> Expression? {
        let start = current.range.start
        var words: [String] = []
        var probe = index
        while probe < tokens.count, case .identifier(let word) = tokens[probe].kind, words.count < 3 {
            words.append(word.lowercased())
            probe += 1
        }
        for vague in QuantityWords.vague where words.starts(with: vague.words) {
            // A vague amount is a whole operand: `dozens`, not `dozens + 1` of a field named dozens.
            index += vague.words.count
            let range = SourceRange(start, previousEnd)
            return Expression(.literal(.quantity(Quantity(vague.value, .vague))), range: range, text: source.text(of: range))
        }
        var qualifier: Qualifier?
        var length = 0
        if let prefix = QuantityWords.prefixes.first(where: { words.starts(with: $0.words) }) {
            qualifier = prefix.qualifier
            length = prefix.words.count
        } else if case .symbol(let symbol) = current.kind {
            let symbols: [String: Qualifier] = ["≥": .atLeast, ">=": .atLeast, "≤": .atMost, "<=": .atMost, ">": .moreThan, "<": .fewerThan, "~": .about, "≈": .nearly]
            qualifier = symbols[symbol]
            length = 1
            if symbol == "~", index + 1 < tokens.count, tokens[index + 1].isSymbol("~") {
                qualifier = .vague
                length = 2
            }
        }
        guard let qualifier, index + length < tokens.count else { return nil }
        let numberToken = tokens[index + length]
        let number: Double
        switch numberToken.kind {
        case .integer(let digits): number = Double(digits) ?? .infinity
        case .decimal(let value): number = value
        default: return nil
        }
        index += length + 1
        let range = SourceRange(start, previousEnd)
        guard number.isFinite else { throw error(.numberOutOfRange, "number is out of range", at: numberToken.range) }
        return Expression(.literal(.quantity(Quantity(number, qualifier))), range: range, text: source.text(of: range))
    }

    // MARK: building nodes

    func literal(_ value: Value, _ token: Token) -> Expression {
        Expression(.literal(value), range: token.range, text: source.text(of: token.range))
    }

    func make(_ kind: Expression.Kind, from left: Expression, to right: Expression, operatorRange: SourceRange?) throws(ParseError) -> Expression {
        var children = [left, right]
        if case .logical(_, let operands) = kind { children = operands }
        return try make(kind, from: left.range, to: right.range, operatorRange: operatorRange, children: children)
    }

    /// A node spanning `from` to `to`, refused when the tree would grow deeper than
    /// `maximumExpressionDepth` (a chain of 100,000 `+`).
    func make(_ kind: Expression.Kind, from: SourceRange, to: SourceRange, operatorRange: SourceRange?, children: [Expression]) throws(ParseError) -> Expression {
        let range = from.union(to)
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        guard depth <= Parser.maximumExpressionDepth else {
            throw error(.tooDeeplyNested, "expression is too deeply nested (more than \(Parser.maximumExpressionDepth) levels)", at: operatorRange ?? range)
        }
        let text = Parser.normalizedText(source.text(of: range))
        var expression = Expression(kind, range: range, operatorRange: operatorRange, text: text)
        expression.depth = depth
        return expression
    }

    mutating func enterNesting() throws(ParseError) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error(.tooDeeplyNested, "expression is too deeply nested (more than \(Parser.maximumNesting) levels of parentheses or operators)", at: current.range)
        }
    }

    /// Source text with runs of white space (and line breaks) folded to one space. The planner
    /// names the result of a pipeline prefix with it ("the result of 'swaps where ...'").
    package static func normalizedText(_ text: String) -> String {
        // Most text has nothing to fold (ASCII, single spaces between words): it is kept as is,
        // found from its bytes rather than by asking each character whether it is white space.
        var afterSpace = true
        var foldsNothing = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 || byte == UInt8(ascii: "\\") || (byte == UInt8(ascii: " ") && afterSpace) {
                foldsNothing = false
                break
            }
            afterSpace = byte == UInt8(ascii: " ")
        }
        if foldsNothing, !afterSpace { return text }
        return text.split(whereSeparator: { $0.isWhitespace || $0 == "\\" }).joined(separator: " ")
    }
}
