import Foundation
import RowProofTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A real `rowproof serve` process on loopback, with a tokens file holding one token per role.
final class ServerProcess {
    static let tokens = ["submitter": "tok-submitter-5d1f", "approver": "tok-approver-93ab", "admin": "tok-admin-c07e"]

    let folder: URL
    let port: Int
    let arguments: [String]
    private var process: Process?

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Prepares a server in a fresh folder; `start()` runs it.
    init(workers: Int = 1, maxConcurrentJobs: Int = 2, extra: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-server-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let entries = Self.tokens.sorted { $0.key < $1.key }.map { role, token in
            "  - name: \(role)-token\n    role: \(role)\n    sha256: \(Self.sha256Hex(token))\n"
        }
        let tokensFile = folder.appendingPathComponent("tokens.yaml")
        try Data(("tokens:\n" + entries.joined()).utf8).write(to: tokensFile)
        port = try Self.freePort()
        arguments =
            [
                "serve", "--http", "127.0.0.1:\(port)", "--data-dir", folder.appendingPathComponent("data").path,
                "--tokens", tokensFile.path, "--workers", "\(workers)", "--max-concurrent-jobs", "\(maxConcurrentJobs)",
            ] + extra
    }

    /// Starts the process and waits until `/healthz` answers, polling up to 600 times.
    ///
    /// Waits here count polls, not seconds: when the suite keeps the machine busy, a test task may
    /// be resumed seconds late, and a clock deadline would then fail a server that is up.
    func start() async throws {
        let process = Process()
        process.executableURL = TestEnvironment.rowproofExecutable
        process.arguments = arguments
        let log = folder.appendingPathComponent("server-\(Date().timeIntervalSince1970).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
        for _ in 0..<600 {
            if let answer = try? await HTTPCall.send("GET", baseURL.appendingPathComponent("healthz")),
                answer.status == 200
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestFailure("the server did not come up on port \(port): \(output)")
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    func kill() {
        guard let process else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Stops the server (SIGTERM) and removes its folder.
    func stop() {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        process = nil
        try? FileManager.default.removeItem(at: folder)
    }

    func url(_ path: String) -> URL { URL(string: path, relativeTo: baseURL)!.absoluteURL }

    /// Polls job `id` until it is final, returning its record; gives up after `timeout` seconds
    /// of polling (the time spent waiting between polls, as `start()` counts).
    func waitForJob(_ id: String, timeout: Double = 90) async throws -> [String: Any] {
        for _ in 0..<Int(timeout * 4) {
            let answer = try await HTTPCall.send("GET", url("/v1/jobs/\(id)"), token: Self.tokens["approver"])
            if let json = answer.json, let state = json["state"] as? String,
                ["succeeded", "failed", "cancelled"].contains(state)
            {
                return json
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw TestFailure("job \(id) did not finish in \(Int(timeout * 4)) polls")
    }

    static func sha256Hex(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// A TCP port nothing listens on right now (bound to port 0, read back, closed).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw TestFailure("bind() failed") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A test precondition that did not hold, with what was seen.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
