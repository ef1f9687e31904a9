import Foundation
import Testing

@testable import RowProofGovernance

@Suite struct TarArchiveTests {
    @Test func entriesRoundTripIncludingLongPathsAndBlockBoundaries() throws {
        let long = String(repeating: "folder/", count: 20) + "report.json"
        let entries = [
            TarEntry(path: "pack/a.txt", contents: Array("a".utf8)),
            TarEntry(path: "pack/exact.bin", contents: [UInt8](repeating: 7, count: 512)),
            TarEntry(path: "pack/empty", contents: []),
            TarEntry(path: "pack/" + long, contents: Array("long".utf8)),
        ]
        let archive = try TarArchive.write(entries, modificationTime: 1_700_000_000)
        #expect(archive.count % 512 == 0)
        #expect(try TarArchive.read(archive) == entries)
    }

    @Test func aPathTooLongForUstarIsRefused() {
        let name = String(repeating: "x", count: 120)
        #expect(throws: EvidenceError.self) {
            try TarArchive.write([TarEntry(path: name, contents: [])], modificationTime: 0)
        }
    }

    @Test func aDamagedHeaderIsNamed() throws {
        var archive = try TarArchive.write([TarEntry(path: "pack/a.txt", contents: [1])], modificationTime: 0)
        archive[3] ^= 0x20
        let error = #expect(throws: EvidenceError.self) { try TarArchive.read(archive) }
        #expect(error?.message.contains("bad checksum") == true)
    }

    @Test func systemTarListsAndExtractsTheArchive() throws {
        let folder = try temporaryFolder()
        let entries = [
            TarEntry(path: "pack/one.txt", contents: Array("one\n".utf8)),
            TarEntry(path: "pack/sub/two.txt", contents: Array("two\n".utf8)),
        ]
        let file = folder.appendingPathComponent("t.tar.gz")
        try Data(Gzip.compressStored(try TarArchive.write(entries, modificationTime: 1_700_000_000))).write(to: file)
        let listing = try runTool("/bin/sh", ["-c", "tar -tzf '\(file.path)'"]).split(separator: "\n").map(String.init)
        #expect(listing == ["pack/one.txt", "pack/sub/two.txt"])
        try runTool("/bin/sh", ["-c", "tar -xzf '\(file.path)'"], in: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent("pack/sub/two.txt"), encoding: .utf8) == "two\n")
    }
}
