import Foundation

/// Runs the built `factsh` binary as a user would, capturing what it prints.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits beside the test bundle in the build folder.
    /// Whether the binary was built with ThreadSanitizer (`make test-tsan` builds into
    /// `.build-tsan`): its runtime maps files of its own, and dies with SIGBUS under a file-size
    /// limit before factsh runs, so tests that set one cannot run there.
    static var isThreadSanitized: Bool { binary.path.contains("/.build-tsan/") }

    static let binary: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("factsh").path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("factsh")
    }()

    /// `stdoutPath` sends standard output to a file (such as `/dev/full`) instead of capturing it.
    static func run(
        _ arguments: [String], stdin: String? = nil, directory: URL = packageRoot, environment: [String: String] = [:],
        stdoutPath: String? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = "/nonexistent-home"
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        // stderr goes to a file, so reading stdout to its end cannot block on a full stderr pipe.
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsURL)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let input = Pipe()
        process.standardOutput = try stdoutPath.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? output
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        if stdoutPath != nil { try output.fileHandleForWriting.close() }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let errData = try Data(contentsOf: errorsURL)
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
