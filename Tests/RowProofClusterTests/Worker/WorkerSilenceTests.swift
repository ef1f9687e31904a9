import Foundation
import Logging
import RowProofCluster
import RowProofWire
import Testing

/// A worker that hears nothing from its coordinator (a wrong endpoint, a coordinator that is not
/// running, a CURVE key the coordinator refuses) must say so, not wait in silence.
@Suite struct WorkerSilenceTests {
    /// A loopback endpoint nothing listens on: a port bound and released.
    static func deadEndpoint() throws -> String {
        let context = try ZMQContext()
        let loop = try SocketLoop(context: context, type: .router, attachment: .bind("tcp://127.0.0.1:*"))
        let endpoint = loop.endpoint
        loop.shutdown()
        context.terminate()
        return endpoint
    }

    static func worker(endpoint: String, security: CurveSecurity? = nil) -> WorkerService {
        var configuration = WorkerService.Configuration(
            endpoint: endpoint,
            workerID: "silence-test",
            trustedKeys: TrustedKeys([:]),
            security: security,
            heartbeatInterval: 0.2,
            coordinatorTimeout: 3
        )
        configuration.silenceWarningSeconds = 1
        return WorkerService(
            configuration: configuration,
            processor: ChunkProcessor(startScan: SourceAccess.scanStarter(), openPair: SourceAccess.pairOpener())
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func aWorkerWithNoCoordinatorWarnsOnceNamingTheEndpoint() async throws {
        let endpoint = try Self.deadEndpoint()
        let logs = CapturedLogs()
        await #expect(throws: (any Error).self) {
            try await Self.worker(endpoint: endpoint).run(logger: logs.logger(level: .warning))
        }
        let warnings = logs.records.filter { $0.message == "worker.coordinator.silent" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.level == .warning)
        #expect(warning.metadata["endpoint"] == endpoint)
        #expect(warning.metadata["hint"]?.contains("check that a coordinator is running") == true)
        #expect(warning.metadata["hint"]?.contains("exits after 3 s") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func aWorkerRefusedByCurveIsToldWhatToCheckAndTheCoordinatorLogsItsKey() async throws {
        let serverKeys = try CurveKeyPair.generate()
        let allowed = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let coordinatorLogs = CapturedLogs()
        let context = try ZMQContext()
        let coordinator = Coordinator(
            configuration: .init(
                bind: "tcp://127.0.0.1:*",
                security: .server(keys: serverKeys, allowedClientKeys: [allowed.publicKey])
            ),
            store: try SQLiteJobStore(
                path: FileManager.default.temporaryDirectory
                    .appendingPathComponent("refusal-\(UUID().uuidString).sqlite").path
            )
        )
        let loop = try coordinator.bind(context: context, logger: coordinatorLogs.logger(level: .warning))
        defer {
            loop.shutdown()
            context.terminate()
        }
        let workerLogs = CapturedLogs()
        await #expect(throws: (any Error).self) {
            try await Self.worker(
                endpoint: loop.endpoint,
                security: .client(keys: stranger, serverPublicKey: serverKeys.publicKey)
            ).run(logger: workerLogs.logger(level: .warning))
        }
        let hint = try #require(
            workerLogs.records.first { $0.message == "worker.coordinator.silent" }?.metadata["hint"]
        )
        #expect(hint.contains("--curve-allow"))
        // The worker retried its handshake several times; the coordinator logged the key once.
        let refusals = coordinatorLogs.records.filter { $0.message == "coordinator.worker.refused" }
        #expect(refusals.count == 1)
        #expect(refusals.first?.metadata["curve_public_key"] == stranger.publicKey)
    }
}
