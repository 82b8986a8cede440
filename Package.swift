// swift-tools-version:6.0
// The package reads as the architecture of factsh, lowest layer first. Each target exists so
// that one kind of code can change, build and be tested without the layers above it:
//
//   FactStore     the in-memory columnar store: values, quantities and dates, columns,
//                 relations, the catalog, and the Environment (stored relations plus `let`
//                 bindings) that statements run against and session files save, and the
//                 Diagnostic (a problem with a stable id, a kind and a position) that every
//                 layer throws. Knows no query language, so the importers and the session
//                 file can use it alone.
//   FactSyntax    the query language as text: source files, tokens, lexer, parser, AST,
//                 keywords, the operator table, the rendering of diagnostics, did-you-mean,
//                 and the colours of a line being typed (keywords, strings, numbers, dates).
//                 Turns text into a syntax tree or into errors, and knows nothing of running
//                 it: the parser fuzzer and the grammar test need nothing more.
//   FactEngine    the query language run: binder, planner, plan rewriter, executor,
//                 evaluator, aggregates, sorting, the Interpreter, and the SQL translation
//                 checked against SQLite. Depends on FactSyntax for the tree and on FactStore
//                 for the data.
//   ArticleIngest turning news reports into facts: sentences, numbers, qualifiers, units, dates
//   DataImport    CSV, TSV, JSON and JSON Lines files to typed relations
//   FactFigures   figures across reports: which mentions give the same number, and disputes
//   CSQLite       the system SQLite library, for session files
//   SessionStore  a whole session (an Environment) saved to and opened from one SQLite file;
//                 it needs the store only, not the language
//   CLibpq        the system libpq, PostgreSQL's own C client
//   PostgresStore PostgreSQL as the shared store: a connection (the one file that imports
//                 libpq), relations in the layout of SessionStore, loads as transactions,
//                 query results streamed back; like SessionStore it needs no language
//   FactShell     statements, dot commands, output formats, script runner; no terminal code
//   CLibedit      the system libedit library, with wrappers for its variadic functions
//   CInterrupt    the Ctrl-C flag and its SIGINT handler, in C so that the flag is defined
//                 once (a static in a header would be one copy per importing module)
//   FactTerminal  the libedit line reader (and its repaint of the typed line in colour) and
//                 Ctrl-C handling: the only code that needs a tty
//   factsh        the thin executable: command-line options and wiring
//
// Test targets mirror them (FactSyntaxTests, FactEngineTests, ...); DifferentialTests runs
// generated queries through FactEngine and SQLite, and through PostgreSQL, and compares the
// answers; PostgresTests drive the shell over a PostgreSQL 15 server the tests start themselves
// (TestSupport's PostgresServer); EndToEndTests runs the built binary, at a real terminal
// through tmux where it must.
import PackageDescription

let package = Package(
    name: "factsh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "factsh", targets: ["factsh"]),
        .library(name: "FactStore", targets: ["FactStore"]),
        .library(name: "FactSyntax", targets: ["FactSyntax"]),
        .library(name: "FactEngine", targets: ["FactEngine"]),
        .library(name: "FactShell", targets: ["FactShell"]),
        .library(name: "ArticleIngest", targets: ["ArticleIngest"]),
        .library(name: "DataImport", targets: ["DataImport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(name: "FactStore"),
        .target(name: "FactSyntax", dependencies: ["FactStore"]),
        .target(name: "FactEngine", dependencies: ["FactSyntax", "FactStore"]),
        .target(name: "ArticleIngest", dependencies: ["FactStore"], exclude: ["Vocabulary/generate-verb-dictionary.py"]),
        .target(name: "DataImport", dependencies: ["FactStore"]),
        .target(name: "FactFigures", dependencies: ["FactStore", "ArticleIngest"]),
        .target(
            name: "FactShell",
            dependencies: ["FactStore", "FactSyntax", "FactEngine", "ArticleIngest", "DataImport", "SessionStore", "PostgresStore", "FactFigures"],
            resources: [
                .embedInCode("Demo/founding-report.txt"),
                .embedInCode("Demo/founding-facts.fq")
            ]
        ),
        .systemLibrary(name: "CLibedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CInterrupt"),
        .target(name: "FactTerminal", dependencies: ["CLibedit", "CInterrupt", "FactShell"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SessionStore", dependencies: ["CSQLite", "FactStore"]),
        .systemLibrary(name: "CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresStore", dependencies: ["CLibpq", "FactStore", "SessionStore"]),
        .executableTarget(
            name: "factsh",
            dependencies: [
                "FactShell",
                "FactTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .executableTarget(name: "ingest-benchmark", dependencies: ["FactShell", "FactFigures", "FactStore"], path: "Benchmarks/IngestThroughput"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FactStoreTests", dependencies: ["FactStore"]),
        .testTarget(name: "FactSyntaxTests", dependencies: ["FactSyntax", "FactStore"]),
        .testTarget(name: "FactEngineTests", dependencies: ["FactEngine", "FactSyntax", "FactStore"]),
        .testTarget(name: "ArticleIngestTests", dependencies: ["ArticleIngest"]),
        .testTarget(name: "FactFiguresTests", dependencies: ["FactFigures", "ArticleIngest", "FactStore"]),
        .testTarget(name: "DataImportTests", dependencies: ["DataImport", "TestSupport"]),
        .testTarget(name: "FactShellTests", dependencies: ["FactShell", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "FactTerminalTests", dependencies: ["FactTerminal", "CInterrupt"]),
        .testTarget(name: "DifferentialTests", dependencies: ["FactEngine", "FactSyntax", "FactStore", "SessionStore", "PostgresStore", "TestSupport", "CSQLite"]),
        .testTarget(name: "EndToEndTests", dependencies: ["factsh", "TestSupport"]),
        .testTarget(name: "PostgresTests", dependencies: ["PostgresStore", "FactShell", "FactStore", "TestSupport"])
    ],
    swiftLanguageModes: [.v6]
)
