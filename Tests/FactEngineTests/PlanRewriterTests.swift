import Testing

@testable import FactEngine
@testable import FactSyntax

/// The executor runs plans as given; the limits it used to look ahead for are set here.
@Suite struct PlanRewriterTests {
    /// Each stage's `rowLimit` after rewriting `query` over the harness's facts.
    func rowLimits(_ query: String) throws -> [Int?] {
        let environment = Harness().interpreter.environment
        let source = SourceFile(name: "t.fq", text: query)
        guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else {
            Issue.record("not a query: \(query)")
            return []
        }
        let plan = try QueryPlanner(environment: environment, source: source).plan(parsed)
        return PlanRewriter().rewrite(plan).stages.map(\.rowLimit)
    }

    @Test func aLimitReachesTheSortOrProjectionBeforeIt() throws {
        #expect(try rowLimits("swaps sort released desc limit 2") == [2, nil])
        #expect(try rowLimits("swaps show released limit 1") == [1, nil])
        #expect(try rowLimits("swaps where released > 300 show date, released sort released desc limit 2") == [nil, nil, 2, nil])
    }

    @Test func otherStagesAndDistantLimitsAreLeftAlone() throws {
        #expect(try rowLimits("swaps where released > 300 limit 1") == [nil, nil])
        #expect(try rowLimits("swaps count by who limit 1") == [nil, nil])
        #expect(try rowLimits("swaps sort released where released > 300 limit 1") == [nil, nil, nil])
        #expect(try rowLimits("swaps limit 2 limit 1") == [nil, nil])
        #expect(try rowLimits("swaps sort released") == [nil])
    }
}
