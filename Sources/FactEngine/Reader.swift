import FactStore

/// Typed, read-only access to one vector's values, whether a column or a constant.
struct Reader<Element> {
    private let values: [Element]
    private let constant: Element?
    private let nulls: NullMask?
    private let allNull: Bool

    init(values: [Element], nulls: NullMask?) {
        self.values = values
        constant = nil
        self.nulls = nulls
        allNull = false
    }

    init(constant: Element?) {
        values = []
        self.constant = constant
        nulls = nil
        allNull = constant == nil
    }

    @inline(__always) subscript(row: Int) -> Element { constant ?? values[row] }

    @inline(__always) func isNull(_ row: Int) -> Bool { allNull || (nulls?[row] ?? false) }

    var hasNulls: Bool { allNull || nulls != nil }

    /// The same rows, each value transformed; nulls stay null.
    func map<T>(_ transform: (Element) -> T) -> Reader<T> {
        if allNull { return Reader<T>(constant: nil) }
        if let constant { return Reader<T>(constant: transform(constant)) }
        return Reader<T>(values: values.map(transform), nulls: nulls)
    }
}
