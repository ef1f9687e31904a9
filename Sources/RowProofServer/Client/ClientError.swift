public import Foundation

/// A request the server refused, or a server that could not be reached.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status, or `nil` when the server was not reached.
    public var status: Int?
    /// The server's message, or why it was not reached.
    public var message: String
    /// The problems the server listed (a refused job document).
    public var problems: [APIError.Problem]

    /// Creates an error.
    public init(status: Int?, message: String, problems: [APIError.Problem] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    /// Creates an error from an error answer's JSON body (`{"error": {...}}`).
    public init(status: Int, body: Data) {
        struct Envelope: Decodable { var error: Body }
        struct Body: Decodable {
            var message: String
            var problems: [APIError.Problem]?
        }
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: body) {
            self.init(status: status, message: envelope.error.message, problems: envelope.error.problems ?? [])
        } else {
            self.init(status: status, message: String(decoding: body.prefix(500), as: UTF8.self))
        }
    }

    /// `HTTP 422: message`, then one problem per line.
    public var description: String {
        let head = status.map { "HTTP \($0): \(message)" } ?? message
        return ([head] + problems.map { "  \($0.path): \($0.message)" }).joined(separator: "\n")
    }
}
