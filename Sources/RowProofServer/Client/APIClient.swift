public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of the coordinator's HTTP API (used by `rowproof submit`).
///
/// Reads retry with backoff while the server cannot be reached (connection refused while it
/// restarts, 502/503/504 from a proxy), until ``retryDeadline``; a submission is retried only
/// while the connection is refused, so it never creates the same job twice.
public struct APIClient: Sendable {
    /// The server's base URL, such as `http://coordinator:8080`.
    public var baseURL: URL
    /// The bearer token.
    public var token: String
    /// When to give up retrying an unreachable server.
    public var retryDeadline: Date
    /// Called before each retry with the reason (for a log line).
    public var onRetry: @Sendable (String) -> Void

    /// Creates a client.
    public init(
        baseURL: URL,
        token: String,
        retryDeadline: Date,
        onRetry: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.baseURL = baseURL
        self.token = token
        self.retryDeadline = retryDeadline
        self.onRetry = onRetry
    }

    /// Submits a job document; returns its record.
    public func submit(_ document: Data, isYAML: Bool) async throws -> JobRecord {
        try decode(
            JobRecord.self,
            from: try await send(
                "POST",
                "v1/jobs",
                body: document,
                contentType: isYAML ? "application/yaml" : "application/json"
            )
        )
    }

    /// The job `id` with its progress.
    public func job(_ id: String) async throws -> JobRecord {
        try decode(JobRecord.self, from: try await send("GET", "v1/jobs/\(id)"))
    }

    /// The report of job `id` in `format`.
    public func report(_ id: String, format: ReportFormat) async throws -> Data {
        try await send("GET", "v1/jobs/\(id)/report?format=\(format.rawValue)")
    }

    /// Sends one request, retrying while the server is unreachable; returns the body of a 2xx answer.
    ///
    /// - Throws: ``ClientError`` for any other answer, or when the deadline passes.
    public func send(
        _ method: String,
        _ path: String,
        body: Data? = nil,
        contentType: String? = nil
    ) async throws -> Data {
        guard let url = URL(string: path, relativeTo: baseURL.appendingPathComponent("/")) else {
            throw ClientError(status: nil, message: "cannot form a URL from \(baseURL) and \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        var delay = 0.25
        while true {
            let reason: String
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return data }
                // A submission is retried only when it surely never reached the server (no duplicate jobs).
                guard [502, 503, 504].contains(status), method == "GET" else {
                    throw ClientError(status: status, body: data)
                }
                reason = "the server answered \(status)"
            } catch let error as URLError {
                guard method == "GET" || error.code == .cannotConnectToHost else {
                    throw ClientError(
                        status: nil,
                        message:
                            "\(method) \(path) to \(baseURL.absoluteString) failed: \(error.localizedDescription); "
                            + "check GET /v1/jobs before submitting again"
                    )
                }
                reason = "cannot reach \(baseURL.absoluteString): \(error.localizedDescription)"
            }
            guard Date().addingTimeInterval(delay) < retryDeadline else {
                throw ClientError(status: nil, message: "\(reason); gave up after the wait timeout")
            }
            onRetry("\(reason); retrying in \(String(format: "%.1f", delay)) s")
            try await Task.sleep(for: .seconds(delay))
            delay = min(delay * 2, 5)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ClientError(status: nil, message: "the server's answer is not a \(type) document: \(error)")
        }
    }
}
