import ArgumentParser
import Foundation
import Logging
import RowProofCluster
import RowProofContracts
import RowProofCrypto

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

        @Option(name: .customLong("signing-key"), help: "Ed25519 private key (PEM) that signs chunk plans.")
        var signingKey: String

        @Option(name: .customLong("key-id"), help: "The signing key's id, as workers name it in --trust-key.")
        var keyID: String = "coordinator"

        @Option(name: [.customShort("o"), .long], help: "Folder for the reports and the job store.")
        var output: String = "rowproof-out"

        @Option(help: "Local workers to start as well.")
        var workers: Int = 0

        @Option(help: "Policy file.")
        var policy: String?

        @Option(name: .customLong("lease-seconds"), help: "Seconds a chunk stays with a worker that stopped heartbeating.")
        var leaseSeconds: Double = 30

        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let logger = logging.bootstrap()
            let key: Ed25519PrivateKey
            do {
                key = try Ed25519PrivateKey(pem: try String(contentsOfFile: signingKey, encoding: .utf8))
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
            var scheduling = LeaseScheduler.Configuration(leaseSeconds: leaseSeconds)
            if let attempts = reconJob.chunking?.maxAttempts { scheduling.maximumAttempts = attempts }
            var planning = JobPlanner.Defaults()
            if let rows = reconJob.chunking?.chunkRows { planning.chunkRows = rows }
            let options = ReconRunner.Options(
                outputDirectory: URL(fileURLWithPath: reconJob.outputDir ?? output), workers: workers,
                workerExecutable: RunReport.selfExecutable, bind: bind, signingKey: key, signingKeyID: keyID,
                scheduling: scheduling, planning: planning, policy: try RunReport.loadPolicy(policy ?? reconJob.policy))
            FileHandle.standardError.write(Data("coordinator: listening on \(bind); start workers with\n  rowproof worker --connect tcp://HOST:PORT --trust-key \(keyID)=PUBLIC_KEY.pem\n".utf8))
            throw ExitCode(await RunReport.run(job: reconJob, options: options, logger: logger, quiet: false))
        }
    }

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Ed25519 key pair for signing chunk plans.",
            discussion: "Writes signing-key.pem (keep it private: mode 0600) and signing-key.pub.pem (give it to workers).")

        @Option(help: "Folder to write the key pair to.")
        var out: String = "."

        func run() throws {
            let key = try Ed25519PrivateKey.generate()
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let privatePath = folder.appendingPathComponent("signing-key.pem")
            let publicPath = folder.appendingPathComponent("signing-key.pub.pem")
            guard !FileManager.default.fileExists(atPath: privatePath.path) else {
                throw ValidationError("\(privatePath.path) exists; refusing to overwrite a key")
            }
            _ = FileManager.default.createFile(atPath: privatePath.path, contents: Data(try key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600])
            try Data(try key.publicKey.pemRepresentation.utf8).write(to: publicPath)
            print("wrote \(privatePath.path) (private) and \(publicPath.path) (public)")
        }
    }
}
