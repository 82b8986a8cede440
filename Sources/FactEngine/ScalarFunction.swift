import FactStore

/// One function of the language (`round(x, 2)`, `trunc(date, month)`): its parameters, the
/// type of its result, how a row is computed and how it is written in SQL, all in one value,
/// so that adding a function is one entry in `FunctionTable` and nothing else.
struct ScalarFunction: Sendable {
    /// One parameter, by the types it takes (null is always taken), or, for a parameter
    /// written as a bare word (`trunc(d, month)`), by the words it takes.
    struct Parameter: Sendable {
        let name: String
        let types: Set<ValueType>
        let words: [String]

        init(_ name: String, _ types: Set<ValueType>) {
            self.name = name
            self.types = types
            self.words = []
        }

        init(_ name: String, words: [String]) {
            self.name = name
            self.types = [.string]
            self.words = words
        }
    }

    /// Why a row could not be computed (`substr` from position 0); the evaluator locates it.
    struct Failure: Error {
        let id: Diagnostic.ID
        let message: String
    }

    /// The SQL of a call's arguments, for `sql` and `sqlQualifier` to put together.
    struct SQLCall {
        let values: [String]
        /// Each argument's qualifier (`'exact'` for anything but a quantity).
        let qualifiers: [String]
        let types: [ValueType]
        /// The arguments that are constants, by position (the unit word of `trunc`).
        let constants: [Value?]
        let dialect: SQLTranslator.Dialect
    }

    let name: String
    let parameters: [Parameter]
    /// How many parameters, from the end, may be left out.
    var optionalCount = 0
    /// The last parameter repeats: `coalesce(a, b, ...)`.
    var isVariadic = false
    /// A null argument makes a null result without calling `evaluate` (all but `coalesce` and `if`).
    var propagatesNull = true
    /// The result type of arguments of these types (each already one its parameter takes);
    /// nil when they cannot go together (`if(c, 1, "x")`).
    let resultType: @Sendable ([ValueType]) -> ValueType?
    let evaluate: @Sendable ([Value]) throws(Failure) -> Value
    let sql: @Sendable (SQLCall) -> String
    /// The qualifier of a result that is a quantity, in SQL; nil when the function gives none.
    var sqlQualifier: (@Sendable (SQLCall) -> String)?

    /// How the function is written, for errors and help: `substr(s, start [, length])`.
    var signature: String {
        let names = parameters.map { $0.words.isEmpty ? $0.name : $0.words.joined(separator: "|") }
        var text = "\(name)(" + names.dropLast(optionalCount).joined(separator: ", ")
        if optionalCount > 0 { text += " [" + names.suffix(optionalCount).map { ", " + $0 }.joined() + "]" }
        if isVariadic { text += ", ..." }
        return text + ")"
    }

    /// Whether `count` arguments are right for the function.
    func accepts(argumentCount count: Int) -> Bool {
        isVariadic ? count >= parameters.count : (parameters.count - optionalCount...parameters.count).contains(count)
    }

    /// The parameter an argument at `position` is given to.
    func parameter(at position: Int) -> Parameter { parameters[min(position, parameters.count - 1)] }
}
