import FactStore

/// Why a statement failed to parse; turned into a diagnostic by `parseScript`.
struct ParseError: Error {
    var diagnostic: Diagnostic
}
