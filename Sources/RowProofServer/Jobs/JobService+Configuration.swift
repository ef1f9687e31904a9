public import Foundation
import RowProofCluster
public import RowProofCrypto

extension JobService {
    /// How the server runs jobs.
    public struct Configuration: Sendable {
        /// Folder for the registry and each job's reports and job store (`jobs/<id>/`).
        public var dataDirectory: URL
        /// Local worker processes started for each job (0: only remote workers).
        public var workersPerJob: Int
        /// The `rowproof` executable local workers run.
        public var workerExecutable: URL?
        /// Where each job's coordinator listens for workers. A fixed port is the first job slot's;
        /// slot `n` listens on port + n. `tcp://HOST:*` picks a free port per job.
        public var bind: String
        /// Jobs running at once; the rest wait in the queue.
        public var maximumConcurrentJobs: Int
        /// The plan-signing key shared by every job (remote workers trust its public key); an
        /// ephemeral key per job when `nil`.
        public var signingKey: Ed25519PrivateKey?
        /// The signing key's id, as workers name it in `--trust-key`.
        public var signingKeyID: String

        /// Creates settings.
        public init(
            dataDirectory: URL,
            workersPerJob: Int = 2,
            workerExecutable: URL? = nil,
            bind: String = "tcp://127.0.0.1:*",
            maximumConcurrentJobs: Int = 2,
            signingKey: Ed25519PrivateKey? = nil,
            signingKeyID: String = "coordinator"
        ) {
            self.dataDirectory = dataDirectory
            self.workersPerJob = workersPerJob
            self.workerExecutable = workerExecutable
            self.bind = bind
            self.maximumConcurrentJobs = maximumConcurrentJobs
            self.signingKey = signingKey
            self.signingKeyID = signingKeyID
        }

        /// The endpoint of job slot `slot`: the configured port plus `slot`, or a free port.
        public func endpoint(slot: Int) -> String {
            guard let colon = bind.lastIndex(of: ":"), let port = Int(bind[bind.index(after: colon)...]) else {
                return bind
            }
            return "\(bind[..<colon]):\(port + slot)"
        }

        /// The folder of job `id`.
        public func folder(of id: String) -> URL {
            dataDirectory.appendingPathComponent("jobs").appendingPathComponent(id)
        }
    }
}
