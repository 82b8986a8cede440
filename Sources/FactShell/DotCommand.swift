/// The shell's dot commands: their names, usage and one-line help, in one table that
/// `.help`, completion and "did you mean" all read.
public struct DotCommand: Sendable {
    public var name: String
    public var usage: String
    public var summary: String

    public static let all: [DotCommand] = [
        DotCommand(name: "help", usage: ".help [TOPIC]", summary: "commands, the language (.help language), examples (.help examples)"),
        DotCommand(name: "tables", usage: ".tables", summary: "relations and bindings with their row counts"),
        DotCommand(name: "schema", usage: ".schema [REL]", summary: "fields and types"),
        DotCommand(name: "load", usage: ".load PATH [as NAME] [date YYYY-MM-DD] [types (field: type, ...)]",
                   summary: "load an article, a facts script (.fq) or a data file (.csv .tsv .json .jsonl); nothing is added if it fails"),
        DotCommand(name: "run", usage: ".run PATH", summary: "run a script"),
        DotCommand(name: "mode", usage: ".mode table|csv|tsv|json|jsonl|markdown|line", summary: "how results are written"),
        DotCommand(name: "output", usage: ".output [PATH]", summary: "send results to a file; with no PATH back to the screen"),
        DotCommand(name: "once", usage: ".once PATH", summary: "send the next result to a file"),
        DotCommand(name: "export", usage: ".export REL PATH", summary: "write a relation as csv, tsv, json, jsonl or md, by the extension"),
        DotCommand(name: "save", usage: ".save PATH [replace]",
                   summary: "save every relation and binding, with where each fact came from, to one SQLite file; replaces only a session file unless told to replace"),
        DotCommand(name: "open", usage: ".open PATH", summary: "replace the session with one saved by .save"),
        DotCommand(name: "timer", usage: ".timer on|off", summary: "print each statement's time"),
        DotCommand(name: "history", usage: ".history [N]", summary: "recent statements"),
        DotCommand(name: "drop", usage: ".drop REL", summary: "remove a relation or binding"),
        DotCommand(name: "why", usage: ".why", summary: "the facts behind the last result, and the sentences they came from"),
        DotCommand(name: "sql", usage: ".sql [--postgresql] QUERY", summary: "the query as one SQL statement for SQLite and DuckDB, or PostgreSQL"),
        DotCommand(name: "explain", usage: ".explain QUERY", summary: "the query's stages, with the rows each kept and its time"),
        DotCommand(name: "quit", usage: ".quit", summary: "leave factsh"),
        DotCommand(name: "exit", usage: ".exit", summary: "leave factsh"),
    ]

    public static func named(_ name: String) -> DotCommand? { all.first { $0.name == name } }

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
