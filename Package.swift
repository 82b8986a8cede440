// swift-tools-version:6.0
// The package reads as the architecture of factsh:
//   FactStore     the in-memory columnar store (values, columns, relations, catalog)
//   FactLanguage  the query language (lexer, parser, diagnostics, type checker, evaluator)
//   ArticleIngest turning news reports into facts: sentences, numbers, qualifiers, units, dates
//   DataImport    CSV, TSV, JSON and JSON Lines files to typed relations
//   FactFigures   figures across reports: which mentions give the same number, and disputes
//   CSQLite       the system SQLite library, for session files
//   SessionStore  a whole session saved to and opened from one SQLite file
//   FactShell     statements, dot commands, output formats, script runner; no terminal code
//   CLibedit      the system libedit library, with wrappers for its variadic functions
//   FactTerminal  the libedit line reader and Ctrl-C handling: the only code that needs a tty
//   factsh        the thin executable: command-line options and wiring
import PackageDescription

let package = Package(
    name: "factsh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "factsh", targets: ["factsh"]),
        .library(name: "FactStore", targets: ["FactStore"]),
        .library(name: "FactLanguage", targets: ["FactLanguage"]),
        .library(name: "FactShell", targets: ["FactShell"]),
        .library(name: "ArticleIngest", targets: ["ArticleIngest"]),
        .library(name: "DataImport", targets: ["DataImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "FactStore"),
        .target(name: "FactLanguage", dependencies: ["FactStore"]),
        .target(name: "ArticleIngest", dependencies: ["FactStore"], exclude: ["Vocabulary/generate-verb-dictionary.py"]),
        .target(name: "DataImport", dependencies: ["FactStore"]),
        .target(name: "FactFigures", dependencies: ["FactStore", "ArticleIngest"]),
        .target(
            name: "FactShell",
            dependencies: ["FactStore", "FactLanguage", "ArticleIngest", "DataImport", "SessionStore"],
            resources: [
                .embedInCode("Demo/founding-report.txt"),
                .embedInCode("Demo/founding-facts.fq"),
            ]
        ),
        .systemLibrary(name: "CLibedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "FactTerminal", dependencies: ["CLibedit", "FactShell"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SessionStore", dependencies: ["CSQLite", "FactStore", "FactLanguage"]),
        .executableTarget(
            name: "factsh",
            dependencies: [
                "FactShell",
                "FactTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ingest-benchmark", dependencies: ["ArticleIngest", "FactStore"], path: "Benchmarks/IngestThroughput"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FactStoreTests", dependencies: ["FactStore"]),
        .testTarget(name: "FactLanguageTests", dependencies: ["FactLanguage"]),
        .testTarget(name: "ArticleIngestTests", dependencies: ["ArticleIngest"]),
        .testTarget(name: "FactFiguresTests", dependencies: ["FactFigures", "ArticleIngest", "FactStore"]),
        .testTarget(name: "DataImportTests", dependencies: ["DataImport", "TestSupport"]),
        .testTarget(name: "FactShellTests", dependencies: ["FactShell", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DifferentialTests", dependencies: ["FactLanguage", "FactStore", "SessionStore", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["factsh", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
