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
// A third argument `peer` switches to the shape of the recon benchmark's data set (the
// `gen_orders` rows of ../shared/benchmarks/peer_dataset.sql: ids in order, notes that share
// long prefixes, a float that rises within blocks of 100,000 ids), so a worker's cost on that
// data can be studied without a database.
//
// A third argument `aggregate` times only the column aggregates (`TableAggregate.add`) over the
// source side of the peer shape, the per-row work a worker does once per pair of matching rows,
// and prints a fingerprint of the aggregate so a change can be checked to leave it byte-identical.
//
// Run: swift build -c release --scratch-path .build-perf --product WorkerBenchmark
//      .build-perf/release/WorkerBenchmark [rows per side] [repetitions] [mixed|peer|aggregate]

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

/// One side of the peer data set's shape: id, customer_id, amount numeric(12,2), status,
/// created_at, note (`order <id> <16 hex digits>`), qty, price; the same plants as `generateSide`.
func generatePeerSide(isTarget: Bool, rows: Int64) throws -> [CanonicalRow] {
    var rowEncoder = RowEncoder(initialCapacity: 256)
    var keyEncoder = KeyEncoder(initialCapacity: 16)
    let statuses = ["new", "paid", "shipped", "delivered", "cancelled", "refunded"].map { Array($0.utf8) }
    var result: [CanonicalRow] = []
    result.reserveCapacity(Int(rows))
    for id in 1...rows {
        let planted = plant(id)
        if planted == .missing && isTarget { continue }
        if planted == .extra && !isTarget { continue }
        let change = isTarget ? planted : nil
        keyEncoder.reset()
        keyEncoder.appendInteger(id)
        rowEncoder.reset()
        rowEncoder.appendInteger(id)
        rowEncoder.appendInteger(1 + (id * 7919) % 250_000)
        try rowEncoder.appendDecimal(unscaled: (id * 37) % 1_000_000 + (change == .changedAmount ? 100 : 0), scale: 2)
        try statuses[Int(id % 6)].withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        rowEncoder.appendTimestamp(micros: 1_577_836_800_000_000 + id * 3_000_000 + (id % 1000) * 1000)
        let hex = String(mix(UInt64(id)) >> 1 | 1 << 62, radix: 16).prefix(16)
        let note = "order \(id) \(hex)" + (change == .changedNote ? "!" : "")
        try Array(note.utf8).withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        rowEncoder.appendInteger(1 + id % 50)
        rowEncoder.appendFloat(Double(id % 100_000) / 7.0)
        result.append(CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: rowEncoder.finish()))
    }
    return result
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
let aggregateOnly = arguments.count > 3 && arguments[3] == "aggregate"
let peerShape = arguments.count > 3 && (arguments[3] == "peer" || aggregateOnly)
let columns =
    peerShape
    ? ["id", "customer_id", "amount", "status", "created_at", "note", "qty", "price"]
    : ["id", "qty", "amount", "note", "created_at", "city", "score", "ratio"]
let types: [RowProofCore.LogicalType] =
    peerShape
    ? [.decimal, .decimal, .decimal, .text, .timestamp, .text, .decimal, .float]
    : [.decimal, .decimal, .decimal, .text, .timestamp, .text, .decimal, .float]

let generate = peerShape ? generatePeerSide : generateSide
if aggregateOnly {
    let rows = try generatePeerSide(isTarget: false, rows: rowsPerSide)
    print("WorkerBenchmark: column aggregates of \(rows.count) rows, 8 columns (peer shape), \(repetitions) runs")
    var best = Double.infinity
    var fingerprints: Set<String> = []
    for run in 1...repetitions {
        var aggregate = TableAggregate(columnNames: columns)
        let cpuStart = processCPUSeconds()
        for row in rows { try aggregate.add(row) }
        let nanosPerRow = (processCPUSeconds() - cpuStart) / Double(rows.count) * 1e9
        best = min(best, nanosPerRow)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        fingerprints.insert(SHA256.hexDigest(try encoder.encode(aggregate)))
        print("  run \(run)  cpu \(format1(nanosPerRow)) ns/row")
    }
    print("  best               \(format1(best)) ns/row of CPU")
    print("  aggregate fingerprint \(fingerprints.sorted().joined(separator: " "))")
    exit(fingerprints.count == 1 ? 0 : 1)
}
let sourceRows = try generate(false, rowsPerSide)
let targetRows = try generate(true, rowsPerSide)
let table = TableName(schema: "public", "orders")
let plan = ChunkPlan(
    jobID: "worker-benchmark",
    chunkID: 0,
    tableIndex: 0,
    source: ChunkPlan.Side(location: "memory:source", table: table, columns: columns, keyColumns: ["id"]),
    target: ChunkPlan.Side(location: "memory:target", table: table, columns: columns, keyColumns: ["id"]),
    columnTypes: types,
    columnNames: columns,
    range: KeyRange(),
    isKeyless: false,
    strategy: .rowhash,
    sampleModulus: 10_000,
    sampleThreshold: 100,
    differenceLimit: 100,
    tolerance: .exact
)
let processor = ChunkProcessor { side, _, _, name in
    let rows = side.location == "memory:source" ? sourceRows : targetRows
    return PipedRowStream(name: name) { writer in
        var stream = ArrayRowStream(rows)
        try writer.drain(&stream)
    }
}

print(
    "WorkerBenchmark: \(rowsPerSide) ids per side, 8 columns (\(peerShape ? "peer" : "mixed") shape), \(repetitions) runs"
)
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
