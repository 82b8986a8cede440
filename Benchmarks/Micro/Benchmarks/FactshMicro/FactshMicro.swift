import Benchmark
import DataImport
import FactEngine
import FactStore
import FactSyntax

/// The hot paths, so a regression shows in numbers: the lexer and parser, each operator over a
/// million rows, and CSV parsing.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 20)

    let script = String(repeating: "swaps where date >= 2025-05-23 and (released > 300 or who contains \"civ\") sum released by who sort sum_released desc limit 3\n", count: 1000)
    Benchmark("lexer and parser, 1,000 statements (\(script.utf8.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Parser.parse(SourceFile(name: "bench", text: script)))
        }
    }

    let interpreter = MillionRows.interpreter
    for query in [
        "events where n > 500 count", "events sum n", "events where kind = \"swap\" count", "events where place contains \"sk\" count",
        "events sum n by kind", "events count distinct place", "events sort n desc, id limit 10", "events show n * 2 + 1 as m limit 1"
    ] {
        let source = SourceFile(name: "bench", text: query)
        // A query that does not parse, or fails, is a broken benchmark, not a fast one.
        guard case .query(let parsed)? = Parser.parse(source).statements.first?.kind else { fatalError("the benchmark query '\(query)' does not parse") }
        Benchmark("1M rows: \(query)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try interpreter.run(parsed, in: source))
            }
        }
    }

    let csv = MillionRows.csv
    Benchmark("CSV parse and type, \(csv.count / 1_000_000) MB", configuration: .init(metrics: [.wallClock, .throughput], maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DataLoader.load(csv, format: .csv, path: "bench.csv"))
        }
    }
}

/// A relation of a million events, built once.
enum MillionRows {
    static let csv: [UInt8] = {
        var text = "id,n,kind,place\n"
        let kinds = ["swap", "attack", "strike", "claim"]
        for id in 0..<1_000_000 {
            text += "\(id),\((id * 7919) % 1000),\(kinds[id % 4]),place\((id * 31) % 2000)\(id % 3 == 0 ? "sk" : "")\n"
        }
        return Array(text.utf8)
    }()

    static let interpreter: Interpreter = {
        var environment = Environment()
        do {
            environment.catalog.set("events", try DataLoader.load(csv, format: .csv, path: "events.csv").relation)
        } catch {
            fatalError("the benchmark's events did not load: \(error.message)")
        }
        return Interpreter(environment: environment)
    }()
}
