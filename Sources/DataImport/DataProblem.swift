/// Why a data file cannot be loaded, and where: the line and column a user can fix.
public struct DataProblem: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
    public var column: Int
    /// The text of that line, to show under the message.
    public var lineText: String?
    /// For a cell that does not fit its type: which field, so the column can be found.
    var field: Int?

    public init(_ message: String, line: Int, column: Int, field: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.field = field
    }
}
