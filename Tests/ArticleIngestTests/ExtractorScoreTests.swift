import FactStore
import Foundation
import Testing

@testable import ArticleIngest

/// Scores the extractor against hand-written gold files (`<id>.gold.tsv`, labelled by
/// `Samples/validation/LABELLING.md`) and prints the figures on every run, for two sets:
/// the development set (`Samples/`, which rules are written against) and the validation set
/// (`Samples/validation/`, written and labelled before any rule saw it, never edited since —
/// its score is the honest estimate of how the extractor does on reports it has never seen).
/// `FACTSH_SCORE_DETAILS=1` also prints every disagreement; `FACTSH_SCORE_ONLY=id,id` scores
/// only those articles (a new validation batch's first sight).
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
            lhs.gold += rhs.gold
            lhs.found += rhs.found
            lhs.matchedValueUnit += rhs.matchedValueUnit
            lhs.matched += rhs.matched
            lhs.qualifier += rhs.qualifier
            lhs.event += rhs.event
            lhs.date += rhs.date
            lhs.attribution += rhs.attribution
        }

        func summary(_ name: String, articles: Int) -> String {
            """
            \(name) (\(articles) articles, \(gold) gold mentions, \(found) found): (value, unit) precision \(Self.format(precision)) \
            recall \(Self.format(recall)) F1 \(Self.format(f1)); on \(matched) matched: qualifier \(Self.format(accuracy(qualifier))), \
            event \(Self.format(accuracy(event))), date \(Self.format(accuracy(date))), attribution \(Self.format(accuracy(attribution)))
            """
        }

        static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")
    static let validation = samples.appendingPathComponent("validation")

    static func goldFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.tsv") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func readGold(_ url: URL) throws -> [GoldMention] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 8, "\(url.lastPathComponent): a gold line needs 8 fields: \(line)")
            return GoldMention(
                value: try #require(Double(fields[0])), qualifier: fields[1], unit: fields[2], event: fields[3], date: fields[4],
                dateEnd: fields[5], attributedTo: fields[6], sentence: fields[7])
        }
    }

    /// Units agree when equal after lower-casing, or when their head nouns (the last words)
    /// are the same noun in singular or plural ("deaths" for "road deaths").
    static func sameUnit(_ found: String, _ gold: String) -> Bool {
        let (a, b) = (found.lowercased(), gold.lowercased())
        func head(_ unit: String) -> String {
            let last = String(unit.split(separator: " ").last ?? "")
            return last.hasSuffix("s") ? String(last.dropLast()) : last
        }
        return a == b || !a.isEmpty && head(a) == head(b)
    }

    /// Attributions agree when equal after lower-casing, or when one names the other in full
    /// words ("Yerlikaya" for "Ali Yerlikaya").
    static func sameSpeaker(_ found: String, _ gold: String) -> Bool {
        let (a, b) = (found.lowercased(), gold.lowercased())
        if a == b { return true }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (wordsA, wordsB) = (a.split(separator: " "), b.split(separator: " "))
        func within(_ short: [Substring], _ long: [Substring]) -> Bool {
            short.count <= long.count && (0...(long.count - short.count)).contains { Array(long[$0..<($0 + short.count)]) == short }
        }
        return within(wordsA, wordsB) || within(wordsB, wordsA)
    }

    static func score(article url: URL, gold: [GoldMention], details: inout [String]) throws -> Score {
        let id = String(url.lastPathComponent.dropLast(".gold.tsv".count))
        let text = try String(contentsOf: url.deletingLastPathComponent().appendingPathComponent(id + ".txt"), encoding: .utf8)
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
            guard let index = candidates.first(where: { sameUnit(mentions[$0].unit ?? "", expected.unit) }) ?? candidates.first else {
                details.append("\(id): missed \(expected.value) \(expected.unit) in \"\(expected.sentence)\"")
                continue
            }
            unmatched.removeAll { $0 == index }
            let mention = mentions[index]
            score.matched += 1
            func check(_ field: String, _ found: String, _ wanted: String, _ agree: Bool, _ counter: inout Int) {
                if agree { counter += 1 } else { details.append("\(id): \(expected.value) \(field) '\(found)' != gold '\(wanted)' in \"\(expected.sentence.prefix(160))\"") }
            }
            var unitCounter = 0
            check("unit", mention.unit ?? "", expected.unit, sameUnit(mention.unit ?? "", expected.unit), &unitCounter)
            score.matchedValueUnit += unitCounter
            check("qualifier", mention.qualifier.name, expected.qualifier, mention.qualifier.name == expected.qualifier, &score.qualifier)
            // Older gold files name the verb; both sides are compared as classes.
            let wantedEvent = expected.event.isEmpty ? "" : EventClasses.event(for: expected.event)
            check("event", mention.event ?? "", wantedEvent, (mention.event ?? "") == wantedEvent, &score.event)
            let foundDate = "\(mention.date?.description ?? "")..\(mention.dateEnd?.description ?? "")"
            let wantedDate = "\(expected.date)..\(expected.dateEnd)"
            check("date", foundDate, wantedDate, foundDate == wantedDate, &score.date)
            check(
                "attribution", mention.attributedTo ?? "", expected.attributedTo, sameSpeaker(mention.attributedTo ?? "", expected.attributedTo),
                &score.attribution)
        }
        for index in unmatched {
            details.append("\(id): extra \(mentions[index].value) \(mentions[index].unit ?? "-") '\(mentions[index].text)' in sentence \(mentions[index].sentence)")
        }
        return score
    }

    /// Scores every article of a folder and prints the totals and one line per article.
    static func scoreSet(_ folder: URL, name: String) throws -> Score {
        var files = try goldFiles(in: folder)
        // A new batch's first-sight score is taken on that batch alone.
        if let only = ProcessInfo.processInfo.environment["FACTSH_SCORE_ONLY"] {
            let ids = Set(only.split(separator: ",").map(String.init))
            files = files.filter { ids.contains(String($0.lastPathComponent.dropLast(".gold.tsv".count))) }
        }
        var total = Score()
        var details: [String] = []
        var lines: [String] = []
        for file in files {
            let score = try score(article: file, gold: try readGold(file), details: &details)
            total += score
            let id = file.lastPathComponent.dropLast(".gold.tsv".count)
            lines.append(
                "  \(id): gold \(score.gold), found \(score.found), F1 \(Score.format(score.f1)), qualifier \(Score.format(score.accuracy(score.qualifier))), event \(Score.format(score.accuracy(score.event))), date \(Score.format(score.accuracy(score.date))), attribution \(Score.format(score.accuracy(score.attribution)))"
            )
        }
        print("extractor score, \(total.summary(name, articles: files.count))\n\(lines.joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["FACTSH_SCORE_DETAILS"] == "1" { print(details.joined(separator: "\n")) }
        return total
    }

    /// The development set: the rules are written against it, so its score measures fit.
    @Test func developmentSetScore() throws {
        let total = try Self.scoreSet(Self.samples, name: "development set")
        #expect(total.gold >= 250)
        #expect(total.f1 >= 0.92)
        #expect(total.accuracy(total.qualifier) >= 0.97)
        #expect(total.accuracy(total.event) >= 0.88)
        #expect(total.accuracy(total.date) >= 0.78)
        #expect(total.accuracy(total.attribution) >= 0.93)
    }

    /// The validation set: the project's estimate of the score on reports nobody here has
    /// seen. The floors are below the measured score; they catch a regression, not a target.
    @Test func validationSetScore() throws {
        let total = try Self.scoreSet(Self.validation, name: "validation set")
        #expect(try Self.goldFiles(in: Self.validation).count >= 40)
        #expect(total.f1 >= 0.90)
        #expect(total.accuracy(total.qualifier) >= 0.97)
        #expect(total.accuracy(total.event) >= 0.78)
        #expect(total.accuracy(total.date) >= 0.70)
        #expect(total.accuracy(total.attribution) >= 0.85)
    }

    /// The README's sentence on the validation score is a promise: it gives today's figures,
    /// to three places, and the set's size.
    @Test func theReadmeReportsTheValidationScore() throws {
        let total = try Self.scoreSet(Self.validation, name: "validation set")
        let readme = try String(contentsOf: Self.samples.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let rounded = { (value: Double) in String(format: "%.3f", value) }
        let files = try Self.goldFiles(in: Self.validation).count
        let sentence =
            "On the validation set today (\(files) articles, \(total.gold) gold mentions): (value, unit) F1 \(rounded(total.f1)), "
            + "qualifier \(rounded(total.accuracy(total.qualifier))), event \(rounded(total.accuracy(total.event))), "
            + "date \(rounded(total.accuracy(total.date))), attribution \(rounded(total.accuracy(total.attribution)))"
        let saysIt = readme.contains(sentence)
        #expect(saysIt, "README should say: \(sentence)")
    }

    /// A validation article or its gold, once committed, is never edited to fit the output:
    /// every file in `Samples/validation` is listed in SHA256SUMS and matches it.
    @Test func validationFilesAreUnchanged() throws {
        let sums = try String(contentsOf: Self.validation.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let listed = Set(sums.split(separator: "\n").compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) })
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.validation.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".gold.tsv") }
        #expect(Set(files) == listed, "every validation article and gold file is in SHA256SUMS, and nothing else")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"]
        check.currentDirectoryURL = Self.validation
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "a validation file differs from its checksum")
    }
}
