/// How query results are written: `--format` on the command line, `.mode` in the shell.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown, line

    /// The formats `--format` accepts (`line` is a `.mode` only, as in sqlite3).
    public static let commandLineFormats: [OutputFormat] = [.table, .csv, .tsv, .json, .jsonl, .markdown]
}

/// Everything about the destination that changes how a table looks.
public struct TableStyle: Sendable, Equatable {
    /// Box-drawing characters (on a UTF-8 terminal) or plain ASCII.
    public var unicode: Bool
    /// Truncate wide values with `…` to fit; nil when the output is not a terminal.
    public var maxWidth: Int?
    /// Above this many rows, show the first and last rows with an elision line between.
    public var maxRows: Int
    /// ANSI colour for headers and numbers.
    public var colored: Bool

    public init(unicode: Bool = false, maxWidth: Int? = nil, maxRows: Int = 40, colored: Bool = false) {
        self.unicode = unicode
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.colored = colored
    }
}
