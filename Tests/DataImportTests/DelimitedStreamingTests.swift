import FactStore
import Foundation
import TestSupport
import Testing

@testable import DataImport

/// A CSV or TSV file is read a chunk at a time, its types guessed from the first chunk. These
/// tests load the same bytes with chunks from tiny to whole-file: every chunk size must give
/// the same relation, the same lines and the same errors, wherever a chunk happens to cut a
/// quoted newline, a `""` escape, a CRLF, a multi-byte character or the byte-order mark.
@Suite struct DelimitedStreamingTests {
    /// Everything a load decides: names, types, values and the line of every row.
    struct Snapshot: Equatable, CustomStringConvertible {
        var fields: [Field]
        var rows: [[Value]]
        var lines: [Int]

        init(_ relation: Relation) {
            fields = relation.fields
            rows = (0..<relation.rowCount).map(relation.row)
            lines = (0..<relation.rowCount).map { relation.origins[$0]?.line ?? 0 }
        }

        var description: String { "\(fields.map { "\($0.name):\($0.type)" }) \(rows) lines \(lines)" }
    }

    enum Outcome: Equatable {
        case loaded(Snapshot)
        case failed(message: String, line: Int, column: Int)
    }

    func load(_ bytes: [UInt8], _ format: DataFormat = .csv, chunkSize: Int, types: [String: ValueType] = [:]) -> Outcome {
        do {
            let loaded = try DataLoader.load(MemoryBytes(bytes), format: format, path: "f", types: types, chunkSize: chunkSize)
            return .loaded(Snapshot(loaded.relation))
        } catch {
            return .failed(message: error.message, line: error.location?.line ?? 0, column: error.location?.column ?? 0)
        }
    }

    /// The outcome with one chunk for the whole file, after checking every small chunk size
    /// (16 bytes, the smallest, up to 96) gives the same.
    func loadAtEveryChunkSize(_ text: String, _ format: DataFormat = .csv, types: [String: ValueType] = [:]) -> Outcome {
        loadAtEveryChunkSize(Array(text.utf8), format, types: types)
    }

    func loadAtEveryChunkSize(_ bytes: [UInt8], _ format: DataFormat = .csv, types: [String: ValueType] = [:]) -> Outcome {
        let whole = load(bytes, format, chunkSize: bytes.count + 16, types: types)
        for chunkSize in 16...96 {
            let chunked = load(bytes, format, chunkSize: chunkSize, types: types)
            #expect(chunked == whole, "chunk size \(chunkSize)")
            if chunked != whole { break }
        }
        return whole
    }

    /// The relation every chunk size loads, or nil (an issue recorded) when the load fails.
    func snapshotAtEveryChunkSize(_ text: String, _ format: DataFormat = .csv) -> Snapshot? {
        let outcome = loadAtEveryChunkSize(text, format)
        guard case .loaded(let snapshot) = outcome else {
            Issue.record("the file must load: \(outcome)")
            return nil
        }
        return snapshot
    }

