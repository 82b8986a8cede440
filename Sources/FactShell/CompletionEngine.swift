import FactEngine
import FactStore
import FactSyntax

/// Tab completion that knows where the cursor is: relation names where a statement starts,
/// the fields of the relation being queried, a field's string values after `field = "`,
/// dot commands, and file paths after `.load` and `.run`.
///
/// It sees only the text before the cursor and the environment, so it is tested without a
/// terminal; the libedit reader asks it on Tab.
public struct CompletionEngine {
    public let environment: Environment
    /// Lists a directory's entries (directories end in `/`); injected for tests.
    public var listDirectory: (String) -> [String] = FileSystem.directoryEntries

    public init(environment: Environment) { self.environment = environment }

    /// What to complete: the text being replaced starts `replacing` scalars before the
    /// cursor, and each candidate is a whole replacement for it.
    public struct Completion: Equatable, Sendable {
        public var replacing: Int
        public var candidates: [String]
        /// Whether a unique candidate ends the word (a space follows a name, not a directory).
        public var appendsSpace: Bool
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        let statementText = currentStatement(textBeforeCursor)
        let trimmed = statementText.drop { $0.isWhitespace }
        if trimmed.hasPrefix(".") { return completeDotCommand(String(trimmed)) }
        let source = SourceFile(name: "<completion>", text: statementText)
        let (tokens, diagnostics) = Lexer.tokenize(source)
        if let open = diagnostics.first(where: { $0.kind == .incompleteInput && $0.message.contains("string") }), let range = open.range {
            return completeStringValue(statementText, quoteOffset: range.start, tokens: tokens.filter { $0.range.end <= range.start })
        }
        let word = String(statementText.unicodeScalars.reversed().prefix { Lexer.isIdentifierPart($0) }.reversed().map(Character.init))
        let before = tokens.dropLast().filter { $0.range.end <= source.scalars.count - word.unicodeScalars.count && $0.kind != .newline }
        return Completion(replacing: word.unicodeScalars.count, candidates: matching(word, names(after: Array(before))), appendsSpace: true)
    }

