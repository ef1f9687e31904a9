import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofCrypto
import RowProofWire

extension RowProofCommand {
    struct Worker: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a worker that compares chunks for a coordinator.",
            discussion: """
                Workers join and leave at any time; start as many as you like, on any machine that can reach \
                both databases and the coordinator. A worker runs only plans signed by a key it trusts.

                A worker compares one chunk at a time; with Postgres on both sides it reads both on one \
                thread and keeps about one core busy, so start about one worker per core.

                Example:
                  rowproof worker --connect tcp://coordinator:5555 --trust-key prod=/etc/rowproof/coordinator.pub
                """
        )

        @Option(help: "The coordinator's endpoint, e.g. tcp://10.0.0.5:5555.")
        var connect: String

        @Option(
            name: .customLong("trust-key"),
            help: ArgumentHelp(
                "A coordinator key this worker trusts, as KEY_ID=PATH to an Ed25519 public key (PEM). Repeatable.",
                valueName: "id=path"
            )
        )
        var trustKeys: [String] = []

        @Option(name: .customLong("worker-id"), help: "Name in logs and reports (default: host:pid).")
        var workerID: String?

        @Option(
            name: .customLong("coordinator-timeout"),
            help: "Exit after this many seconds without hearing from the coordinator (0: never)."
        )
        var coordinatorTimeout: Double = 0

        @Option(
            name: .customLong("curve-keys"),
            help:
                "This worker's CURVE key pair (JSON from `rowproof keygen --curve`), to talk to a coordinator that requires encryption."
        )
        var curveKeys: String?

        @Option(name: .customLong("curve-server-key"), help: "The coordinator's CURVE public key (Z85, 40 characters).")
        var curveServerKey: String?

        @Flag(name: .customLong("exit-with-parent"), help: "Exit when the process that started this worker exits.")
        var exitWithParent = false

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard connect.hasPrefix("tcp://") || connect.hasPrefix("ipc://") else {
                throw ValidationError("--connect must be a tcp:// or ipc:// endpoint, e.g. tcp://127.0.0.1:5555")
            }
            guard !trustKeys.isEmpty else {
                throw ValidationError(
                    "give at least one --trust-key ID=PATH: a worker runs only plans signed by a trusted key"
                )
            }
            if (curveKeys == nil) != (curveServerKey == nil) {
                throw ValidationError("--curve-keys and --curve-server-key go together")
            }
            if let curveServerKey, curveServerKey.utf8.count != 40 {
                throw ValidationError(
                    "--curve-server-key: expected the coordinator's CURVE public key, 40 Z85 characters (got \(curveServerKey.utf8.count))"
                )
            }
            guard coordinatorTimeout >= 0 else {
                throw ValidationError("--coordinator-timeout \(coordinatorTimeout): use 0 (never) or more seconds")
            }
            for entry in trustKeys where !entry.contains("=") {
                throw ValidationError("--trust-key \(entry): expected KEY_ID=PATH")
            }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            var keys: [String: Ed25519PublicKey] = [:]
            for entry in trustKeys {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                let pem: String
                do {
                    pem = try String(contentsOfFile: parts[1], encoding: .utf8)
                } catch {
                    throw ValidationError(
                        "--trust-key \(parts[0]): cannot read \(parts[1]): \(error.localizedDescription)"
                    )
                }
                do {
                    keys[parts[0]] = try Ed25519PublicKey(pem: pem)
                } catch {
                    throw ValidationError(
                        "--trust-key \(parts[0]): \(parts[1]) is not an Ed25519 public key in PEM (\(error)); "
                            + "give the coordinator's signing-key.pub.pem from `rowproof keygen`"
                    )
                }
            }
            var security: CurveSecurity?
            if let curveKeys, let curveServerKey {
                let keys = try CurveKeyFiles.keyPair(at: curveKeys, option: "--curve-keys")
                security = .client(keys: keys, serverPublicKey: curveServerKey)
            }
            let id = workerID ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
            let service = WorkerService(
                configuration: .init(
                    endpoint: connect,
                    workerID: id,
                    trustedKeys: TrustedKeys(keys),
                    security: security,
                    coordinatorTimeout: coordinatorTimeout,
                    exitWithParent: exitWithParent
                ),
                processor: ChunkProcessor(startScan: SourceAccess.scanStarter(), openPair: SourceAccess.pairOpener())
            )
            try await service.run(logger: logger)
        }
    }
}
