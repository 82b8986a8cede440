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
