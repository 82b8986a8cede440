import FactStore

/// A list of values as the text of a PostgreSQL array (`{1,2,NULL}`), to go as one statement
/// parameter (`= ANY($1::BIGINT[])`): the values of a set stay data and never become SQL.
/// Every element but null is quoted, so no text can end an element or the array.
public enum PostgresArray {
    public static func literal(_ values: [Value]) -> String {
        "{" + values.map(element).joined(separator: ",") + "}"
    }

    /// One element as the server's input function for its type reads it: dates in ISO form,
    /// booleans as `t` and `f`, a duration as its days.
    private static func element(_ value: Value) -> String {
        let text: String
        switch value {
        case .null: return "NULL"
        case .int(let int): text = String(int)
        case .number(let number): text = Self.number(number)
        case .quantity(let quantity): text = Self.number(quantity.value)
        case .string(let string): text = string
        case .date(let day): text = day.description
        case .bool(let bool): text = bool ? "t" : "f"
        case .duration(let days): text = String(days)
        }
        return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// A double in the shortest text that reads back as it, in PostgreSQL's spelling for
    /// infinities and NaN.
    private static func number(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return String(number)
    }
}
