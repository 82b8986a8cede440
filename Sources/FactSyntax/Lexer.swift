import FactStore

/// Splits source text into tokens.
///
/// The lexer reads the whole source at once and never stops at an error: it records a
/// diagnostic, skips the bad character and goes on, so the parser can report every problem of
/// a script in one run. Newlines are tokens (they end statements); the parser ignores them
/// inside parentheses. A `\` at the end of a line joins it to the next.
public struct Lexer {
    public let source: SourceFile
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []

    public init(source: SourceFile) {
        self.source = source
        scalars = source.scalars
    }

    /// Every token of the source, ending with `.endOfInput`, and the problems found.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    /// Two-character symbols, tried before single characters.
    static let pairSymbols: Set<String> = ["!=", "<=", ">=", "<>", "==", "//"]
    static let singleSymbols: Set<Unicode.Scalar> = ["(", ")", ",", ";", "=", "<", ">", "+", "-", "*", "/", "~", "≈", "≥", "≤", "≠"]

    private mutating func run() {
        while true {
            skipSpacesAndComments()
            guard position < scalars.count else { break }
            let start = position
            let scalar = scalars[position]
            if scalar == "\n" {
                position += 1
                add(.newline, from: start)
            } else if scalar == "\\" {
                lineContinuation()
            } else if scalar == "." && isAtStatementStart, position + 1 < scalars.count, Lexer.isIdentifierStart(scalars[position + 1]) {
                dotCommand()
            } else if scalar == "!" && isAtStatementStart, position + 1 < scalars.count, scalars[position + 1] != "=" {
                shellCommand()
            } else if Lexer.isDigit(scalar) {
                number()
            } else if scalar == "\"" {
                string()
            } else if scalar == "'", let close = singleQuoteClose() {
                singleQuotedString(closingAt: close)
            } else if scalar == "`" {
                quotedIdentifier()
            } else if Lexer.isIdentifierStart(scalar) {
                word()
            } else if position + 1 < scalars.count, Lexer.pairSymbols.contains(String(scalar) + String(scalars[position + 1])) {
                position += 2
                add(.symbol(String(scalar) + String(scalars[position - 1])), from: start)
            } else if Lexer.singleSymbols.contains(scalar) {
                position += 1
                add(.symbol(String(scalar)), from: start)
            } else {
                unexpectedCharacters()
            }
        }
        tokens.append(Token(.endOfInput, SourceRange(scalars.count, scalars.count)))
    }

    /// A run of characters the language has no use for, reported once.
    private mutating func unexpectedCharacters() {
        let start = position
        let first = scalars[position]
        position += 1
        while position < scalars.count, Lexer.isUnexpected(scalars[position]), scalars[position] == first || first.value == 0xFFFD {
            position += 1
        }
        if first.value == 0xFFFD {
            error(.invalidUTF8, "invalid UTF-8 in the input (shown as U+FFFD)", from: start)
            return
        }
        let shown =
            first.properties.isWhitespace || first.value < 32 || first.value == 0x7F
            ? "U+" + String(first.value, radix: 16, uppercase: true) : "'\(first)'"
        error(.unexpectedCharacter, "unexpected character \(shown)", from: start)
    }

    static func isUnexpected(_ scalar: Unicode.Scalar) -> Bool {
        !(isIdentifierPart(scalar) || singleSymbols.contains(scalar) || scalar.properties.isWhitespace
            || "\"`#\\!.".unicodeScalars.contains(scalar))
    }

    private var isAtStatementStart: Bool {
        guard let last = tokens.last else { return true }
        return last.kind == .newline || last.isSymbol(";")
    }

