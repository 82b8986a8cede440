import Testing

@testable import FactEngine
@testable import FactStore

/// `join ... on` any condition, as SQL plans it: equal fields as the hash join's keys, the
/// rest checked on each pair; a `left join`'s row with no pair passing comes out once with
/// nulls; a condition with no equal fields loops over every pair, up to a bound.
@Suite struct JoinConditionTests {
    @Test func aResidualConditionFiltersThePairsTheKeysFind() throws {
        let harness = Harness(JoinTests.facts)
        #expect(
            try harness.rows("mentions join articles on article = id and articles.date > mentions.date show value, title") == [
                ["12", "Swap"], ["5", "Attack, updated"]
            ])
        // The keys may be written either way round and among other conditions.
        #expect(try harness.rows("mentions join articles on title contains \"Attack\" and id = article show value, title") == [["5", "Attack"], ["5", "Attack, updated"]])
    }

    @Test func anyFieldMayBeWrittenWithItsRelationsNameInTheCondition() throws {
        let harness = Harness(JoinTests.facts)
        #expect(try harness.rows("mentions join articles on mentions.article = articles.id and articles.title contains \"Attack\" show value") == [["5"], ["5"]])
        // After the join, only a name in both takes its relation's name.
        #expect(harness.error("mentions join articles on article = id show articles.title")?.id == .unknownField)
    }

    @Test func aLeftJoinKeepsOnceARowWhosePairsAllFail() throws {
        let harness = Harness(JoinTests.facts)
        #expect(
            try harness.rows("mentions left join articles on article = id and articles.date > mentions.date show value, title") == [
                ["12", "Swap"], ["5", "Attack, updated"], ["7", "NULL"], ["1", "NULL"]
            ])
        // A condition on the left row alone decides whether it finds a pair, never whether it is kept.
        #expect(try harness.rows("mentions left join sources on source and value > 6 show value, kind") == [["12", "wire"], ["5", "NULL"], ["7", "NULL"], ["1", "NULL"]])
    }

    @Test func aConditionWithNoEqualFieldsComparesEveryPair() throws {
        let harness = Harness(JoinTests.facts)
        // Strings compare by their bytes: "AP" < "Reuters" < "blog".
        #expect(
            try harness.rows("mentions join sources on mentions.source < sources.source show value, sources.source") == [
                ["12", "blog"], ["1", "Reuters"], ["1", "blog"]
            ])
        #expect(
            try harness.rows("mentions left join sources on mentions.source < sources.source show value, kind") == [
                ["12", "blog"], ["5", "NULL"], ["7", "NULL"], ["1", "wire"], ["1", "blog"]
            ])
        #expect(try harness.rows("mentions join articles on upper(article) = upper(id) show value") == [["12"], ["5"], ["5"], ["7"]])
    }

    @Test func aJoinTooLargeToLoopOverIsRefused() throws {
        let harness = Harness(JoinTests.facts)
        let count = HashJoin.maximumPairs / 10_000 + 1
        let column = Column(type: .int, values: (0..<count).map { Value.int(Int64($0)) })
        harness.interpreter.environment.bind("wide", Relation(fields: [Field(name: "n", type: .int)], columns: [column], rowCount: count))
        harness.interpreter.environment.bind("tall", Relation(fields: [Field(name: "m", type: .int)], columns: [column], rowCount: count))
        try harness.run("let square = wide where n < 10000")
        #expect(harness.error("square join tall on n < m count")?.id == .joinTooLarge)
        // With equal fields the same relations are a hash join.
        #expect(try harness.value("square join tall on n = m and n < m + 1 count") == "10000")
    }

    @Test func errors() {
        let harness = Harness(JoinTests.facts)
        #expect(harness.error("mentions join articles on article")?.id == .typeMismatch)
        #expect(harness.error("mentions join articles on date > 2025-01-01")?.id == .unknownField)
        #expect(harness.error("mentions join articles on share(value) > 0.5")?.id == .typeMismatch)
        #expect(harness.error("mentions join articles on value = title")?.id == .typeMismatch)
    }
}
