/// Integers kept in the narrowest width that holds them all: 8, 16, 32 or 64 bits.
///
/// Most columns of loaded data hold small numbers (counts, day numbers, dictionary codes), so
/// a million of them take 1, 2 or 4 MB rather than 8. Appending a value that does not fit
/// widens the whole buffer once. Rows read as `Int64`; loops that must run at full speed hand
/// a `PackedIntsVisitor` to `visit`, which runs it over the values at their stored width.
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
    }

    public private(set) var width: Width
    // Only the array of the current width holds anything.
    @usableFromInline var int8s: [Int8] = []
    @usableFromInline var int16s: [Int16] = []
    @usableFromInline var int32s: [Int32] = []
    @usableFromInline var int64s: [Int64] = []

    /// An empty buffer, as narrow as can be until a value needs more.
    public init() { width = .bits8 }

    /// The values as they are, 64 bits each: for results computed once and soon dropped,
    /// where a pass to narrow them would cost more than it saves.
    public init(_ values: [Int64]) {
        width = .bits64
        int64s = values
    }

    /// The values in the narrowest width that holds them all.
    public init(packing values: some Sequence<Int64>) {
        self.init()
        for value in values { append(value) }
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch width {
        case .bits8: int8s.count
        case .bits16: int16s.count
        case .bits32: int32s.count
        case .bits64: int64s.count
        }
    }

    @inlinable
    public subscript(position: Int) -> Int64 {
        switch width {
        case .bits8: Int64(int8s[position])
        case .bits16: Int64(int16s[position])
        case .bits32: Int64(int32s[position])
        case .bits64: int64s[position]
        }
    }

    public mutating func append(_ value: Int64) {
        switch width {
        case .bits8: if let narrow = Int8(exactly: value) { return int8s.append(narrow) }
        case .bits16: if let narrow = Int16(exactly: value) { return int16s.append(narrow) }
        case .bits32: if let narrow = Int32(exactly: value) { return int32s.append(narrow) }
        case .bits64: return int64s.append(value)
        }
        widen(to: Width(fitting: value))
        append(value)
    }

    /// Appends every value of `other`, widening when one of them needs it.
    public mutating func append(contentsOf other: PackedInts) {
        for value in other { append(value) }
    }

    public mutating func reserveCapacity(_ count: Int) {
        switch width {
        case .bits8: int8s.reserveCapacity(count)
        case .bits16: int16s.reserveCapacity(count)
        case .bits32: int32s.reserveCapacity(count)
        case .bits64: int64s.reserveCapacity(count)
        }
    }

    /// How many values fit before the buffer must grow.
    public var capacity: Int {
        switch width {
        case .bits8: int8s.capacity
        case .bits16: int16s.capacity
        case .bits32: int32s.capacity
        case .bits64: int64s.capacity
        }
    }

    /// Moves every value to a wider array, with room for as many as before.
    private mutating func widen(to newWidth: Width) {
        let values = self.map { $0 }
        let capacity = capacity
        int8s = []
        int16s = []
        int32s = []
        width = newWidth
        reserveCapacity(capacity)
        switch newWidth {
        case .bits8: preconditionFailure("never narrows")
        case .bits16: int16s.append(contentsOf: values.lazy.map { Int16(truncatingIfNeeded: $0) })
        case .bits32: int32s.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) })
        case .bits64: int64s.append(contentsOf: values)
        }
    }

    /// Each value transformed, in one loop per width rather than a width test per value.
    @inlinable
    public func map<Result>(_ transform: (Int64) throws -> Result) rethrows -> [Result] {
        switch width {
        case .bits8: try int8s.map { try transform(Int64($0)) }
        case .bits16: try int16s.map { try transform(Int64($0)) }
        case .bits32: try int32s.map { try transform(Int64($0)) }
        case .bits64: try int64s.map(transform)
        }
    }

    /// The values at these positions, in this order, at the same width.
    public func gather(_ rows: [Int32]) -> PackedInts {
        var result = PackedInts()
        result.width = width
        switch width {
        case .bits8: result.int8s = rows.map { int8s[Int($0)] }
        case .bits16: result.int16s = rows.map { int16s[Int($0)] }
        case .bits32: result.int32s = rows.map { int32s[Int($0)] }
        case .bits64: result.int64s = rows.map { int64s[Int($0)] }
        }
        return result
    }

    /// Runs `visitor` over the values at their stored width.
    @inlinable
    public func visit<Visitor: PackedIntsVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch width {
        case .bits8: int8s.withUnsafeBufferPointer { visitor.visit($0) }
        case .bits16: int16s.withUnsafeBufferPointer { visitor.visit($0) }
        case .bits32: int32s.withUnsafeBufferPointer { visitor.visit($0) }
        case .bits64: int64s.withUnsafeBufferPointer { visitor.visit($0) }
        }
    }

    public static func == (lhs: PackedInts, rhs: PackedInts) -> Bool { lhs.elementsEqual(rhs) }
}

/// A loop over a `PackedInts` written once and compiled for each width it may be stored in:
/// Swift closures cannot be generic, so the loop is a generic method of a small struct.
public protocol PackedIntsVisitor {
    associatedtype Result
    func visit<Value: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<Value>) -> Result
}
