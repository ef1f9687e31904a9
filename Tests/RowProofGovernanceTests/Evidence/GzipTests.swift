import Foundation
import Testing

@testable import RowProofGovernance

@Suite struct GzipTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func storedStreamRoundTripsAcrossSeveralBlocks() throws {
        let input = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let packed = Gzip.compressStored(input)
        #expect(packed.count == input.count + 10 + 8 + 4 * 5)  // header, trailer, 4 blocks of 5 header bytes
        #expect(try Gzip.decompressStored(packed) == input)
    }

    @Test func emptyInputIsOneFinalEmptyBlock() throws {
        #expect(try Gzip.decompressStored(Gzip.compressStored([])) == [])
    }

    @Test func aDamagedByteFailsTheCRC() throws {
        var packed = Gzip.compressStored(Array("evidence".utf8))
        packed[packed.count - 10] ^= 0x01
        let error = #expect(throws: EvidenceError.self) { try Gzip.decompressStored(packed) }
        #expect(error?.code == .unreadableArchive)
        #expect(error?.message.contains("CRC-32") == true)
    }

    @Test func systemGzipReadsTheStream() throws {
        let folder = try temporaryFolder()
        let input = Array("stored blocks are valid deflate\n".utf8)
        let file = folder.appendingPathComponent("x.gz")
        try Data(Gzip.compressStored(input)).write(to: file)
        let output = try runTool("/bin/sh", ["-c", "gzip -dc '\(file.path)'"])
        #expect(Array(output.utf8) == input)
    }

    @Test func compressedStreamsFromGzipAreRefusedClearly() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("y.txt")
        try Data(String(repeating: "compress me ", count: 100).utf8).write(to: file)
        _ = try runTool("/bin/sh", ["-c", "gzip -k '\(file.path)'"])
        let packed = Array(try Data(contentsOf: folder.appendingPathComponent("y.txt.gz")))
        let error = #expect(throws: EvidenceError.self) { try Gzip.decompressStored(packed) }
        #expect(error?.code == .unsupportedArchive)
        #expect(error?.message.contains("tar -xzf") == true)
    }
}

/// A fresh folder under the system temporary directory.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rowproof-govops-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a tool and returns its standard output; throws when it exits non-zero.
@discardableResult
func runTool(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(
            description:
                "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))"
        )
    }
    return String(decoding: data, as: UTF8.self)
}

struct ToolFailure: Error, CustomStringConvertible {
    var description: String
}
