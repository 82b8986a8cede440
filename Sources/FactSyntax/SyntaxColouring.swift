import FactStore

/// The light colouring of a statement as it is typed at the prompt: keywords, strings,
/// numbers and dates picked out as the lexer reads them, the rest plain.
///
/// A pure function of the text, so the terminal only has to write what it returns. The lexer
/// never stops at an error: what does not lex (`12abc`, an invalid date) stays plain, and a
/// string still being typed, whose closing quote has not come yet, is coloured to the end.
public enum SyntaxColouring {
    public enum Role: Sendable, Equatable {
        case keyword, string, number, date

        /// The SGR parameters of the role: the cyan of numbers is the one tables use.
        public var sgr: String {
            switch self {
            case .keyword: "1;34"
            case .string: "32"
            case .number: "36"
            case .date: "33"
            }
        }
    }

    /// A run of the line in one role, or plain (`role` nil). The texts of a line's segments,
    /// joined, are the line.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var role: Role?

        public init(_ text: String, _ role: Role? = nil) {
            self.text = text
            self.role = role
        }
    }

    /// The segments of `line`, lexed after the `earlier` lines of the same statement (joined
    /// with newlines), so that a continuation line is read as the parser will read it.
    public static func segments(of line: String, after earlier: [String] = []) -> [Segment] {
        let prefix = earlier.isEmpty ? "" : earlier.joined(separator: "\n") + "\n"
        let source = SourceFile(name: "<prompt>", text: prefix + line)
        let lineStart = prefix.unicodeScalars.count
        let (tokens, diagnostics) = Lexer.tokenize(source)
        var spans: [(range: SourceRange, role: Role)] = tokens.compactMap { token in role(of: token.kind).map { (token.range, $0) } }
        for diagnostic in diagnostics where diagnostic.id == .unterminatedString {
            if let range = diagnostic.range { spans.append((SourceRange(range.start, source.scalars.count), .string)) }
        }
        spans.sort { $0.range.start < $1.range.start }
        var segments: [Segment] = []
        var position = lineStart
        func append(upTo end: Int, _ role: Role?) {
            guard end > position else { return }
            let text = source.text(of: SourceRange(position, end))
            if role == nil, let last = segments.last, last.role == nil {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(text, role))
            }
            position = end
        }
        for span in spans where span.range.end > position {
            append(upTo: span.range.start, nil)
            append(upTo: span.range.end, span.role)
        }
        append(upTo: source.scalars.count, nil)
        return segments
    }

    /// The segments written with SGR colours, each coloured run reset after itself.
    public static func painted(_ segments: [Segment]) -> String {
        segments.map { segment in
            guard let role = segment.role else { return segment.text }
            return "\u{1B}[\(role.sgr)m\(segment.text)\u{1B}[0m"
        }.joined()
    }

    private static func role(of kind: Token.Kind) -> Role? {
        switch kind {
        case .keyword: .keyword
        case .string: .string
        case .integer, .decimal: .number
        case .date: .date
        case .identifier, .symbol, .dotCommand, .newline, .endOfInput: nil
        }
    }
}
