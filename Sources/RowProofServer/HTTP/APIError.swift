import Foundation
public import Hummingbird
import RowProofContracts

/// An API failure as the client sees it: an HTTP status and a JSON body
/// `{"error": {"code": …, "message": …, "problems": [{"path": …, "message": …}]}}`.
public struct APIError: HTTPResponseError, Sendable {
    /// One problem of a refused job document.
    public struct Problem: Sendable, Codable, Equatable {
        /// The field path, such as `tables[0].key_columns`; `<root>` for the whole document.
        public var path: String
        /// What is wrong there.
        public var message: String

        /// Creates a problem.
        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable machine-readable code (`unauthorized`, `invalid_job`, …).
    public var code: String
    /// What is wrong and what to do.
    public var message: String
    /// Every problem of a refused document.
    public var problems: [Problem]
    /// Extra response headers.
    public var headers: HTTPFields

    /// Creates an error.
    public init(
        _ status: HTTPResponse.Status,
        code: String,
        _ message: String,
        problems: [Problem] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems
        self.headers = headers
    }

    /// The JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(
            Envelope(error: Body(code: code, message: message, problems: problems.isEmpty ? nil : problems)),
            status: status
        )
        response.headers.append(contentsOf: headers)
        return response
    }

    private struct Envelope: Encodable { var error: Body }
    private struct Body: Encodable {
        var code: String
        var message: String
        var problems: [Problem]?
    }
}

extension APIError {
    /// 401: no token, or a token the server does not know. The body never says which.
    static let unauthorized = APIError(
        .unauthorized,
        code: "unauthorized",
        "a valid bearer token is required (Authorization: Bearer TOKEN)",
        headers: [.wwwAuthenticate: #"Bearer realm="rowproof""#]
    )

    /// 403: the token's role may not do this.
    static func forbidden(_ operation: Operation, role: Role) -> APIError {
        APIError(
            .forbidden,
            code: "forbidden",
            "the \(role.rawValue) role may not \(operation.phrase); ask for a token with a role that may"
        )
    }

    /// 413: the body is larger than the server accepts.
    static func tooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge,
            code: "body_too_large",
            "the request body is larger than \(limit) bytes (--max-body-bytes); split the job or raise the limit"
        )
    }

    /// 400 or 422 for a refused job document, listing every problem.
    static func invalidJob(_ rejection: JobSubmission.Rejection) -> APIError {
        let problems = rejection.problems.map { Problem(path: $0.path.description, message: $0.message) }
        return rejection.isMalformed
            ? APIError(
                .badRequest,
                code: "malformed_body",
                "the body is not well-formed JSON or YAML",
                problems: problems
            )
            : APIError(
                .unprocessableContent,
                code: "invalid_job",
                "the job does not validate against recon_job.schema.json: \(problems.count) problem\(problems.count == 1 ? "" : "s")",
                problems: problems
            )
    }

    /// The HTTP form of a ``ServerError``.
    init(_ error: ServerError) {
        switch error.code {
        case .notFound: self.init(.notFound, code: "not_found", error.message)
        case .conflict: self.init(.conflict, code: "conflict", error.message)
        default: self.init(.internalServerError, code: "server_error", error.message)
        }
    }
}

extension Operation {
    /// The operation in a sentence: "submit jobs".
    var phrase: String {
        switch self {
        case .submit: "submit jobs"
        case .read: "read jobs"
        case .cancel: "cancel jobs"
        case .listWorkers: "list workers"
        case .metrics: "read metrics"
        }
    }
}
