import FactStore
import Testing

@testable import DataImport

/// A load with a sink hands its rows over chunk by chunk as they are checked, keeps none, and
/// gives the sink exactly the rows a load without one keeps.
@Suite struct RowSinkTests {
    /// What a sink was given: each start's fields, and the rows after the last start.
    final class Recorder: RowSink {
        var starts: [[Field]] = []
        var takes = 0
        var rows = Relation()

        func start(_ fields: [Field]) {
            starts.append(fields)
            rows = Relation(fields: fields)
        }

        func take(_ rows: Relation) throws(Diagnostic) {
            takes += 1
            do { try self.rows.append(contentsOf: rows) } catch { throw Diagnostic(.unexpected, "\(error)") }
        }
    }

    func rows(_ count: Int, from first: Int = 1) -> String {
        (first..<first + count).map { "\($0),name \($0 % 7),2025-05-\(10 + $0 % 20)\n" }.joined()
    }

    @Test func rowsGoToTheSinkChunkByChunk() throws {
        let text = "id,name,day\n" + rows(500)
        let whole = try DataLoader.load(Array(text.utf8), format: .csv, path: "f").relation
        let recorder = Recorder()
        let loaded = try DataLoader.load(MemoryBytes(Array(text.utf8)), format: .csv, path: "f", chunkSize: 256, sink: recorder)
        #expect(loaded.relation.rowCount == 0)
        #expect(loaded.relation.fields == whole.fields)
        #expect(recorder.starts == [whole.fields])
        #expect(recorder.takes > 10)
        #expect(recorder.rows.rowCount == 500)
        #expect((0..<500).allSatisfy { recorder.rows.row($0) == whole.row($0) && recorder.rows.origins[$0] == whole.origins[$0] })
    }

    /// A later chunk that does not fit the types guessed from the first starts the load over,
    /// with the types of every row.
    @Test func aTypeChangedFurtherOnStartsTheSinkOver() throws {
        let text = "id,name,day\n" + rows(300) + "2.5,late,2025-06-01\n"
        let recorder = Recorder()
        _ = try DataLoader.load(MemoryBytes(Array(text.utf8)), format: .csv, path: "f", chunkSize: 256, sink: recorder)
        #expect(recorder.starts.count == 2)
        #expect(recorder.starts.last?.first == Field(name: "id", type: .number))
        #expect(recorder.rows.rowCount == 301)
    }

    /// A bad row in a later chunk is an error at its line, after earlier rows went to the sink:
    /// the caller throws those away.
    @Test func aBadRowFurtherOnStopsTheLoad() {
        let text = "id,name,day\n" + rows(300) + "301,bad,2025-06-01,extra\n"
        let recorder = Recorder()
        #expect {
            _ = try DataLoader.load(MemoryBytes(Array(text.utf8)), format: .csv, path: "f", chunkSize: 256, sink: recorder)
        } throws: { error in
            (error as? Diagnostic)?.location?.line == 302
        }
        #expect(recorder.takes > 0)
    }

    @Test func jsonAndEmptyFilesGoWhole() throws {
        let recorder = Recorder()
        _ = try DataLoader.load(MemoryBytes(Array("[{\"a\": 1}, {\"a\": 2}]".utf8)), format: .json, path: "f", sink: recorder)
        #expect(recorder.starts == [[Field(name: "a", type: .int)]])
        #expect(recorder.rows.rowCount == 2)
        let empty = Recorder()
        _ = try DataLoader.load(MemoryBytes([]), format: .csv, path: "f", sink: empty)
        #expect(empty.starts == [[]])
        #expect(empty.takes == 0)
    }
}
