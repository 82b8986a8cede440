import FactStore
import Testing

@testable import FactShell

@Suite struct RendererTests {
    static let sample: Relation = {
        var relation = Relation()
        try! relation.append([("place", .string("Kyiv")), ("killed", .quantity(Quantity(12, .atLeast))), ("drones", .int(298)), ("date", .date(Day(iso: "2025-05-24")!))], allowNewFields: true)
        try! relation.append([("place", .string("Sumy, \"north\"")), ("killed", .null), ("drones", .int(7)), ("date", .null)], allowNewFields: false)
        try! relation.append([("place", .string("Київ\tline")), ("killed", .quantity(Quantity(24, .vague))), ("drones", .null), ("date", .date(Day(iso: "2025-05-25")!))], allowNewFields: false)
        return relation
    }()

    @Test func asciiTable() { expectGolden(TableRenderer(style: TableStyle()).render(Self.sample), "table-ascii.txt") }

    @Test func unicodeTable() { expectGolden(TableRenderer(style: TableStyle(unicode: true)).render(Self.sample), "table-unicode.txt") }

    @Test func narrowTerminalTruncatesWideValues() {
        let text = TableRenderer(style: TableStyle(unicode: true, maxWidth: 40)).render(Self.sample)
        #expect(text.split(separator: "\n").allSatisfy { TableRenderer.displayWidth(String($0)) <= 40 })
        #expect(text.contains("…"))
    }

    @Test func longResultsAreElidedInTheMiddle() {
        var relation = Relation()
        for index in 0..<100 { try! relation.append([("n", .int(Int64(index)))], allowNewFields: true) }
        let text = TableRenderer(style: TableStyle(maxRows: 10)).render(relation)
        expectGolden(text, "table-elided.txt")
        #expect(text.hasSuffix("100 rows (10 shown)\n"))
    }

    @Test func csvFollowsRFC4180() { expectGolden(DelimitedRenderer(.csv).render(Self.sample), "sample.csv") }

    @Test func tsvEscapesTabs() { expectGolden(DelimitedRenderer(.tsv).render(Self.sample), "sample.tsv") }

    @Test func jsonKeepsQualifiers() { expectGolden(JSONRenderer(linePerRow: false).render(Self.sample), "sample.json") }

    @Test func jsonLines() { expectGolden(JSONRenderer(linePerRow: true).render(Self.sample), "sample.jsonl") }

    @Test func markdown() { expectGolden(MarkdownRenderer().render(Self.sample), "sample.md") }

    @Test func lineMode() { expectGolden(LineRenderer().render(Self.sample), "sample-line.txt") }

    @Test func wideCharactersCountTwoColumns() {
        #expect(TableRenderer.displayWidth("abc") == 3)
        #expect(TableRenderer.displayWidth("新闻") == 4)
        #expect(TableRenderer.displayWidth("Київ") == 4)
    }
}
