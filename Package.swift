// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let log: Target.Dependency = .product(name: "Logging", package: "swift-log")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "rowproof",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "rowproof", targets: ["rowproof"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
    ],
    targets: [
        // System libraries: each folder holds a module.modulemap and a shim.h, nothing else.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"]), .brew(["zeromq"])]),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"]), .brew(["xxhash"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),

        // Libraries, bottom up. Each C module has exactly one Swift importer.
        .target(name: "RowProofCrypto", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "RowProofContracts", dependencies: [yams], swiftSettings: swiftSettings),
        .target(name: "RowProofCore", dependencies: ["CXXHash", "RowProofCrypto"], swiftSettings: swiftSettings),
        .target(name: "RowProofSources", dependencies: ["CLibPQ", "CSQLite", "RowProofCore", "RowProofCrypto", log], swiftSettings: swiftSettings),
        .target(name: "RowProofWire", dependencies: ["CZeroMQ", "CLZ4", log], swiftSettings: swiftSettings),
        .target(
            name: "RowProofCluster",
            dependencies: ["RowProofCore", "RowProofContracts", "RowProofSources", "RowProofWire", "RowProofCrypto", log],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RowProofGovernance",
            dependencies: ["RowProofCore", "RowProofContracts", "RowProofSources", "RowProofCrypto", log],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RowProofAgents",
            dependencies: ["RowProofCore", "RowProofContracts", "RowProofSources", "RowProofCrypto", log],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RowProofServer",
            dependencies: ["RowProofCluster", "RowProofContracts", "RowProofCore", "RowProofCrypto", "RowProofSources", hummingbird, log],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rowproof",
            dependencies: [
                "RowProofCore", "RowProofContracts", "RowProofSources", "RowProofWire", "RowProofCluster",
                "RowProofGovernance", "RowProofAgents", "RowProofServer", "RowProofCrypto", argumentParser, log,
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "RowProofTestSupport", dependencies: [], swiftSettings: swiftSettings),

        // Benchmarks (run with scripts in benchmarks/, release builds, never part of the test suite).
        .executableTarget(
            name: "CoreBenchmark",
            dependencies: ["RowProofCore", "RowProofCrypto"],
            path: "benchmarks/CoreBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SourceBenchmark",
            dependencies: ["RowProofSources", "RowProofCore"],
            path: "benchmarks/SourceBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "DiffBenchmark",
            dependencies: ["RowProofCore"],
            path: "benchmarks/DiffBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "WorkerBenchmark",
            dependencies: ["RowProofCore", "RowProofCluster", "RowProofContracts", "RowProofCrypto"],
            path: "benchmarks/WorkerBenchmark",
            swiftSettings: swiftSettings
        ),

        // Tests mirror the modules; IntegrationTests talk to the real Postgres the test command starts.
        .testTarget(name: "RowProofCryptoTests", dependencies: ["RowProofCrypto"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RowProofContractsTests",
            dependencies: ["RowProofContracts", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofCoreTests",
            dependencies: ["RowProofCore", "RowProofCrypto", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofWireTests",
            dependencies: ["RowProofWire", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofClusterTests",
            dependencies: ["RowProofCluster", "RowProofWire", "RowProofTestSupport", log],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofSourcesTests",
            dependencies: ["RowProofSources", "RowProofCore", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofGovernanceTests",
            dependencies: ["RowProofGovernance", "RowProofContracts", "RowProofCore", "RowProofCrypto", "RowProofSources", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofAgentsTests",
            dependencies: ["RowProofAgents", "RowProofContracts", "RowProofCore", "RowProofSources", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RowProofServerTests",
            dependencies: ["RowProofServer", "RowProofCluster", "RowProofContracts", "RowProofTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "RowProofSources", "RowProofCore", "RowProofCrypto", "RowProofTestSupport", "RowProofCluster",
                "RowProofContracts", "RowProofWire", "RowProofGovernance", "RowProofAgents", log,
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
