import Dispatch
import FactStore

/// Fills typed columns from a CSV or TSV file a chunk at a time, on both cores: while one
/// core reads chunk n into fields, the other fills the costliest columns of chunk n - 1 and
/// the first core then the rest. Which columns go where is decided again after every chunk
/// from what each one cost in it (a dictionary slows down as it outgrows the caches), so a
/// column of a million distinct notes gets a core of its own.
///
/// The first cell that does not fit its column's type stops the fill: with a guessed plan the
/// loader starts again, with decided types it is an error at that cell.
struct ChunkedFill {
    /// One chunk's rows: their cells in order, a row of `width` cells after another, and
    /// each row's line.
    private struct Chunk {
        var reader: DelimitedReader
        var offset: Int
        var cells: [DelimitedReader.Field]
        var lines: [Int32]
    }

    /// The columns each core fills: `withReading` by the core that also reads the next
    /// chunk, `alone` by the other.
    private struct Schedule {
        var withReading: [Int]
        var alone: [Int]
    }

    let plan: DelimitedLoader.Plan
    let names: [String]
    let path: String
    let size: Int?
    /// False when the rows are handed over chunk by chunk (`handOverRows`): then no column is
    /// sized for the whole file.
    let keepsRows: Bool
    let progress: ((Double) -> Void)?
    private(set) var builders: [ColumnBuilder]
    private(set) var origins = OriginColumn()
    /// Set when a guessed type did not fit: the fill stopped and must start again.
    private(set) var misfit = false
    /// A chunk read but not yet filled in.
    private var pending: Chunk?
    private var schedule: Schedule?
    /// What reading a chunk and filling each column cost last time, to share out the next.
    private var readCost = Duration.zero
    private var columnCosts: [Duration]
    private var spareCells: [DelimitedReader.Field] = []
    private var spareLines: [Int32] = []

    init(plan: DelimitedLoader.Plan, names: [String], path: String, size: Int?, keepsRows: Bool = true, progress: ((Double) -> Void)?) {
        self.plan = plan
        self.names = names
        self.path = path
        self.size = size
        self.keepsRows = keepsRows
        self.progress = progress
        builders = plan.types.map(ColumnBuilder.init)
        columnCosts = plan.types.map { _ in .zero }
    }

    private var width: Int { names.count }

    /// Takes the next chunk: reads its rows, fills the chunk before it, and fills this one too
    /// when it is the first, the last, or ends in a bad row. Returns false when the fill must
    /// stop (a guessed type misfit). Errors come in the file's order: a bad row is reported
    /// only once the rows before it have been filled.
    mutating func take(_ reader: inout DelimitedReader, chunkOffset: Int) throws(Diagnostic) -> Bool {
        var chunk = Chunk(reader: reader, offset: chunkOffset, cells: spareCells, lines: spareLines)
        chunk.cells.removeAll(keepingCapacity: true)
        chunk.lines.removeAll(keepingCapacity: true)
        var readProblem: Diagnostic?
        if let previous = pending, let schedule {
            pending = nil
            var next: Chunk? = consume chunk
            let misfits = fillInParallel(previous, schedule: schedule, readingAlongside: &next, readProblem: &readProblem)
            chunk = next.take()!
            guard try settle(previous, misfits: misfits) else { return false }
            spareCells = previous.cells
            spareLines = previous.lines
        } else {
            let started = ContinuousClock.now
            readProblem = Self.read(&chunk, width: width)
            readCost = ContinuousClock.now - started
        }
        reader = chunk.reader
        guard !chunk.lines.isEmpty else {
            if let readProblem { throw readProblem }
            return true
        }
        if let schedule {
            if !reader.isFinal, readProblem == nil {
                pending = chunk
                return true
            }
            // Nothing left to read: this chunk's columns are filled on both cores now.
            var nothingToRead: Chunk?
            var noProblem: Diagnostic?
            guard try settle(chunk, misfits: fillInParallel(chunk, schedule: schedule, readingAlongside: &nothingToRead, readProblem: &noProblem))
            else { return false }
        } else {
            // The first chunk: filled a column at a time, each timed to share out the rest.
            var misfits: [Int?] = []
            for column in 0..<width {
                let started = ContinuousClock.now
                misfits.append(
                    chunk.cells.withUnsafeBufferPointer { cells in
                        Self.fill(
                            &builders[column], type: plan.types[column], guessed: plan.isGuess, nullsOnly: plan.nullsOnly[column], cells: cells,
                            column: column, width: width, rows: chunk.lines.count, reader: chunk.reader)
                    })
                columnCosts[column] = ContinuousClock.now - started
            }
            schedule = Self.schedule(readCost: readCost, columnCosts: columnCosts)
            if keepsRows, let size, chunk.reader.position > 0 {
                // The rest of the file is taken to have rows like this chunk's, and a little more;
                // past 64M rows, buffers grow as they go.
                let rows = Double(chunk.lines.count) * Double(size - chunkOffset) / Double(chunk.reader.position) * 1.02
                for column in builders.indices { builders[column].reserve(rows: Int(min(rows.rounded(.up), Double(1 << 26)))) }
            }
            guard try settle(chunk, misfits: misfits) else { return false }
        }
        if let readProblem { throw readProblem }
        return true
    }

