import Foundation
import Testing
@testable import ArticleIngest
import FactStore

/// Scores the extractor against the hand-written gold files beside every sample article
/// (`Samples/<id>.gold.tsv`) and prints the figures on every run: precision and recall of
/// (value, unit), and the accuracy of qualifier, event, date and attribution on the mentions
/// found. `FACTSH_SCORE_DETAILS=1` also prints every disagreement.
@Suite struct ExtractorScoreTests {
    struct GoldMention {
        var value: Double
        var qualifier: String
        var unit: String
        var event: String
        var date: String
        var dateEnd: String
        var attributedTo: String
        var sentence: String
    }

    struct Score {
        var gold = 0
        var found = 0
        var matchedValueUnit = 0
        var matched = 0
        var qualifier = 0
        var event = 0
        var date = 0
        var attribution = 0

        var precision: Double { found == 0 ? 0 : Double(matchedValueUnit) / Double(found) }
        var recall: Double { gold == 0 ? 0 : Double(matchedValueUnit) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        func accuracy(_ count: Int) -> Double { matched == 0 ? 0 : Double(count) / Double(matched) }

        static func += (lhs: inout Score, rhs: Score) {
            lhs.gold += rhs.gold; lhs.found += rhs.found; lhs.matchedValueUnit += rhs.matchedValueUnit; lhs.matched += rhs.matched
            lhs.qualifier += rhs.qualifier; lhs.event += rhs.event; lhs.date += rhs.date; lhs.attribution += rhs.attribution
        }
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func goldFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.tsv") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func readGold(_ url: URL) throws -> [GoldMention] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return GoldMention(value: Double(fields[0])!, qualifier: fields[1], unit: fields[2], event: fields[3], date: fields[4],
                               dateEnd: fields[5], attributedTo: fields[6], sentence: fields[7])
        }
    }

    static func score(article id: String, gold: [GoldMention], details: inout [String]) throws -> Score {
        let text = try String(contentsOf: samples.appendingPathComponent(id + ".txt"), encoding: .utf8)
        let (article, _) = try ArticleFile.parse(text, id: id, path: id + ".txt")
        let sentences = SentenceSplitter.split(article.body)
        let mentions = MentionExtractor(articleDate: article.date).extract(sentences)
        var score = Score(gold: gold.count, found: mentions.count)
        var unmatched = Array(mentions.indices)
        for expected in gold {
            let candidates = unmatched.filter { index in
                let sentence = sentences[mentions[index].sentence - 1]
                return abs(mentions[index].value - expected.value) <= 1e-9 * max(1, abs(expected.value))
                    && (sentence == expected.sentence || sentence.contains(expected.sentence) || expected.sentence.contains(sentence))
            }
            guard let index = candidates.first(where: { (mentions[$0].unit ?? "") == expected.unit }) ?? candidates.first else {
                details.append("\(id): missed \(expected.value) \(expected.unit) in \"\(expected.sentence)\"")
                continue
            }
            unmatched.removeAll { $0 == index }
            let mention = mentions[index]
            score.matched += 1
            func check(_ field: String, _ found: String, _ wanted: String, _ counter: inout Int) {
                if found.lowercased() == wanted.lowercased() { counter += 1 } else {
                    details.append("\(id): \(expected.value) \(field) '\(found)' != gold '\(wanted)'")
                }
            }
            var unitCounter = 0
            check("unit", mention.unit ?? "", expected.unit, &unitCounter)
            score.matchedValueUnit += unitCounter
            check("qualifier", mention.qualifier.name, expected.qualifier, &score.qualifier)
            check("event", mention.event ?? "", expected.event, &score.event)
            check("date", "\(mention.date?.description ?? "")..\(mention.dateEnd?.description ?? "")", "\(expected.date)..\(expected.dateEnd)", &score.date)
            check("attribution", mention.attributedTo ?? "", expected.attributedTo, &score.attribution)
        }
        for index in unmatched {
            details.append("\(id): extra \(mentions[index].value) \(mentions[index].unit ?? "-") '\(mentions[index].text)' in sentence \(mentions[index].sentence)")
        }
        return score
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    @Test func extractorMeetsItsTargetsOnEverySample() throws {
        let files = try Self.goldFiles()
        #expect(files.count >= 7, "the founding report and at least six more samples have gold files")
        var total = Score()
        var details: [String] = []
        var lines: [String] = []
        for file in files {
            let id = String(file.lastPathComponent.dropLast(".gold.tsv".count))
            let score = try Self.score(article: id, gold: try Self.readGold(file), details: &details)
            total += score
            lines.append("  \(id): gold \(score.gold), found \(score.found), F1 \(Self.format(score.f1)), qualifier \(Self.format(score.accuracy(score.qualifier))), event \(Self.format(score.accuracy(score.event))), date \(Self.format(score.accuracy(score.date))), attribution \(Self.format(score.accuracy(score.attribution)))")
        }
        print("""
            extractor score on \(files.count) sample articles (\(total.gold) gold mentions, \(total.found) found):
              (value, unit) precision \(Self.format(total.precision)) recall \(Self.format(total.recall)) F1 \(Self.format(total.f1))
              accuracy on \(total.matched) matched: qualifier \(Self.format(total.accuracy(total.qualifier))), event \(Self.format(total.accuracy(total.event))), date \(Self.format(total.accuracy(total.date))), attribution \(Self.format(total.accuracy(total.attribution)))
            \(lines.joined(separator: "\n"))
            """)
        if ProcessInfo.processInfo.environment["FACTSH_SCORE_DETAILS"] == "1" { print(details.joined(separator: "\n")) }
        #expect(total.f1 >= 0.95)
        #expect(total.accuracy(total.qualifier) >= 0.90)
        #expect(total.accuracy(total.event) >= 0.90)
        #expect(total.accuracy(total.date) >= 0.90)
        #expect(total.accuracy(total.attribution) >= 0.90)
    }
}
