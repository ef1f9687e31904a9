import Foundation
import RowProofCluster
import RowProofContracts
import RowProofCore
import RowProofCrypto

// WorkerBenchmark: what a worker does per chunk once rows are decoded.
//
// Two in-memory sides of N rows of the 8-column orders shape (bigint id, int, numeric(12,2), text,
// timestamptz, text, int, double), with about 0.1% planted differences (changed, missing, extra),
// are generated before the clock starts. The timed part is `ChunkProcessor.run` with an in-memory
// scan starter: each side's rows go through a `PipedRowStream` reader thread, then column
// aggregates, the deterministic sample and the merge-join, exactly as a worker runs a chunk.
//
// It prints CPU ns per row (all threads, both sides' rows), rows/s, and a SHA-256 fingerprint of
// the whole `ChunkResult` (sorted-key JSON) so a change to the hot path can be checked to leave
// every count, digest, aggregate and difference byte-identical.
//
// Run: swift build -c release --scratch-path .build-perf --product WorkerBenchmark
//      .build-perf/release/WorkerBenchmark [rows per side] [repetitions]

/// SplitMix64: a fixed, well-mixed function of the id, so both sides agree on what to plant.
func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// The planted difference for an id: about 1 id in 1000.
enum Plant { case changedAmount, changedNote, missing, extra }

func plant(_ id: Int64) -> Plant? {
    let h = mix(UInt64(id))
    guard h % 1000 == 0 else { return nil }
    switch (h / 1000) % 4 {
    case 0: return .changedAmount
    case 1: return .changedNote
    case 2: return .missing
    default: return .extra
    }
}

/// Builds one side's rows, in ascending id order, the way a connector encodes them.
func generateSide(isTarget: Bool, rows: Int64) throws -> [CanonicalRow] {
    var rowEncoder = RowEncoder(initialCapacity: 256)
    var keyEncoder = KeyEncoder(initialCapacity: 16)
    let notes: [[UInt8]] = (0..<64).map { Array("note-\($0)-\(String(repeating: "x", count: $0 % 23))".utf8) }
    let cities: [[UInt8]] = ["Berlin", "Lisboa", "Montréal", "Zürich", "Osaka", "Nairobi", "Quito", "Perth"]
        .map { Array($0.utf8) }
    var result: [CanonicalRow] = []
    result.reserveCapacity(Int(rows))
    for id in 0..<rows {
        let planted = plant(id)
        if planted == .missing && isTarget { continue }
        if planted == .extra && !isTarget { continue }
        let change = isTarget ? planted : nil
        let h = mix(UInt64(id) ^ 0x5555)
        keyEncoder.reset()
        keyEncoder.appendInteger(id)
        rowEncoder.reset()
        rowEncoder.appendInteger(id)
        rowEncoder.appendInteger(Int64(Int32(truncatingIfNeeded: h)))
        let cents = Int64(h % 100_000_000) - 50_000_000 + (change == .changedAmount ? 1 : 0)
        try rowEncoder.appendDecimal(unscaled: cents, scale: 2)
        let note = notes[Int(h >> 8 & 63)]
        if h % 97 == 0 {
            rowEncoder.appendNull()
        } else if change == .changedNote {
            try (note + Array("!".utf8)).withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        } else {
            try note.withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        }
        rowEncoder.appendTimestamp(micros: 1_600_000_000_000_000 + Int64(h >> 20 & 0xFFFF_FFFF) * 1000)
        try cities[Int(h >> 40 & 7)].withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        rowEncoder.appendInteger(Int64(h >> 48 & 0xFFFF))
        rowEncoder.appendFloat(Double(h >> 11) / Double(1 << 53) * 1000)
        result.append(CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: rowEncoder.finish()))
    }
    return result
}

/// CPU time of the whole process (every thread), in seconds.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func format1(_ value: Double) -> String {
    let scaled = Int((value * 10).rounded())
    return "\(scaled / 10).\(abs(scaled % 10))"
}

let arguments = CommandLine.arguments
let rowsPerSide = arguments.count > 1 ? Int64(arguments[1]) ?? 1_000_000 : 1_000_000
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let columns = ["id", "qty", "amount", "note", "created_at", "city", "score", "ratio"]
let types: [RowProofCore.LogicalType] = [.decimal, .decimal, .decimal, .text, .timestamp, .text, .decimal, .float]

let sourceRows = try generateSide(isTarget: false, rows: rowsPerSide)
let targetRows = try generateSide(isTarget: true, rows: rowsPerSide)
let table = TableName(schema: "public", "orders")
let plan = ChunkPlan(
    jobID: "worker-benchmark", chunkID: 0, tableIndex: 0,
    source: ChunkPlan.Side(location: "memory:source", table: table, columns: columns, keyColumns: ["id"]),
    target: ChunkPlan.Side(location: "memory:target", table: table, columns: columns, keyColumns: ["id"]),
    columnTypes: types, columnNames: columns, range: KeyRange(), isKeyless: false, strategy: .rowhash,
    sampleModulus: 10_000, sampleThreshold: 100, differenceLimit: 100, tolerance: .exact
)
let processor = ChunkProcessor { side, _, _, name in
    let rows = side.location == "memory:source" ? sourceRows : targetRows
    return PipedRowStream(name: name) { writer in
        var stream = ArrayRowStream(rows)
        try writer.drain(&stream)
    }
}

print("WorkerBenchmark: \(rowsPerSide) ids per side, 8 columns, \(repetitions) runs")
var best = Double.infinity
var fingerprints: Set<String> = []
var last: ChunkResult?
for run in 1...repetitions {
    let cpuStart = processCPUSeconds()
    let wallStart = wallSeconds()
    let result = try processor.run(plan)
    let wall = wallSeconds() - wallStart
    let cpu = processCPUSeconds() - cpuStart
    let rows = Double(result.sourceRows + result.targetRows)
    let nanosPerRow = cpu / rows * 1e9
    best = min(best, nanosPerRow)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    fingerprints.insert(SHA256.hexDigest(try encoder.encode(result)))
    last = result
    print(
        "  run \(run)  cpu \(format1(nanosPerRow)) ns/row (all threads), wall \(Int(rows / wall)) rows/s, "
            + "cpu \(Int(rows / cpu)) rows/s"
    )
}
let result = last!
print(
    "  rows               source \(result.sourceRows), target \(result.targetRows), matched \(result.matchedRows), "
        + "changed \(result.changedRows), missing \(result.missingRows), extra \(result.extraRows)"
)
print("  best               \(format1(best)) ns/row of CPU, \(Int(1e9 / best)) rows/s per core")
print("  result fingerprint \(fingerprints.sorted().joined(separator: " "))")
if fingerprints.count != 1 {
    print("  NONDETERMINISTIC: runs gave different results")
    exit(1)
}
