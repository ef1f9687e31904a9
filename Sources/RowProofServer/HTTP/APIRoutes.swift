import Foundation
import Hummingbird
import RowProofContracts

/// The HTTP API's routes: thin handlers that authorize, decode, call the ``JobService`` and encode.
struct APIRoutes: Sendable {
    let service: JobService
    let authenticator: Authenticator
    let maximumBodyBytes: Int
    let isMetricsPublic: Bool
    let readiness: Readiness

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in JSONBody.response(["status": "ok"]) }
        router.get("/readyz") { _, _ in
            let state = readiness.state
            return JSONBody.response(state, status: state.isReady ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { request, _ in
            if !isMetricsPublic { _ = try authenticator.authorize(request, for: .metrics) }
            return JSONBody.text(await service.metricsText(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.post("/v1/jobs") { request, _ in try await submit(request) }
        router.get("/v1/jobs") { request, _ in
            _ = try authenticator.authorize(request, for: .read)
            return JSONBody.response(JobList(jobs: await service.list()))
        }
        router.get("/v1/jobs/:id") { request, context in
            _ = try authenticator.authorize(request, for: .read)
            let id = try context.parameters.require("id")
            guard let job = await service.job(id) else {
                throw APIError(ServerError(.notFound, "no job \(id); list jobs with GET /v1/jobs"))
            }
            return JSONBody.response(job)
        }
        router.get("/v1/jobs/:id/report") { request, context in
            _ = try authenticator.authorize(request, for: .read)
            let id = try context.parameters.require("id")
            let name = request.uri.queryParameters.get("format") ?? "json"
            guard let format = ReportFormat(name: name) else {
                throw APIError(.badRequest, code: "bad_format", "format=\(name): use json, markdown or html")
            }
            let file = try await serverCall { try await service.reportFile(id, format: format) }
            let data = try Data(contentsOf: file)
            return Response(
                status: .ok,
                headers: [.contentType: format.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
            )
        }
        router.post("/v1/jobs/:id/cancel") { request, context in
            let identity = try authenticator.authorize(request, for: .cancel)
            let id = try context.parameters.require("id")
            return JSONBody.response(
                try await serverCall { try await service.cancel(id, by: identity) },
                status: .accepted
            )
        }
        router.get("/v1/workers") { request, _ in
            _ = try authenticator.authorize(request, for: .listWorkers)
            return JSONBody.response(WorkerList(workers: await service.workers()))
        }
        return router
    }

    private func submit(_ request: Request) async throws -> Response {
        let identity = try authenticator.authorize(request, for: .submit)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maximumBodyBytes {
            throw APIError.tooLarge(limit: maximumBodyBytes)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw APIError.tooLarge(limit: maximumBodyBytes)
        }
        let body = Data(buffer.readableBytesView)
        let format = JobSubmission.format(contentType: request.headers[.contentType])
        let job: ReconJob
        do {
            job = try JobSubmission.decode(body, format: format)
        } catch {
            throw APIError.invalidJob(error)
        }
        let record = try await serverCall {
            try await service.submit(job, specification: body, isYAML: format == .yaml, by: identity)
        }
        return JSONBody.response(record, status: .accepted, headers: [.location: "/v1/jobs/\(record.id)"])
    }

    private func serverCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ServerError {
            throw APIError(error)
        }
    }
}

/// `GET /v1/jobs`'s body.
struct JobList: Encodable { var jobs: [JobRecord] }

/// `GET /v1/workers`'s body.
struct WorkerList: Encodable { var workers: [WorkerRecord] }
