import Foundation
import Testing

/// CSV, TSV and JSON results reach stdout as their rows are turned into text: the first line
/// of a big result arrives while factsh is still writing the rest, and a reader that stops
/// early (`| head -2`) ends it.
@Suite struct StreamingOutputTests {
    @Test func theFirstLinesComeBeforeTheLastAndAnEarlyCloseEndsFactsh() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv")
        try Data(("id,note\n" + (0..<400_000).map { "\($0),note \($0 % 977)\n" }.joined()).utf8).write(to: events)

        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["--format", "csv", "-c", "events", events.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var received = Data()
        while received.split(separator: UInt8(ascii: "\n")).count < 3 {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            received += more
        }
        let stillWriting = process.isRunning
        // Like `head -2`: two lines read, then the pipe closed.
        try output.fileHandleForReading.close()
        let lines = String(decoding: received, as: UTF8.self).split(separator: "\r\n").prefix(2)
        #expect(lines == ["id,note", "0,note 0"])
        #expect(stillWriting, "the first lines came only after the whole result was written")
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "factsh went on writing to a closed pipe")
        if process.isRunning { process.terminate() }
    }

    @Test func aStreamedResultIsTheWholeResult() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.csv")
        let text = "id,note\n" + (0..<20_000).map { "\($0),\"note, \($0 % 977)\"\n" }.joined()
        try Data(text.utf8).write(to: events)
        let streamed = try BinaryRunner.run(["--format", "csv", "-c", "events", events.path])
        #expect(streamed.status == 0)
        #expect(streamed.stdout == text.replacingOccurrences(of: "\n", with: "\r\n"))
        // The export of the same rows, written to a file, is the same text.
        let exported = directory.appendingPathComponent("out.csv")
        let export = try BinaryRunner.run(["-c", ".export events \(exported.path)", events.path])
        #expect(export.status == 0)
        #expect(try String(contentsOf: exported, encoding: .utf8) == streamed.stdout)
    }
}
