import CSQLite
import FactStore
import Glibc

/// The language's functions, `like` and `matches` in the oracle's SQLite, written from what the
/// README says each does rather than from factsh's SQL translation.
///
/// Dates are day numbers since 1970 here, so date parts go through SQLite's own calendar
/// (`'unixepoch'`). Two things SQLite lacks come from this file, registered on every SQLite
/// connection the test process opens (under names nothing else uses):
///
/// - `oracle_regexp(text, pattern)`: POSIX extended regular expressions (glibc's `regexec`, in
///   the C locale, so over bytes). factsh's `matches` is Swift's `Regex`, over characters. The
///   generator only writes patterns in the subset where the two must agree: ASCII literals,
///   ASCII classes (`[a-z]`, never negated), groups with `|`, `+ * ? {m,n}` and the anchors,
///   never `.`. Over that subset a match in bytes is a match in characters, so this proves
///   factsh finds a pattern where it should, handles nulls and `not matches`, and runs
///   patterns over dictionary codes right; it says nothing about the rest of the syntax, where
///   engines differ (the README says so), nor about Unicode classes.
/// - `oracle_lower(s)` / `oracle_upper(s)`: glibc's `towlower_l` and `towupper_l` in its C.UTF-8
///   locale, code point by code point: Unicode's simple case mapping from other tables than
///   Swift's, as PostgreSQL maps case in that locale (SQLite without ICU folds ASCII only).
///
/// `LIKE` is made to match case as written (`PRAGMA case_sensitive_like`), as factsh's `like`
/// does: with no escape character, `%` any run and `_` one character, SQLite's own matcher.
enum OracleFunctions {
    /// Registers the functions for every connection opened from now on; true once done.
    static let registered: Bool = {
        let entry: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, OpaquePointer?) -> Int32 = { database, _, _ in
            let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
            sqlite3_create_function_v2(
                database, "oracle_regexp", 2, flags, nil,
                { context, _, arguments in
                    guard let arguments, let text = OracleFunctions.text(arguments[0]), let pattern = OracleFunctions.text(arguments[1]) else {
                        return sqlite3_result_null(context)
                    }
                    guard let found = OracleFunctions.posixMatch(text, pattern) else { return sqlite3_result_error(context, "bad pattern", -1) }
                    sqlite3_result_int(context, found ? 1 : 0)
                }, nil, nil, nil)
            for (name, upper) in [("oracle_lower", false), ("oracle_upper", true)] {
                let body: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void =
                    upper
                    ? { context, _, arguments in OracleFunctions.result(context, arguments.flatMap { OracleFunctions.text($0[0]) }.map { OracleFunctions.mapped($0, upper: true) }) }
                    : { context, _, arguments in OracleFunctions.result(context, arguments.flatMap { OracleFunctions.text($0[0]) }.map { OracleFunctions.mapped($0, upper: false) }) }
                sqlite3_create_function_v2(database, name, 1, flags, nil, body, nil, nil, nil)
            }
            return SQLITE_OK
        }
        return sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self)) == SQLITE_OK
    }()

    static func text(_ value: OpaquePointer?) -> String? {
        guard sqlite3_value_type(value) != SQLITE_NULL, let bytes = sqlite3_value_text(value) else { return nil }
        return String(cString: bytes)
    }

    static func result(_ context: OpaquePointer?, _ text: String?) {
        guard let text else { return sqlite3_result_null(context) }
        sqlite3_result_text(context, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    /// glibc's `towupper_l` or `towlower_l` (which Swift's Glibc module leaves out) in its
    /// C.UTF-8 locale, for its case tables.
    typealias CaseMap = @convention(c) (UInt32, locale_t?) -> UInt32
    nonisolated(unsafe) static let utf8Locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
    static let caseMaps: (upper: CaseMap, lower: CaseMap)? = {
        guard let upper = dlsym(nil, "towupper_l"), let lower = dlsym(nil, "towlower_l") else { return nil }
        return (unsafeBitCast(upper, to: CaseMap.self), unsafeBitCast(lower, to: CaseMap.self))
    }()

    /// Each code point upper- or lowercased by glibc; the text unchanged if glibc has no tables.
    static func mapped(_ text: String, upper: Bool) -> String {
        guard let caseMaps, let utf8Locale else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapped = (upper ? caseMaps.upper : caseMaps.lower)(scalar.value, utf8Locale)
            result.append(Unicode.Scalar(mapped) ?? scalar)
        }
        return String(result)
    }

    /// Whether the POSIX extended expression matches anywhere in the text; nil when it does not
    /// compile.
    static func posixMatch(_ text: String, _ pattern: String) -> Bool? {
        var expression = regex_t()
        guard regcomp(&expression, pattern, REG_EXTENDED | REG_NOSUB) == 0 else { return nil }
        defer { regfree(&expression) }
        return regexec(&expression, text, 0, nil, 0) == 0
    }

    /// A part of a day number, by SQLite's calendar.
    static func calendar(_ day: String, _ format: String) -> String { "CAST(strftime('\(format)', \(day) * 86400, 'unixepoch') AS INTEGER)" }

    /// The call's SQL, from its arguments' SQL and types and its own type.
    static func sql(_ name: String, _ values: [String], _ types: [ValueType], _ type: ValueType) -> String {
        /// An argument as the result's type: an int among numbers is a double in factsh.
        func widened(_ k: Int) -> String { type == .number && types[k] == .int ? "CAST(\(values[k]) AS REAL)" : values[k] }
        switch name {
        // factsh keeps an int as it is; SQLite's ROUND makes it a double.
        case "round": return types[0] == .int ? values[0] : "ROUND(\(values[0]), \(values.count > 1 ? values[1] : "0"))"
        case "abs", "length", "trim", "replace", "substr": return "\(name.uppercased())(\(values.joined(separator: ", ")))"
        case "lower", "upper": return "oracle_\(name)(\(values[0]))"
        case "coalesce": return "COALESCE(\(values.indices.map(widened).joined(separator: ", ")))"
        case "if": return "(CASE WHEN \(values[0]) THEN \(widened(1)) ELSE \(widened(2)) END)"
        case "year": return calendar(values[0], "%Y")
        case "month": return calendar(values[0], "%m")
        case "week":
            // The ISO week: the week's Thursday's day of its year, counted in sevens.
            let thursday = "(\(values[0]) - ((\(values[0]) % 7) + 10) % 7 + 3)"
            return "((\(calendar(thursday, "%j")) - 1) / 7 + 1)"
        case "trunc":
            let unit = values[1].trimmingCharacters(in: ["'"])
            // 1970-01-01 was a Thursday: (n + 3) mod 7 counts from Monday.
            if unit == "week" { return "(\(values[0]) - ((\(values[0]) % 7) + 10) % 7)" }
            return "(CAST(strftime('%s', \(values[0]) * 86400, 'unixepoch', 'start of \(unit)') AS INTEGER) / 86400)"
        case "days": return "(\(values[1]) - \(values[0]))"
        case "value": return values[0]
        case "qualifier": return "(CASE WHEN \(values[0]) IS NULL THEN NULL ELSE 'exact' END)"
        default: preconditionFailure("no function \(name) in the oracle")
        }
    }

    /// When the call fails on a row (its arguments' own failures apart), in factsh's terms; a
    /// null argument gives null and no failure, as for every function but coalesce and if.
    static func error(_ name: String, _ values: [String], _ types: [ValueType]) -> String? {
        let present = values.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
        switch name {
        case "abs" where types[0] == .int: return "(\(present) AND \(values[0]) = -9223372036854775807 - 1)"
        case "round" where values.count > 1: return "(\(present) AND \(values[1]) NOT BETWEEN 0 AND 15)"
        case "substr":
            let length = values.count > 2 ? " OR \(values[2]) < 0" : ""
            return "(\(present) AND (\(values[1]) < 1\(length)))"
        default: return nil
        }
    }
}
