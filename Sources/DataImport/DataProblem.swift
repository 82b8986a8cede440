/// Why a data file cannot be loaded, and where: the line and column a user can fix.
public struct DataProblem: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
    public var column: Int
    /// The text of that line, to show under the message.
    public var lineText: String?

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}
