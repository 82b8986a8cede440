import Testing

@testable import FactEngine
@testable import FactStore

/// `join` and `left join`: keys named on both sides or once, clashing names under their
/// relation's name, rows in the order of the left side, nulls matching nothing.
@Suite struct JoinTests {
    static let facts = """
        add mentions article = "a1", value = 12, date = 2025-05-24, source = "Reuters"
        add mentions article = "a2", value = 5, date = 2025-05-23, source = "blog"
        add mentions article = "a1", value = 7, date = 2025-05-25, source = null
        add mentions article = "a3", value = 1, date = null, source = "AP"
        add articles id = "a1", date = 2025-05-25, title = "Swap"
        add articles id = "a2", date = 2025-05-23, title = "Attack"
        add articles id = "a2", date = 2025-05-26, title = "Attack, updated"
        add sources source = "Reuters", kind = "wire"
        add sources source = "AP", kind = "wire"
        add sources source = "blog", kind = "blog"
        """

    @Test func innerJoinKeepsTheLeftOrderAndEveryMatch() throws {
        let harness = Harness(Self.facts)
        #expect(
            try harness.rows("mentions join articles on article = id show value, title, articles.date, mentions.date") == [
                ["12", "Swap", "2025-05-25", "2025-05-24"], ["5", "Attack", "2025-05-23", "2025-05-23"], ["5", "Attack, updated", "2025-05-26", "2025-05-23"],
                ["7", "Swap", "2025-05-25", "2025-05-25"]
            ])
        #expect(try harness.rows("mentions join sources on source show value, source, kind") == [["12", "Reuters", "wire"], ["5", "blog", "blog"], ["1", "AP", "wire"]])
        #expect(try harness.rows("mentions join articles on article = id and date show value") == [["5"], ["7"]])
    }

    @Test func leftJoinKeepsRowsWithNoMatch() throws {
        let harness = Harness(Self.facts)
        #expect(try harness.rows("mentions left join sources on source show value, kind") == [["12", "wire"], ["5", "blog"], ["7", "NULL"], ["1", "wire"]])
        #expect(try harness.value("mentions left join articles on article = id count") == "5")
        #expect(try harness.rows("mentions left join articles on article = id where title is null show article") == [["a3"]])
    }

    @Test func joinedRelationMayBeALetAndFollowedByAnyClause() throws {
        let harness = Harness(Self.facts)
        try harness.run("let wires = sources where kind = \"wire\"")
        #expect(try harness.rows("mentions join wires on source sum value by kind") == [["wire", "13"]])
        try harness.run("let names = wires show source")
        #expect(try harness.value("mentions where source in (names) count") == "2")
    }

    @Test func errors() {
        let harness = Harness(Self.facts)
        #expect(harness.error("mentions join artcles on article = id")?.id == .unknownRelation)
        #expect(harness.error("mentions join articles on artcle = id")?.id == .unknownField)
        #expect(harness.error("mentions join articles on article = idd")?.id == .unknownField)
        #expect(harness.error("mentions join articles on value = id")?.id == .typeMismatch)
        let ambiguous = harness.error("mentions join articles on article = id show date")
        #expect(ambiguous?.id == .unknownField)
        #expect(ambiguous?.help?.contains("articles.date") == true)
        #expect(harness.error("mentions join mentions on article")?.id == .duplicateName)
        #expect(harness.error("mentions left articles on article = id")?.id == .expected)
    }
}
