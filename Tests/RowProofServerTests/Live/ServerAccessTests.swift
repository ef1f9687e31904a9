import Foundation
import RowProofTestSupport
import Testing

/// Tokens, roles, and what the server refuses, against the real server.
@Suite(.serialized) struct ServerAccessTests {
    struct Endpoint: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var roles: Set<String>
        var allowedStatus: Int
        var description: String { "\(method) \(path)" }
    }

    static let endpoints = [
        Endpoint(method: "POST", path: "/v1/jobs", roles: ["submitter", "admin"], allowedStatus: 202),
        Endpoint(method: "GET", path: "/v1/jobs", roles: ["submitter", "approver", "admin"], allowedStatus: 200),
        Endpoint(
            method: "GET",
            path: "/v1/jobs/job-unknown",
            roles: ["submitter", "approver", "admin"],
            allowedStatus: 404
        ),
        Endpoint(
            method: "GET",
            path: "/v1/jobs/job-unknown/report?format=html",
            roles: ["submitter", "approver", "admin"],
            allowedStatus: 404
        ),
        Endpoint(
            method: "POST",
            path: "/v1/jobs/job-unknown/cancel",
            roles: ["submitter", "admin"],
            allowedStatus: 404
        ),
        Endpoint(method: "GET", path: "/v1/workers", roles: ["admin"], allowedStatus: 200),
        Endpoint(method: "GET", path: "/metrics", roles: ["admin"], allowedStatus: 200),
    ]

    @Test(.timeLimit(.minutes(2)))
    func everyRoleAgainstEveryEndpoint() async throws {
        let server = try ServerProcess(workers: 1)
        defer { server.stop() }
        try await server.start()
        let fixture = try ReconFixture(
            folder: server.folder.appendingPathComponent("auth"),
            name: "auth-matrix",
            rows: 10,
            changed: 0,
            missing: 0
        )
        for endpoint in Self.endpoints {
            let body = endpoint.method == "POST" && endpoint.path == "/v1/jobs" ? fixture.jobJSON() : nil
            for (role, token) in ServerProcess.tokens.sorted(by: { $0.key < $1.key }) {
                let answer = try await HTTPCall.send(
                    endpoint.method,
                    server.url(endpoint.path),
                    token: token,
                    body: body,
                    contentType: "application/json"
                )
                let expected = endpoint.roles.contains(role) ? endpoint.allowedStatus : 403
                #expect(answer.status == expected, "\(role) \(endpoint): \(answer.text)")
                #expect(!answer.text.contains(token))
            }
            for token in [nil, "not-a-token", ServerProcess.tokens["admin"].map { $0 + "x" }] {
                let answer = try await HTTPCall.send(
                    endpoint.method,
                    server.url(endpoint.path),
                    token: token,
                    body: body
                )
                #expect(answer.status == 401, "\(token ?? "no token") \(endpoint)")
                #expect(answer.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                if let token { #expect(!answer.text.contains(token)) }
                #expect((answer.json?["error"] as? [String: Any])?["code"] as? String == "unauthorized")
            }
        }
        for path in ["/healthz", "/readyz"] {
            let answer = try await HTTPCall.send("GET", server.url(path))
            #expect(answer.status == 200, "\(path): \(answer.text)")
        }
        let ready = try await HTTPCall.send("GET", server.url("/readyz"))
        #expect(ready.json?["status"] as? String == "ready")
    }

    @Test(.timeLimit(.minutes(1)))
    func malformedInvalidAndOversizedBodiesAreRefused() async throws {
        let server = try ServerProcess(workers: 1, extra: ["--max-body-bytes", "4096", "--metrics-public"])
        defer { server.stop() }
        try await server.start()
        let token = ServerProcess.tokens["submitter"]

        let malformed = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs"),
            token: token,
            body: Data(#"{"name": "x", "tables": ["#.utf8),
            contentType: "application/json"
        )
        #expect(malformed.status == 400)
        #expect((malformed.json?["error"] as? [String: Any])?["code"] as? String == "malformed_body")

        let invalidYAML = Data(
            """
            name: "no spaces allowed"
            source: {url: "mysql://host/db"}
            target: {url: "sqlite:///tmp/t.db"}
            tables:
              - {source: orders, key_columns: [id, id], columns: [a], exclude_columns: [b]}
            chunking: {chunk_rows: -5, lease_seconds: 0}
            tolerances: {columns: [{column: amount}]}
            wrokers: 3
            """.utf8
        )
        let invalid = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs"),
            token: token,
            body: invalidYAML,
            contentType: "application/yaml"
        )
        #expect(invalid.status == 422)
        let error = try #require(invalid.json?["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_job")
        let paths = Set(((error["problems"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        let expected: Set<String> = [
            "name", "source.url", "tables[0].key_columns[1]", "tables[0]", "chunking.chunk_rows",
            "chunking.lease_seconds",
            "tolerances.columns[0]", "wrokers",
        ]
        #expect(expected.isSubset(of: paths), "missing \(expected.subtracting(paths)) in \(paths)")

        let oversized = Data(
            ("{\"name\": \"big\", \"description\": \"" + String(repeating: "x", count: 5000) + "\"}").utf8
        )
        let tooLarge = try await HTTPCall.send(
            "POST",
            server.url("/v1/jobs"),
            token: token,
            body: oversized,
            contentType: "application/json"
        )
        #expect(tooLarge.status == 413)
        #expect((tooLarge.json?["error"] as? [String: Any])?["code"] as? String == "body_too_large")

        let jobs = try await HTTPCall.send("GET", server.url("/v1/jobs"), token: token)
        #expect((jobs.json?["jobs"] as? [Any])?.isEmpty == true)
        let metrics = try await HTTPCall.send("GET", server.url("/metrics"))
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("# HELP rowproof_chunks_pending"))
    }
}
