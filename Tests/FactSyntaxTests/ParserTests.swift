import FactStore
import Testing

@testable import FactStore
@testable import FactSyntax

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1@0..1 (* 2@4..5 3@8..9)@4..9)@0..9"),
        ("(1 + 2) * 3", "(* (+ 1@1..2 2@5..6)@0..7 3@10..11)@0..11"),
        ("1 - 2 - 3", "(- (- 1@0..1 2@4..5)@0..5 3@8..9)@0..9"),
        ("a or b and c", "(or a@0..1 (and b@5..6 c@11..12)@5..12)@0..12"),
        ("a and b and c", "(and a@0..1 b@6..7 c@12..13)@0..13"),
        ("not a = b", "(not (= a@4..5 b@8..9)@4..9)@0..9"),
        ("not a and b", "(and (not a@4..5)@0..5 b@10..11)@0..11"),
        ("-a * b", "(* (neg a@1..2)@0..2 b@5..6)@0..6"),
        ("-5", "-5@0..2"),
        ("a between 1 and 2 + 1", "(between a@0..1 1@10..11 (+ 2@16..17 1@20..21)@16..21)@0..21"),
        ("a not in (1, 2)", "(not-in a@0..1 [1@10..11 2@13..14])@0..15"),
        ("a is not null", "(is-not-null a@0..1)@0..13"),
        ("a contains \"x\"", "(contains a@0..1 \"x\"@11..14)@0..14"),
        ("a not contains \"x\"", "(not (contains a@0..1 \"x\"@15..18)@0..18)@0..18"),
        ("a starts with \"x\"", "(starts with a@0..1 \"x\"@14..17)@0..17"),
        ("2025-05-25 - 2 days", "(- 2025-05-25@0..10 2 days@13..19)@0..19"),
        ("at least 12", "≥12@0..11"),
        ("tens of thousands", "tens of thousands@0..17"),
        ("≥12", "≥12@0..3"),
        ("~~24", "dozens@0..4"),
        ("a > more than 3", "(> a@0..1 >3@4..15)@0..15"),
        ("about", "about@0..5"),
        ("7 // 2 / 4", "(/ (// 7@0..1 2@5..6)@0..6 4@9..10)@0..10"),
        ("round(x, 2) + 1", "(+ (call round x@6..7 2@9..10)@0..11 1@14..15)@0..15"),
        ("week(d)", "(call week d@5..6)@0..7"),
        ("trunc(d, month)", "(call trunc d@6..7 month@9..14)@0..15"),
        ("f()", "(call f )@0..3"),
        ("a.b like \"K%\"", "(like a.b@0..3 \"K%\"@9..13)@0..13"),
        ("a not matches \"x\"", "(not (matches a@0..1 \"x\"@14..17)@0..17)@0..17")
    ])
    func expressions(text: String, expected: String) throws {
        let expression = try #require(parseExpression(text), "\(parseOne(text).diagnostics)")
        #expect(dump(expression) == expected)
    }

    @Test func pipelineOfClauses() throws {
        let query = try #require(parseQuery("swaps where released > 300 sum released as r, count by date sort r desc, date limit 2"))
        #expect(query.clauses.count == 4)
        guard case .aggregate(let aggregates, let keys) = query.clauses[1].kind else {
            Issue.record("second clause is an aggregate")
            return
        }
        #expect(aggregates.map(\.outputName) == ["r", "count"])
        #expect(keys.map(\.outputName) == ["date"])
        guard case .sort(let sortKeys) = query.clauses[2].kind else {
            Issue.record("third clause is a sort")
            return
        }
        #expect(sortKeys.map(\.descending) == [true, false])
        guard case .limit(2, offset: 0) = query.clauses[3].kind else {
            Issue.record("fourth clause is limit 2")
            return
        }
    }

    @Test func defaultColumnNames() throws {
        let query = try #require(parseQuery("events sum released, count distinct place, avg drones * 2 show drones + missiles"))
        guard case .aggregate(let aggregates, _) = query.clauses[0].kind, case .show(let projections, _) = query.clauses[1].kind else {
            Issue.record("aggregate then show")
            return
        }
        #expect(aggregates.map(\.outputName) == ["sum_released", "count_distinct_place", "avg_drones * 2"])
        #expect(projections.map(\.outputName) == ["drones + missiles"])
    }

    /// A default name is the expression as written, white space folded to one space: tabs,
    /// line breaks inside parentheses, runs of spaces, and non-ASCII text around them.
    @Test(arguments: [
        ("events show drones + missiles", "drones + missiles"),
        ("events show drones  +\tmissiles", "drones + missiles"),
        ("events show (drones\n + missiles)", "(drones + missiles)"),
        ("events show \"Київ\"  + place", "\"Київ\" + place"),
        ("events show drones\u{00A0}+ missiles", "drones + missiles")
    ])
    func defaultNamesFoldWhiteSpace(text: String, name: String) throws {
        let query = try #require(parseQuery(text))
        guard case .show(let projections, _) = query.clauses[0].kind else {
            Issue.record("a show clause")
            return
        }
        #expect(projections.map(\.outputName) == [name])
    }

    @Test func statementsOfEveryKind() {
        let (statements, diagnostics) = Parser.parse(
            SourceFile(
                name: "t",
                text: """
                    let total = swaps sum released
                    add swaps date = 2025-05-23, released = 390 # a comment
                    .tables
                    total - 1000; swaps count
                    """))
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 5)
        guard case .let(let name, _) = statements[0].kind, case .add(let relation, let assignments) = statements[1].kind,
            case .dotCommand("tables", "") = statements[2].kind
        else {
            Issue.record("let, add, dot command")
            return
        }
        #expect(name.text == "total")
        #expect(relation.text == "swaps")
        #expect(assignments.map(\.field.text) == ["date", "released"])
        #expect(statements[3].text == "total - 1000")
    }

    @Test func newlinesInsideParenthesesDoNotEndTheStatement() {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: "swaps where (released\n > 300\n) count\nswaps count"))
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 2)
    }

    @Test func recoveryReportsEveryBadStatement() {
        let text = "swaps count\nswaps where\nswaps sum released\nswaps limit x\nswaps where released >\nswaps show ,\n"
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t.fq", text: text))
        #expect(statements.count == 2)
        #expect(diagnostics.map { $0.location?.line } == [2, 4, 5, 6])
        #expect(diagnostics.allSatisfy { $0.kind == .syntax })
    }

    @Test func expectedAndFound() throws {
        let diagnostic = try #require(parseOne("swaps where released > ").diagnostics.first)
        #expect(diagnostic.message == "expected an expression, found end of input")
        #expect(diagnostic.location == SourceLocation(line: 1, column: 24))
    }

    @Test func misspeltClauseGetsASuggestion() throws {
        let diagnostic = try #require(parseOne("swaps whre released > 3").diagnostics.first)
        #expect(diagnostic.location?.column == 7)
        #expect(diagnostic.help == "did you mean 'where'?")
    }

    @Test func openParenthesisAtTheEndIsIncomplete() {
        for text in ["swaps where (released > 3", "swaps where released in (1, 2", "(1 +", "swaps where who = \"x", "swaps \\"] {
            let diagnostics = parseOne(text).diagnostics
            #expect(DiagnosticList(diagnostics).isIncompleteInput, "\(text): \(diagnostics)")
        }
        for text in ["swaps where", "swaps where released >", "swaps )", "let"] {
            let diagnostics = parseOne(text).diagnostics
            #expect(!diagnostics.isEmpty && !DiagnosticList(diagnostics).isIncompleteInput, "\(text)")
        }
    }

    @Test func tenThousandOpenParenthesesAreAnErrorNotACrash() throws {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let diagnostic = try #require(parseOne(text).diagnostics.first)
        #expect(diagnostic.message.contains("too deeply nested"))
    }

    @Test func hundredThousandAndsStayFlat() throws {
        let text = "swaps where " + Array(repeating: "released > 1", count: 100_000).joined(separator: " and ") + " count"
        let query = try #require(parseQuery(text))
        guard case .where(let condition) = query.clauses[0].kind, case .logical(.and, let operands) = condition.kind else {
            Issue.record("one flat 'and'")
            return
        }
        #expect(operands.count == 100_000)
    }

    @Test func longArithmeticChainsAreCapped() throws {
        let text = Array(repeating: "1", count: 5000).joined(separator: " + ")
        let diagnostic = try #require(parseOne(text).diagnostics.first)
        #expect(diagnostic.message.contains("too deeply nested"))
    }

    @Test func integerLiteralOverflowIsAnError() throws {
        let diagnostic = try #require(parseOne("99999999999999999999 + 1").diagnostics.first)
        #expect(diagnostic.message.contains("does not fit in 64 bits"))
        #expect(diagnostic.location?.column == 1)
        #expect(parseExpression("-9223372036854775807") != nil)
    }

    @Test func comparisonsDoNotChain() {
        #expect(parseOne("swaps where 1 < released < 3").diagnostics.first?.message.contains("chained") == true)
    }

    @Test func queryMustStartWithARelationName() {
        #expect(parseOne("1 + 2 where x").diagnostics.first?.message.contains("relation name") == true)
        #expect(parseOne("where x > 1").diagnostics.first?.message.contains("cannot start with 'where'") == true)
    }

    @Test func keywordAsNameSuggestsBackquotes() throws {
        let diagnostic = try #require(parseOne("add t where = 1").diagnostics.first)
        #expect(diagnostic.help?.contains("backquotes") == true)
        #expect(parseOne("add t `where` = 1").diagnostics.isEmpty)
        #expect(parseOne("add t count = 1, days = 2").diagnostics.isEmpty, "keywords that name columns are names")
    }

    @Test func clausesOfTheAnalystForms() throws {
        let query = try #require(parseQuery("m left join a on x = id and d show distinct x limit 2 offset 3 by x, y"))
        guard case .join(let relation, let condition, let keepsUnmatched) = query.clauses[0].kind else {
            Issue.record("first clause is a join")
            return
        }
        #expect(relation.text == "a" && keepsUnmatched)
        #expect(condition.text == "x = id and d")
        guard case .show(_, distinct: true) = query.clauses[1].kind, case .limitPerGroup(2, offset: 3, let by) = query.clauses[2].kind else {
            Issue.record("then show distinct and limit by")
            return
        }
        #expect(by.map(\.text) == ["x", "y"])
        guard case .aggregate(let aggregates, _)? = parseQuery("m list distinct x, list(y)")?.clauses.first?.kind else {
            Issue.record("lists are aggregates")
            return
        }
        #expect(aggregates.map(\.outputName) == ["list_distinct_x", "list_y"])
    }

    @Test func aJoinIsOnAnyCondition() throws {
        let query = try #require(parseQuery("m join a on x = id and a.d > m.d + 1 or not y show x"))
        guard case .join(_, let condition, keepsUnmatched: false) = query.clauses[0].kind, case .logical(.or, let operands) = condition.kind else {
            Issue.record("a join on an expression")
            return
        }
        #expect(operands.map(\.text) == ["x = id and a.d > m.d + 1", "not y"])
        guard case .show = query.clauses[1].kind else {
            Issue.record("the condition ends where the next clause begins")
            return
        }
    }
}
