import FactStore

/// A value of each type as the SQL cells that store it, and back. Reading accepts what SQLite
/// may hand back for a cell factsh wrote (an integer for a real, say) and what another program
/// may put there that still means the same value; anything else is a problem, never a guess.
package enum CellCodec {
    /// Why cells could not be read, and which of the field's columns was at fault.
    package struct Problem: Error {
        package var column: Int
        package var message: String
    }

    package typealias Cell = SQLiteDatabase.Cell

    /// The cells of a value: one, or three for a quantity (number, qualifier, upper end).
    package static func cells(_ value: Value, type: ValueType, into cells: inout [Cell]) {
        switch value {
        case .null: cells += type == .quantity ? [.null, .null, .null] : [.null]
        case .int(let int): cells.append(.integer(int))
        case .number(let number): cells.append(.real(number))
        case .string(let string): cells.append(.text(string))
        case .date(let day): cells.append(.text(day.description))
        case .bool(let bool): cells.append(.integer(bool ? 1 : 0))
        case .duration(let days): cells.append(.integer(days))
        case .quantity(let quantity):
            cells += [.real(quantity.value), .text(quantity.qualifier.name), quantity.upper.map(Cell.real) ?? .null]
        }
    }

    /// The value stored in a field's cells.
    package static func value(_ cells: ArraySlice<Cell>, type: ValueType) throws(Problem) -> Value {
        let first = cells[cells.startIndex]
        func problem(_ expected: String, _ column: Int = 0) -> Problem {
            Problem(column: column, message: "\(cells[cells.startIndex + column]) where \(expected) belongs")
        }
        if first == .null { return .null }
        switch (type, first) {
        case (.int, .integer(let int)): return .int(int)
        case (.int, .real(let real)):
            guard let int = Int64(exactly: real) else { throw problem("an int") }
            return .int(int)
        case (.number, _):
            guard let number = number(first) else { throw problem("a finite number") }
            return .number(number)
        case (.string, .text(let text)): return .string(text)
        case (.string, .integer(let int)): return .string(String(int))
        case (.date, .text(let text)):
            guard let day = Day(iso: text) else { throw problem("a date written YYYY-MM-DD") }
            return .date(day)
        case (.bool, .integer(let int)) where int == 0 || int == 1: return .bool(int == 1)
        case (.duration, .integer(let days)): return .duration(days: days)
        case (.quantity, _):
            guard let value = number(first) else { throw problem("a quantity's number") }
            var qualifier = Qualifier.exact
            switch cells[cells.startIndex + 1] {
            case .null: break
            case .text(let name) where Qualifier(name: name) != nil: qualifier = Qualifier(name: name) ?? .exact
            default: throw problem("a qualifier (" + Qualifier.allCases.map(\.name).joined(separator: ", ") + ")", 1)
            }
            let upperCell = cells[cells.startIndex + 2]
            let upper = number(upperCell)
            guard upper != nil || upperCell == .null else { throw problem("a range's upper end", 2) }
            return .quantity(Quantity(value, qualifier, upper: upper))
        default:
            switch type {
            case .bool: throw problem("a bool (0 or 1)")
            case .null: throw problem("nothing (the field has type null)")
            case .int: throw problem("an int")
            default: throw problem("a \(type)")
            }
        }
    }

    /// A finite number from an integer or real cell; factsh holds no infinity or NaN.
    private static func number(_ cell: Cell) -> Double? {
        switch cell {
        case .integer(let int): Double(int)
        case .real(let real) where real.isFinite: real
        default: nil
        }
    }
}

/// A cell as an error message shows it: `the text "dozens"`, `the integer 2`, `a blob`.
extension SQLiteDatabase.Cell: CustomStringConvertible {
    package var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): "the integer \(value)"
        case .real(let value): "the real \(value)"
        case .text(let text): "the text " + (text.count > 40 ? String(text.prefix(40)) + "…" : text).debugDescription
        case .invalidUTF8: "text that is not valid UTF-8"
        case .blob: "a blob"
        }
    }
}
