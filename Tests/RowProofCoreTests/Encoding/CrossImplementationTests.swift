import RowProofCore
import RowProofCrypto
import RowProofTestSupport
import Testing

/// Swift against the independent Python reference on 10 000 random rows (every type, NFD text,
/// JSON, arrays, specials). Runs when `ROWPROOF_TEST_PYTHON` names a Python with `xxhash`.
@Suite(.enabled(if: TestEnvironment.python != nil, "set ROWPROOF_TEST_PYTHON to a Python with the xxhash package"))
struct CrossImplementationTests {
    static let seed = 20_261_129
    static let rowCount = 10_000

    @Test func randomRowsAgreeByteForByte() throws {
        let python = try #require(TestEnvironment.python)
        let rows = try RandomRow.generate(python: python, seed: Self.seed, count: Self.rowCount)
        try #require(
            rows.count == Self.rowCount,
            "random_rows.py printed \(rows.count) rows, expected \(Self.rowCount)"
        )

        var encoder = RowEncoder()
        var keys = 0
        for (index, row) in rows.enumerated() {
            encoder.reset()
            for value in row.values { try value.append(to: &encoder) }
            let bytes = encoder.bytes
            if let mismatch = row.firstMismatch(actual: bytes) {
                Issue.record("row \(index) (seed \(Self.seed)): canonical bytes differ at \(mismatch)")
                return
            }
            let hash = hex64(encoder.finish())
            guard hash == row.rowHash else {
                Issue.record("row \(index): row hash \(hash) but the reference says \(row.rowHash)")
                return
            }
            if let keyHex = row.keyHex {
                keys += 1
                let key = try [row.values[0]].encodedKey(arity: 1)
                guard Hex.encode(key) == keyHex else {
                    Issue.record(
                        "row \(index): key \(Hex.encode(key)) but the reference says \(keyHex) for \(row.values[0])"
                    )
                    return
                }
                let sample = String(Sampler.sampleValue(key: key))
                guard sample == row.sampleU64 else {
                    Issue.record(
                        "row \(index): sample value \(sample) but the reference says \(row.sampleU64 ?? "nil")"
                    )
                    return
                }
            }
        }
        // Most rows start with a key-able value; a handful of keys would mean a broken generator.
        #expect(keys > Self.rowCount / 2, "only \(keys) rows carried a key")
    }

    @Test func hundredRunsOverTheSameRowsGiveIdenticalHashes() throws {
        let python = try #require(TestEnvironment.python)
        let rows = try RandomRow.generate(python: python, seed: Self.seed, count: 500)
        var encoder = RowEncoder()
        func hashes() throws -> [UInt64] {
            try rows.map { row in
                encoder.reset()
                for value in row.values { try value.append(to: &encoder) }
                return encoder.finish()
            }
        }
        let first = try hashes()
        #expect(first.map(hex64) == rows.map(\.rowHash))
        for run in 2...100 {
            let again = try hashes()
            guard again == first else {
                Issue.record("run \(run) differs from run 1")
                return
            }
        }
    }
}
