import RowProofCore

// DiffBenchmark: the merge-join differ on two lazily generated 10M-row streams.
//
// Rows have the 8-column shape (bigint id, int, numeric(12,2), text, timestamptz, text, int,
// double), built with RowEncoder / KeyEncoder as a connector would. About 0.1% of the ids carry a
// planted difference (changed, missing or extra, mixed). The benchmark times generation alone,
// then generation plus merge-join (fastest of 3 each), and reports the merge-join's share; it checks that the
// differences found equal the differences planted and prints the peak RSS.
//
// Run: swift build -c release --scratch-path .build-bench-diff --product DiffBenchmark
//      .build-bench-diff/release/DiffBenchmark [rows]
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the generator planted, per kind.
struct Planted: Equatable {
    var changed = 0
    var missing = 0
    var extra = 0
}

/// SplitMix64: a fixed, well-mixed function of the id, so both sides agree on what to plant.
func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// The planted difference for `id`, if any: about 1 id in 1000.
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

/// One side's rows, generated on demand in ascending id order.
struct GeneratedSide: RowStream {
    let isTarget: Bool
    let rows: Int64
    private var id: Int64 = 0
    private var rowEncoder = RowEncoder(initialCapacity: 256)
    private var keyEncoder = KeyEncoder(initialCapacity: 16)
    private let notes: [[UInt8]] = (0..<64).map { Array("note-\($0)-\(String(repeating: "x", count: $0 % 23))".utf8) }
    private let cities: [[UInt8]] = ["Berlin", "Lisboa", "Montréal", "Zürich", "Osaka", "Nairobi", "Quito", "Perth"]
        .map { Array($0.utf8) }
    private(set) var planted = Planted()

    init(isTarget: Bool, rows: Int64) {
        self.isTarget = isTarget
        self.rows = rows
    }

    mutating func next() throws -> CanonicalRow? {
        while id < rows {
            let current = id
            id += 1
            let planted = plant(current)
            if planted == .missing && isTarget {
                self.planted.missing += 1
                continue
            }
            if planted == .extra && !isTarget {
                self.planted.extra += 1
                continue
            }
            if isTarget, planted == .changedAmount || planted == .changedNote { self.planted.changed += 1 }
            return try build(current, change: isTarget ? planted : nil)
        }
        return nil
    }

    private mutating func build(_ id: Int64, change: Plant?) throws -> CanonicalRow {
        let h = mix(UInt64(id) ^ 0x5555)
        keyEncoder.reset()
        keyEncoder.appendInteger(id)
        rowEncoder.reset()
        rowEncoder.appendInteger(id)
        rowEncoder.appendInteger(Int64(Int32(truncatingIfNeeded: h)))
        let cents = Int64(h % 100_000_000) - 50_000_000 + (change == .changedAmount ? 1 : 0)
        try rowEncoder.appendDecimal(unscaled: cents, scale: 2)
        let note = notes[Int(h >> 8 & 63)]
        if change == .changedNote {
            try (note + Array("!".utf8)).withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        } else {
            try note.withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        }
        rowEncoder.appendTimestamp(micros: 1_600_000_000_000_000 + Int64(h >> 20 & 0xFFFF_FFFF) * 1000)
        try cities[Int(h >> 40 & 7)].withUnsafeBytes { try rowEncoder.appendText(utf8: $0) }
        rowEncoder.appendInteger(Int64(h >> 48 & 0xFFFF))
        rowEncoder.appendFloat(Double(h >> 11) / Double(1 << 53) * 1000)
        return CanonicalRow(key: keyEncoder.bytes, bytes: rowEncoder.bytes, hash: rowEncoder.finish())
    }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #else
        getrusage(RUSAGE_SELF.rawValue, &usage)  // Glibc imports RUSAGE_SELF as an enum case
        return Double(usage.ru_maxrss) / 1024
    #endif
}

func seconds(_ duration: Duration) -> Double {
    let (s, attoseconds) = duration.components
    return Double(s) + Double(attoseconds) / 1e18
}

