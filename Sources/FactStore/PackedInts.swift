#if _endian(big)
    #error("PackedInts lays values out in 64-bit words as a little-endian machine reads them")
#endif

/// Integers kept in the narrowest width that holds them all: 8, 16, 32 or 64 bits.
///
/// Most columns of loaded data hold small numbers (counts, day numbers, dictionary codes), so
/// a million of them take 1, 2 or 4 MB rather than 8. Appending a value that does not fit
/// widens the whole buffer once. The values sit side by side in one array of 64-bit words (one
/// buffer to retain, however wide), so that, read at their width, they are a plain array of
/// `Int8`, `Int16`, `Int32` or `Int64`. Rows read as `Int64`; loops that must run at full
/// speed hand a `PackedIntsVisitor` to `visit`, which runs it over the values at that width.
public struct PackedInts: Sendable, RandomAccessCollection, Equatable {
    public enum Width: Int, Sendable, Comparable {
        case bits8, bits16, bits32, bits64

        public static func < (lhs: Width, rhs: Width) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The narrowest width that holds `value`.
        init(fitting value: Int64) {
            if Int8(exactly: value) != nil {
                self = .bits8
            } else if Int16(exactly: value) != nil {
                self = .bits16
            } else if Int32(exactly: value) != nil {
                self = .bits32
            } else {
                self = .bits64
            }
        }

        /// Values to a 64-bit word.
        @usableFromInline var perWord: Int { 8 >> rawValue }
        var bits: Int { 8 << rawValue }

        func holds(_ value: Int64) -> Bool {
            let spare = 64 - bits
            return (value << spare) >> spare == value
        }
    }

    public private(set) var width: Width
    public private(set) var count = 0
    /// Value `i` is lane `i % width.perWord` of word `i / width.perWord`, lane 0 lowest.
    @usableFromInline var words: [UInt64] = []

    /// An empty buffer, as narrow as can be until a value needs more.
    public init() { width = .bits8 }

    /// The values as they are, 64 bits each: for results computed once and soon dropped,
    /// where a pass to narrow them would cost more than it saves.
    public init(_ values: [Int64]) {
        width = .bits64
        count = values.count
        words = values.map { UInt64(bitPattern: $0) }
    }

    /// The values in the narrowest width that holds them all.
    public init(packing values: some Sequence<Int64>) {
        self.init()
        for value in values { append(value) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> Int64 {
        precondition(position >= 0 && position < count, "index out of range")
        switch width {
        case .bits8: return Int64(Int8(truncatingIfNeeded: words[position >> 3] >> UInt64((position & 7) << 3)))
        case .bits16: return Int64(Int16(truncatingIfNeeded: words[position >> 2] >> UInt64((position & 3) << 4)))
        case .bits32: return Int64(Int32(truncatingIfNeeded: words[position >> 1] >> UInt64((position & 1) << 5)))
        case .bits64: return Int64(bitPattern: words[position])
        }
    }

    public mutating func append(_ value: Int64) {
        guard width.holds(value) else {
            widen(to: Width(fitting: value))
            return append(value)
        }
        let lane = count % width.perWord
        if lane == 0 { words.append(0) }
        let mask: UInt64 = width == .bits64 ? .max : (1 << UInt64(width.bits)) - 1
        words[words.count - 1] |= (UInt64(bitPattern: value) & mask) << UInt64(lane * width.bits)
        count += 1
    }

    /// Appends every value of `other`, widening when one of them needs it.
    public mutating func append(contentsOf other: PackedInts) {
        for value in other { append(value) }
    }

    /// How many values fit before the buffer must grow.
    public var capacity: Int { words.capacity * width.perWord }

    public mutating func reserveCapacity(_ count: Int) {
        words.reserveCapacity((count + width.perWord - 1) / width.perWord)
    }

    /// Moves every value to wider lanes, with room for as many as before.
    private mutating func widen(to newWidth: Width) {
        let values = self.map { $0 }
        let capacity = capacity
        words = []
        count = 0
        width = newWidth
        reserveCapacity(capacity)
        for value in values { append(value) }
    }

    /// Each value transformed, in one loop at the stored width rather than a width test per
    /// value.
    @inlinable
    public func map<Result>(_ transform: (Int64) throws -> Result) rethrows -> [Result] {
        switch width {
        case .bits8: try withValues(as: Int8.self) { try $0.map { try transform(Int64($0)) } }
        case .bits16: try withValues(as: Int16.self) { try $0.map { try transform(Int64($0)) } }
        case .bits32: try withValues(as: Int32.self) { try $0.map { try transform(Int64($0)) } }
        case .bits64: try withValues(as: Int64.self) { try $0.map(transform) }
        }
    }

    /// The values at these positions, in this order, at the same width.
    public func gather(_ rows: [Int32]) -> PackedInts {
        var result = PackedInts()
        result.width = width
        result.reserveCapacity(rows.count)
        for row in rows { result.append(self[Int(row)]) }
        return result
    }

    /// Runs `visitor` over the values at their stored width.
    @inlinable
    public func visit<Visitor: PackedIntsVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch width {
        case .bits8: withValues(as: Int8.self) { visitor.visit($0) }
        case .bits16: withValues(as: Int16.self) { visitor.visit($0) }
        case .bits32: withValues(as: Int32.self) { visitor.visit($0) }
        case .bits64: withValues(as: Int64.self) { visitor.visit($0) }
        }
    }

    /// The words seen as the `count` values of the stored width, `Value` being that width.
    @inlinable
    func withValues<Value: FixedWidthInteger, Result>(as _: Value.Type, _ body: (UnsafeBufferPointer<Value>) throws -> Result) rethrows -> Result {
        try words.withUnsafeBufferPointer { words in
            try words.withMemoryRebound(to: Value.self) { values in try body(UnsafeBufferPointer(rebasing: values[..<count])) }
        }
    }

    public static func == (lhs: PackedInts, rhs: PackedInts) -> Bool { lhs.elementsEqual(rhs) }
}

/// A loop over a `PackedInts` written once and compiled for each width it may be stored in:
/// Swift closures cannot be generic, so the loop is a generic method of a small struct.
/// The width's type may be used on several threads (a sort's workers compare at it).
public protocol PackedIntsVisitor {
    associatedtype Result
    func visit<Value: FixedWidthInteger & SignedInteger & SendableMetatype>(_ values: UnsafeBufferPointer<Value>) -> Result
}
