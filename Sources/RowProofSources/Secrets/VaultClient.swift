import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads one field of a HashiCorp Vault KV v2 secret over HTTP.
///
/// `GET $VAULT_ADDR/v1/<mount>/data/<path>` with the header `X-Vault-Token: $VAULT_TOKEN`; the
/// value is `.data.data[key]` of the response. The call blocks the calling thread (it runs at
/// connect time, on the thread that owns the new session, never on the cooperative pool).
struct VaultClient {
    let environment: [String: String]
    let timeout: Duration

    func read(mount: String, path: String, key: String, reference: SecretReference) throws(SourceError) -> String {
        guard let address = environment["VAULT_ADDR"], !address.isEmpty else {
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: VAULT_ADDR is not set",
                hint: "export VAULT_ADDR (for example https://vault.example.com:8200) and VAULT_TOKEN"
            )
        }
        guard let token = environment["VAULT_TOKEN"], !token.isEmpty else {
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: VAULT_TOKEN is not set",
                hint: "export VAULT_TOKEN with a token that may read \(mount)/data/\(path)"
            )
        }
        let base = address.hasSuffix("/") ? String(address.dropLast()) : address
        guard let url = URL(string: "\(base)/v1/\(mount)/data/\(path)") else {
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: VAULT_ADDR \"\(address)\" is not a URL"
            )
        }
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue(token, forHTTPHeaderField: "X-Vault-Token")
        request.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18

        let (status, body) = try fetch(request, reference: reference)
        guard status == 200 else {
            let hint =
                switch status {
                case 403: "the token in VAULT_TOKEN may not read \(mount)/data/\(path); check its policy"
                case 404: "no secret at \(mount)/\(path) (KV v2 mount \"\(mount)\"); check the path and the mount"
                default: "check VAULT_ADDR and the Vault server's health"
                }
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: Vault answered HTTP \(status)",
                hint: hint
            )
        }
        let object = try? JSONSerialization.jsonObject(with: body)
        guard let outer = (object as? [String: Any])?["data"] as? [String: Any],
            let fields = outer["data"] as? [String: Any]
        else {
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: Vault's answer has no .data.data object",
                hint: "is \(mount) a KV version 2 secrets engine?"
            )
        }
        guard let value = fields[key] as? String else {
            let names = fields.keys.sorted().joined(separator: ", ")
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: the secret has no string field \"\(key)\"",
                hint: "its fields are: \(names)"
            )
        }
        return value
    }

    private func fetch(_ request: URLRequest, reference: SecretReference) throws(SourceError) -> (Int, Data) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(
                data: data,
                status: (response as? HTTPURLResponse)?.statusCode,
                error: error.map { "\($0.localizedDescription)" }
            )
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, status, failure) = outcome.get()
        guard let status, failure == nil else {
            throw SourceError(
                .connection,
                "secret \(reference) cannot be resolved: Vault at \(request.url?.host ?? "?") did not answer (\(failure ?? "no response"))",
                hint: "check VAULT_ADDR and that the Vault server is reachable"
            )
        }
        return (status, data ?? Data())
    }
}

/// The result of one HTTP request, handed from URLSession's delegate queue to the waiting thread.
private final class Outcome: Sendable {
    private let state = Mutex<(Data?, Int?, String?)>((nil, nil, nil))

    func set(data: Data?, status: Int?, error: String?) { state.withLock { $0 = (data, status, error) } }
    func get() -> (Data?, Int?, String?) { state.withLock { $0 } }
}
