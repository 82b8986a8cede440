import FactStore

/// The values of a relation of one field, for `where source in (wires)`: found once when
/// the query is bound, then looked up per row. Numbers are found by their number (3 is in
/// a relation holding 3.0, a quantity by its value), as `=` compares them.
struct Membership: Sendable {
    /// The relation and field, for the SQL form.
    let relation: String
    let field: Field
    private let keys: Set<Value>
    /// SQL's rule: a value not found among values that include a null is unknown, not absent.
    let containsNull: Bool
    /// Whether keys are compared as numbers (the value or the field is a number or quantity).
    private let numeric: Bool
    /// The type of the values tested for membership.
    private let comparedType: ValueType

    init(relation name: String, _ relation: Relation, comparedWith type: ValueType) {
        self.relation = name
        field = relation.fields[0]
        let numericTypes: Set<ValueType> = [.number, .quantity]
        numeric = numericTypes.contains(type) || numericTypes.contains(field.type)
        comparedType = type
        var keys = Set<Value>()
        var containsNull = false
        let column = relation.columns[0]
        for row in 0..<relation.rowCount {
            if column.isNull(row) { containsNull = true } else { keys.insert(Membership.key(column[row], numeric: numeric)) }
        }
        self.keys = keys
        self.containsNull = containsNull
    }

    /// The values as a statement's parameter, compared in the type `Membership` compares them:
    /// numbers when either side is numeric, else the field's type (the tested value's when the
    /// field has only nulls).
    var parameter: SQLSetParameter {
        SQLSetParameter(type: numeric ? .number : field.type == .null ? comparedType : field.type, values: Array(keys) + (containsNull ? [.null] : []))
    }

    /// True, false, or nil (unknown) for one value, by SQL's `IN (SELECT ...)`: nothing is in
    /// a relation with no rows, not even null.
    func contains(_ value: Value) -> Bool? {
        if value.isNull { return keys.isEmpty && !containsNull ? false : nil }
        if keys.contains(Membership.key(value, numeric: numeric)) { return true }
        return containsNull ? nil : false
    }

    private static func key(_ value: Value, numeric: Bool) -> Value {
        guard numeric, let number = value.numericValue else { return value }
        return .number(number)
    }
}
