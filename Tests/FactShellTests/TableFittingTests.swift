import FactStore
import FactSyntax
import Foundation
import Testing

@testable import FactShell

/// Tables at a terminal's width: text is shortened, then fields left out, then one field per
/// line, and a number or a date is never cut.
@Suite struct TableFittingTests {
    /// Twelve fields, as a wide data file has them.
    static let wide: Relation = {
        var relation = Relation()
        for index in 0..<3 {
            try! relation.append(
                [
                    ("id", .int(9_912_345 + Int64(index))), ("date", .date(Day(iso: "2025-05-2\(index + 3)")!)),
                    ("event", .string("prisoner exchange between Ukraine and Russia")), ("place", .string("Istanbul")),
                    ("source", .string("Kyiv Independent")), ("sentence", .string("Both sides released 390 people on Friday, the largest swap so far.")),
                    ("killed", .quantity(Quantity(12, .atLeast))), ("injured", .int(1_234_567)), ("released", .int(390)),
                    ("who", .string("soldiers and civilians")), ("published", .date(Day(iso: "2025-05-24")!)), ("url", .string("https://kyivindependent.com/a"))
                ], allowNewFields: index == 0)
        }
        return relation
    }()

    static func render(_ relation: Relation, width: Int?, configure: (inout TableStyle) -> Void = { _ in }) -> String {
        var style = TableStyle(unicode: true, maxWidth: width)
        configure(&style)
        return TableRenderer(style: style).render(relation)
    }

    /// Every number and date of the relation appears whole, or its field is named as left out.
    static func expectNothingCut(_ relation: Relation, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let note = text.split(separator: "\n").first { $0.contains("fields not shown") } ?? ""
        for (field, column) in zip(relation.fields, relation.columns) where field.type != .string {
            let names = note.split(separator: ":").last?.split(separator: "(").first ?? ""
            let leftOut = names.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == field.name }
            for row in 0..<relation.rowCount where !column.isNull(row) && !leftOut {
                #expect(text.contains(column[row].description), "\(field.name) = \(column[row]) is cut", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func textIsShortenedBeforeAnythingElse() {
        let text = Self.render(Self.wide, width: 200)
        #expect(text.split(separator: "\n").allSatisfy { TableRenderer.displayWidth(String($0)) <= 200 })
        #expect(text.contains("…"))
        #expect(!text.contains("not shown"))
        Self.expectNothingCut(Self.wide, in: text)
    }

    @Test func fieldsAreLeftOutWithANoteWhenShorteningIsNotEnough() {
        let text = Self.render(Self.wide, width: 80)
        let lines = text.split(separator: "\n")
        #expect(lines.dropLast(2).allSatisfy { TableRenderer.displayWidth(String($0)) <= 80 })
        #expect(text.contains("9912345") && text.contains("2025-05-23"))
        #expect(text.contains("fields not shown: "))
        #expect(text.contains("url"))
        Self.expectNothingCut(Self.wide, in: text)
    }

    @Test func oneFieldPerLineWhenNotHalfTheFieldsFit() {
        let text = Self.render(Self.wide, width: 40)
        #expect(text.hasPrefix("─[ row 1 ]"))
        #expect(text.contains("id        │ 9912345\n"))
        #expect(text.contains("published │ 2025-05-24\n"))
        #expect(text.hasSuffix("3 rows\n"))
        Self.expectNothingCut(Self.wide, in: text)
    }

    @Test func noLimitDrawsEveryFieldWhole() {
        let text = Self.render(Self.wide, width: nil)
        #expect(!text.contains("…"))
        #expect(text.contains("Both sides released 390 people on Friday, the largest swap so far."))
    }

    @Test func widthCapsTextFieldsButNeverNumbers() {
        let text = Self.render(Self.wide, width: nil) { $0.columnWidths = [2, 0, 8] }
        #expect(text.contains("│ 9912345 │"))
        #expect(text.contains("│ prisone… │"))
    }

    @Test func demoResultsAtEightyColumnsCutNoNumberOrDate() {
        let (session, output) = makeSession()
        session.tableStyle = TableStyle(unicode: true, maxWidth: 80)
        for name in session.environment.allNames {
            guard let relation = session.environment.relation(named: name) else { continue }
            let text = TableRenderer(style: TableStyle(unicode: true, maxWidth: 80, maxRows: .max)).render(relation)
            Self.expectNothingCut(relation, in: text)
        }
        #expect(output.diagnostics == "")
    }

    /// The sample reports' relations (mentions and figures are the widest), each whole at 80
    /// columns, and the wide demo results of the README's questions.
    @Test func sampleReportsAtEightyColumnsCutNoNumberOrDate() throws {
        let (session, _) = makeSession()
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        let reports = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasPrefix("wire-") || $0.hasPrefix("liveblog-") }
        #expect(reports.count >= 5)
        for report in reports { session.run(".load \(samples.appendingPathComponent(report).path)") }
        let results = ["figures", "disputes", "mentions", "articles", "mentions join articles on article = id", "mentions count by event, unit"]
        for query in results {
            let source = SourceFile(name: "<test>", text: query)
            guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else {
                Issue.record("\(query) does not parse")
                continue
            }
            let relation = try session.interpreter.run(parsed, in: source).relation
            let text = TableRenderer(style: TableStyle(unicode: true, maxWidth: 80, maxRows: .max)).render(relation)
            Self.expectNothingCut(relation, in: text)
            #expect(text.split(separator: "\n").allSatisfy { TableRenderer.displayWidth(String($0)) <= 80 || $0.contains("not shown") }, "\(query)")
        }
    }

    @Test func tablesFollowTheTerminalAsItIsResized() {
        let (session, output) = makeSession()
        session.run("let wide = sentences show text, n sort length(text) desc")
        var width = 120
        session.terminalWidth = { width }
        session.run("wide limit 1")
        let atFirst = output.results
        width = 60
        session.run("wide limit 1")
        let afterResize = String(output.results.dropFirst(atFirst.count))
        #expect(atFirst.split(separator: "\n").map { TableRenderer.displayWidth(String($0)) }.max() == 120)
        #expect(afterResize.split(separator: "\n").map { TableRenderer.displayWidth(String($0)) }.max() == 60)
    }

    @Test func maxWidthOverridesTheTerminal() {
        let (session, output) = makeSession()
        session.terminalWidth = { 120 }
        session.run(".maxwidth 50")
        session.run("sentences show text, n limit 2")
        #expect(output.results.split(separator: "\n").allSatisfy { TableRenderer.displayWidth(String($0)) <= 50 })
        session.run(".maxwidth")
        #expect(output.results.hasSuffix("50\n"))
        session.run(".maxwidth auto")
        session.run(".maxwidth")
        #expect(output.results.hasSuffix("auto (120)\n"))
        #expect(!session.run(".maxwidth wide"))
    }

    @Test func outputFileGetsEveryRow() throws {
        let (session, _) = makeSession()
        let path = temporaryDirectory() + "/rows.txt"
        session.tableStyle = TableStyle(unicode: true, maxWidth: 40, maxRows: 10)
        session.run("let many = sentences show text")
        session.run(".output \(path)")
        session.run("many")
        session.run(".output")
        let text = try #require(FileManagerShim.read(path))
        let count = session.environment.relation(named: "many")?.rowCount ?? 0
        #expect(count > 10)
        #expect(text.hasSuffix("\(count) rows\n"))
        #expect(!text.contains("…"))
    }
}
