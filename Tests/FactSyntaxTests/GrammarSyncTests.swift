import Foundation
import Testing

@testable import FactSyntax

/// Keeps `Grammar/factsh.ebnf` and the parser in step: the same keywords, a parse function
/// for every rule and a rule for every parse function, and an example of every rule that parses.
@Suite struct GrammarSyncTests {
    struct Rule {
        var name: String
        var definition: String
        var example: String?
        var isLexical: Bool { name == name.uppercased() }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func rules() throws -> [Rule] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Grammar/factsh.ebnf"), encoding: .utf8)
        var rules: [Rule] = []
        // Walk the text, keeping comments apart from definitions.
        var remaining = Substring(text)
        var pendingDefinition = ""
        while !remaining.isEmpty {
            if remaining.hasPrefix("(*") {
                let end = remaining.range(of: "*)")!.upperBound
                let comment = remaining[remaining.startIndex..<end]
                if let exampleRange = comment.range(of: "example:"), !rules.isEmpty, rules[rules.count - 1].example == nil {
                    rules[rules.count - 1].example = comment[exampleRange.upperBound...].dropLast(2).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                remaining = remaining[end...]
                continue
            }
            if remaining.hasPrefix("\"") || remaining.hasPrefix("'") {
                let quote = remaining.first!
                let rest = remaining.dropFirst()
                let close = rest.firstIndex(of: quote)!
                pendingDefinition += String(remaining[remaining.startIndex...close])
                remaining = rest[rest.index(after: close)...]
                continue
            }
            let character = remaining.removeFirst()
            if character == ";" {
                let parts = pendingDefinition.split(separator: "=", maxSplits: 1)
                if parts.count == 2 {
                    rules.append(Rule(name: parts[0].trimmingCharacters(in: .whitespacesAndNewlines), definition: String(parts[1])))
                }
                pendingDefinition = ""
            } else {
                pendingDefinition.append(character)
            }
        }
        return rules
    }

    static func quotedWords(_ definition: String) -> Set<String> {
        var words = Set<String>()
        let pattern = try! NSRegularExpression(pattern: "\"([a-z]+)\"")
        for match in pattern.matches(in: definition, range: NSRange(definition.startIndex..., in: definition)) {
            words.insert(String(definition[Range(match.range(at: 1), in: definition)!]))
        }
        return words
    }

    static let contextualRules: Set<String> = ["qualifier_prefix", "vague_amount"]

    @Test func grammarKeywordsAreTheLexersKeywords() throws {
        let syntactic = try Self.rules().filter { !$0.isLexical }
        let keywords = syntactic.filter { !Self.contextualRules.contains($0.name) }.reduce(into: Set<String>()) { $0.formUnion(Self.quotedWords($1.definition)) }
        #expect(keywords == Set(Keyword.allCases.map(\.rawValue)))
        let contextual = syntactic.filter { Self.contextualRules.contains($0.name) }.reduce(into: Set<String>()) { $0.formUnion(Self.quotedWords($1.definition)) }
        #expect(contextual == QuantityWords.all)
    }

    @Test func everyRuleHasAParseFunctionAndBack() throws {
        let rules = try Self.rules().filter { !$0.isLexical }
        // A rule that names another syntactic rule needs a function; a set of terminals does not.
        let ruleNames = Set(rules.map(\.name))
        let structural = rules.filter { rule in
            let identifiers = rule.definition.split(whereSeparator: { !($0.isLetter || $0 == "_") }).map(String.init)
            return identifiers.contains { ruleNames.contains($0) || $0 == $0.uppercased() && $0.count > 1 }
        }
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Sources/FactSyntax").path)
            .filter { $0.hasPrefix("Parser") }
            .map { try String(contentsOf: Self.packageRoot.appendingPathComponent("Sources/FactSyntax/\($0)"), encoding: .utf8) }
            .joined()
        let pattern = try NSRegularExpression(pattern: "func parse([A-Z][A-Za-z]*)\\(")
        let functions = Set(
            pattern.matches(in: sources, range: NSRange(sources.startIndex..., in: sources)).map {
                String(sources[Range($0.range(at: 1), in: sources)!])
            })
        func camel(_ rule: String) -> String { rule.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }
        for rule in structural where rule.name != "statement_separator" {
            #expect(functions.contains(camel(rule.name)), "rule \(rule.name) has no parse\(camel(rule.name))")
        }
        for function in functions {
            #expect(rules.contains { camel($0.name) == function }, "parse\(function) has no rule")
        }
    }

    @Test func everyRuleHasAnExampleThatParses() throws {
        for rule in try Self.rules() where !rule.isLexical {
            let example = try #require(rule.example, "rule \(rule.name) has no example")
            let (statements, diagnostics) = Parser.parse(SourceFile(name: rule.name, text: example))
            #expect(diagnostics.isEmpty, "example of \(rule.name): \(diagnostics.map(\.message))")
            #expect(!statements.isEmpty)
        }
    }
}
