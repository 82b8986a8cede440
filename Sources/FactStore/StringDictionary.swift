/// The distinct strings of one column, each stored once and referred to by a code.
///
/// Dictionary encoding is what makes string predicates cheap: `place contains "sk"` is decided
/// once per distinct place, and grouping by a string groups by small integers.
///
/// Codes are found through an open-addressing table of 4-byte slots keyed by a hash of the
/// string's UTF-8 bytes, rather than a `[String: UInt32]`: loading a million distinct notes
/// then costs one cheap hash per cell, a table a fifth the size, and no rehashing as it grows.
/// Strings are told apart by their bytes, as SQL engines do.
public struct StringDictionary: Sendable {
    public private(set) var strings: [String] = []
    /// Each slot holds a code + 1, or 0 when empty; the table is kept at most half full.
    private var slots: [UInt32] = []
    /// The hash of each string, by code: probes compare it before the text, and growing the
    /// table moves codes without hashing any string again.
    private var hashes: [UInt64] = []

    public init() {}

    public var count: Int { strings.count }

    /// The code of `string`, adding it when it is new.
    public mutating func code(for string: String) -> UInt32 {
        var string = string
        return string.withUTF8 { code(forUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the string whose UTF-8 bytes these are, adding it when it is new: a loader
    /// makes a `String` only for the first occurrence of each distinct value. The bytes must be
    /// valid UTF-8 (loaders check the file first), so the stored text has exactly these bytes.
    public mutating func code(forUTF8 bytes: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(of: bytes)
        var (found, slot) = probe(bytes, hash: hash)
        if let found { return found }
        if (strings.count + 1) * 2 > slots.count {
            grow()
            slot = probe(bytes, hash: hash).slot
        }
        let code = UInt32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        slots[slot] = code + 1
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

    public subscript(code: UInt32) -> String { strings[Int(code)] }

    /// The code of the string with these bytes if present, and the slot where the search ended.
    private func probe(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> (code: UInt32?, slot: Int) {
        guard !slots.isEmpty else { return (nil, 0) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let code = Int(slots[slot] - 1)
            if hashes[code] == hash {
                var stored = strings[code]
                if stored.withUTF8({ $0.elementsEqual(bytes) }) { return (UInt32(code), slot) }
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Doubles the table and places every code again from its stored hash.
    private mutating func grow() {
        let capacity = max(16, slots.count * 2)
        let mask = capacity - 1
        var table = [UInt32](repeating: 0, count: capacity)
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt32(code + 1)
        }
        slots = table
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
