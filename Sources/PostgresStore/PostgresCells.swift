import FactStore
import SessionStore

/// A field's cells (`CellCodec`, shared with session files) in PostgreSQL: the column types
/// they are declared with, and the text a result gives back (`CopyTextEncoder` writes the text `COPY` reads). Dates are
/// `date` and bools `boolean`, so SQL written by hand over the tables reads them naturally.
enum PostgresCells {
    typealias Cell = CellCodec.Cell

    /// The declared type of each of a field's columns.
    static func sqlTypes(_ type: ValueType) -> [String] {
        switch type {
        case .int, .duration: ["bigint"]
        case .number: ["double precision"]
        case .quantity: ["double precision", "text", "double precision"]
        case .date: ["date"]
        case .bool: ["boolean"]
        case .string, .null: ["text"]
        }
    }

    /// The cells of a field from the text PostgreSQL gives for its columns (ISO dates, `t`
    /// and `f` for booleans), ready for `CellCodec.value`.
    static func cells(_ texts: ArraySlice<String?>, type: ValueType) -> [Cell] {
        zip(texts, sqlTypes(type)).map { text, sqlType in
            guard let text else { return .null }
            switch sqlType {
            case "bigint": return Int64(text).map(Cell.integer) ?? .text(text)
            case "double precision": return Double(text).map(Cell.real) ?? .text(text)
            case "boolean": return text == "t" ? .integer(1) : text == "f" ? .integer(0) : .text(text)
            default: return .text(text)
            }
        }
    }
}
