import Testing

@testable import FactEngine
@testable import FactStore
@testable import FactSyntax

/// The forms for analysts, each run in factsh and, through `.sql`, in SQLite, on one small
/// relation with the cases that tell a right answer from a near one: ties of a number under
/// different qualifiers, nulls, negative numbers, odd divisions.
@Suite struct AnalystFormTranslationTests {
    static let relation = """
        add r id = 0, g = "a", q = 12, n = 7, x = 2.5, s = "Kyiv", d = 2025-05-23
        add r id = 1, g = "a", q = at least 12, n = -7, x = -0.5, s = " Kharkiv ", d = 2025-01-01
        add r id = 2, g = "a", q = about 5, n = 4, x = null, s = "kyiv_2", d = 2024-12-30
        add r id = 3, g = "b", q = 12, n = 8, x = 3.0, s = null, d = null
        add r id = 4, g = "b", q = at most 12, n = null, x = 1.25, s = "Odesa", d = 2025-02-28
        add r id = 5, g = "c", q = null, n = 1, x = 0.0, s = "K%", d = 2025-12-31
        add r id = 6, g = "c", q = more than 3, n = 3, x = 9.75, s = "Lviv", d = 2025-06-15

        """

    static func expectAgreement(_ query: String) throws {
        let outcome = try TranslationCheck.compare(script: relation, query: query, ordered: query.contains("sort"))
        switch outcome {
        case .disagreed(let detail): Issue.record(Comment(rawValue: detail))
        case .failedInBoth: Issue.record("failed at run time: \(query)")
        case .agreed: break
        }
    }

    @Test(arguments: [
        "r show n / 8 as a, n // 2 as b, -7 // 2 as c, n / (x + 100) as e", "r where n is not null show 4 / n, n // 3",
        "r sum n / 2 by g", "r where n / 2 > 1.5 show id"
    ])
    func division(query: String) throws {
        try Self.expectAgreement(query)
    }

    @Test(arguments: ["r min q, max q", "r min q, max q by g", "r where g = \"c\" min q as lo, sum q, max q as hi by g", "r where id > 90 min q"])
    func minAndMaxOfQuantitiesKeepTheirOwnQualifier(query: String) throws {
        try Self.expectAgreement(query)
    }
}

extension AnalystFormTranslationTests {
    @Test(arguments: [
        "r show round(x, 1), round(n, 2), round(q), abs(n), abs(x), abs(q)",
        "r show lower(s), upper(s), length(s), trim(s), replace(s, \"v\", \"w\"), substr(s, 2), substr(s, 2, 3)",
        "r show coalesce(n, id), coalesce(x, n), coalesce(q, n), if(n > 3, s, g), if(x > 1, q, n)",
        "r show year(d), month(d), week(d), trunc(d, month), trunc(d, week), trunc(d, year), days(2025-01-01, d)",
        "r show value(q), qualifier(q), qualifier(n)",
        "r count by trunc(d, month) as m sort m", "r where week(d) > 20 and length(s) < 6 show id"
    ])
    func functions(query: String) throws {
        try Self.expectAgreement(query)
    }
}

extension AnalystFormTranslationTests {
    @Test(arguments: [
        "r show distinct g", "r show distinct g, q", "r show distinct g sort g desc", "r show distinct g limit 2", "r show distinct s, n // 4 as m limit 3 offset 1",
        "r where s like \"K%\" show id", "r where s like \"%v\" show id", "r where s like \"_yiv%\" show id", "r where s not like \"%i%\" show id",
        "r where s like \"K\\\\%\" show id", "r show s like \"%_2\" as x",
        "r sort n desc limit 3 offset 2", "r limit 2 offset 3", "r sort s limit 100 offset 1 show s"
    ])
    func clauses(query: String) throws {
        try Self.expectAgreement(query)
    }
}

extension AnalystFormTranslationTests {
    @Test(arguments: [
        "r sort n desc limit 1 by g", "r sort q desc limit 2 by g show id, g, q", "r limit 1 offset 1 by g", "r sort x limit 1 by s is null, g",
        "r sort n limit 1 by q", "r limit 9223372036854775807 offset 9223372036854775807 by g", "r sort d desc limit 1 by year(d) show d"
    ])
    func topNPerGroup(query: String) throws {
        try Self.expectAgreement(query)
    }
}

extension AnalystFormTranslationTests {
    static let withOneFieldRelations =
        relation + """
            add wires name = "Kyiv"
            add wires name = "Odesa"
            add ns k = 4.0
            add ns k = 8

            """

    @Test(arguments: [
        "r where s in (wires) show id", "r where s not in (wires) show id", "r where n in (ns) show id", "r where n not in (ns) show id",
        "r where x in (ns) show id"
    ])
    func membership(query: String) throws {
        let outcome = try TranslationCheck.compare(script: Self.withOneFieldRelations, query: query, ordered: false)
        if case .disagreed(let detail) = outcome { Issue.record(Comment(rawValue: detail)) }
        if case .failedInBoth = outcome { Issue.record("failed at run time: \(query)") }
    }
}

extension AnalystFormTranslationTests {
    static let withGroups =
        relation + """
            add groups g = "a", label = "first", q = about 3
            add groups g = "b", label = "second", q = 4
            add groups g = "b", label = "second again", q = null
            add groups g = null, label = "none", q = 1

            """

    @Test(arguments: [
        "r join groups on g show id, label", "r left join groups on g show id, label, groups.q, r.q", "r join groups on g sort label desc limit 2 show id, label",
        "r join groups on g = label", "r left join groups on n = q show id, r.g, groups.g", "r join groups on g count by label sort label", "r left join groups on g limit 3",
        "r join groups on g and groups.q < r.q show id, label", "r left join groups on g and n > 3 show id, label",
        "r left join groups on r.q > groups.q show id, label", "r join groups on upper(r.g) = upper(groups.g) or label = \"none\" show id, label",
        "r left join groups on label like \"second%\" and s is not null sort label limit 5 show id, label, s",
        "r left join groups on r.s = groups.label or groups.label = \"none\" show id, label"
    ])
    func joins(query: String) throws {
        let outcome = try TranslationCheck.compare(script: Self.withGroups, query: query, ordered: query.contains("sort") || query.contains("limit"))
        if case .disagreed(let detail) = outcome { Issue.record(Comment(rawValue: detail)) }
        if case .failedInBoth = outcome { Issue.record("failed at run time: \(query)") }
    }
}

extension AnalystFormTranslationTests {
    @Test(arguments: [
        "r list g", "r list distinct g", "r list s by g", "r list distinct g as gs, count by q sort count desc, gs", "r list n, list distinct n // 4 by g",
        "r where id > 90 list g"
    ])
    func lists(query: String) throws {
        try Self.expectAgreement(query)
    }
}

extension AnalystFormTranslationTests {
    @Test(arguments: ["r show id, share(n)", "r sum n by g show g, share(sum_n) * 100 as pct", "r show share(q), share(x) limit 2", "r where n > 100 show share(n)"])
    func share(query: String) throws {
        try Self.expectAgreement(query)
    }

    @Test func shareOutsideAProjectionHasNoSQLForm() throws {
        var interpreter = Interpreter()
        for statement in Parser.parse(SourceFile(name: "setup", text: Self.relation)).statements { _ = try interpreter.execute(statement) }
        let environment = interpreter.environment
        let source = SourceFile(name: "case", text: "r where share(n) > 0.1")
        guard case .query(let query)? = Parser.parse(source).statements.first?.kind else { return }
        #expect(throws: SQLTranslator.Unsupported.self) { try SQLTranslator(environment: environment, source: source).translate(query) }
    }
}
