import FactStore
import FactSyntax
import Foundation
import Testing

@testable import FactShell

/// The dot commands users of sqlite3, DuckDB and psql reach for.
@Suite(.serialized) struct ShellCommandTests {
    @Test func aLoadSaysWhatItAddedAndHowLong() {
        let (session, output) = makeSession(demo: false)
        session.confirmsLoads = true
        let path = temporaryDirectory() + "/events.csv"
        FileManagerShim.write("id,place\n1,Kyiv\n2,Sumy\n", to: path)
        session.run(".load \(path)")
        #expect(output.diagnostics.hasPrefix("loaded 2 rows into events (2 fields) in 0."))
        #expect(output.results == "")
        #expect(LoadConfirmation.grouped(1_000_000) == "1,000,000")
        #expect(LoadConfirmation.seconds(.milliseconds(800)) == "0.8 s")
        #expect(LoadConfirmation.seconds(.milliseconds(1234)) == "1.2 s")
        #expect(LoadConfirmation.seconds(.milliseconds(3)) == "0.01 s")
    }

    @Test func headersNullsAndMaxRows() {
        let (session, output) = makeSession()
        session.run(".headers off")
        session.run(".nullvalue -")
        session.run("context show value, date limit 2")
        #expect(!output.results.contains("value"))
        #expect(output.results.contains("| -  "))
        session.run(".mode line")
        session.run("context show date limit 2 offset 1")
        #expect(output.results.hasSuffix("date = -\n"))
        #expect(!session.run(".headers maybe"))
    }

    /// As in sqlite3, `.headers off` drops the header row of CSV and TSV, on the screen and in
    /// `.once` and `.output` files; an `.export` keeps it, so the file loads back.
    @Test func headersOffDropsTheHeaderRowOfCSVAndTSV() throws {
        let (session, output) = makeSession()
        session.run(".mode csv")
        session.run("swaps show who, released sort released limit 1")
        #expect(output.results == "who,released\r\nsoldiers,303\r\n")
        session.run(".headers off")
        session.run("swaps show who, released sort released limit 1")
        #expect(output.results.hasSuffix("who,released\r\nsoldiers,303\r\nsoldiers,303\r\n"))
        session.run(".mode tsv")
        session.run("swaps show who, released sort released limit 1")
        #expect(output.results.hasSuffix("soldiers,303\r\nsoldiers\t303\n"))

        let directory = temporaryDirectory()
        session.run(".once \(directory)/once.tsv")
        session.run("swaps sort released show who limit 2")
        #expect(FileManagerShim.read(directory + "/once.tsv") == "soldiers\ncombatants and civilians\n")
        session.run(".mode csv")
        session.run(".output \(directory)/output.csv")
        session.run("swaps show released sort released limit 2")
        session.run(".output")
        #expect(FileManagerShim.read(directory + "/output.csv") == "303\r\n307\r\n")
        session.run(".export swaps \(directory)/swaps.csv")
        #expect(FileManagerShim.read(directory + "/swaps.csv")?.hasPrefix("date,") == true)

        session.run(".headers on")
        session.run(".once \(directory)/again.csv")
        session.run("swaps show released sort released limit 1")
        #expect(FileManagerShim.read(directory + "/again.csv") == "released\r\n303\r\n")
    }

    @Test func maxRowsAndLastShowTheWholeResult() {
        let (session, output) = makeSession()
        session.run(".maxrows 4")
        session.run("sentences show n")
        #expect(output.results.hasSuffix("17 rows (4 shown)\n"))
        session.run(".last")
        #expect(output.results.hasSuffix("| 17 |\n+----+\n17 rows\n"))
        session.run(".maxrows 0")
        session.run("sentences show n")
        #expect(output.results.hasSuffix("+----+\n17 rows\n"))
        #expect(!session.run(".maxrows 1"))
        let (fresh, freshOutput) = makeSession()
        #expect(!fresh.run(".last"))
        #expect(freshOutput.diagnostics.contains("no result yet"))
    }

    @Test func onceSendsOneResultToAFile() throws {
        let (session, output) = makeSession()
        let path = temporaryDirectory() + "/once.txt"
        session.run(".once \(path)")
        session.run("swaps count")
        session.run("attacks count")
        #expect(FileManagerShim.read(path) == "3\n")
        #expect(output.results == "1\n")
    }

    @Test func printWritesItsWords() {
        let (session, output) = makeSession()
        session.run(".print \"Swaps:\"   by date")
        #expect(output.results == "Swaps: by date\n")
    }

    @Test func shellRunsACommandAndBangIsItsShortForm() throws {
        let (session, output) = makeSession()
        let path = temporaryDirectory() + "/shell.txt"
        #expect(session.run(".shell echo one > \(path)"))
        #expect(session.run("!echo two >> \(path)"))
        #expect(FileManagerShim.read(path) == "one\ntwo\n")
        #expect(!session.run("!exit 3"))
        #expect(output.diagnostics.contains("exited with status 3"))
        #expect(session.run("swaps where released != 300 count"), "'!=' is still an operator")
    }

    @Test func thePagerTakesResultsTallerThanTheScreen() throws {
        let (session, output) = makeSession()
        let path = temporaryDirectory() + "/paged.txt"
        setenv("PAGER", "cat > \(path)", 1)
        defer { unsetenv("PAGER") }
        session.terminalHeight = { 10 }
        session.run(".pager on")
        session.run("sentences show n")
        #expect(output.results == "")
        #expect(FileManagerShim.read(path)?.hasSuffix("17 rows\n") == true)
        session.run("swaps show who")
        #expect(output.results.hasSuffix("3 rows\n"), "a result that fits is not paged")
        session.run(".pager off")
        session.run("sentences show n")
        #expect(output.results.hasSuffix("17 rows\n"))
    }

    @Test func editRunsTheLastStatementAsTheEditorLeftIt() throws {
        let (session, output) = makeSession()
        setenv("EDITOR", "sed -i s/count/'sum released'/", 1)
        defer { unsetenv("EDITOR") }
        session.history = ["swaps count", ".edit"]
        #expect(session.run(".edit"))
        #expect(output.results == "swaps sum released\n1000\n")
        #expect(session.history.last == "swaps sum released")
    }

    @Test func everyNewCommandIsInTheHelp() {
        let (session, output) = makeSession()
        session.run(".help")
        for name in ["headers", "nullvalue", "maxrows", "last", "pager", "print", "cd", "shell", "edit", "width", "maxwidth"] {
            #expect(output.results.contains("." + name), "\(name)")
        }
    }
}
