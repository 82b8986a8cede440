/// How query results are written: `--format` on the command line, `.mode` in the shell.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown, line
}

/// Everything about the destination that changes how a table looks.
public struct TableStyle: Sendable, Equatable {
    /// Box-drawing characters (on a UTF-8 terminal) or plain ASCII.
    public var unicode: Bool
    /// The width to fit (text shortened, fields left out, or one field per line); nil when
    /// the output is not a terminal.
    public var maxWidth: Int?
    /// Above this many rows, show the first and last rows with an elision line between.
    public var maxRows: Int
    /// ANSI colour for headers and numbers.
    public var colored: Bool
    /// The widest each text field is drawn, by position, 0 for as wide as its values
    /// (`.width`); numbers and dates are never cut.
    public var columnWidths: [Int] = []
    /// The header line and its rule of a table, and the header row of CSV and TSV
    /// (`.headers on|off`).
    public var showsHeaders = true
    /// How a null is shown (`.nullvalue`).
    public var nullText = "NULL"

    public init(unicode: Bool = false, maxWidth: Int? = nil, maxRows: Int = 40, colored: Bool = false) {
        self.unicode = unicode
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.colored = colored
    }

    /// The style for a file: every row, nothing fitted to a width, no colour, plain ASCII;
    /// what the user chose of headers, nulls and widths stays.
    public var forFile: TableStyle {
        var style = TableStyle(maxRows: .max)
        style.columnWidths = columnWidths
        style.showsHeaders = showsHeaders
        style.nullText = nullText
        return style
    }
}
