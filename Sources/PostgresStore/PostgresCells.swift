import FactStore
import SessionStore

/// A field's cells (`CellCodec`, shared with session files) in PostgreSQL: the column types
/// they are declared with, the text `COPY` reads, and the text a result gives back. Dates are
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

    /// Appends one row of `COPY ... FROM STDIN` text format: tab-separated, `\N` for null,
    /// and backslash, tab and line breaks escaped, so no value can end a field or a row.
    static func appendCopyRow(_ cells: [Cell], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(0x09) }
            switch cell {
            case .null, .invalidUTF8, .blob: bytes += [0x5C, 0x4E]
            case .integer(let value): bytes += String(value).utf8
            case .real(let value): bytes += "\(value)".utf8
            case .text(let text):
                for byte in text.utf8 {
                    switch byte {
                    case 0x5C: bytes += [0x5C, 0x5C]
                    case 0x09: bytes += [0x5C, 0x74]
                    case 0x0A: bytes += [0x5C, 0x6E]
                    case 0x0D: bytes += [0x5C, 0x72]
                    default: bytes.append(byte)
                    }
                }
            }
        }
        bytes.append(0x0A)
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