    /// The rows filled so far, as a relation of `fields`; the columns start again empty, with
    /// room for as many.
    mutating func handOverRows(fields: [Field]) -> Relation {
        let rows = Relation(fields: fields, columns: builders.map { $0.finish() }, rowCount: origins.count, origins: origins)
        builders = builders.map { $0.emptied() }
        origins = OriginColumn()
        return rows
    }

    /// Fills `chunk`'s columns on both cores, one core first reading `next`'s rows (when there
    /// is a next), each column and the reading timed so the next chunk's schedule fits what
    /// they cost now: a dictionary gets slower as it outgrows the caches. Returns, per column,
    /// the first row whose cell does not fit.
    private mutating func fillInParallel(
        _ chunk: Chunk, schedule: Schedule, readingAlongside next: inout Chunk?,
        readProblem: inout Diagnostic?
    ) -> [Int?] {
        var misfits = [Int?](repeating: nil, count: width)
        let plan = plan
        let width = width
        let columns = [schedule.withReading, schedule.alone]
        withUnsafeMutablePointer(to: &next) { next in
            withUnsafeMutablePointer(to: &readProblem) { readProblem in
                withUnsafeMutablePointer(to: &readCost) { readCost in
                    builders.withUnsafeMutableBufferPointer { builders in
                        columnCosts.withUnsafeMutableBufferPointer { costs in
                            misfits.withUnsafeMutableBufferPointer { misfits in
                                chunk.cells.withUnsafeBufferPointer { cells in
                                    let shared = SharedChunk(
                                        builders: builders, misfits: misfits, costs: costs, cells: cells, reader: chunk.reader,
                                        rows: chunk.lines.count, next: next, readProblem: readProblem, readCost: readCost)
                                    DispatchQueue.concurrentPerform(iterations: columns.count) { core in
                                        if core == 0, shared.next.pointee != nil {
                                            let started = ContinuousClock.now
                                            shared.readProblem.pointee = Self.read(&shared.next.pointee!, width: width)
                                            shared.readCost.pointee = ContinuousClock.now - started
                                        }
                                        for column in columns[core] {
                                            // Filled in a local, moved out and back: builders side by side in
                                            // one array would share cache lines between the cores on every row.
                                            let started = ContinuousClock.now
                                            let slot = shared.builders.baseAddress! + column
                                            var builder = slot.move()
                                            shared.misfits[column] = Self.fill(
                                                &builder, type: plan.types[column], guessed: plan.isGuess, nullsOnly: plan.nullsOnly[column],
                                                cells: shared.cells, column: column, width: width,
                                                rows: shared.rows, reader: shared.reader)
                                            slot.initialize(to: builder)
                                            shared.costs[column] = ContinuousClock.now - started
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.schedule = Self.schedule(readCost: next == nil ? .zero : readCost, columnCosts: columnCosts)
        return misfits
    }

    /// A chunk as the cores share it: each writes only the columns (and misfits) it was given,
    /// and only reads the cells and their bytes.
    private struct SharedChunk: @unchecked Sendable {
        let builders: UnsafeMutableBufferPointer<ColumnBuilder>
        let misfits: UnsafeMutableBufferPointer<Int?>
        let costs: UnsafeMutableBufferPointer<Duration>
        let cells: UnsafeBufferPointer<DelimitedReader.Field>
        let reader: DelimitedReader
        let rows: Int
        /// The chunk the first core reads before it fills its columns, and how that went.
        let next: UnsafeMutablePointer<Chunk?>
        let readProblem: UnsafeMutablePointer<Diagnostic?>
        let readCost: UnsafeMutablePointer<Duration>
    }

    private static func read(_ chunk: inout Chunk, width: Int) -> Diagnostic? {
        do {
            while let line = try chunk.reader.nextRow(width: width, appendingTo: &chunk.cells) { chunk.lines.append(Int32(clamping: line)) }
            return nil
        } catch {
            return error
        }
    }

    /// Columns shared out so both cores finish about together: the heaviest first, each to the
    /// core with less to do, the reading core starting with the cost of reading.
    private static func schedule(readCost: Duration, columnCosts: [Duration]) -> Schedule {
        var schedule = Schedule(withReading: [], alone: [])
        var loads = (withReading: readCost, alone: Duration.zero)
        for column in columnCosts.indices.sorted(by: { columnCosts[$0] > columnCosts[$1] }) {
            if loads.alone <= loads.withReading {
                schedule.alone.append(column)
                loads.alone += columnCosts[column]
            } else {
                schedule.withReading.append(column)
                loads.withReading += columnCosts[column]
            }
        }
        return schedule
    }

    /// After a chunk is filled: the first misfit stops the fill (false for a guess, an error
    /// otherwise); else its rows' origins are kept and progress reported.
    private mutating func settle(_ chunk: Chunk, misfits: [Int?]) throws(Diagnostic) -> Bool {
        if let (row, column) = misfits.enumerated().compactMap({ column, row in row.map { ($0, column) } }).min(by: { $0 < $1 }) {
            guard !plan.isGuess else {
                misfit = true
                return false
            }
            let field = chunk.cells[row * width + column]
            throw .misfit(
                chunk.reader.text(field), type: plan.types[column], field: names[column],
                line: Int(chunk.lines[row]), column: chunk.reader.column(of: field))
        }
        origins.append(source: path, lines: chunk.lines)
        if let size, size > 0 { progress?(Double(chunk.offset + chunk.reader.position) / Double(size)) }
        return true
    }

    /// Appends one column of a chunk; returns the first row whose cell does not fit.
    private static func fill(
        _ builder: inout ColumnBuilder, type: ValueType, guessed: Bool, nullsOnly: Bool, cells: UnsafeBufferPointer<DelimitedReader.Field>,
        column: Int, width: Int, rows: Int, reader: DelimitedReader
    ) -> Int? {
        for row in 0..<rows {
            let field = cells[row * width + column]
            if reader.isEmpty(field) {
                builder.appendNull()
                continue
            }
            if nullsOnly { return row }
            switch type {
            case .int:
                if let int = reader.int64(field) {
                    builder.append(int: int)
                    continue
                }
            case .date:
                if let day = reader.day(field) {
                    builder.append(int: day.number)
                    continue
                }
            case .string:
                if let bytes = reader.plainBytes(field) {
                    builder.append(utf8: bytes)
                    continue
                }
            default:
                break
            }
            let text = reader.text(field)
            // A number with a leading zero ("007") keeps a column text, as whole-file inference
            // decides: under a guessed numeric type it is a misfit, so every row decides again.
            if guessed, type != .string, type != .date, type != .bool, TypeInference.hasLeadingZero(text) { return row }
            guard let value = TypeInference.value(text, as: type) else { return row }
            builder.append(value)
        }
        return nil
    }
}
