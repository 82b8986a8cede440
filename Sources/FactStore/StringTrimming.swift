extension StringProtocol {
    /// The text without leading and trailing white space; Foundation-free so the core
    /// libraries start fast.
    public var trimmingWhitespace: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