    /// The statement the cursor is in: the text after the last `;` or line break outside
    /// parentheses and strings.
    private func currentStatement(_ text: String) -> String {
        let tokens = Lexer.tokenize(SourceFile(name: "<completion>", text: text)).tokens
        var depth = 0
        var start = 0
        for token in tokens {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth = max(0, depth - 1) }
            if depth == 0, token.isSymbol(";") || token.kind == .newline { start = token.range.end }
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(start)))
    }

    /// Names that fit after the given tokens.
    private func names(after tokens: [Token]) -> [String] {
        guard let first = tokens.first else {
            return environment.allNames + ["let", "add"]
        }
        switch first.kind {
        case .keyword(.add):
            if tokens.count == 1 { return environment.catalog.names }
            guard case .identifier(let relation) = tokens[1].kind else { return [] }
            let last = tokens.last!
            return last.isSymbol(",") || tokens.count == 2 ? fields(of: relation) : []
        case .keyword(.let):
            return tokens.count >= 3 ? environment.allNames : []
        case .identifier(let relation):
            if tokens.last?.isKeyword(.join) == true { return environment.allNames }
            // The fields of every relation joined so far, after the source's.
            let joined = zip(tokens, tokens.dropFirst()).compactMap { pair -> String? in
                guard pair.0.isKeyword(.join), case .identifier(let name) = pair.1.kind else { return nil }
                return name
            }
            let keywords = Keyword.allCases.filter { $0 != .let && $0 != .add }.map(\.rawValue)
            // `week` and `days` are keywords and functions both: offered once.
            return ([relation] + joined).flatMap(fields) + keywords + FunctionTable.names.filter { !keywords.contains($0) }
        default:
            return []
        }
    }

    private func fields(of relation: String) -> [String] {
        environment.relation(named: relation)?.fields.map(\.name) ?? []
    }

    /// `who = "sol` → the values of `who` that start with `sol`, closed with a quote.
    private func completeStringValue(_ text: String, quoteOffset: Int, tokens: [Token]) -> Completion {
        let scalars = Array(text.unicodeScalars)
        let typed = String(String.UnicodeScalarView(scalars[(quoteOffset + 1)...]))
        var field: String?
        var index = tokens.count - 1
        while index >= 0 {
            if case .identifier(let name) = tokens[index].kind, index + 1 < tokens.count,
                tokens[index + 1].kind == .symbol("=") || tokens[index + 1].kind == .symbol("!=") || tokens[index + 1].isKeyword(.contains)
                    || tokens[index + 1].isKeyword(.starts) || tokens[index + 1].isKeyword(.in)
            {
                field = name
                break
            }
            index -= 1
        }
        guard let field, case .identifier(let relation)? = tokens.first?.kind,
            let column = environment.relation(named: relation)?.column(named: field)
        else {
            return Completion(replacing: 0, candidates: [], appendsSpace: false)
        }
        let values = column.distinctStrings.filter { $0.lowercased().hasPrefix(typed.lowercased()) }.sorted()
        return Completion(replacing: typed.unicodeScalars.count + 1, candidates: values.map { "\"" + $0 + "\"" }, appendsSpace: true)
    }

    private func completeDotCommand(_ text: String) -> Completion {
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            return Completion(replacing: text.unicodeScalars.count, candidates: matching(text, DotCommand.all.map { "." + $0.name }), appendsSpace: true)
        }
        let command = String(text[text.index(after: text.startIndex)..<space])
        let argument = String(text[space...].drop { $0.isWhitespace })
        let words = DotCommand.words(argument)
        let current = argument.last?.isWhitespace == true || argument.isEmpty ? "" : (words.last ?? "")
        let position = argument.isEmpty || argument.last?.isWhitespace == true ? words.count : words.count - 1
        guard let kind = DotCommand.named(command)?.arguments.completion(at: position) else {
            return Completion(replacing: 0, candidates: [], appendsSpace: false)
        }
        switch kind {
        case .path:
            return completePath(current, typed: CompletionEngine.lastWordAsTyped(argument))
        case .relationName:
            return Completion(replacing: current.unicodeScalars.count, candidates: matching(current, environment.allNames), appendsSpace: true)
        case .choices(let choices):
            return Completion(replacing: current.unicodeScalars.count, candidates: matching(current, choices), appendsSpace: true)
        case .helpTopic:
            return Completion(replacing: current.unicodeScalars.count, candidates: matching(current, HelpText.topics + DotCommand.all.map(\.name)), appendsSpace: true)
        case .query:
            return complete(String(argument))
        }
    }

    /// A path completed as the user will need it on Enter: a path with a space or a quote in it
    /// goes in double quotes (which `DotCommand.words` takes off), left open after a directory so
    /// Tab can go on into it. `path` is the word without its quotes, `typed` as it was typed.
    private func completePath(_ path: String, typed: String) -> Completion {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let prefix = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let listed = listDirectory(directory.isEmpty ? "." : FileSystem.expandingTilde(directory))
        let entries = listed.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        let candidates = entries.map { entry in
            let full = directory + entry
            guard typed.hasPrefix("\"") || full.contains(where: { $0 == " " || $0 == "'" || $0 == "\t" }) else { return full }
            return "\"" + full + (full.hasSuffix("/") ? "" : "\"")
        }
        return Completion(replacing: typed.unicodeScalars.count, candidates: candidates, appendsSpace: !(candidates.count == 1 && candidates[0].hasSuffix("/")))
    }

    /// The last word of a command's arguments as typed, with an opening quote if it has one:
    /// `as "d/my st` gives `"d/my st`.
    static func lastWordAsTyped(_ arguments: String) -> String {
        var start = arguments.startIndex
        var quote: Character?
        var inWord = false
        for index in arguments.indices {
            let character = arguments[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if !inWord { start = index }
                quote = character
                inWord = true
            } else if character.isWhitespace {
                inWord = false
            } else if !inWord {
                start = index
                inWord = true
            }
        }
        return inWord ? String(arguments[start...]) : ""
    }

    private func matching(_ prefix: String, _ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) && seen.insert($0).inserted }
    }

    /// The longest text every candidate starts with.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
