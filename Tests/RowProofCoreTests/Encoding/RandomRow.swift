import Foundation
import RowProofCore
import RowProofCrypto
import RowProofTestSupport

/// One line of `Tests/reference/random_rows.py`: values with the reference's expected results.
struct RandomRow: Decodable {
    var values: [VectorValue]
    var canonicalHex: String
    var rowHash: String
    var keyHex: String?
    var sampleU64: String?

    enum CodingKeys: String, CodingKey {
        case values
        case canonicalHex = "canonical_hex"
        case rowHash = "row_hash"
        case keyHex = "key_hex"
        case sampleU64 = "sample_u64"
    }

    /// Runs the reference generator with `python` and decodes every line it prints.
    static func generate(python: String, seed: Int, count: Int) throws -> [RandomRow] {
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("Tests/reference/random_rows.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--seed", String(seed), "--count", String(count)]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw VectorFormatError("random_rows.py exited with \(process.terminationStatus): \(errorText)")
        }
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            try decoder.decode(RandomRow.self, from: Data(line))
        }
    }

    /// Splits canonical row bytes into each value's full encoding (tag, length, payload).
    static func valueEncodings(_ bytes: [UInt8]) -> [[UInt8]] {
        var encodings: [[UInt8]] = []
        var offset = 0
        while offset + 5 <= bytes.count {
            let length = bytes[offset + 1..<offset + 5].reduce(0) { $0 << 8 | Int($1) }
            let end = min(bytes.count, offset + 5 + length)
            encodings.append(Array(bytes[offset..<end]))
            offset = end
        }
        return encodings
    }

    /// Describes the first column whose encoding differs from the reference's, or `nil`.
    func firstMismatch(actual: [UInt8]) -> String? {
        guard let expected = Hex.decode(canonicalHex) else { return "the reference's canonical_hex is not hex" }
        if expected == actual { return nil }
        let expectedValues = Self.valueEncodings(expected)
        let actualValues = Self.valueEncodings(actual)
        for column in 0..<max(expectedValues.count, actualValues.count) {
            let wanted = column < expectedValues.count ? Hex.encode(expectedValues[column]) : "(none)"
            let got = column < actualValues.count ? Hex.encode(actualValues[column]) : "(none)"
            if wanted != got {
                let input = column < values.count ? "\(values[column])" : "(no input)"
                return "column \(column): input \(input)\n  reference \(wanted)\n  swift     \(got)"
            }
        }
        return "the encodings differ in framing only"
    }
}
