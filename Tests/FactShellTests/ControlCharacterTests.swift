import FactSyntax
import Testing

@testable import FactShell

/// A value that would clear the screen and retitle the window: shown escaped wherever it is
/// read by a person, written as data wherever the file must load back.
@Suite struct ControlCharacterTests {
    static let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
    static let escaped = #"\x1b[2J\x1b]0;pwned\x07"#

    func session() -> (Session, CapturedOutput) {
        let (session, output) = makeSession(demo: false)
        session.run("add h v = \"\(Self.hostile)\", n = 1")
        return (session, output)
    }

    @Test(arguments: ["table", "markdown", "line", "json", "jsonl"])
    func escapedInEveryModeForReading(mode: String) {
        let (session, output) = session()
        session.run(".mode \(mode)\nh\nh show v")
        #expect(!output.results.contains("\u{1B}") && !output.results.contains("\u{07}"), "\(mode): \(output.results.debugDescription)")
        if mode != "json" && mode != "jsonl" { #expect(output.results.contains(Self.escaped), "\(mode)") }
    }

    @Test func aBareValueIsEscaped() {
        let (session, output) = session()
        session.run("h show v limit 1\n\"a\u{9B}b\"")
        #expect(output.results == Self.escaped + "\n" + #"a\x9bb"# + "\n")
    }

    /// CSV and TSV are data: escaped on a terminal, as data in a file or a pipe.
    @Test(arguments: ["csv", "tsv"])
    func delimitedEscapeOnlyOnATerminal(mode: String) throws {
        let (session, output) = session()
        session.run(".mode \(mode)\nh")
        #expect(output.results.contains(Self.hostile), "a pipe gets the data")
        let directory = temporaryDirectory()
        session.escapesControlCharacters = true
        session.run("h\n.once \(directory)/out.\(mode)\nh")
        #expect(output.results.contains(Self.escaped), "\(output.results.debugDescription)")
        #expect(try #require(FileManagerShim.read("\(directory)/out.\(mode)")).contains(Self.hostile), "a file gets the data")
    }

    @Test func schemaAndWhyAreEscaped() {
        let (session, output) = makeSession(demo: false)
        session.run("add h `a\u{1B}b` = \"x\u{1B}\"\n.schema\nh count\n.why")
        #expect(!output.results.contains("\u{1B}"), "\(output.results.debugDescription)")
    }

    @Test func layoutIsKeptWhereAsked() {
        #expect("a\nb\tc\rd\u{0}".escapingControlCharacters() == #"a\nb\tc\rd\x00"#)
        #expect("a\nb\tc\rd".escapingControlCharacters(keepingLayout: true) == "a\nb\tc\\rd")
        #expect("plain ü".escapingControlCharacters() == "plain ü")
    }
}
