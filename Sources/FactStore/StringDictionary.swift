#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The distinct strings of one column, each stored once and referred to by a code.
///
/// Dictionary encoding is what makes string predicates cheap: `place contains "sk"` is decided
/// once per distinct place, and grouping by a string groups by small integers.
///
/// The strings' UTF-8 bytes are packed end to end in blocks of up to 1 MiB, each behind its
/// length, rather than kept as a `String` each: a million distinct notes then cost their bytes
/// and eight more each, not a heap object apiece, and loading them costs no allocation per
/// note. Blocks are never moved once full, so the dictionary grows without copying its text.
/// A `String` is made when a string is read. Codes are found through an open-addressing table
/// of 4-byte slots keyed by a hash of the bytes; strings are told apart by their bytes, as
/// SQL engines do.
public struct StringDictionary: Sendable, RandomAccessCollection {
    private static let blockSize = 1 << 20
    /// The text, a string never split across two blocks; a string longer than a block has a
    /// block of its own.
    private var blocks: [[UInt8]] = []
    /// Where each code's length prefix starts: its block in the high 32 bits, its offset in
    /// the low 32.
    private var locations: [UInt64] = []
    /// Each slot holds a code + 1 in its low bits (as many as the table has slots: `codeBits`)
    /// and, above them, the same bits of the string's hash, so most strings are told apart
    /// without reading them; 0 when empty. The table is kept at most half full, and four bytes
    /// a slot: growing it hashes the strings again rather than keep eight bytes of hash each.
    private var slots: [UInt32] = []
    private var codeBits = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { locations.count }

    public subscript(position: Int) -> String {
        withUTF8(of: position) { String(decoding: $0, as: UTF8.self) }
    }

    public subscript(code: UInt32) -> String { self[Int(code)] }

    /// Calls `body` with the UTF-8 bytes of the string with this code, without making a
    /// `String`.
    public func withUTF8<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let location = locations[code]
        return try blocks[Int(location >> 32)].withUnsafeBytes { block in
            var offset = Int(location & 0xFFFF_FFFF)
            let length = Self.readLength(block, at: &offset)
            return try body(UnsafeRawBufferPointer(rebasing: block[offset..<offset + length]))
        }
    }

    /// The code of `string`, adding it when it is new.
    public mutating func code(for string: String) -> UInt32 {
        var string = string
        return string.withUTF8 { code(forUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the string whose UTF-8 bytes these are, adding it when it is new: a loader
    /// never makes a `String` for a cell. The bytes must be valid UTF-8 (loaders check the file
    /// first), so the stored text is exactly these bytes.
    public mutating func code(forUTF8 bytes: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(of: bytes)
        var (found, slot) = probe(bytes, hash: hash)
        if let found { return found }
        if (locations.count + 1) * 2 > slots.count {
            grow()
            slot = probe(bytes, hash: hash).slot
        }
        let code = UInt32(locations.count)
        store(bytes)
        slots[slot] = tagBits(of: hash) | (code + 1)
        return code
    }

    /// The code of `string` when it is already present.
    public func existingCode(for string: String) -> UInt32? {
        var string = string
        return string.withUTF8 { bytes in
            let bytes = UnsafeRawBufferPointer(bytes)
            return probe(bytes, hash: Self.hash(of: bytes)).code
        }
    }

    /// Appends the bytes behind their length to the last block, or to a new one when they
    /// would not fit.
    private mutating func store(_ bytes: UnsafeRawBufferPointer) {
        let needed = bytes.count + 5
        if blocks.isEmpty || (blocks[blocks.count - 1].count + needed > Self.blockSize && !blocks[blocks.count - 1].isEmpty) {
            var block: [UInt8] = []
            // The first block grows as it fills, so a column of a few strings stays small.
            if !blocks.isEmpty { block.reserveCapacity(Swift.max(needed, Self.blockSize)) }
            blocks.append(block)
        }
        let last = blocks.count - 1
        locations.append(UInt64(last) << 32 | UInt64(blocks[last].count))
        var length = bytes.count
        while length >= 0x80 {
            blocks[last].append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        blocks[last].append(UInt8(length))
        blocks[last].append(contentsOf: bytes)
    }

    /// Reads a length written by `store`, seven bits a byte, moving `offset` past it.
    private static func readLength(_ block: UnsafeRawBufferPointer, at offset: inout Int) -> Int {
        var length = 0
        var shift = 0
        while true {
            let byte = block[offset]
            offset += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return length }
            shift += 7
        }
    }

    /// The hash bits a slot keeps above the code.
    private func tagBits(of hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 32) & ~codeMask
    }

    private var codeMask: UInt32 { codeBits >= 32 ? .max : (1 << codeBits) - 1 }

    /// The code of the string with these bytes if present, and the slot where the search ended.
    private func probe(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> (code: UInt32?, slot: Int) {
        guard !slots.isEmpty else { return (nil, 0) }
        let mask = slots.count - 1
        let (tag, codeMask) = (tagBits(of: hash), codeMask)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] & ~codeMask == tag {
                let code = Int(slots[slot] & codeMask) - 1
                let equal = withUTF8(of: code) { stored in
                    stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                }
                if equal { return (UInt32(code), slot) }
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Makes room for `count` strings in all, so that a loader expecting that many distinct
    /// values neither regrows its table nor copies its codes' locations on the way.
    public mutating func reserveCapacity(_ count: Int) {
        locations.reserveCapacity(count)
        var capacity = Swift.max(16, slots.count)
        while capacity < count * 2 { capacity *= 2 }
        if capacity > slots.count { rebuild(capacity: capacity) }
    }

    /// Doubles the table.
    private mutating func grow() {
        rebuild(capacity: Swift.max(16, slots.count * 2))
    }

    /// A table of `capacity` slots, every string placed again by a fresh hash of its bytes.
    private mutating func rebuild(capacity: Int) {
        slots = [UInt32](repeating: 0, count: capacity)
        codeBits = capacity.trailingZeroBitCount
        let mask = capacity - 1
        for code in locations.indices {
            let hash = withUTF8(of: code, Self.hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = tagBits(of: hash) | UInt32(code + 1)
        }
    }

    /// A fast 64-bit hash of UTF-8 bytes, eight at a time, mixed so the low bits (the slot)
    /// depend on every byte.
    static func hash(of raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << UInt64(shift * 8) }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}
