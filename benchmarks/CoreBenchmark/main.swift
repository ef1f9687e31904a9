// Throughput of the per-row hot path: canonical encoding + XXH64 of a typical 8-column row,
// raw XXH64 over the same bytes, and the deterministic sampler. Build with `-c release`
// (benchmarks/core.sh); single-threaded, so the numbers are per core.
import Foundation
import RowProofCore

#if canImport(Glibc)
import Glibc
#endif

/// Pre-decoded inputs of one row, as a source hands them over after reading its wire format.
struct RowInput {
    var id: Int64            // bigint
    var quantity: Int64      // int
    var amountUnscaled: Int64 // numeric(12,2) as unscaled digits
    var nameStart: Int32     // text: slice of the shared UTF-8 pool
    var nameCount: Int32
    var createdMicros: Int64 // timestamptz
    var statusStart: Int32   // text
    var statusCount: Int32
    var version: Int64       // int
    var ratio: Double        // double precision
}

/// A small deterministic generator (SplitMix64) so every run encodes the same rows.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func makeInputs(count: Int) -> (rows: [RowInput], pool: [UInt8]) {
    var random = SplitMix64(state: 20_261_129)
    let firstNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]
    let lastNames = ["anderson", "brown", "clark", "davis", "evans", "fischer", "garcia", "hughes"]
    let statuses = ["pending", "shipped", "delivered", "cancelled", "returned"]
    var pool: [UInt8] = []
    var rows: [RowInput] = []
    rows.reserveCapacity(count)
    for index in 0..<count {
        let name = firstNames[Int(random.next() % 10)] + " " + lastNames[Int(random.next() % 8)] + " #\(random.next() % 100_000)"
        let nameStart = Int32(pool.count)
        pool.append(contentsOf: name.utf8)
        let status = statuses[Int(random.next() % 5)]
        let statusStart = Int32(pool.count)
        pool.append(contentsOf: status.utf8)
        rows.append(RowInput(
            id: 1_000_000 + Int64(index),
            quantity: Int64(random.next() % 1_000),
            amountUnscaled: Int64(random.next() % 10_000_000_000),
            nameStart: nameStart, nameCount: Int32(name.utf8.count),
            createdMicros: 1_700_000_000_000_000 + Int64(random.next() % 100_000_000_000_000),
            statusStart: statusStart, statusCount: Int32(status.utf8.count),
            version: Int64(random.next() % 20),
            ratio: Double(random.next() % 1_000_000) / 1_000.0
        ))
    }
    return (rows, pool)
}

/// One row through the hot path as the Postgres reader writes it (``RowEncoder/encodeRow(_:)``):
/// kept out of line so the measured loop holds exactly one copy of the per-row code.
@inline(never)
func encodeRow(_ row: RowInput, pool: UnsafeRawBufferPointer, into encoder: inout RowEncoder) throws(CanonicalError) -> UInt64 {
    try encoder.encodeRow { (writer) throws(CanonicalError) in
        writer.appendInteger(row.id)
        writer.appendInteger(row.quantity)
        try writer.appendDecimal(unscaled: row.amountUnscaled, scale: 2)
        try writer.appendText(utf8: UnsafeRawBufferPointer(rebasing: pool[Int(row.nameStart)..<Int(row.nameStart + row.nameCount)]))
        writer.appendTimestamp(micros: row.createdMicros)
        try writer.appendText(utf8: UnsafeRawBufferPointer(rebasing: pool[Int(row.statusStart)..<Int(row.statusStart + row.statusCount)]))
        writer.appendInteger(row.version)
        writer.appendFloat(row.ratio)
    }
}

