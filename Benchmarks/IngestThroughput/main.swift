import ArticleIngest
import FactStore
import Foundation

// Ingest throughput: how many MB of article text factsh turns into mentions per second.
// The corpus repeats the sample articles, varying their numbers, dates and names so that no
// two copies are alike, until it holds at least the requested size (default 10 MB).
//
//   swift run -c release ingest-benchmark [Samples] [megabytes]

let arguments = CommandLine.arguments
let samplesPath = arguments.count > 1 ? arguments[1] : "Samples"
let targetMegabytes = arguments.count > 2 ? Double(arguments[2]) ?? 10 : 10

let names = try FileManager.default.contentsOfDirectory(atPath: samplesPath).filter { $0.hasSuffix(".txt") }.sorted()
let samples = try names.map { try String(contentsOfFile: samplesPath + "/" + $0, encoding: .utf8) }
guard !samples.isEmpty else {
    FileHandle.standardError.write(Data("no .txt articles in \(samplesPath)\n".utf8))
    exit(2)
}

/// A copy of an article with every number of its body shifted and the names rotated,
/// seeded by `round`; the header stays as it is.
func variant(_ article: String, round: Int) -> String {
    guard let bodyStart = article.range(of: "\n\n") else { return article }
    let header = String(article[..<bodyStart.upperBound])
    let text = String(article[bodyStart.upperBound...])
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var digits = ""
    func flush() {
        if !digits.isEmpty, let value = Int(digits), digits.count < 4 {
            out += String(value + round % 97)
        } else {
            out += digits
        }
        digits = ""
    }
    for character in text {
        if character.isNumber, character.isASCII { digits.append(character) } else {
            flush()
            out.append(character)
        }
    }
    flush()
    let people = ["Zelensky", "Yerlikaya", "Berg", "Nowak", "Heggie"]
    return header + out.replacingOccurrences(of: people[round % people.count], with: people[(round + 1) % people.count])
}

var corpus: [(id: String, text: String)] = []
var bytes = 0
var round = 0
while Double(bytes) < targetMegabytes * 1_000_000 {
    for (index, sample) in samples.enumerated() {
        let text = variant(sample, round: round)
        corpus.append(("article-\(round)-\(index)", text))
        bytes += text.utf8.count
    }
    round += 1
}

func ingest(_ corpus: [(id: String, text: String)]) -> (mentions: Int, seconds: Double) {
    var catalog = Catalog()
    let start = DispatchTime.now().uptimeNanoseconds
    let sources = corpus.map { ArticleLoader.Source(text: $0.text, id: $0.id, path: $0.id + ".txt") }
    let mentions = ArticleLoader.loadMany(sources, into: &catalog).0.mentions
    return (mentions, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

var best = Double.infinity
var mentionCount = 0
for _ in 0..<3 {
    let (mentions, seconds) = ingest(corpus)
    best = min(best, seconds)
    mentionCount = mentions
}
let megabytes = Double(bytes) / 1_000_000
print(String(format: "ingest: %.1f MB in %d articles, %d mentions, best of 3: %.3f s, %.1f MB/s", megabytes, corpus.count, mentionCount, best, megabytes / best))
