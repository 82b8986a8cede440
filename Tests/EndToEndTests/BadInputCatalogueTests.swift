import Foundation
import TestSupport
import Testing

/// Bad input of every kind the shell meets: each gets a clear error naming the place, the exit
/// status of the contract, the facts unchanged (the last command still answers), and never a
/// crash, a hang or a trap.
@Suite struct BadInputCatalogueTests {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-bad-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    static func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Runs the binary with the demo facts, then checks the facts still answer.
    func run(_ arguments: [String], stdin: String? = nil) throws -> BinaryRunner.Outcome {
        let outcome = try BinaryRunner.run(["--demo"] + arguments + ["-c", "swaps count"], stdin: stdin)
        #expect(outcome.stdout.hasSuffix("3\n"), "the facts survive: \(outcome.stdout.suffix(80))")
        #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("crashed"), "\(outcome.stderr.prefix(300))")
        return outcome
    }

    @Test(arguments: [
        ("an empty command", "", 0, ""),
        ("10,000 open parentheses", String(repeating: "(", count: 10_000) + "1", 1, "too deeply nested"),
        ("an integer literal too large", "swaps where released > 99999999999999999999 count", 1, "<command>:1:24: error: integer 99999999999999999999 does not fit in 64 bits"),
        ("overflow in arithmetic", "9223372036854775807 + 1", 1, "<command>:1:1: error: integer overflow"),
        ("division by zero", "swaps show released / 0", 1, "<command>:1:12: error: division by zero"),
        ("an impossible date", "swaps where date = 2025-02-30 count", 1, "invalid date 2025-02-30: February 2025 has 28 days"),
        ("an unknown relation", "swapz count", 1, "did you mean 'swaps'?"),
        ("an unknown field", "swaps sum relesed", 1, "did you mean 'released'?"),
        ("a type clash", "swaps where who > 3 count", 1, "cannot compare string with int"),
        ("a misspelt command", ".tabels", 1, "did you mean '.tables'?")
    ])
    func statements(what: String, command: String, status: Int32, message: String) throws {
        let outcome = try run(["-c", command])
        #expect(outcome.status == status, "\(what)")
        if !message.isEmpty { #expect(outcome.stderr.contains(message), "\(what): \(outcome.stderr.prefix(300))") }
    }

    @Test func nulBytes() throws {
        let piped = try BinaryRunner.run(["--demo"], stdin: "swaps\u{0} count\nswaps count\n")
        #expect(piped.stderr.contains("<stdin>:1:6: error: unexpected character U+0"))
        #expect(piped.stdout == "3\n")
        let script = Self.file("nul.fq", [0x73, 0x00, 0x0A])
        let outcome = try BinaryRunner.run([script])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("nul.fq:1:2: error:"))
        #expect(outcome.stderr.contains("NUL byte"))
    }

