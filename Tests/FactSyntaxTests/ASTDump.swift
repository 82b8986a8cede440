@testable import FactStore
@testable import FactSyntax

/// A compact, readable form of an expression tree, with the source span of every node:
/// `(+ released@11..19 1@22..23)@11..23`.
func dump(_ expression: Expression) -> String {
    let span = "@\(expression.range.start)..\(expression.range.end)"
    switch expression.kind {
    case .literal(let value): return "\(value.type == .string ? "\"\(value)\"" : value.description)\(span)"
    case .name(let name): return "\(name)\(span)"
    case .negate(let operand): return "(neg \(dump(operand)))\(span)"
    case .not(let operand): return "(not \(dump(operand)))\(span)"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(dump(left)) \(dump(right)))\(span)"
    case .logical(let op, let operands): return "(\(op.rawValue) \(operands.map(dump).joined(separator: " ")))\(span)"
    case .between(let value, let low, let high, let negated): return "(\(negated ? "not-" : "")between \(dump(value)) \(dump(low)) \(dump(high)))\(span)"
    case .inList(let value, let items, let negated): return "(\(negated ? "not-" : "")in \(dump(value)) [\(items.map(dump).joined(separator: " "))])\(span)"
    case .isNull(let value, let negated): return "(is-\(negated ? "not-" : "")null \(dump(value)))\(span)"
    case .call(let name, let arguments): return "(call \(name.text) \(arguments.map(dump).joined(separator: " ")))\(span)"
    }
}

/// The one statement a text parses to, or nil with diagnostics.
func parseOne(_ text: String) -> (statement: Statement?, diagnostics: [Diagnostic]) {
    let (statements, diagnostics) = Parser.parse(SourceFile(name: "t.fq", text: text))
    return (statements.count == 1 ? statements[0] : nil, diagnostics)
}

func parseQuery(_ text: String) -> Query? {
    guard let statement = parseOne(text).statement, case .query(let query) = statement.kind else { return nil }
    return query
}

func parseExpression(_ text: String) -> Expression? {
    parseQuery(text)?.source
}
