import FactStore

/// How a value is written into a data file.
enum ExportText {
    /// The displayed text, except that an exact quantity may be marked `=12`: without the mark
    /// a column of exact quantities would read back as ints.
    static func text(_ value: Value, marksExactQuantities: Bool) -> String {
        if marksExactQuantities, case .quantity(let quantity) = value, quantity.qualifier == .exact {
            return "=" + quantity.description
        }
        return value.description
    }
}
