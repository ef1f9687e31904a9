import Foundation

/// The command that starts a worker for a coordinator waiting on `endpoint`, printed for the
/// operator to run on the worker machines.
struct WorkerInvitation {
    /// The endpoint the coordinator bound, as ZeroMQ reports it (`tcp://0.0.0.0:5555` for `*`).
    let endpoint: String
    /// The id workers know the plan-signing key by.
    let keyID: String
    /// The public key file workers must trust.
    let publicKeyFile: URL

    /// The endpoint workers connect to: a wildcard address (`*`, `0.0.0.0`, `[::]`) is replaced
    /// by this host's name, since no worker can connect to a wildcard.
    var connectEndpoint: String {
        guard endpoint.hasPrefix("tcp://"), let colon = endpoint.lastIndex(of: ":") else { return endpoint }
        let host = endpoint[endpoint.index(endpoint.startIndex, offsetBy: 6)..<colon]
        guard ["*", "0.0.0.0", "[::]", "::"].contains(host) else { return endpoint }
        return "tcp://" + ProcessInfo.processInfo.hostName + endpoint[colon...]
    }

    /// `rowproof worker --connect … --trust-key ID=FILE`, with the key file's absolute path.
    var command: String {
        "rowproof worker --connect \(connectEndpoint) --trust-key \(keyID)=\(publicKeyFile.standardizedFileURL.path)"
    }
}