    @Test func quotedNewlinesEscapesAndCRLFAcrossChunks() throws {
        let text =
            "\u{FEFF}place,note,n\r\n"
            + "\"Kyiv, city\",\"said \"\"yes\"\" twice, then \"\"no\"\"\",1\r\n"
            + "Odesa,\"a note over\nthree\nlines\",2\r\n"
            + "Lviv,,3\r\n"
            + "\"Kharkiv\",\"\"\"\"\"\"\"\"\"\",4\r\n"
            + "Дніпро,ünïcödé ✓ text that runs longer than the smallest chunk by itself,5\r\n"
        let snapshot = try #require(snapshotAtEveryChunkSize(text))
        #expect(snapshot.fields == [Field(name: "place", type: .string), Field(name: "note", type: .string), Field(name: "n", type: .int)])
        #expect(
            snapshot.rows == [
                [.string("Kyiv, city"), .string("said \"yes\" twice, then \"no\""), .int(1)],
                [.string("Odesa"), .string("a note over\nthree\nlines"), .int(2)],
                [.string("Lviv"), .null, .int(3)],
                [.string("Kharkiv"), .string("\"\"\"\""), .int(4)],
                [.string("Дніпро"), .string("ünïcödé ✓ text that runs longer than the smallest chunk by itself"), .int(5)]
            ])
        #expect(snapshot.lines == [2, 3, 6, 7, 8])
    }

    /// Old Mac files end rows with a lone CR: they load as rows, at every chunk size, a CR
    /// inside quotes stays data, and CR, LF and CRLF may mix.
    @Test func crOnlyLineEndsAcrossChunks() throws {
        let text = "place,note,n\rKyiv,\"two\rlines\",1\r\rOdesa,plain,2\r\nLviv,\"last\",3\nSumy,,4\r"
        let snapshot = try #require(snapshotAtEveryChunkSize(text))
        #expect(snapshot.fields.map(\.name) == ["place", "note", "n"])
        #expect(
            snapshot.rows == [
                [.string("Kyiv"), .string("two\rlines"), .int(1)],
                [.string("Odesa"), .string("plain"), .int(2)],
                [.string("Lviv"), .string("last"), .int(3)],
                [.string("Sumy"), .null, .int(4)]
            ])
        #expect(snapshot.lines == [2, 5, 6, 7], "the quoted CR ends a line, as a quoted LF does")
        let tsv = try #require(snapshotAtEveryChunkSize("a\tb\rx\t1\ry\t2\r", .tsv))
        #expect(tsv.rows == [[.string("x"), .int(1)], [.string("y"), .int(2)]])
        #expect(loadAtEveryChunkSize("a,b\r1,2\r3\r") == .failed(message: "this row has 1 field but the header has 2", line: 3, column: 2))
        // A bad byte after CR-only lines is placed the same whatever the chunk size (found by
        // the data-file fuzzer: a chunk that started after a CR counted its columns from there).
        let rows = String(repeating: "x\ty\r", count: 9)
        #expect(loadAtEveryChunkSize("a\tb\r" + rows + "p\tq\u{0}r\r", .tsv) == .failed(message: "not a text file: it holds a NUL byte", line: 11, column: 4))
        #expect(
            loadAtEveryChunkSize(Array(("a,b\r\n" + rows.replacing("\t", with: ",") + "\"p\rq\",").utf8) + [0xFF, 0x0D], .csv)
                == .failed(message: "not valid UTF-8: bad byte 0xFF; save the file as UTF-8", line: 12, column: 4))
    }

    @Test func tsvEscapesAcrossChunks() throws {
        let snapshot = try #require(snapshotAtEveryChunkSize("a\tb\nx\\ty\\\\z\t\\n\none\\ttwo\\tthree\\tfour\\tfive\t2\n", .tsv))
        #expect(snapshot.rows == [[.string("x\ty\\z"), .string("\n")], [.string("one\ttwo\tthree\tfour\tfive"), .string("2")]])
    }

    /// The first chunk holds only integers; a later row holds text: the load starts again and
    /// the column is text, its earlier cells kept as written.
    @Test func aLaterRowWidensTheGuessedType() throws {
        var text = "id,code,amount\n"
        for id in 1...40 { text += "\(id),\(id * 7),\(id)\n" }
        text += "41,A-17,2.5\n42,,\n"
        let snapshot = try #require(snapshotAtEveryChunkSize(text))
        #expect(snapshot.fields.map(\.type) == [.int, .string, .number])
        #expect(snapshot.rows[0] == [.int(1), .string("7"), .number(1)])
        #expect(snapshot.rows[40] == [.int(41), .string("A-17"), .number(2.5)])
        #expect(snapshot.rows[41] == [.int(42), .null, .null])
        #expect(snapshot.lines.last == 43)
    }

    /// A column empty all through the first chunk takes its type from the first value after.
    @Test func aColumnEmptyAtFirstTakesItsLaterType() throws {
        var text = "id,when,count\n"
        for id in 1...30 { text += "\(id),,\n" }
        text += "31,2025-05-23,12\n32,2025-05-24,\n"
        let snapshot = try #require(snapshotAtEveryChunkSize(text))
        #expect(snapshot.fields.map(\.type) == [.int, .date, .int])
        #expect(snapshot.rows[0] == [.int(1), .null, .null])
        #expect(snapshot.rows[30] == [.int(31), .date(Day(iso: "2025-05-23")!), .int(12)])
    }

    /// Errors found in a later chunk name the line and column in the file, not in the chunk.
    @Test func errorsInALaterChunkSayWhereInTheFile() {
        var text = "id,day\n"
        for id in 1...30 { text += "\(id),2025-01-\(10 + id % 20)\n" }
        #expect(
            loadAtEveryChunkSize(text + "31,2025-02-30\n", types: ["day": .date])
                == .failed(message: "'2025-02-30' is not a date (field 'day')", line: 32, column: 4))
        #expect(loadAtEveryChunkSize(text + "31\n") == .failed(message: "this row has 1 field but the header has 2", line: 32, column: 3))
        #expect(
            loadAtEveryChunkSize(text + "31,2025-01-01,extra\n")
                == .failed(message: "this row has 3 fields but the header has 2", line: 32, column: 15))
        // Two errors: the first in the file is the one reported, whatever the chunks.
        #expect(
            loadAtEveryChunkSize(text + "31,2025-13-01\n32\n", types: ["day": .date])
                == .failed(message: "'2025-13-01' is not a date (field 'day')", line: 32, column: 4))
        #expect(
            loadAtEveryChunkSize(text + "31\n32,2025-13-01\n", types: ["day": .date])
                == .failed(message: "this row has 1 field but the header has 2", line: 32, column: 3))
        guard case .failed(let message, let line, let column) = loadAtEveryChunkSize(text + "31,\"open\n32,2025-01-01\n") else {
            Issue.record("an unterminated quote must fail the load")
            return
        }
        #expect(message.contains("unterminated"))
        #expect((line, column) == (32, 4))
    }

    @Test func invalidUTF8InALaterChunkSaysWhere() {
        var bytes = Array("\u{FEFF}id,note\n".utf8)
        for id in 1...30 { bytes += Array("\(id),ok\n".utf8) }
        bytes += Array("31,é".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(loadAtEveryChunkSize(bytes) == .failed(message: "not valid UTF-8: bad byte 0xC3; save the file as UTF-8", line: 32, column: 5))
        // A bad row before the bad byte is reported first, at every chunk size; a bad byte
        // on a line is reported before anything else wrong with that line.
        #expect(
            loadAtEveryChunkSize(Array("a,b\n1,\"x\"y\n2,3\n4,".utf8) + [0xB2, 0x0A])
                == .failed(message: "unexpected text after a quoted field; quote the whole field", line: 2, column: 6))
        #expect(
            loadAtEveryChunkSize(Array("a,b\n1,2\n3,\"x\"y".utf8) + [0xB2, 0x0A])
                == .failed(message: "not valid UTF-8: bad byte 0xB2; save the file as UTF-8", line: 3, column: 7))
        // On the first line, the byte-order mark is not a column.
        #expect(
            loadAtEveryChunkSize([0xEF, 0xBB, 0xBF, 0x61, 0xFF, 0x0A, 0x31, 0x0A])
                == .failed(message: "not valid UTF-8: bad byte 0xFF; save the file as UTF-8", line: 1, column: 2))
    }

    /// A record longer than a whole chunk grows the chunk rather than failing.
    @Test func aRecordLongerThanAChunkLoads() throws {
        let long = String(repeating: "word ", count: 200)
        let snapshot = try #require(snapshotAtEveryChunkSize("a,b\n1,\"\(long)\"\n2,x\n"))
        #expect(snapshot.rows == [[.int(1), .string(long)], [.int(2), .string("x")]])
        #expect(snapshot.lines == [2, 3])
    }

    /// The same random table written as CSV and as JSON lines loads the same: the chunked,
    /// two-core CSV path, in one chunk and in many, against the row-at-a-time JSON path.
    @Test(arguments: [1, 2, 3])
    func csvMatchesJSONLines(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        var csv = "id,kind,count,when,note\n"
        var jsonl = ""
        let kinds = ["swap", "attack", "strike, night", "claim \"said\""]
        for id in 0..<5_000 {
            let kind = kinds[Int(random.next() % 4)]
            let count = random.next() % 5 == 0 ? nil : Int64(random.next() % 1_000) - 100
            let day = Day(number: 19_000 + Int64(random.next() % 1_000))
            let note = random.next() % 7 == 0 ? nil : "note \(random.next() % 3_000)\(random.next() % 3 == 0 ? "\nsecond line" : "")"
            csv += "\(id),\(quoted(kind)),\(count.map(String.init) ?? ""),\(day),\(note.map(quoted) ?? "")\n"
            jsonl += "{\"id\": \(id), \"kind\": \(json(kind)), \"count\": \(count.map(String.init) ?? "null"), \"when\": \"\(day)\", \"note\": \(note.map(json) ?? "null")}\n"
        }
        let fromCSV = try DataLoader.load(Array(csv.utf8), format: .csv, path: "f").relation
        let fromJSON = try DataLoader.load(Array(jsonl.utf8), format: .jsonl, path: "f").relation
        #expect(fromCSV.fields == fromJSON.fields)
        #expect(fromCSV.rowCount == 5_000)
        for row in 0..<fromCSV.rowCount where fromCSV.row(row) != fromJSON.row(row) {
            Issue.record("row \(row): \(fromCSV.row(row)) vs \(fromJSON.row(row))")
            break
        }
        // In 4 KiB chunks, the columns of each are filled on both cores while the next is read.
        #expect(load(Array(csv.utf8), chunkSize: 4_096) == .loaded(Snapshot(fromCSV)))
    }

    /// A file on disk is read through `pread` a chunk at a time; a directory is refused.
    @Test func filesOnDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-stream-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("e.csv").path
        var text = "id,place\n"
        for id in 0..<3_000 { text += "\(id),place \(id % 13)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let source = try FileBytes.source(path: path)
        #expect(source is FileBytes)
        #expect(source.size == text.utf8.count)
        let fromFile = try DataLoader.load(source, format: .csv, path: path).relation
        let fromMemory = try DataLoader.load(Array(text.utf8), format: .csv, path: path).relation
        #expect(Snapshot(fromFile) == Snapshot(fromMemory))
        #expect(fromFile.row(2_999) == [.int(2_999), .string("place \(2_999 % 13)")])
        do {
            _ = try FileBytes.source(path: directory.path)
            Issue.record("a directory must be refused")
        } catch {
            #expect(error.reason == "is a directory, not a file")
        }
    }

    /// A FIFO streams through a temporary file: a later row that changes a column's type makes
    /// the load start again, reading the pipe's bytes back, and nothing is held whole.
    @Test func aFIFOStreamsAndCanBeReadAgain() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-fifo-\(UUID().uuidString).csv").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        var text = "id,value\n"
        for id in 0..<2_000 { text += "\(id),\(id)\n" }
        text += "2000,not a number\n"
        let bytes = Data(text.utf8)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.write(bytes)
                try? handle.close()
            }
        }
        writer.start()
        let source = try FileBytes.source(path: path)
        #expect(source.size == nil)
        #expect(!(source is MemoryBytes), "streamed, not read whole")
        let fromPipe = try DataLoader.load(source, format: .csv, path: path, chunkSize: 256).relation
        let fromMemory = try DataLoader.load(Array(text.utf8), format: .csv, path: path).relation
        #expect(Snapshot(fromPipe) == Snapshot(fromMemory))
        #expect(fromPipe.fields.map(\.type) == [.int, .string])
    }

    private func quoted(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    private func json(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

/// Found by the data-file fuzzer: a value with a leading zero read in a later chunk.
@Suite struct LeadingZeroAcrossChunksTests {
    @Test func aLeadingZeroKeepsAColumnTextInEveryChunkSize() {
        let tests = DelimitedStreamingTests()
        // The first chunk guesses a quantity; "02,298" (and "007" for an int) comes later.
        let rows = (0..<12).map { "≥\($0)" }.joined(separator: "\n")
        let outcome = tests.loadAtEveryChunkSize("pla7\n" + rows + "\n02,298\n", .tsv)
        guard case .loaded(let snapshot) = outcome else {
            Issue.record("the file must load: \(outcome)")
            return
        }
        #expect(snapshot.fields.map(\.type) == [.string])
        let ints = (0..<12).map { "\($0)" }.joined(separator: "\n")
        guard case .loaded(let codes) = tests.loadAtEveryChunkSize("code\n" + ints + "\n007\n", .csv) else {
            Issue.record("the file must load")
            return
        }
        #expect(codes.fields.map(\.type) == [.string])
    }
}