/// The same row through the value-by-value API (`reset`, one `append…` per value, `finish`).
@inline(never)
func encodeValueByValue(_ row: RowInput, pool: UnsafeRawBufferPointer, into encoder: inout RowEncoder) throws(CanonicalError) -> UInt64 {
    encoder.reset()
    encoder.appendInteger(row.id)
    encoder.appendInteger(row.quantity)
    try encoder.appendDecimal(unscaled: row.amountUnscaled, scale: 2)
    try encoder.appendText(utf8: UnsafeRawBufferPointer(rebasing: pool[Int(row.nameStart)..<Int(row.nameStart + row.nameCount)]))
    encoder.appendTimestamp(micros: row.createdMicros)
    try encoder.appendText(utf8: UnsafeRawBufferPointer(rebasing: pool[Int(row.statusStart)..<Int(row.statusStart + row.statusCount)]))
    encoder.appendInteger(row.version)
    encoder.appendFloat(row.ratio)
    return encoder.finish()
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

/// Results of one benchmark run.
struct Measurements {
    var encode: Duration = .zero
    var encodeValues: Duration = .zero
    var raw: Duration = .zero
    var sampler: Duration = .zero
    var selected = 0
    var canonicalBytes = 0
    /// Sum of the row hashes of every measured pass, per path; the raw pass adds its own.
    var encodeChecksum: UInt64 = 0
    var valuesChecksum: UInt64 = 0
    var rawChecksum: UInt64 = 0
}

/// Encodes and hashes every row `passes` times (after one warm-up pass) with `path`; returns
/// the time of the measured passes and a checksum of the row hashes.
func measureEncode(
    _ inputs: [RowInput], pool: [UInt8], passes: Int,
    path: (RowInput, UnsafeRawBufferPointer, inout RowEncoder) throws(CanonicalError) -> UInt64
) throws(CanonicalError) -> (Duration, UInt64) {
    var encoder = RowEncoder()
    var checksum: UInt64 = 0
    let clock = ContinuousClock()
    let outcome = pool.withUnsafeBytes { pool in
        Result { () throws(CanonicalError) -> Duration in
            for row in inputs { checksum ^= try path(row, pool, &encoder) }
            let start = clock.now
            for _ in 0..<passes {
                for row in inputs { checksum &+= try path(row, pool, &encoder) }
            }
            return clock.now - start
        }
    }
    return (try outcome.get(), checksum)
}

/// Hashes the rows' canonical bytes, pre-built in one buffer, `passes` times.
func measureRawHash(_ inputs: [RowInput], pool: [UInt8], passes: Int, into results: inout Measurements) throws(CanonicalError) {
    var encoder = RowEncoder()
    var concatenated: [UInt8] = []
    var offsets: [Int] = [0]
    for row in inputs {
        let outcome = pool.withUnsafeBytes { pool in
            Result { () throws(CanonicalError) in try encodeRow(row, pool: pool, into: &encoder) }
        }
        _ = try outcome.get()
        encoder.withBytes { concatenated.append(contentsOf: $0) }
        offsets.append(concatenated.count)
    }
    results.canonicalBytes = concatenated.count
    var checksum: UInt64 = 0
    let clock = ContinuousClock()
    results.raw = concatenated.withUnsafeBytes { buffer in
        clock.measure {
            for _ in 0..<passes {
                for index in 0..<inputs.count {
                    checksum &+= XXH64.hash(UnsafeRawBufferPointer(rebasing: buffer[offsets[index]..<offsets[index + 1]]))
                }
            }
        }
    }
    results.rawChecksum = checksum
}

/// Encodes `count` sequential integer keys and samples them.
func measureSampler(_ sampler: Sampler, count: Int, into results: inout Measurements) {
    var keyEncoder = KeyEncoder()
    var selected = 0
    results.sampler = ContinuousClock().measure {
        for value in 0..<Int64(count) {
            keyEncoder.reset()
            keyEncoder.appendInteger(value)
            if keyEncoder.withBytes({ sampler.isSelected(key: $0) }) { selected += 1 }
        }
    }
    results.selected = selected
}

func run() throws(CanonicalError) {
    // "encode" (row writer), "values" (value-by-value API), "raw" or "sampler" when profiling.
    let only = ProcessInfo.processInfo.environment["ROWPROOF_BENCH_ONLY"]
    let distinctRows = 100_000
    let passes = Int(ProcessInfo.processInfo.environment["ROWPROOF_BENCH_PASSES"] ?? "") ?? 100  // fewer under valgrind
    let totalRows = distinctRows * passes
    let sampledKeys = 10_000_000
    let sampler = Sampler.default
    let (inputs, pool) = makeInputs(count: distinctRows)
    var results = Measurements()
    if only == nil || only == "encode" {
        (results.encode, results.encodeChecksum) = try measureEncode(inputs, pool: pool, passes: passes) { (row, pool, encoder) throws(CanonicalError) in
            try encodeRow(row, pool: pool, into: &encoder)
        }
    }
    if only == nil || only == "values" {
        (results.encodeValues, results.valuesChecksum) = try measureEncode(inputs, pool: pool, passes: passes) { (row, pool, encoder) throws(CanonicalError) in
            try encodeValueByValue(row, pool: pool, into: &encoder)
        }
    }
    if only == nil || only == "raw" { try measureRawHash(inputs, pool: pool, passes: passes, into: &results) }
    if only == nil || only == "sampler" { measureSampler(sampler, count: sampledKeys, into: &results) }
    if let only {
        let duration = switch only {
        case "sampler": results.sampler
        case "raw": results.raw
        case "values": results.encodeValues
        default: results.encode
        }
        let count = only == "sampler" ? sampledKeys : totalRows
        print(String(format: "partial run (%@): %.1f ns per row or key", only, seconds(duration) * 1e9 / Double(count)))
        return
    }

    let encodeRate = Double(totalRows) / seconds(results.encode)
    let valuesRate = Double(totalRows) / seconds(results.encodeValues)
    let rawRate = Double(totalRows) / seconds(results.raw)
    let samplerRate = Double(sampledKeys) / seconds(results.sampler)
    let measuredRate = Double(results.selected) / Double(sampledKeys)
    let averageRow = Double(results.canonicalBytes) / Double(distinctRows)

    print("rows: \(totalRows) (\(distinctRows) distinct x \(passes) passes), 8 columns, \(String(format: "%.1f", averageRow)) canonical bytes per row")
    print(String(format: "encode+hash: %.1f M rows/s (raw XXH64 of the same bytes %.1f M rows/s, ratio %.2f)", encodeRate / 1e6, rawRate / 1e6, encodeRate / rawRate))
    print(String(format: "encode+hash: %.1f ns/row, %.0f MB/s of canonical bytes", 1e9 / encodeRate, encodeRate * averageRow / 1e6))
    print(String(format: "encode+hash, value-by-value API: %.1f M rows/s, %.1f ns/row", valuesRate / 1e6, 1e9 / valuesRate))
    print(String(format: "sampler: %.2f M keys/s over %d sequential int keys; selected %.4f%% (K/M = %.4f%%, relative error %+.2f%%)",
                 samplerRate / 1e6, sampledKeys, measuredRate * 100, sampler.rate * 100, (measuredRate / sampler.rate - 1) * 100))
    print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))
    print("checksum: \(String(results.encodeChecksum ^ results.rawChecksum, radix: 16))")
    guard results.valuesChecksum == results.encodeChecksum else {
        print("the row writer and the value-by-value API gave different row hashes")
        exit(1)
    }
}

do {
    try run()
} catch {
    print("CoreBenchmark failed: \(error)")
    exit(1)
}
