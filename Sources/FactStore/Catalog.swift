/// The named relations of a session: the facts the user has added or loaded.
///
/// A catalog is a value, so a load or a script can work on a copy and the session keeps the
/// copy only when everything succeeded: that is how a failed load adds nothing.
public struct Catalog: Sendable {
    public private(set) var relations: [String: Relation] = [:]
    /// Relation names in the order they were created, for `.tables` and completion.
    public private(set) var names: [String] = []

    public init() {}

    public subscript(name: String) -> Relation? { relations[name] }

    public mutating func set(_ name: String, _ relation: Relation) {
        if relations[name] == nil { names.append(name) }
        relations[name] = relation
    }

    /// Changes a relation in place, creating it first when absent. In place matters: a copy
    /// taken out and put back would copy every column on each change.
    public mutating func update<Failure: Error>(_ name: String, creating: () -> Relation, _ change: (inout Relation) throws(Failure) -> Void) throws(Failure) {
        if relations[name] == nil {
            names.append(name)
            relations[name] = creating()
        }
        try change(&relations[name]!)
    }

    @discardableResult
    public mutating func remove(_ name: String) -> Relation? {
        names.removeAll { $0 == name }
        return relations.removeValue(forKey: name)
    }

    public var totalRows: Int { relations.values.reduce(0) { $0 + $1.rowCount } }
}
