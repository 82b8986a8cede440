// swift-tools-version:6.0
// libFuzzer targets for factsh, built apart from the main package so that ordinary builds and
// `make test` never need the fuzzer runtime. `make fuzz` builds them with -sanitize=fuzzer and
// runs each for a set time over a corpus seeded from Samples/.
import PackageDescription

let package = Package(
    name: "factsh-fuzz",
    dependencies: [.package(name: "factsh", path: "../..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzSupport", .product(name: "FactSyntax", package: "factsh")]),
        .executableTarget(
            name: "FuzzEvaluator",
            dependencies: [
                "FuzzSupport", .product(name: "FactEngine", package: "factsh"), .product(name: "FactSyntax", package: "factsh"),
                .product(name: "FactShell", package: "factsh")
            ]),
        .executableTarget(name: "FuzzArticle", dependencies: ["FuzzSupport", .product(name: "ArticleIngest", package: "factsh")]),
        .executableTarget(
            name: "FuzzDotCommands",
            dependencies: [
                "FuzzSupport", .product(name: "FactSyntax", package: "factsh"), .product(name: "FactShell", package: "factsh")
            ]),
        .executableTarget(
            name: "FuzzDataFiles",
            dependencies: [
                "FuzzSupport", .product(name: "DataImport", package: "factsh"), .product(name: "FactStore", package: "factsh")
            ]),
        .executableTarget(
            name: "FuzzSessionFile",
            dependencies: [
                "FuzzSupport", .product(name: "FactSyntax", package: "factsh"), .product(name: "FactShell", package: "factsh"),
                .product(name: "FactStore", package: "factsh")
            ])
    ]
)
