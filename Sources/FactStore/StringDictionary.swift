/// The distinct strings of one column, each stored once and referred to by a code.
///
/// Dictionary encoding is what makes string predicates cheap: `place contains "sk"` is decided
/// once per distinct place, and grouping by a string groups by small integers.
public struct StringDictionary: Sendable {
    public private(set) var strings: [String] = []
    private var codes: [String: UInt32] = [:]

    public init() {}

    public var count: Int { strings.count }

    /// The code of `string`, adding it when it is new.
    public mutating func code(for string: String) -> UInt32 {
        if let code = codes[string] { return code }
        let code = UInt32(strings.count)
        strings.append(string)
        codes[string] = code
        return code
    }

    /// The code of `string` when it is already present.
    public func existingCode(for string: String) -> UInt32? { codes[string] }

    public subscript(code: UInt32) -> String { strings[Int(code)] }
}
