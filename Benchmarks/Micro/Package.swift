// swift-tools-version:6.1
// Microbenchmarks of factsh's hot paths with ordo-one/benchmark, kept in a package of their
// own so that `make test` never builds the benchmark framework. Run with `make bench-micro`.
import PackageDescription

let package = Package(
    name: "factsh-micro",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "factsh", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    ],
    targets: [
        .executableTarget(
            name: "FactshMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FactEngine", package: "factsh"),
                .product(name: "FactSyntax", package: "factsh"),
                .product(name: "FactStore", package: "factsh"),
                .product(name: "DataImport", package: "factsh")
            ],
            path: "Benchmarks/FactshMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
