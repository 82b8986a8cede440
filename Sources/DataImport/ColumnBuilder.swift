import FactStore

/// One column as a loader fills it. Ints, dates and dictionary codes go straight into packed
/// buffers, as narrow as their values allow, with no enum to open per cell, and nulls are
/// noted by row; the rarer types go through `Column.append`. `finish` hands over the column.
struct ColumnBuilder {
    let type: ValueType
    private var ints = PackedInts()
    private var codes = PackedInts()
    private var dictionary = StringDictionary()
    private var other: Column
    private var nullRows: [Int] = []
    private(set) var count = 0

    init(type: ValueType) {
        self.type = type
        other = Column(type: type)
    }

    private var isInts: Bool { type == .int || type == .date || type == .duration }

    /// Makes room for `rows` rows in all, as a loader estimates them from the file's size:
    /// buffers that grow by doubling would leave each outgrown copy behind in the heap. A text
    /// column whose values have mostly been new so far sizes its dictionary for as many.
    mutating func reserve(rows: Int) {
        guard rows > count else { return }
        if isInts {
            ints.reserveCapacity(rows)
        } else if type == .string {
            codes.reserveCapacity(rows)
            if dictionary.count * 2 > count { dictionary.reserveCapacity(rows * dictionary.count / Swift.max(count, 1)) }
        }
    }

    /// An empty builder of the same type with room for as many rows and distinct strings as
    /// this one holds: the next chunk's, when a load hands its rows over chunk by chunk.
    func emptied() -> ColumnBuilder {
        var builder = ColumnBuilder(type: type)
        if isInts {
            builder.ints.reserveCapacity(count)
        } else if type == .string {
            builder.codes.reserveCapacity(count)
            builder.dictionary.reserveCapacity(dictionary.count)
        }
        return builder
    }

    mutating func appendNull() {
        if isInts {
            ints.append(0)
        } else if type == .string {
            codes.append(0)
        } else {
            other.append(.null)
        }
        nullRows.append(count)
        count += 1
    }

    /// An int, a day number or a number of days, for a column of that type.
    mutating func append(int: Int64) {
        ints.append(int)
        count += 1
    }

    /// A string as its UTF-8 bytes, for a string column.
    mutating func append(utf8 bytes: UnsafeRawBufferPointer) {
        codes.append(Int64(dictionary.code(forUTF8: bytes)))
        count += 1
    }

    /// A value of the column's type.
    mutating func append(_ value: Value) {
        switch value {
        case .int(let int) where isInts: append(int: int)
        case .date(let day) where isInts: append(int: day.number)
        case .duration(let days) where isInts: append(int: days)
        case .string(let string) where type == .string:
            codes.append(Int64(dictionary.code(for: string)))
            count += 1
        default:
            other.append(value)
            count += 1
        }
    }

    func finish() -> Column {
        guard isInts || type == .string else { return other }
        var nulls = NullMask(count: count)
        for row in nullRows { nulls[row] = true }
        return Column(type: type, storage: isInts ? .ints(ints) : .strings(codes: codes, dictionary: dictionary), nulls: nulls, count: count)
    }
}
