/// Everything a statement can name: the stored relations and the `let` bindings.
///
/// It is a value: the shell runs a script or a load on a copy and keeps the copy only when
/// the whole of it succeeded.
public struct Environment: Sendable {
    public var catalog: Catalog
    /// `let` results. A binding of one row and one column is also usable as a value.
    public private(set) var bindings: [String: Relation] = [:]
    public private(set) var bindingNames: [String] = []
    /// Relations factsh derives from others (`figures`, `disputes`), with why they cannot be
    /// changed by hand: `add`, `.load ... as` and `.drop` refuse them.
    public var readOnly: [String: String] = [:]

    public init(catalog: Catalog = Catalog()) { self.catalog = catalog }

    public mutating func bind(_ name: String, _ relation: Relation) {
        if bindings[name] == nil { bindingNames.append(name) }
        bindings[name] = relation
    }

    /// Binds a single value, as `--set NAME=VALUE` does.
    public mutating func bind(_ name: String, value: Value) {
        var column = Column(type: value.type)
        column.append(value)
        bind(name, Relation(fields: [Field(name: name, type: value.type)], columns: [column], rowCount: 1))
    }

    public mutating func unbind(_ name: String) {
        bindingNames.removeAll { $0 == name }
        bindings.removeValue(forKey: name)
    }

    /// The relation or binding a query may start from.
    public func relation(named name: String) -> Relation? { catalog[name] ?? bindings[name] }

    /// The value of a binding of one row and one column.
    public func scalar(named name: String) -> Value? {
        guard let relation = bindings[name], relation.rowCount == 1, relation.columns.count == 1 else { return nil }
        return relation.columns[0][0]
    }

    /// Relation and binding names, for suggestions and completion.
    public var allNames: [String] { catalog.names + bindingNames }
}
