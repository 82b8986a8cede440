/// A fixed map from ASCII words to values, looked up with a word's bytes: a short FNV-1a hash
/// and a byte comparison instead of a `String` hash (SipHash) and Unicode-aware comparisons.
/// For the lookups made once per token, where a `Dictionary` costs more than the rest.
struct WordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var start: Int
        var count: Int
        var value: Value
    }

    /// Every key's bytes, one after another.
    private let keyBytes: [UInt8]
    private let entries: [Entry]
    /// Open addressing with linear probing: an index into `entries`, or -1 for an empty slot.
    private let slots: [Int32]

    /// The ASCII keys of `dictionary` (a word with other characters is left to the dictionary,
    /// whose comparison of such words is by canonical equivalence, not by bytes).
    init(_ dictionary: [String: Value]) {
        var keyBytes: [UInt8] = []
        var entries: [Entry] = []
        for (key, value) in dictionary where key.utf8.allSatisfy({ $0 < 0x80 }) {
            entries.append(Entry(start: keyBytes.count, count: key.utf8.count, value: value))
            keyBytes.append(contentsOf: key.utf8)
        }
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, entry) in entries.enumerated() {
            var slot = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[entry.start..<entry.start + entry.count])) } & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        self.keyBytes = keyBytes
        self.entries = entries
        self.slots = slots
    }

    /// The value of an ASCII word given as bytes; nil when it is no key.
    func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        return keyBytes.withUnsafeBufferPointer { keys in
            while true {
                let index = Int(slots[slot])
                guard index >= 0 else { return nil }
                let entry = entries[index]
                if entry.count == word.count, UnsafeBufferPointer(rebasing: keys[entry.start..<entry.start + entry.count]).elementsEqual(word) {
                    return entry.value
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ hash >> 29)
    }
}
