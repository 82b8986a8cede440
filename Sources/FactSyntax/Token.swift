import FactStore

/// One lexical unit of a script, with the span of source it came from.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case keyword(Keyword)
        /// The digits of an integer literal, checked for overflow by the parser.
        case integer(String)
        case decimal(Double)
        case string(String)
        case date(Int64)
        /// `( ) , ; = != < <= > >= + - * / ≥ ≤ ≠ ~ ≈`
        case symbol(String)
        /// A whole line starting with `.` where a statement may start: `.load report.txt`.
        case dotCommand(name: String, arguments: String)
        /// Ends a statement, like `;`. Not produced inside parentheses.
        case newline
        case endOfInput
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// How the token is named in "expected X, found Y".
    public var displayName: String {
        switch kind {
        case .identifier(let name): "name '\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .integer(let digits): "number \(digits)"
        case .decimal(let value): "number \(value)"
        case .string: "string"
        case .date(let day): "date \(Day(number: day))"
        case .symbol(let symbol): "'\(symbol)'"
        case .dotCommand(let name, _): "command '.\(name)'"
        case .newline: "end of line"
        case .endOfInput: "end of input"
        }
    }

    public func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    public func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

    /// True for `;`, a newline and the end of input: the tokens that end a statement.
    public var endsStatement: Bool {
        switch kind {
        case .newline, .endOfInput: true
        case .symbol(let symbol): symbol == ";"
        default: false
        }
    }
}