    private mutating func skipSpacesAndComments() {
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "#" {
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
            } else if scalar != "\n", scalar.properties.isWhitespace {
                position += 1
            } else {
                return
            }
        }
    }

    /// `\` followed by nothing but spaces up to the newline joins two lines.
    private mutating func lineContinuation() {
        let start = position
        var probe = position + 1
        while probe < scalars.count, scalars[probe] != "\n", scalars[probe].properties.isWhitespace { probe += 1 }
        if probe >= scalars.count {
            position = probe
            error(.unfinishedContinuation, "the line ends with '\\', so the statement goes on, but the input ends here", from: start)
        } else if scalars[probe] == "\n" {
            position = probe + 1
        } else {
            position += 1
            error(.misplacedBackslash, "unexpected '\\': a backslash continues a statement only at the end of a line", from: start)
        }
    }

    private mutating func dotCommand() {
        let start = position
        position += 1
        let nameStart = position
        while position < scalars.count, Lexer.isIdentifierPart(scalars[position]) { position += 1 }
        let name = text(nameStart, position)
        let argumentsStart = position
        while position < scalars.count, scalars[position] != "\n" { position += 1 }
        let arguments = text(argumentsStart, position).trimmingWhitespace
        add(.dotCommand(name: name, arguments: arguments), from: start)
    }

    /// `!CMD`, as sqlite3's `.shell CMD` is written at psql's and most shells' prompts.
    private mutating func shellCommand() {
        let start = position
        while position < scalars.count, scalars[position] != "\n" { position += 1 }
        add(.dotCommand(name: "shell", arguments: text(start + 1, position).trimmingWhitespace), from: start)
    }

    private mutating func number() {
        let start = position
        consumeDigits()
        let integerEnd = position
        // A date: exactly DDDD-DD-DD written without spaces.
        if integerEnd - start == 4, matches(at: position, "-"), isDigits(position + 1, count: 2), matches(at: position + 3, "-"),
            isDigits(position + 4, count: 2), !(position + 6 < scalars.count && Lexer.isIdentifierPart(scalars[position + 6]))
        {
            position += 6
            let literal = text(start, position)
            if let day = Day(iso: literal) {
                add(.date(day.number), from: start)
            } else {
                error(.invalidDate, "invalid date \(literal): \(Lexer.dateProblem(literal))", from: start)
            }
            return
        }
        var isDecimal = false
        if matches(at: position, "."), position + 1 < scalars.count, Lexer.isDigit(scalars[position + 1]) {
            isDecimal = true
            position += 1
            consumeDigits()
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var probe = position + 1
            if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
            if probe < scalars.count, Lexer.isDigit(scalars[probe]) {
                isDecimal = true
                position = probe
                consumeDigits()
            }
        }
        if position < scalars.count, Lexer.isIdentifierPart(scalars[position]) {
            while position < scalars.count, Lexer.isIdentifierPart(scalars[position]) { position += 1 }
            error(.invalidNumber, "invalid number '\(text(start, position))': put a space between a number and a word", from: start)
            return
        }
        let literal = text(start, position)
        if isDecimal {
            guard let value = Double(literal), value.isFinite else {
                error(.numberOutOfRange, "number \(literal) is out of range", from: start)
                return
            }
            add(.decimal(value), from: start)
        } else {
            add(.integer(literal), from: start)
        }
    }

    /// Where the `'` that opens a string at `position` closes on its line; `''` inside is a
    /// quote, as in SQL.
    private func singleQuoteClose() -> Int? {
        var offset = position + 1
        while offset < scalars.count, scalars[offset] != "\n" {
            if scalars[offset] == "'" {
                guard offset + 1 < scalars.count, scalars[offset + 1] == "'" else { return offset }
                offset += 1
            }
            offset += 1
        }
        return nil
    }

    /// `'text'`, as SQL writes a string: an error that says how factsh writes it, and a
    /// string token so that the rest of the statement is still checked.
    private mutating func singleQuotedString(closingAt close: Int) {
        let start = position
        let value = String(String.UnicodeScalarView(scalars[(start + 1)..<close])).replacing("''", with: "'")
        position = close + 1
        let doubled = "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        diagnostics.append(
            Diagnostic(.sqlHabit, "strings take double quotes in factsh", in: source, at: SourceRange(start, position), help: "write \(doubled)"))
        add(.string(value), from: start)
    }

    private mutating func string() {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" {
                position += 1
                add(.string(String(value)), from: start)
                return
            }
            if scalar == "\\" {
                guard position + 1 < scalars.count else { break }
                let escaped = scalars[position + 1]
                switch escaped {
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "n": value.append("\n")
                case "t": value.append("\t")
                default:
                    diagnostics.append(
                        Diagnostic(
                            .unknownEscape, "unknown escape '\\\(escaped)' in string", in: source,
                            at: SourceRange(position, position + 2), help: "write \\\\ for a backslash"))
                }
                position += 2
                continue
            }
            value.append(scalar)
            position += 1
        }
        error(.unterminatedString, "unterminated string: the closing '\"' is missing", from: start, end: start + 1)
    }

    private mutating func quotedIdentifier() {
        let start = position
        position += 1
        let nameStart = position
        while position < scalars.count, scalars[position] != "`", scalars[position] != "\n" { position += 1 }
        guard position < scalars.count, scalars[position] == "`", position > nameStart else {
            error(.unterminatedQuotedName, "unterminated quoted name: the closing '`' is missing", from: start, end: start + 1)
            return
        }
        let name = text(nameStart, position)
        position += 1
        add(.identifier(name), from: start)
    }

    private mutating func word() {
        let start = position
        while position < scalars.count, Lexer.isIdentifierPart(scalars[position]) { position += 1 }
        let word = text(start, position)
        if let keyword = Keyword(rawValue: word.lowercased()) {
            add(.keyword(keyword), from: start)
            return
        }
        // `articles.date`: a field of a joined relation, named with its relation's name.
        if matches(at: position, "."), position + 1 < scalars.count, Lexer.isIdentifierStart(scalars[position + 1]) {
            position += 1
            while position < scalars.count, Lexer.isIdentifierPart(scalars[position]) { position += 1 }
        }
        add(.identifier(text(start, position)), from: start)
    }

    // MARK: helpers

    private mutating func consumeDigits() {
        while position < scalars.count, Lexer.isDigit(scalars[position]) { position += 1 }
    }

    private func matches(at index: Int, _ scalar: Unicode.Scalar) -> Bool {
        index < scalars.count && scalars[index] == scalar
    }

    private func isDigits(_ index: Int, count: Int) -> Bool {
        guard index + count <= scalars.count else { return false }
        return scalars[index..<index + count].allSatisfy(Lexer.isDigit)
    }

    private func text(_ start: Int, _ end: Int) -> String {
        source.text(of: SourceRange(start, end))
    }

    private mutating func add(_ kind: Token.Kind, from start: Int) {
        tokens.append(Token(kind, SourceRange(start, position)))
    }

    private mutating func error(_ id: Diagnostic.ID, _ message: String, from start: Int, end: Int? = nil) {
        diagnostics.append(Diagnostic(id, message, in: source, at: SourceRange(start, end ?? position)))
    }

    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    public static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
            || (scalar.value > 0x7F && scalar.properties.isAlphabetic)
    }

    public static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || (scalar.value > 0x7F && scalar.properties.numericType != nil)
    }

    /// Why `YYYY-MM-DD` names no day: "February 2025 has 28 days".
    static func dateProblem(_ literal: String) -> String {
        let parts = literal.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "not a date" }
        let (year, month) = (parts[0], parts[1])
        if year < 1 { return "years start at 0001" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days"
    }
}
