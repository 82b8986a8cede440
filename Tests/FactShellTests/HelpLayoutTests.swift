import Testing

@testable import FactShell

/// `.help` laid out for the terminal, and `.help COMMAND` with examples.
@Suite struct HelpLayoutTests {
    @Test(arguments: [80, 60, 120])
    func theListFitsTheWidthAndWrapsAtSpaces(width: Int) {
        let text = HelpText.text(for: nil, width: width)
        let usages = Set(DotCommand.all.map(\.usage))
        for line in text.split(separator: "\n").map(String.init) where !usages.contains(line) {
            #expect(line.count <= width, "\(line)")
        }
        // No word is split across lines: every summary's words come back in order.
        let joined = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for command in DotCommand.all { #expect(joined.contains(command.summary.split(separator: " ").joined(separator: " "))) }
    }

    @Test func descriptionsStartWithinTheFirstThirdAtEightyColumns() {
        let text = HelpText.text(for: nil, width: 80)
        let line = text.split(separator: "\n").first { $0.hasPrefix(".tables") } ?? ""
        let start = line.dropFirst(".tables".count).prefix { $0 == " " }.count + ".tables".count
        #expect(start <= 80 / 3 + 2)
    }

    @Test func everyCommandHasHelpWithExamples() {
        for command in DotCommand.all {
            #expect(!command.examples.isEmpty, "\(command.name) has no examples")
            let text = HelpText.text(for: command.name, width: 80)
            #expect(text.hasPrefix(command.usage + "\n"))
            #expect(text.contains("examples:\n  " + command.examples[0]))
        }
    }

    @Test func theSessionLaysHelpOutForItsTerminal() {
        let (session, output) = makeSession(demo: false)
        session.terminalWidth = { 60 }
        session.run(".help")
        #expect(output.results.split(separator: "\n").allSatisfy { $0.count <= 60 || !$0.hasPrefix(" ") })
        session.run(".help .why")
        #expect(output.results.contains("examples:\n  swaps sum released\n  .why\n"))
    }
}