func format3(_ value: Double) -> String {
    let scaled = (value * 1000).rounded()
    let whole = Int(scaled) / 1000
    let fraction = Int(scaled.magnitude) % 1000
    return "\(whole).\(String(repeating: "0", count: 3 - String(fraction).count))\(fraction)"
}

let rows = CommandLine.arguments.count > 1 ? Int64(CommandLine.arguments[1]) ?? 10_000_000 : 10_000_000
let columns = ["id", "qty", "amount", "note", "created_at", "city", "score", "ratio"]
let clock = ContinuousClock()

// 1. Generation alone: both sides, rows built and dropped, interleaved as the merge-join reads them.
// 2. Generation plus merge-join. Each is measured three times, alternating, and the fastest run of
//    each counts: the merge-join's time is the difference, so both must see the same machine state.
var generatedRows = 0
var generation = Duration.seconds(1_000_000)
var total = Duration.seconds(1_000_000)
var summary: DiffSummary?
var sinkCount = 0
var lastSource = GeneratedSide(isTarget: false, rows: rows)
var lastTarget = GeneratedSide(isTarget: true, rows: rows)
let differ = try MergeDiffer(configuration: DiffConfiguration(columnNames: columns, sampleLimit: 100))
for _ in 0..<3 {
    var generationOnlySource = GeneratedSide(isTarget: false, rows: rows)
    var generationOnlyTarget = GeneratedSide(isTarget: true, rows: rows)
    var count = 0
    generation = min(generation, try clock.measure {
        var sourceDone = false
        var targetDone = false
        while !sourceDone || !targetDone {
            if !sourceDone { if try generationOnlySource.next() != nil { count += 1 } else { sourceDone = true } }
            if !targetDone { if try generationOnlyTarget.next() != nil { count += 1 } else { targetDone = true } }
        }
    })
    generatedRows = count

    var source = GeneratedSide(isTarget: false, rows: rows)
    var target = GeneratedSide(isTarget: true, rows: rows)
    var sunk = 0
    total = min(total, try clock.measure {
        summary = try differ.diff(source: &source, target: &target) { _ in sunk += 1 }
    })
    sinkCount = sunk
    lastSource = source
    lastTarget = target
}
let result = summary!
let source = lastSource
let target = lastTarget

let planted = Planted(
    changed: target.planted.changed,
    missing: target.planted.missing,
    extra: source.planted.extra
)
let found = Planted(changed: result.changedRows, missing: result.missingRows, extra: result.extraRows)
let rowsCompared = result.sourceRows + result.targetRows
let mergeSeconds = seconds(total) - seconds(generation)

print("DiffBenchmark: \(rows) ids per side, 8 columns")
print("  rows read          source \(result.sourceRows), target \(result.targetRows), matched \(result.matchedRows)")
print("  generation only    \(format3(seconds(generation))) s for \(generatedRows) rows")
print("  generation + diff  \(format3(seconds(total))) s")
if mergeSeconds > 0.05 * seconds(total) {
    print(
        "  merge-join         \(format3(mergeSeconds)) s -> \(Int(Double(rowsCompared) / mergeSeconds)) rows/s "
            + "(both sides' rows / merge-join time; fastest of 3 runs each)"
    )
} else {
    print("  merge-join         below this measurement's noise (under 5% of generation + diff); run again on a quiet machine")
}
print("  end to end         \(Int(Double(rowsCompared) / seconds(total))) rows/s including generation")
print("  planted            changed \(planted.changed), missing \(planted.missing), extra \(planted.extra)")
print(
    "  found              changed \(found.changed), missing \(found.missing), extra \(found.extra), "
        + "within tolerance \(result.withinToleranceRows), duplicates \(result.duplicateRows), sink saw \(sinkCount)"
)
print("  kept in summary    \(result.samples.values.map(\.count).reduce(0, +)) differences (cap 100 per kind)")
print("  peak RSS           \(format3(peakRSSMegabytes())) MB")
let exact =
    planted == found && result.withinToleranceRows == 0 && result.duplicateRows == 0
    && sinkCount == found.changed + found.missing + found.extra
print(
    exact ? "  result             found == planted (exact)" : "  result             MISMATCH between found and planted"
)
if !exact { exit(1) }
