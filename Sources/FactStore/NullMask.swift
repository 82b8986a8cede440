/// Which rows of a column are null, one bit a row.
///
/// A column with no nulls carries no mask at all, so the common case costs nothing.
public struct NullMask: Sendable, Equatable {
    private var words: [UInt64]
    public private(set) var count: Int

    public init(count: Int = 0) {
        self.count = count
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    public subscript(row: Int) -> Bool {
        get { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }
        set {
            if newValue { words[row >> 6] |= 1 << UInt64(row & 63) } else { words[row >> 6] &= ~(1 << UInt64(row & 63)) }
        }
    }

    public mutating func append(_ isNull: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        if isNull { self[count - 1] = true }
    }

    public var hasNulls: Bool { words.contains { $0 != 0 } }

    public func gather(_ rows: some Collection<Int32>) -> NullMask {
        var result = NullMask(count: rows.count)
        for (position, row) in rows.enumerated() where self[Int(row)] { result[position] = true }
        return result
    }
}
