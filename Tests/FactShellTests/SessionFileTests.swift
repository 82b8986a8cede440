import Foundation
import Testing
@testable import FactShell
import FactLanguage
import FactStore

@Suite struct SessionFileTests {
    @Test func saveThenOpenGivesBackEveryRelationAndOrigin() throws {
        let directory = temporaryDirectory()
        FileManagerShim.write("id,when,q,ok,note\n1,2025-01-02,≥3,true,\"a, b\"\n2,,~4,false,\n", to: "\(directory)/data.csv")
        let (session, output) = makeSession()
        session.run(".load \(directory)/data.csv\nlet total = swaps sum released\nadd extra d = 2 days, n = 1.5\n.save \(directory)/s.factsh")
        #expect(output.diagnostics == "")
        let saved = session.environment
        let (reopened, reopenedOutput) = makeSession(demo: false)
        reopened.run(".open \(directory)/s.factsh")
        #expect(reopenedOutput.diagnostics == "")
        let restored = reopened.environment
        #expect(restored.catalog.names == saved.catalog.names)
        #expect(restored.bindingNames == ["total"])
        for name in saved.allNames {
            let a = try #require(saved.relation(named: name))
            let b = try #require(restored.relation(named: name))
            #expect(a.fields == b.fields, "\(name)")
            #expect(a.rowCount == b.rowCount, "\(name)")
            for row in 0..<a.rowCount {
                #expect(a.row(row) == b.row(row), "\(name) row \(row)")
                #expect(a.origins[row] == b.origins[row], "\(name) row \(row)")
            }
        }
        reopened.run("mentions where event = \"release\" and qualifier = \"exact\" sum value\n.why")
        #expect(reopenedOutput.results.contains("“Both sides confirmed that [303] soldiers"))
    }

    @Test func otherToolsReadTheFile() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let directory = temporaryDirectory()
        let (session, _) = makeSession()
        session.run(".save \(directory)/s.db")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["\(directory)/s.db", "select sum(released) from swaps; select killed, killed_qualifier from attacks;"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "1000\n12.0|at_least\n")
    }

    @Test func failuresLeaveNothingBehindAndChangeNothing() {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".save /nonexistent-dir/s.db")
        #expect(output.diagnostics.contains("cannot save to '/nonexistent-dir/s.db'"))
        FileManagerShim.write("not a database", to: "\(directory)/junk.db")
        session.run(".open \(directory)/junk.db\n.open \(directory)/missing.db")
        #expect(output.diagnostics.contains("cannot open '\(directory)/junk.db' as a factsh session"))
        #expect(output.diagnostics.contains("missing.db"))
        #expect(session.environment.catalog["swaps"]?.rowCount == 3, "a failed open keeps the session")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory)) == ["junk.db"])
    }
}
