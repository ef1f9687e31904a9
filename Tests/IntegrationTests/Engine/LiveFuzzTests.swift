import Foundation
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofTestSupport
import RowProofWire
import Synchronization
import Testing

/// Garbage on the wire, live: 50,000 fuzzed frames into a running coordinator during a job and
/// 50,000 into a running worker process. Neither crashes, and the job's report is still exact.
@Suite(.enabled(if: TestEnvironment.postgresURL != nil, "set ROWPROOF_TEST_POSTGRES_URL to run"), .serialized)
struct LiveFuzzTests {
    static func fuzzedFrames(count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let valid: [[UInt8]] = [
            WireCodec.encode(.ready(Ready(workerID: "fuzz", credits: 1))),
            WireCodec.encode(.heartbeat(Heartbeat(sequence: 1, activeLeases: [1, 2]))),
            WireCodec.encode(.result(ChunkResultFrame(leaseID: 1, compressed: [4, 34, 77, 24, 1, 2]))),
            WireCodec.encode(.failure(LeaseFailure(leaseID: 77, isRetryable: true, message: "x"))),
            WireCodec.encode(
                .lease(
                    Lease(leaseID: 9, attempt: 1, plan: Array("{}".utf8), keyID: "k", signature: [1], leaseSeconds: 1)
                )
            ),
        ]
        return (0..<count).map { index in
            var frame = valid[Int(next() % UInt64(valid.count))]
            switch index % 4 {
            case 0: frame = (0..<Int(next() % 48)).map { _ in UInt8(truncatingIfNeeded: next()) }
            case 1: frame = Array(frame.prefix(Int(next() % UInt64(frame.count))))
            case 2: frame[Int(next() % UInt64(frame.count))] ^= UInt8(1 << (next() % 8))
            default: if frame.count > 8 { frame.replaceSubrange(4..<8, with: [0xFF, 0xFF, 0xFF, 0xF0]) }
            }
            return frame
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func fuzzedFramesDuringAJobLeaveTheReportExact() async throws {
        let fixture = try EngineFixture()
        let context = try ZMQContext()
        defer { context.terminate() }
        let sent = SentCounter()
        let report = try await EngineFixture.run(
            fixture.job(name: "fuzz"),
            workers: 2,
            output: EngineFixture.temporaryFolder("fuzz"),
            onEndpoint: { endpoint, _ in
                // A hostile peer floods the coordinator while the real workers do the job.
                let frames = Self.fuzzedFrames(count: 50_000, seed: 7)
                let thread = Thread {
                    guard let socket = try? ZMQSocket(context: context, type: .dealer) else { return }
                    defer { socket.close() }
                    try? socket.setIdentity(Array("fuzzer".utf8))
                    try? socket.connect(endpoint)
                    for frame in frames where (try? socket.send([frame])) != nil { sent.add() }
                }
                thread.start()
            }
        )
        try await Task.sleep(for: .milliseconds(200))
        #expect(sent.value > 0)
        for table in report.tables {
            let expected = try #require(EngineFixture.expected[table.sourceTable])
            #expect(
                table.counts.changed == expected.changed && table.counts.missing == expected.missing
                    && table.counts.extra == expected.extra && table.counts.duplicateKeys == expected.duplicates,
                "\(table.sourceTable)"
            )
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aWorkerProcessSurvivesFiftyThousandFuzzedFrames() async throws {
        let context = try ZMQContext()
        let router = try SocketLoop(context: context, type: .router, attachment: .bind("tcp://127.0.0.1:*"))
        defer {
            router.shutdown()
            context.terminate()
        }
        let folder = EngineFixture.temporaryFolder("fuzz-worker")
        let keyFile = folder.appendingPathComponent("k.pub")
        try Data(try Ed25519PrivateKey.generate().publicKey.pemRepresentation.utf8).write(to: keyFile)
        let worker = Process()
        worker.executableURL = TestEnvironment.rowproofExecutable
        worker.arguments = [
            "worker", "--connect", router.endpoint, "--trust-key", "coordinator=\(keyFile.path)", "--worker-id",
            "target",
        ]
        worker.standardOutput = FileHandle.nullDevice
        worker.standardError = FileHandle.nullDevice
        try worker.run()
        defer {
            if worker.isRunning { worker.terminate() }
            worker.waitUntilExit()
        }
        var iterator = router.messages().makeAsyncIterator()
        let hello = try #require(await iterator.next())
        let identity = hello[0]
        for frame in Self.fuzzedFrames(count: 50_000, seed: 11) { router.send([identity, frame]) }
        // A lease signed by nobody it trusts: refused with a failure message, not a crash. While a
        // fuzzed lease is still being refused the worker answers "busy"; then the lease is sent again.
        let bogus = WireCodec.encode(
            .lease(
                Lease(
                    leaseID: 4242,
                    attempt: 1,
                    plan: Array("{}".utf8),
                    keyID: "coordinator",
                    signature: [UInt8](repeating: 1, count: 64),
                    leaseSeconds: 5
                )
            )
        )
        router.send([identity, bogus])
        var sawRefusal = false
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !sawRefusal, let message = await iterator.next() {
            guard case .failure(let failure)? = try? WireCodec.decode(message[1]), failure.leaseID == 4242 else {
                continue
            }
            if failure.isRetryable {
                router.send([identity, bogus])
            } else {
                sawRefusal = failure.message.contains("signature")
            }
        }
        #expect(sawRefusal)
        #expect(worker.isRunning)
    }
}

/// Counts frames sent by the fuzzing thread.
final class SentCounter: Sendable {
    private let count = Mutex<Int>(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
