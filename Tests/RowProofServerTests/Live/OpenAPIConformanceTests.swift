import Foundation
import RowProofContracts
import RowProofTestSupport
import Testing

/// Every documented path and method answers the live server with a documented status, and every
/// JSON answer validates against the documented schema (checked by Python `jsonschema`; the
/// document itself by `openapi-spec-validator`).
@Suite(.enabled(if: TestEnvironment.python != nil, "set ROWPROOF_TEST_PYTHON (scripts/test.sh does)"), .serialized)
struct OpenAPIConformanceTests {
    struct Record: Codable {
        var path: String
        var method: String
        var status: Int
        var contentType: String
        var body: String
    }

    @Test(.timeLimit(.minutes(2)))
    func theLiveServerMatchesTheDocument() async throws {
        let server = try ServerProcess(workers: 1, extra: ["--max-body-bytes", "2048"])
        defer { server.stop() }
        try await server.start()
        let fixture = try ReconFixture(
            folder: server.folder.appendingPathComponent("openapi"),
            name: "openapi-job",
            rows: 12,
            changed: 1,
            missing: 0
        )
        let admin = ServerProcess.tokens["admin"]
        let approver = ServerProcess.tokens["approver"]
        var records: [Record] = []
        func call(
            _ method: String,
            _ template: String,
            _ path: String,
            token: String?,
            body: Data? = nil,
            type: String? = nil
        ) async throws -> HTTPCall.Answer {
            let answer = try await HTTPCall.send(method, server.url(path), token: token, body: body, contentType: type)
            records.append(
                Record(
                    path: template,
                    method: method.lowercased(),
                    status: answer.status,
                    contentType: answer.header("Content-Type") ?? "",
                    body: answer.text
                )
            )
            return answer
        }
        _ = try await call("GET", "/healthz", "/healthz", token: nil)
        _ = try await call("GET", "/readyz", "/readyz", token: nil)
        let submitted = try await call(
            "POST",
            "/v1/jobs",
            "/v1/jobs",
            token: admin,
            body: fixture.jobJSON(),
            type: "application/json"
        )
        let id = try #require(submitted.json?["id"] as? String)
        _ = try await call("POST", "/v1/jobs", "/v1/jobs", token: admin, body: Data("{".utf8), type: "application/json")
        _ = try await call(
            "POST",
            "/v1/jobs",
            "/v1/jobs",
            token: admin,
            body: Data(#"{"name": 3}"#.utf8),
            type: "application/json"
        )
        _ = try await call(
            "POST",
            "/v1/jobs",
            "/v1/jobs",
            token: admin,
            body: Data(repeating: 32, count: 4096),
            type: "application/json"
        )
        _ = try await call(
            "POST",
            "/v1/jobs",
            "/v1/jobs",
            token: approver,
            body: fixture.jobJSON(),
            type: "application/json"
        )
        _ = try await call(
            "POST",
            "/v1/jobs",
            "/v1/jobs",
            token: nil,
            body: fixture.jobJSON(),
            type: "application/json"
        )
        _ = try await call("GET", "/v1/jobs/{id}/report", "/v1/jobs/\(id)/report", token: approver)
        _ = try await server.waitForJob(id)
        _ = try await call("GET", "/v1/jobs", "/v1/jobs", token: approver)
        _ = try await call("GET", "/v1/jobs/{id}", "/v1/jobs/\(id)", token: approver)
        _ = try await call("GET", "/v1/jobs/{id}", "/v1/jobs/job-none", token: approver)
        for format in ["json", "markdown", "html"] {
            _ = try await call("GET", "/v1/jobs/{id}/report", "/v1/jobs/\(id)/report?format=\(format)", token: approver)
        }
        _ = try await call("GET", "/v1/jobs/{id}/report", "/v1/jobs/\(id)/report?format=pdf", token: approver)
        _ = try await call("POST", "/v1/jobs/{id}/cancel", "/v1/jobs/\(id)/cancel", token: admin)
        _ = try await call("POST", "/v1/jobs/{id}/cancel", "/v1/jobs/job-none/cancel", token: admin)
        _ = try await call("GET", "/v1/workers", "/v1/workers", token: admin)
        _ = try await call("GET", "/v1/workers", "/v1/workers", token: approver)
        _ = try await call("GET", "/metrics", "/metrics", token: admin)
        _ = try await call("GET", "/metrics", "/metrics", token: "wrong")

        // The document as JSON (YAML parsed by RowProof's own parser), the records, and the checker.
        let schemas = TestEnvironment.repositoryRoot.appendingPathComponent("schemas")
        let document = try ContractDecoder().parse(
            Data(contentsOf: schemas.appendingPathComponent("openapi.yaml")),
            format: .yaml
        )
        let documentFile = server.folder.appendingPathComponent("openapi.json")
        try JSONEncoder().encode(document).write(to: documentFile)
        let recordsFile = server.folder.appendingPathComponent("records.json")
        try JSONEncoder().encode(records).write(to: recordsFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TestEnvironment.python))
        process.arguments = ["-c", Self.checker, documentFile.path, recordsFile.path, schemas.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("checked \(records.count) answers"), "\(text)")
    }

    static let checker = #"""
        import json, pathlib, sys
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
        from openapi_spec_validator import validate

        spec = json.load(open(sys.argv[1]))
        records = json.load(open(sys.argv[2]))
        schemas = pathlib.Path(sys.argv[3])
        base = (schemas / "openapi.yaml").as_uri()
        validate(spec, base_uri=base)

        resources = [(base, Resource.from_contents(spec, default_specification=DRAFT202012))]
        for name in ["recon_job.schema.json", "recon_report.schema.json"]:
            contents = json.load(open(schemas / name))
            resource = Resource.from_contents(contents, default_specification=DRAFT202012)
            resources += [((schemas / name).as_uri(), resource), (contents["$id"], resource)]
        registry = Registry().with_resources(resources)

        def pointer(*parts):
            return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)

        failures = []
        seen = set()
        for r in records:
            operation = spec["paths"].get(r["path"], {}).get(r["method"])
            if operation is None:
                failures.append(f"{r['method']} {r['path']}: not documented"); continue
            seen.add((r["path"], r["method"]))
            responses = operation["responses"]
            key = str(r["status"])
            if key not in responses:
                failures.append(f"{r['method']} {r['path']}: status {key} not documented"); continue
            response = responses[key]
            where = ["paths", r["path"], r["method"], "responses", key]
            if "$ref" in response:
                name = response["$ref"].split("/")[-1]
                response = spec["components"]["responses"][name]
                where = ["components", "responses", name]
            media = r["contentType"].split(";")[0].strip()
            content = response.get("content", {})
            if media not in content:
                failures.append(f"{r['method']} {r['path']} {key}: content type {media!r} not documented ({list(content)})"); continue
            if media == "application/json":
                schema = {"$ref": base + "#/" + pointer(*where, "content", media, "schema")}
                validator = Draft202012Validator(schema, registry=registry)
                for error in validator.iter_errors(json.loads(r["body"])):
                    failures.append(f"{r['method']} {r['path']} {key}: {error.json_path}: {error.message}")
        for path, methods in spec["paths"].items():
            for method in methods:
                if method in ("get", "post", "put", "delete", "patch") and (path, method) not in seen:
                    failures.append(f"{method} {path}: documented but never exercised")
        if failures:
            print("\n".join(failures)); sys.exit(1)
        print(f"checked {len(records)} answers")
        """#
}
