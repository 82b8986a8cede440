import FactStore
import Foundation
import Testing

@testable import ArticleIngest

/// Sentence boundaries: abbreviations, initials, decimals and paragraphs.
@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("Gen. Smith arrived. He left at noon.", 2),
        ("The U.S. sent aid on Monday. It was welcomed.", 2),
        ("Hospital No. 5 took 2.5 tonnes of supplies. Staff were relieved.", 2),
        ("\"We will not leave,\" she said. The crowd cheered.", 2),
        ("It cost $1.5 million. Critics said it was too much!", 2),
        ("First paragraph ends here\n\nSecond paragraph starts here.", 2),
        ("Prices fell 2.3 percent in May. Analysts expected 2.4.", 2),
        ("Prices rose 2.1%. In a statement, the ministry said more.", 2),
        ("Growth was 4.5. The bank was surprised.", 2)
    ])
    func sentenceSplitting(text: String, count: Int) {
        #expect(SentenceSplitter.split(text).count == count, "\(SentenceSplitter.split(text))")
    }

    @Test func aRunOfTextWithNoFullStopIsCutIntoBoundedPieces() {
        let words = String(repeating: "word ", count: 10_000)
        let pieces = SentenceSplitter.split(words)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= SentenceSplitter.maximumSentenceBytes + 8 })
        #expect(pieces.joined(separator: " ") == words.trimmingCharacters(in: .whitespaces))
        let unbroken = String(repeating: "é", count: 20_000)
        let cut = SentenceSplitter.split(unbroken)
        #expect(cut.allSatisfy { $0.utf8.count <= 4 * SentenceSplitter.maximumSentenceBytes + 2 })
        #expect(cut.joined() == unbroken)
    }

    @Test func everyCutRunIsReportedWithWhereItStartsAndHowManyPieces() {
        let run = String(repeating: "word ", count: 2_000)
        let text = "A short sentence. Then " + run + "\n\nAnother short sentence."
        let (sentences, cuts) = SentenceSplitter.splitReportingCuts(text)
        #expect(cuts == [SentenceSplitter.Cut(offset: 18, pieces: sentences.count - 2)])
        #expect(sentences.count > 3)
        #expect(SentenceSplitter.splitReportingCuts("One sentence. And another.").cuts.isEmpty)
    }
}
