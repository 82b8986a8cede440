import Foundation
import Testing

/// Every query script in Samples/ with an expected output beside it (`x.fq` → `x.out`, and
/// `x.err` for the errors it must report) runs through the binary with the demo facts.
@Suite struct SampleScriptTests {
    static let samples: [String] = {
        let directory = BinaryRunner.packageRoot.appendingPathComponent("Samples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".fq") && names.contains(String($0.dropLast(3)) + ".out") }.sorted()
    }()

    @Test func thereAreAtLeastThreeSampleScripts() {
        #expect(Self.samples.count >= 3)
    }

    /// The README's "Questions analysts ask" shows the queries the sample script runs, and the
    /// output it quotes is the script's.
    @Test func theReadmeShowsTheAnalystQuestionsTheSampleRuns() throws {
        let root = BinaryRunner.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: root.appendingPathComponent("Samples/analyst-questions.fq"), encoding: .utf8)
        let output = try String(contentsOf: root.appendingPathComponent("Samples/analyst-questions.out"), encoding: .utf8)
        let queries = script.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(queries.count == 10)
        for query in queries { #expect(readme.contains("    " + query + "\n"), "\(query)") }
        let quoted =
            readme.components(separatedBy: "For instance, the largest figure each source gives:\n\n").last?
            .components(separatedBy: "\n\n").first?.split(separator: "\n").map { $0.dropFirst(4) } ?? []
        #expect(!quoted.isEmpty)
        #expect(output.contains(quoted.joined(separator: "\n")))
    }

    @Test(arguments: samples)
    func producesTheExpectedOutput(script: String) throws {
        let base = BinaryRunner.packageRoot.appendingPathComponent("Samples/" + script.dropLast(3))
        let expectedOut = try String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8)
        let expectedErr = try? String(contentsOf: base.appendingPathExtension("err"), encoding: .utf8)
        let outcome = try BinaryRunner.run(["--demo", "Samples/" + script])
        #expect(outcome.stdout == expectedOut)
        #expect(outcome.stderr == (expectedErr ?? ""))
        #expect(outcome.status == (expectedErr == nil ? 0 : 1))
    }
}
