extension Diagnostic {
    /// A stable name for one problem, such as `syntax.expected` or `data.row-width`, with the
    /// `Kind` it belongs to.
    ///
    /// The wording of a message may improve from one release to the next; the id does not, so
    /// tests (and anyone matching on errors) check the id. Every problem factsh can report is
    /// listed below, grouped by the layer that finds it.
    public struct ID: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public let kind: Kind

        init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }

        public var description: String { name }
    }
}

// The language as text: the lexer and the parser.
extension Diagnostic.ID {
    public static let expected = Self("syntax.expected", .syntax)
    public static let unexpectedEnd = Self("syntax.unexpected-end", .incompleteInput)
    public static let unexpectedCharacter = Self("syntax.unexpected-character", .syntax)
    /// A habit from SQL (`SELECT ... FROM`, `'single quotes'`), answered with the factsh way.
    public static let sqlHabit = Self("syntax.sql-habit", .syntax)
    public static let invalidUTF8 = Self("syntax.invalid-utf8", .syntax)
    public static let misplacedBackslash = Self("syntax.misplaced-backslash", .syntax)
    public static let unfinishedContinuation = Self("syntax.unfinished-continuation", .incompleteInput)
    public static let unterminatedString = Self("syntax.unterminated-string", .incompleteInput)
    public static let unterminatedQuotedName = Self("syntax.unterminated-quoted-name", .syntax)
    public static let unknownEscape = Self("syntax.unknown-escape", .syntax)
    public static let invalidDate = Self("syntax.invalid-date", .syntax)
    public static let invalidNumber = Self("syntax.invalid-number", .syntax)
    public static let numberOutOfRange = Self("syntax.number-out-of-range", .syntax)
    public static let chainedComparison = Self("syntax.chained-comparison", .syntax)
    public static let unbalancedParenthesis = Self("syntax.unbalanced-parenthesis", .syntax)
    public static let tooDeeplyNested = Self("syntax.too-deeply-nested", .syntax)
    public static let tooManyErrors = Self("syntax.too-many-errors", .syntax)
    /// A dot command or a command-line option used the wrong way.
    public static let usage = Self("syntax.usage", .syntax)
}

// Names and types: the binder, the planner and the interpreter.
extension Diagnostic.ID {
    public static let unknownRelation = Self("name.unknown-relation", .unknownName)
    public static let unknownField = Self("name.unknown-field", .unknownName)
    public static let unknownCommand = Self("name.unknown-command", .unknownName)
    public static let unknownFunction = Self("name.unknown-function", .unknownName)
    public static let duplicateName = Self("name.duplicate", .conflict)
    /// A stored relation's name given to a binding, or a binding's name given to a load.
    public static let nameInUse = Self("name.in-use", .conflict)
    /// `figures`, `disputes`: derived relations that only a recompute writes.
    public static let readOnly = Self("name.read-only", .conflict)
    public static let typeMismatch = Self("type.mismatch", .typeMismatch)
    /// A relation of many rows used where one value is needed.
    public static let relationAsValue = Self("type.relation-as-value", .typeMismatch)
    /// `x = null`, which is never true: `is null` is meant.
    public static let nullComparison = Self("type.null-comparison", .typeMismatch)
    /// `matches` with a pattern that is no regular expression.
    public static let invalidPattern = Self("type.invalid-pattern", .typeMismatch)
    /// A function given too few or too many arguments.
    public static let argumentCount = Self("type.argument-count", .typeMismatch)
}

// Running a statement.
extension Diagnostic.ID {
    public static let divisionByZero = Self("run.division-by-zero", .runtime)
    public static let overflow = Self("run.overflow", .runtime)
    public static let interrupted = Self("run.interrupted", .runtime)
    /// A join with no equal fields over more pairs of rows than factsh loops over.
    public static let joinTooLarge = Self("run.join-too-large", .runtime)
    /// A function argument outside what the function takes (`substr(s, 0)`).
    public static let argumentOutOfRange = Self("run.argument-out-of-range", .runtime)
    /// `.why` with no result to explain, `.sql` of a query SQL cannot say.
    public static let nothingToDo = Self("run.nothing-to-do", .runtime)
    /// A command of `.shell`, `!`, or the editor of `.edit`, that failed.
    public static let shellCommand = Self("run.shell-command", .runtime)
    public static let notTranslatable = Self("run.not-translatable", .runtime)
    /// A failure factsh did not foresee; reported rather than lost.
    public static let unexpected = Self("run.unexpected", .runtime)
}

// Data files and articles: what a file holds.
extension Diagnostic.ID {
    public static let rowWidth = Self("data.row-width", .invalidData)
    public static let unterminatedQuote = Self("data.unterminated-quote", .invalidData)
    public static let textAfterQuote = Self("data.text-after-quote", .invalidData)
    public static let notText = Self("data.not-text", .invalidData)
    public static let recordTooLong = Self("data.record-too-long", .invalidData)
    public static let duplicateHeader = Self("data.duplicate-header", .invalidData)
    public static let malformedJSON = Self("data.malformed-json", .invalidData)
    /// A value that is not of its column's type.
    public static let valueType = Self("data.value-type", .invalidData)
    /// A file whose columns do not fit the relation it is loaded into.
    public static let schemaMismatch = Self("data.schema-mismatch", .invalidData)
    public static let typesSidecar = Self("data.types-sidecar", .invalidData)
    public static let tooLarge = Self("data.too-large", .invalidData)
    public static let emptyFile = Self("data.empty", .invalidData)
    public static let articleHeader = Self("article.header", .invalidData)
    public static let articleDate = Self("article.date", .invalidData)
    /// A run of text with no sentence end, cut into sentences of a bounded length.
    public static let longSentence = Self("article.long-sentence", .invalidData)
}

// Files as files.
extension Diagnostic.ID {
    public static let unreadable = Self("file.unreadable", .io)
    public static let unwritable = Self("file.unwritable", .io)
    public static let unknownFormat = Self("file.unknown-format", .io)
    public static let scriptNesting = Self("file.script-nesting", .io)
    /// A load that added nothing because of the errors above it.
    public static let nothingLoaded = Self("file.nothing-loaded", .io)
    public static let historyUnavailable = Self("file.history-unavailable", .io)
    /// A data file loaded again into the relation that already holds its rows.
    public static let alreadyLoaded = Self("file.already-loaded", .conflict)
    /// A `.load` pattern or folder that names no file to load.
    public static let noFileMatches = Self("file.no-match", .io)
}

// A PostgreSQL database the session works on.
extension Diagnostic.ID {
    /// No connection, a lost one, or a database factsh cannot read its relations from.
    public static let databaseUnavailable = Self("database.unavailable", .io)
    /// The server refused or failed a statement factsh sent.
    public static let serverError = Self("database.server-error", .runtime)
    /// `--demo` over a database that already holds the demo's relations.
    public static let demoAlreadyInDatabase = Self("database.demo-present", .conflict)
}
