import Foundation
import Testing

/// The binary as a user runs it: flags, exit statuses, streams.
@Suite struct CommandLineTests {
    @Test func foundingQuestion() throws {
        let outcome = try BinaryRunner.run(["--demo", "-c", "swaps where date >= 2025-05-23 sum released"])
        #expect(outcome.stdout == "1000\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    /// `--threads N` caps the cores a query uses; fewer than one is bad usage.
    @Test func threadsOption() throws {
        let one = try BinaryRunner.run(["--demo", "--threads", "1", "-c", ".threads", "-c", "swaps sum released"])
        #expect(one.stdout == "1\n1000\n")
        #expect(one.status == 0)
        let none = try BinaryRunner.run(["--demo", "--threads", "0", "-c", "swaps count"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("1 or more"))
    }

    /// Every row of the table at the end of language.md.
    @Test(arguments: [
        (["swaps count"], "3\n"),
        (
            ["swaps sum released by date sort date"],
            "+------------+--------------+\n| date       | sum_released |\n+------------+--------------+\n| 2025-05-23 |          390 |\n| 2025-05-24 |          307 |\n| 2025-05-25 |          303 |\n+------------+--------------+\n3 rows\n"
        ),
        (["attacks show drones + missiles as total"], "367\n"),
        (["claims where unit = \"drones\" sum value"], "156\n"),
        (["swaps where date between 2025-05-24 and 2025-05-25 sum released"], "610\n"),
        (["let total = swaps sum released", "total - 1000"], "0\n")
    ])
    func specTable(commands: [String], expected: String) throws {
        let outcome = try BinaryRunner.run(["--demo"] + commands.flatMap { ["-c", $0] })
        #expect(outcome.stdout == expected)
        #expect(outcome.status == 0)
    }

    @Test func misspeltRelationExitsOneWithTheSuggestion() throws {
        let outcome = try BinaryRunner.run(["--demo", "-c", "swap count"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "<command>:1:1: error: unknown relation 'swap'\nswap count\n^~~~ did you mean 'swaps'?\n")
    }

    @Test func scriptWithErrorsOnLinesTwoAndFive() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "swaps count\nswaps sum releasd\nswaps count\nattacks count\nswaps where released >\n".write(to: directory.appendingPathComponent("script.fq"), atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["--demo", "script.fq"], directory: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "3\n3\n1\n")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("script.fq:2:11: error:"))
        #expect(lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
        #expect(lines[3].hasPrefix("script.fq:5:23: error:"))
        #expect(lines[5].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
    }

    @Test func pipedInputHasNoPromptAndNoEscapes() throws {
        let outcome = try BinaryRunner.run(["--demo"], stdin: "swaps count\n")
        #expect(outcome.stdout == "3\n")
        #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stderr.contains("\u{1B}"))
        #expect(!outcome.stdout.contains("factsh>"))
        #expect(outcome.status == 0)
        let failing = try BinaryRunner.run(["--demo"], stdin: "swaps count\nswap count\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("<stdin>:2:1: error:"))
    }

    /// `--bail` stops piped input at its first failing statement, as it does a script.
    @Test func bailStopsPipedInput() throws {
        let outcome = try BinaryRunner.run(["--demo", "--bail"], stdin: "swaps count\nswap count\nswaps sum released\n")
        #expect(outcome.stdout == "3\n")
        #expect(outcome.status == 1)
    }

    /// As in sqlite3, statements piped in run after the file arguments when no `-c` is given.
    @Test func pipedStatementsRunAfterAFileArgument() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = directory.appendingPathComponent("events.csv")
        try "id,place\n1,Kyiv\n2,Sumy\n".write(to: data, atomically: true, encoding: .utf8)
        let piped = try BinaryRunner.run([data.path], stdin: "events count\n")
        #expect(piped.stdout == "2\n")
        #expect(piped.status == 0)
        let commanded = try BinaryRunner.run([data.path, "-c", "events where id = 1 count"], stdin: "events count\n")
        #expect(commanded.stdout == "1\n", "with -c the pipe is not read")
        let failed = try BinaryRunner.run([data.path, "--bail", "-c", "event count"], stdin: "events count\n")
        #expect(failed.stdout == "")
    }

    @Test func commandsAndScriptsRunInTheOrderGiven() throws {
        let outcome = try BinaryRunner.run(["--demo", "-c", ".mode csv", "-f", "Samples/founding-questions.fq", "-c", "swaps count"])
        #expect(outcome.stdout.hasPrefix("sum_released\r\n1000\r\n"))
        #expect(outcome.stdout.hasSuffix("count\r\n3\r\n"))
    }

    @Test func formatsFromTheCommandLine() throws {
        let csv = try BinaryRunner.run(["--demo", "--format", "csv", "-c", "swaps sort date show date, released limit 1"])
        #expect(csv.stdout == "date,released\r\n2025-05-23,390\r\n")
        let json = try BinaryRunner.run(["--demo", "--format", "json", "-c", "swaps count"])
        #expect(json.stdout == "[\n{\"count\":3}\n]\n")
        let markdown = try BinaryRunner.run(["--demo", "--format", "markdown", "-c", "swaps count"])
        #expect(markdown.stdout == "| count |\n|---:|\n| 3 |\n")
    }

    /// `.cd` moves where relative paths are read from (run in a process of its own: the
    /// working directory is the whole process's).
    @Test func cdChangesTheDirectoryFilesAreReadFrom() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "id\n1\n2\n".write(to: directory.appendingPathComponent("here.csv"), atomically: true, encoding: .utf8)
        let outcome = try BinaryRunner.run(["-c", ".cd \(directory.path)", "-c", ".load here.csv", "-c", "here count", "-c", ".cd missing"])
        #expect(outcome.stdout == "2\n")
        #expect(outcome.stderr.contains("cannot change to 'missing'"))
        #expect(outcome.status == 1)
    }

