/// A problem found in a script or a file, as a value: which problem, where, and how to fix it.
///
/// Every layer throws it directly — the parser, the engine, the data and article loaders — so a
/// problem keeps its position and its `id` on the way to the user, and nothing converts it by
/// hand. Diagnostics are collected (a script with three bad statements reports three) and
/// rendered by `DiagnosticRenderer`; tests assert the `id` and the position, not the wording.
public struct Diagnostic: Error, Sendable, Equatable {
    /// The broad class of a problem, which decides how the shell reacts to it.
    public enum Kind: String, Sendable {
        /// Not valid syntax: "expected X, found Y".
        case syntax
        /// Valid so far but cut off: an open parenthesis or string, a trailing `\`.
        /// The shell answers it with a continuation prompt instead of an error.
        case incompleteInput
        /// A relation, field, binding or command that does not exist.
        case unknownName
        /// Two types that do not go together, such as a string compared with a number.
        case typeMismatch
        /// A name that exists but cannot be used so: a read-only relation, a name given twice.
        case conflict
        /// A problem found while running: overflow, division by zero, an interrupt.
        case runtime
        /// A file whose content is not what its format says: a bad row, header or date.
        case invalidData
        /// A file that cannot be read or written at all.
        case io
    }

    public enum Severity: String, Sendable { case error, warning }

    /// Which problem this is, stable across releases (see `Diagnostic.ID`).
    public var id: ID
    public var kind: Kind { id.kind }
    public var severity: Severity
    public var message: String
    /// `report.fq`, `<stdin>`, `<command>`; nil for problems of no file.
    public var path: String?
    public var location: SourceLocation?
    /// The source line shown under the message, and the span the caret marks in it.
    public var lineText: String?
    public var caretLength: Int
    /// Text after the caret: "did you mean 'swaps'?".
    public var help: String?
    /// The span in the source the diagnostic came from, when it came from one.
    public var range: SourceRange?

    public init(
        _ id: ID, _ message: String, severity: Severity = .error, path: String? = nil,
        location: SourceLocation? = nil, lineText: String? = nil, caretLength: Int = 1, help: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
        self.lineText = lineText
        self.caretLength = caretLength
        self.help = help
    }

    /// A problem at a line and column of a file that is not a script: a data file or an article.
    public init(_ id: ID, _ message: String, line: Int, column: Int, severity: Severity = .error) {
        self.init(id, message, severity: severity, location: SourceLocation(line: line, column: column))
    }
}

extension Diagnostic {
    /// The same problem, said of the file at `path`: a loader finds a problem at a line and
    /// column, and the shell, which knows the name the user gave, adds it.
    public func inFile(_ path: String) -> Diagnostic {
        var located = self
        located.path = path
        return located
    }
}