    @Test func overflowInSum() throws {
        let script = Self.file("big.fq", "add big n = 9223372036854775807\nadd big n = 1\nbig sum n\n")
        let outcome = try run([script])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("big.fq:3:5: error: integer overflow in sum"))
    }

    @Test func hundredThousandChainedAnds() throws {
        let condition = Array(repeating: "released > 1", count: 100_000).joined(separator: " and ")
        let script = Self.file("ands.fq", "swaps where \(condition) count\n")
        let outcome = try run([script])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "3\n3\n")
    }

    @Test func aOneMegabyteLine() throws {
        let script = Self.file("long.fq", "\"" + String(repeating: "a", count: 1_000_000) + "\" contains \"aaa\"\n")
        let outcome = try run([script])
        #expect(outcome.stdout == "true\n3\n")
    }

    /// An error on a 400 KB line echoes about one screen line of it, not the whole line.
    @Test func anErrorOnALongLineShowsAWindow() throws {
        let script = Self.file("long-error.fq", "swaps where " + String(repeating: "released > 1 and ", count: 25_000) + "nope > 1 count\n")
        let outcome = try run([script])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("unknown field 'nope'"))
        #expect(outcome.stderr.utf8.count < 1_000, "\(outcome.stderr.utf8.count) bytes of error")
    }

    @Test func invalidUTF8() throws {
        let script = Self.file("bad-utf8.fq", [0x73, 0x77, 0x61, 0x70, 0x73, 0x0A, 0x63, 0xC3, 0x28, 0x0A])
        let outcome = try BinaryRunner.run(["--demo", script, "-c", "swaps count"])
        #expect(outcome.status == 2, "an unreadable file is exit status 2")
        #expect(outcome.stderr.contains("bad-utf8.fq:2:2: error:"))
        #expect(outcome.stderr.contains("not valid UTF-8"))
        let piped = try BinaryRunner.run(["--demo"], stdin: "swaps count\n\u{FFFD}\n")
        #expect(piped.stderr.contains("<stdin>:2:1: error: invalid UTF-8"))
        #expect(piped.status == 1)
    }

    @Test func binaryFiles() throws {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        for name in ["garbage.fq", "garbage.txt", "garbage.csv", "garbage.json"] {
            let path = Self.file(name, garbage)
            let outcome = try run(["-c", ".load \(path)"])
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains(name), "\(name): \(outcome.stderr.prefix(200))")
        }
    }

    @Test func missingFilesAndDirectories() throws {
        let missing = try run(["-c", ".load /nonexistent/x.csv"])
        #expect(missing.stderr.contains("cannot read '/nonexistent/x.csv': no such file or directory"))
        let directory = try run(["-c", ".run \(Self.directory.path)"])
        #expect(directory.stderr.contains("is a directory"))
        // A folder argument loads the articles in it; one with none is an error on the command line.
        let empty = Self.directory.appendingPathComponent("empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let argument = try BinaryRunner.run([empty])
        #expect(argument.status == 2)
        #expect(argument.stderr.contains("has no articles (.txt files) to load"))
    }

    /// A device never ends (`/dev/zero`) or is no file: refused by name before a byte is read,
    /// whether named directly, by a symlink with a data file's extension, or on the command line.
    @Test func devicesAreRefused() throws {
        let zeroCSV = Self.directory.appendingPathComponent("zero.csv").path
        try? FileManager.default.removeItem(atPath: zeroCSV)
        try FileManager.default.createSymbolicLink(atPath: zeroCSV, withDestinationPath: "/dev/zero")
        for command in [".load /dev/zero", ".run /dev/zero", ".load \(zeroCSV)"] {
            let outcome = try run(["-c", command])
            #expect(outcome.status == 1, "\(command)")
            #expect(outcome.stderr.contains("is a character device, not a file"), "\(command): \(outcome.stderr.prefix(300))")
        }
        let argument = try BinaryRunner.run(["/dev/zero"])
        #expect(argument.status == 2)
        #expect(argument.stderr.contains("cannot read '/dev/zero': is a character device, not a file"))
    }

    /// An article or script is read whole: one past the bound (a sparse file, no disk used) is
    /// an error before any allocation, not a process dying.
    @Test func aHugeFileIsRefused() throws {
        let path = Self.file("huge.fq", "")
        #expect(truncate(path, 3 << 30) == 0)
        let outcome = try run(["-c", ".run \(path)"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("is larger than 1 GB"), "\(outcome.stderr.prefix(300))")
    }

    /// A FIFO is still read (it is how `<(command)` arrives), once, into memory.
    @Test func aFIFOLoads() throws {
        let fifo = Self.directory.appendingPathComponent("piped-\(UUID().uuidString).csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data("a,b\n1,2\n3,4\n".utf8))
                try? handle.close()
            }
        }
        writer.start()
        let outcome = try run(["-c", ".load \(fifo) as piped", "-c", "piped sum b"])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(300))")
        #expect(outcome.stdout.hasPrefix("6\n"))
    }

    /// A full disk is an error with a non-zero exit, whether results go to stdout, to an
    /// `.output` file or to an export; never output dropped with status 0.
    @Test func writeErrorsAreErrors() throws {
        let toStdout = try BinaryRunner.run(["--demo", "-c", "swaps count"], stdoutPath: "/dev/full")
        #expect(toStdout.status == 1)
        #expect(toStdout.stderr.contains("cannot write '<stdout>': no space left on device"), "\(toStdout.stderr.prefix(300))")
        let piped = try BinaryRunner.run(["--demo"], stdin: "swaps count\n", stdoutPath: "/dev/full")
        #expect(piped.status == 1)
        let redirected = try run(["-c", ".output /dev/full", "-c", "swaps count", "-c", ".output"])
        #expect(redirected.status == 1)
        #expect(redirected.stderr.contains("cannot write '/dev/full': no space left on device"), "\(redirected.stderr.prefix(300))")
    }

    /// An export that cannot be written whole (here a file-size limit, as a full disk would) is
    /// an error with exit status 1; the file it was to replace is intact and no temporary file
    /// is left.
    @Test(.enabled(if: !BinaryRunner.isThreadSanitized, "ThreadSanitizer's runtime cannot start under a file-size limit"))
    func anExportThatCannotBeWrittenIsAnError() throws {
        let base = Self.directory.appendingPathComponent("limited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("big.csv").path
        try "kept\n".write(toFile: target, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Past the limit a write fails with EFBIG (the signal it would send is ignored).
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" --demo -c \".export mentions $1\"",
            BinaryRunner.binary.path, target
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("cannot write '\(target)': file too large"), "\(stderr.prefix(300))")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["big.csv"])
    }

    /// `.export` replaces a regular file and nothing else: a symlink is not followed (nor
    /// replaced) without a word, and a FIFO, a device or a directory stays what it was.
    @Test func exportReplacesOnlyRegularFiles() throws {
        let base = Self.directory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("target.csv").path
        try "kept\n".write(toFile: target, atomically: true, encoding: .utf8)
        let link = base.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let fifo = base.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let directory = base.appendingPathComponent("dir.csv").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (path, kind) in [(link, "a symbolic link"), (fifo, "a FIFO"), (directory, "a directory")] {
            let outcome = try run(["-c", ".export swaps \(path)"])
            #expect(outcome.status == 1, "\(kind)")
            #expect(outcome.stderr.contains("cannot write '\(path)': it is \(kind); factsh replaces only a regular file"), "\(outcome.stderr.prefix(300))")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept\n", "the symlink's target is untouched")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "the symlink stays")
        let replaced = try run(["-c", ".export swaps \(target)"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("date,released,who"))
    }

    /// A killed export leaves its temporary file; the next export to the same place removes
    /// it (and leaves a running process's alone).
    @Test func killedExportsAreCleanedUp() throws {
        let base = Self.directory.appendingPathComponent("stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("out.csv").path
        let dead = target + ".factsh-tmp-\(Int32.max - 7)"
        let alive = target + ".factsh-tmp-\(getpid())"
        let other = base.appendingPathComponent("other.csv.factsh-tmp-\(Int32.max - 7)").path
        for path in [dead, alive, other] { try "half".write(toFile: path, atomically: false, encoding: .utf8) }
        let outcome = try run(["-c", ".export swaps \(target)"])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(300))")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive), "a running process's temporary file")
        #expect(FileManager.default.fileExists(atPath: other), "another path's temporary file")
    }

    @Test func emptyInputs() throws {
        let empty = try BinaryRunner.run(["--demo"], stdin: "")
        #expect(empty.status == 0)
        #expect(empty.stdout == "")
        let emptyFile = Self.file("empty.fq", "")
        #expect(try BinaryRunner.run([emptyFile]).status == 0)
        let emptyCSV = Self.file("empty.csv", "")
        let loaded = try run(["-c", ".load \(emptyCSV)"])
        #expect(loaded.stderr.contains("warning: the file is empty"))
    }

    /// A saved session edited in sqlite3 is opened as far as it still means facts, and refused
    /// by table, row and column where it does not; the session before stays.
    @Test(arguments: [
        ("no origin columns", "CREATE TABLE t2 AS SELECT date, released, who FROM swaps; DROP TABLE swaps; ALTER TABLE t2 RENAME TO swaps;", 0, ""),
        ("text in a quantity", "UPDATE attacks SET killed = 'dozens';", 1, "table 'attacks' (of 'attacks'): row 1, column 'killed':"),
        ("an unknown qualifier", "UPDATE attacks SET killed_qualifier = 'bogus';", 1, "row 1, column 'killed_qualifier':"),
        ("an unknown type", "UPDATE factsh_fields SET type = 'blob' WHERE name = 'who';", 1, "the type of field 'who' of 'swaps' is the text"),
        (
            "a view that never ends",
            "DROP TABLE swaps; CREATE VIEW swaps AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS date, x AS released, x AS who FROM n WHERE x < 0;",
            1, "a view that never ends"
        ),
        ("a NUL in the text", "UPDATE swaps SET who = 'a' || char(0) || 'b';", 0, "")
    ])
    func editedSessionFiles(what: String, edit: String, status: Int32, message: String) throws {
        let path = Self.directory.appendingPathComponent("edited-\(UUID().uuidString).factsh").path
        #expect(try BinaryRunner.run(["--demo", "-c", ".save \(path)"]).status == 0)
        _ = try SQLiteTool.run(path, edit)
        let outcome = try BinaryRunner.run(["--demo", "-c", ".open \(path)", "-c", "swaps count"])
        #expect(outcome.status == status, "\(what): \(outcome.stderr.prefix(300))")
        #expect(outcome.stdout == "3\n", "\(what): the facts opened, or the ones before")
        #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("crashed"), "\(what)")
        if !message.isEmpty { #expect(outcome.stderr.contains(message), "\(what): \(outcome.stderr.prefix(300))") }
    }

    @Test func savingOverWhatIsNotASession() throws {
        let notes = Self.file("notes.txt", "my notes")
        let outcome = try run(["-c", ".save \(notes)"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("it is not a factsh session file; to replace it, use .save \(notes) replace"))
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
        let device = try run(["-c", ".save /dev/null replace"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("cannot save to '/dev/null': it is a device, not a file"))
    }

    @Test func aStartupScriptWithErrors() throws {
        let home = Self.directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "swaps count\nnonsense here\nlet ok = 1\n".write(to: home.appendingPathComponent(".factshrc"), atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["--demo", "-c", "ok + 1"], environment: ["HOME": home.path])
        #expect(outcome.stderr.contains(".factshrc:2:10: error: expected a clause"))
        #expect(outcome.stdout.hasSuffix("2\n"), "the rest of the startup script ran")
        #expect(outcome.status == 0, "startup errors are reported, not fatal")
    }
}
