import FactFigures
import FactShell
import FactStore
import Foundation

// Ingest throughput: how many MB of article text factsh turns into mentions per second, the
// way `.load reports/` does it (read and extracted on every worker of `--threads`, stored in
// order), with 1 thread and with every core; then how long `figures` takes to recompute over
// the whole corpus. The corpus repeats the sample articles, varying their numbers, dates and
// names so that no two copies are alike, until it holds at least the requested size (default
// 10 MB) and article count (default 10,000, for the figures); it is written to a temporary
// folder, as a user's reports would be. Any article that fails to load stops the run with an
// error. Each time is the median of 3 loads.
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

let folder = NSTemporaryDirectory() + "factsh-ingest-\(getpid())"
do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for article in corpus { try article.text.write(toFile: "\(folder)/\(article.id).txt", atomically: false, encoding: .utf8) }
} catch {
    fail("cannot write the corpus to \(folder): \(error)")
}
defer { try? FileManager.default.removeItem(atPath: folder) }

/// As `.load FOLDER` does it in a fresh session with `threads` workers.
func load(_ paths: [String], of folder: String, threads: Int) -> (session: Session, seconds: Double) {
    let output = CapturedOutput()
    let session = Session(output: output)
    session.interpreter.threads = threads
    let start = DispatchTime.now().uptimeNanoseconds
    if case .failure(let problem) = session.loadArticles(paths, named: folder) {
        if case .unreadable(let diagnostic) = problem { fail("the corpus did not load: \(diagnostic.message)") }
        fail("the corpus did not load")
    }
    return (session, seconds(since: start))
}

func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

let paths = corpus.map { "\(folder)/\($0.id).txt" }
let megabytes = Double(bytes) / 1_000_000
var loaded = Catalog()
let cores = ProcessInfo.processInfo.activeProcessorCount
for threads in Set([1, cores]).sorted() {
    var times: [Double] = []
    for _ in 0..<3 {
        let run = load(paths, of: folder, threads: threads)
        times.append(run.seconds)
        loaded = run.session.environment.catalog
    }
    let mentionCount = loaded["mentions"]?.rowCount ?? 0
    print(
        String(
            format: "ingest as .load does it, %d thread%@: %.1f MB in %d articles, %d mentions, median of 3: %.3f s, %.2f MB/s",
            threads, threads == 1 ? "" : "s", megabytes, corpus.count, mentionCount, median(times), megabytes / median(times)))
}

guard let mentions = loaded["mentions"] else { fail("no mentions were stored") }
var figureTimes: [Double] = []
var figureCount = 0
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    let derived = FigureTable.derive(mentions: mentions, articles: loaded["articles"])
    figureTimes.append(seconds(since: start))
    figureCount = derived.figures.rowCount
}
print(String(format: "figures over %d articles (%d mentions): %d figures, median of 3: %.3f s", corpus.count, mentions.rowCount, figureCount, median(figureTimes)))
