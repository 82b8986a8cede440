import ArticleIngest
import FactFigures
import FactStore
import Foundation

// Ingest throughput: how many MB of article text factsh turns into mentions per second, the
// way `.load` does it (one article after another), and the way the all-cores loader does it;
// then how long `figures` takes to recompute over the whole corpus. The corpus repeats the
// sample articles, varying their numbers, dates and names so that no two copies are alike,
// until it holds at least the requested size (default 10 MB) and article count (default
// 10,000, for the figures). Any article that fails to load stops the run with an error.
//
//   swift run -c release ingest-benchmark [Samples] [megabytes] [articles]

let arguments = CommandLine.arguments
let samplesPath = arguments.count > 1 ? arguments[1] : "Samples"
let targetMegabytes = arguments.count > 2 ? Double(arguments[2]) ?? 10 : 10
let targetArticles = arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000

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
        if character.isNumber, character.isASCII {
            digits.append(character)
        } else {
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
while Double(bytes) < targetMegabytes * 1_000_000 || corpus.count < targetArticles {
    for (index, sample) in samples.enumerated() {
        let text = variant(sample, round: round)
        corpus.append(("article-\(round)-\(index)", text))
        bytes += text.utf8.count
    }
    round += 1
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ingest-benchmark: \(message)\n".utf8))
    exit(1)
}

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

/// As `.load` does it: parse, extract and store one article after another.
func loadOneByOne(_ corpus: [(id: String, text: String)]) -> (catalog: Catalog, mentions: Int, seconds: Double) {
    var catalog = Catalog()
    var mentions = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for article in corpus {
        do {
            let (file, _) = try ArticleFile.parse(article.text, id: article.id, path: article.id + ".txt")
            mentions += try ArticleLoader.load(file, into: &catalog).mentions
        } catch {
            fail("\(article.id) did not load: \(error.message)")
        }
    }
    return (catalog, mentions, seconds(since: start))
}

/// The all-cores loader: extraction on every core, storing in order.
func loadAllAtOnce(_ corpus: [(id: String, text: String)]) -> Double {
    var catalog = Catalog()
    let start = DispatchTime.now().uptimeNanoseconds
    let sources = corpus.map { ArticleLoader.Source(text: $0.text, id: $0.id, path: $0.id + ".txt") }
    let (_, problems) = ArticleLoader.loadMany(sources, into: &catalog)
    if let first = problems.first { fail("\(problems.count) articles did not load, the first \(first.path): \(first.problem.message)") }
    return seconds(since: start)
}

let megabytes = Double(bytes) / 1_000_000
var bestOneByOne = Double.infinity
var bestAllAtOnce = Double.infinity
var loaded = Catalog()
var mentionCount = 0
for _ in 0..<3 {
    let run = loadOneByOne(corpus)
    bestOneByOne = min(bestOneByOne, run.seconds)
    (loaded, mentionCount) = (run.catalog, run.mentions)
    bestAllAtOnce = min(bestAllAtOnce, loadAllAtOnce(corpus))
}
print(
    String(
        format: "ingest as .load does it: %.1f MB in %d articles, %d mentions, best of 3: %.3f s, %.2f MB/s",
        megabytes, corpus.count, mentionCount, bestOneByOne, megabytes / bestOneByOne))
print(String(format: "ingest on all cores:     best of 3: %.3f s, %.2f MB/s", bestAllAtOnce, megabytes / bestAllAtOnce))

guard let mentions = loaded["mentions"] else { fail("no mentions were stored") }
var bestFigures = Double.infinity
var figureCount = 0
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    let derived = FigureTable.derive(mentions: mentions, articles: loaded["articles"])
    bestFigures = min(bestFigures, seconds(since: start))
    figureCount = derived.figures.rowCount
}
print(String(format: "figures over %d articles (%d mentions): %d figures, best of 3: %.3f s", corpus.count, mentions.rowCount, figureCount, bestFigures))
