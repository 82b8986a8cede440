import FactStore

/// The values of `in (binding)` when a statement runs on a database server: a `let` binding
/// lives in factsh's memory, where the server has no table to read it from, so its values go
/// with the statement as one parameter, an array, and never as SQL text.
public struct SQLSetParameter: Sendable, Equatable {
    /// The type the values are compared in: a number when either side of `in` is numeric, as
    /// `Membership` compares them.
    public var type: ValueType
    /// The distinct values, with a null among them when the binding has one.
    public var values: [Value]
}

/// The set parameters of one statement, numbered `$1`, `$2`, ... in the order they are first
/// met; a binding met twice is one parameter.
final class SQLSetParameters {
    private(set) var sets: [SQLSetParameter] = []
    private var numbers: [String: Int] = [:]

    /// None yet: a new statement begins.
    func removeAll() {
        sets.removeAll()
        numbers.removeAll()
    }

    /// The parameter number of the binding `name`, whose values are `set`.
    func number(of name: String, _ set: SQLSetParameter) -> Int {
        if let number = numbers[name] { return number }
        sets.append(set)
        numbers[name] = sets.count
        return sets.count
    }
}
