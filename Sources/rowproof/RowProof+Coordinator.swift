import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto
import RowProofGovernance
import RowProofSources
import RowProofWire

extension RowProofCommand {
    struct Coordinator: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a job's chunks to a fleet of workers on other machines.",
            discussion: """
                The coordinator plans the job, signs every chunk plan with --signing-key, and hands chunks \
                to the workers that connect (`rowproof worker --connect tcp://THIS_HOST:PORT --trust-key \
                ID=public.pem`). A killed coordinator restarted on the same --output (job store) resumes \
                without re-reading finished chunks.

                Create a key pair with `rowproof keygen --out keys/`.
                """
        )

        @Option(help: "The job file (YAML or JSON).")
        var job: String

        @Option(help: "Where workers connect, e.g. tcp://*:5555.")
        var bind: String = "tcp://*:5555"

        @Option(
            name: .customLong("signing-key"),
            help:
                "Ed25519 private key (PEM) that signs chunk plans: a file path, or env://NAME, file:///path, vault://path#key."
        )
        var signingKey: String

        @Option(name: .customLong("key-id"), help: "The signing key's id, as workers name it in --trust-key.")
        var keyID: String = "coordinator"

        @Option(name: [.customShort("o"), .long], help: "Folder for the reports and the job store.")
        var output: String = "rowproof-out"

        @Option(help: "Local workers to start as well, 0 to 1024.")
        var workers: Int = 0

        @Option(help: "Policy file.")
        var policy: String?

        @Option(
            name: .customLong("lease-seconds"),
            help:
                "Seconds a chunk stays with a worker that stopped heartbeating. Default: the job's chunking.lease_seconds, else 30."
        )
        var leaseSeconds: Double?

        @Option(
            name: .customLong("curve-keys"),
            help:
                "The coordinator's CURVE key pair (JSON from `rowproof keygen --curve`): encrypts and authenticates every worker link."
        )
        var curveKeys: String?

        @Option(
            name: .customLong("curve-allow"),
            help: "File of worker CURVE public keys allowed to connect, one per line (with --curve-keys)."
        )
        var curveAllow: String?

        @Option(
            help:
                "Job store: a SQLite file (default: OUTPUT/rowproof-jobs.sqlite) or a Postgres URL (tables in schema rowproof)."
        )
        var store: String?

        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if curveAllow != nil && curveKeys == nil { throw ValidationError("--curve-allow needs --curve-keys") }
            guard bind.hasPrefix("tcp://") || bind.hasPrefix("ipc://") else {
                throw ValidationError("--bind \(bind): use a tcp:// or ipc:// endpoint, e.g. tcp://*:5555")
            }
            guard (0...1024).contains(workers) else {
                throw ValidationError("--workers \(workers): use 0 to 1024 (0: only the workers that connect)")
            }
            if let leaseSeconds, !(leaseSeconds > 0 && leaseSeconds <= 86_400) {
                throw ValidationError("--lease-seconds \(leaseSeconds): use more than 0 and at most 86400 seconds")
            }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            var security: CurveSecurity?
            if let curveKeys {
                let keys = try CurveKeyFiles.keyPair(at: curveKeys, option: "--curve-keys")
                let allowed = try curveAllow.map(CurveKeyFiles.allowList(at:)) ?? []
                security = .server(keys: keys, allowedClientKeys: allowed)
                FileHandle.standardError.write(
                    Data(
                        ("coordinator: CURVE on, public key \(keys.publicKey), "
                            + (allowed.isEmpty
                                ? "any worker key accepted (no --curve-allow)\n"
                                : "\(allowed.count) allowed worker keys\n"))
                            .utf8
                    )
                )
            }
            let key: Ed25519PrivateKey
            do {
                key = try SigningKeyLoader.load(signingKey)
            } catch {
                throw ValidationError("--signing-key \(signingKey): \(error)")
            }
            let reconJob: ReconJob
            do {
                reconJob = try ContractDecoder().decode(ReconJob.self, contentsOf: URL(fileURLWithPath: job))
            } catch {
                FileHandle.standardError.write(Data("rowproof: invalid job: \(error)\n".utf8))
                throw ExitCode(2)
            }
            var scheduling = LeaseScheduler.Configuration(
                leaseSeconds: leaseSeconds ?? reconJob.chunking?.leaseSeconds.map(Double.init) ?? 30
            )
            if let attempts = reconJob.chunking?.maxAttempts { scheduling.maximumAttempts = attempts }
            var planning = JobPlanner.Defaults()
            if let rows = reconJob.chunking?.chunkRows { planning.chunkRows = rows }
            var options = ReconRunner.Options(
                outputDirectory: URL(fileURLWithPath: reconJob.outputDir ?? output),
                storePath: store,
                workers: workers,
                workerExecutable: RunReport.selfExecutable,
                bind: bind,
                signingKey: key,
                signingKeyID: keyID,
                scheduling: scheduling,
                planning: planning,
                policy: try RunReport.loadPolicy(policy ?? reconJob.policy.map { RunReport.path($0, relativeTo: job) })
            )
            options.security = security
            let keyID = self.keyID
            throw ExitCode(
                await RunReport.run(job: reconJob, options: options, logger: logger, quiet: false) {
                    endpoint,
                    keyFile in
                    let invitation = WorkerInvitation(endpoint: endpoint, keyID: keyID, publicKeyFile: keyFile)
                    FileHandle.standardError.write(
                        Data(
                            "coordinator: listening on \(endpoint); start workers with\n  \(invitation.command)\n".utf8
                        )
                    )
                }
            )
        }
    }

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Ed25519 key pair for signing chunk plans.",
            discussion:
                "Writes signing-key.pem (keep it private: mode 0600) and signing-key.pub.pem (give it to workers)."
        )

        @Option(help: "Folder to write the key pair to.")
        var out: String = "."

        @Flag(help: "Write a CURVE key pair for encrypted coordinator/worker links instead (curve-keys.json).")
        var curve = false

        func run() throws {
            if curve {
                let keys = try CurveKeyPair.generate()
                let path = URL(fileURLWithPath: out).appendingPathComponent("curve-keys.json")
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                guard !FileManager.default.fileExists(atPath: path.path) else {
                    throw ValidationError("\(path.path) exists; refusing to overwrite a key")
                }
                _ = FileManager.default.createFile(
                    atPath: path.path,
                    contents: try JSONEncoder().encode(keys),
                    attributes: [.posixPermissions: 0o600]
                )
                print("wrote \(path.path); public key (for allow-lists and --curve-server-key): \(keys.publicKey)")
                return
            }
            let key = try Ed25519PrivateKey.generate()
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let privatePath = folder.appendingPathComponent("signing-key.pem")
            let publicPath = folder.appendingPathComponent("signing-key.pub.pem")
            guard !FileManager.default.fileExists(atPath: privatePath.path) else {
                throw ValidationError("\(privatePath.path) exists; refusing to overwrite a key")
            }
            _ = FileManager.default.createFile(
                atPath: privatePath.path,
                contents: Data(try key.pemRepresentation.utf8),
                attributes: [.posixPermissions: 0o600]
            )
            try Data(try key.publicKey.pemRepresentation.utf8).write(to: publicPath)
            print("wrote \(privatePath.path) (private) and \(publicPath.path) (public)")
        }
    }
}
