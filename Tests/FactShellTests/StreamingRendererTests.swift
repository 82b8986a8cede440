import FactStore
import Testing

@testable import FactShell

/// The formats written a batch of rows at a time give, batch after batch, the very text of
/// their rows rendered one by one: no row lost, doubled or misjoined where batches meet.
@Suite struct StreamingRendererTests {
    /// More rows than two batches hold, so that batches meet twice.
    static let relation: Relation = {
        let count = 2 * DelimitedRenderer.rowsPerBatch + 17
        let ids = Column(type: .int, values: (0..<count).map { Value.int(Int64($0)) })
        let notes = Column(type: .string, values: (0..<count).map { $0 % 5 == 0 ? Value.null : .string("note, \"\($0)\"") })
        return Relation(fields: [Field(name: "id", type: .int), Field(name: "note", type: .string)], columns: [ids, notes], rowCount: count)
    }()

    /// Each row on its own, as the renderer writes it.
    static func rowTexts(_ renderer: some StreamingRenderer) -> [String] {
        (0..<relation.rowCount).map { renderer.rows($0..<$0 + 1, of: relation) }
    }

    @Test func csvAndTSVAreTheirRowsInOrder() {
        for renderer in [DelimitedRenderer(.csv), DelimitedRenderer(.tsv)] {
            let expected = renderer.header(Self.relation) + Self.rowTexts(renderer).joined()
            #expect(renderer.render(Self.relation) == expected)
        }
    }

    @Test func jsonIsOneArrayAcrossBatches() throws {
        let text = JSONRenderer(linePerRow: false).render(Self.relation)
        let objects = Self.rowTexts(JSONRenderer(linePerRow: false)).map { $0.hasPrefix(",\n") ? String($0.dropFirst(2)) : $0 }
        #expect(text == "[\n" + objects.joined(separator: ",\n") + "\n]\n")
        #expect(JSONRenderer(linePerRow: false).render(Relation(fields: [Field(name: "id", type: .int)])) == "[]\n")
    }

    @Test func jsonLinesAreALinePerRow() {
        let text = JSONRenderer(linePerRow: true).render(Self.relation)
        #expect(text.split(separator: "\n").count == Self.relation.rowCount)
        #expect(text == Self.rowTexts(JSONRenderer(linePerRow: true)).joined())
    }

    @Test func writingStopsWhenAWriteFails() {
        struct Closed: Error {}
        var batches = 0
        #expect(throws: Closed.self) {
            try DelimitedRenderer(.csv).stream(Self.relation) { (_: String) throws(Closed) in
                batches += 1
                if batches == 2 { throw Closed() }
            }
        }
        #expect(batches == 2, "the header, then the first batch of rows, and no more")
    }
}