    @Test func lineFormatFromTheCommandLine() throws {
        let outcome = try BinaryRunner.run(["--demo", "--format", "line", "-c", "swaps sort date limit 1"])
        #expect(outcome.stdout == "    date = 2025-05-23\nreleased = 390\n     who = soldiers and civilians\n")
        #expect(outcome.status == 0)
    }

    @Test func setBindsBeforeScripts() throws {
        let outcome = try BinaryRunner.run(["--demo", "--set", "since=2025-05-24", "-c", "swaps where date >= since sum released"])
        #expect(outcome.stdout == "610\n")
    }

    @Test func echoAndBail() throws {
        let echo = try BinaryRunner.run(["--demo", "--echo", "-c", "swaps count"])
        #expect(echo.stdout == "swaps count\n3\n")
        let bail = try BinaryRunner.run(["--demo", "--bail", "-c", "swap count; swaps count", "-c", "swaps count"])
        #expect(bail.stdout == "")
        #expect(bail.status == 1)
    }

    @Test(arguments: [["--format", "xml"], ["--bogus"], ["--set", "no-equals", "-c", "1"], ["-c"]])
    func badUsageExitsTwo(arguments: [String]) throws {
        let outcome = try BinaryRunner.run(arguments)
        #expect(outcome.status == 2)
        #expect(!outcome.stderr.isEmpty)
        #expect(outcome.stdout == "")
    }

    @Test func unreadableFileExitsTwo() throws {
        let outcome = try BinaryRunner.run(["missing.fq"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot read 'missing.fq': no such file or directory"))
    }

    @Test func versionAndHelp() throws {
        let version = try BinaryRunner.run(["--version"])
        #expect(version.stdout.hasPrefix("0."))
        #expect(version.status == 0)
        let help = try BinaryRunner.run(["--help"])
        #expect(help.stdout.contains("--demo"))
        #expect(help.status == 0)
    }

    @Test func demoWorksFromAnyDirectory() throws {
        let outcome = try BinaryRunner.run(["--demo", "-c", "swaps count"], directory: URL(fileURLWithPath: "/"))
        #expect(outcome.stdout == "3\n")
    }

    @Test func initFileRunsUnlessDisabled() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("factsh-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "let answer = 42\n".write(to: home.appendingPathComponent(".factshrc"), atomically: true, encoding: .utf8)
        let withInit = try BinaryRunner.run(["-c", "answer"], environment: ["HOME": home.path])
        #expect(withInit.stdout == "42\n")
        let without = try BinaryRunner.run(["--no-init", "-c", "answer"], environment: ["HOME": home.path])
        #expect(without.status == 1)
    }
}
