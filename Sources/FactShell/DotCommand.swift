import FactStore
import FactSyntax

/// A dot command of the shell: its name, usage, one-line help, what its arguments complete
/// to, and what it does. `DotCommand.all` (in DotCommandTable.swift) is the one table that
/// `.help`, completion, "did you mean" and dispatch all read, so a command is added there
/// and nowhere else.
public struct DotCommand: Sendable {
    public var name: String
    public var usage: String
    public var summary: String
    /// Uses of the command that `.help NAME` shows.
    public var examples: [String]
    /// What Tab offers for each argument, by position.
    var arguments: [ArgumentCompletion]
    /// Runs the command in a session; every failure is a `StatementFailure`.
    var handler: @Sendable (Session, Invocation) throws(StatementFailure) -> Void

    init(
        _ name: String, usage: String, summary: String, examples: [String], arguments: [ArgumentCompletion] = [],
        handler: @escaping @Sendable (Session, Invocation) throws(StatementFailure) -> Void
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.examples = examples
        self.arguments = arguments
        self.handler = handler
    }

    /// What Tab completes an argument to.
    enum ArgumentCompletion: Sendable {
        case path
        case relationName
        case choices([String])
        /// `language`, `examples` or a command's name.
        case helpTopic
        /// A query, completed as a statement is; it takes the rest of the line.
        case query
    }

    public static func named(_ name: String) -> DotCommand? { all.first { $0.name == name } }

    /// One use of a command: its words, and the statement its errors point at.
    struct Invocation {
        let name: String
        /// The text after the command's name.
        let arguments: String
        let statement: Statement
        /// `arguments` split into words (see `DotCommand.words`).
        let words: [String]

        init(name: String, arguments: String, statement: Statement) {
            self.name = name
            self.arguments = arguments
            self.statement = statement
            words = DotCommand.words(arguments)
        }

        /// A problem pointed at the command's line.
        func failure(_ id: Diagnostic.ID, _ message: String, help: String? = nil) -> StatementFailure {
            .diagnostic(Diagnostic(id, message, in: statement.source, at: statement.range, help: help))
        }

        /// The command's usage, or another message about how it is used.
        func usageError(_ message: String? = nil) -> StatementFailure {
            failure(.usage, message ?? "usage: \(DotCommand.named(name)?.usage ?? "." + name)")
        }

        /// A problem pointed at the command's line without showing that line: it may hold a
        /// connection's password.
        func failureHidingLine(_ id: Diagnostic.ID, _ message: String) -> StatementFailure {
            .diagnostic(Diagnostic(id, message, path: statement.source.name, location: statement.source.location(of: statement.range.start)))
        }

        /// The one argument of a switch such as `.timer on|off`.
        func onOrOff() throws(StatementFailure) -> Bool {
            guard words.count == 1, words[0] == "on" || words[0] == "off" else { throw usageError() }
            return words[0] == "on"
        }

        func fileError(_ failure: FileSystem.Failure) -> StatementFailure {
            .diagnostic(failure.diagnostic(at: statement))
        }
    }

    /// Runs `.name arguments` by its entry in the table; an unknown name suggests a known one.
    static func run(_ invocation: Invocation, in session: Session) throws(StatementFailure) {
        guard let command = named(invocation.name) else {
            throw invocation.failure(
                .unknownCommand, "unknown command '.\(invocation.name)'",
                help: otherShellsCommands[invocation.name.lowercased()].map { "factsh writes it '\($0)'" }
                    ?? NameSuggester.suggestion(for: invocation.name, among: all.map(\.name)).map { "did you mean '.\($0)'?" }
                    ?? "type .help for the list of commands")
        }
        try command.handler(session, invocation)
    }

    /// Commands of sqlite3 and DuckDB that factsh spells another way.
    static let otherShellsCommands = ["read": ".run FILE", "import": ".load FILE as NAME", "indexes": ".schema REL", "databases": ".tables"]

    /// Splits the text after a command into words; "double" or 'single' quotes keep spaces.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

extension [DotCommand.ArgumentCompletion] {
    /// What the argument at a position completes to: a query takes every position after its
    /// own, and a position past the last completes to nothing.
    func completion(at position: Int) -> DotCommand.ArgumentCompletion? {
        if let query = firstIndex(where: { if case .query = $0 { true } else { false } }), position >= query { return .query }
        return indices.contains(position) ? self[position] : nil
    }
}
