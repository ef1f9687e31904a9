import Foundation
import Hummingbird

/// Checks the bearer token of a request against the ``TokenStore`` and the role matrix.
struct Authenticator: Sendable {
    let tokens: TokenStore

    /// The identity of the request's token if its role allows `operation`.
    ///
    /// - Throws: ``APIError`` 401 (no or unknown token, with `WWW-Authenticate: Bearer`) or 403.
    func authorize(_ request: Request, for operation: Operation) throws -> TokenIdentity {
        guard let header = request.headers[.authorization] else { throw APIError.unauthorized }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.unauthorized }
        guard let identity = tokens.identity(of: parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw APIError.unauthorized
        }
        guard identity.role.allows(operation) else { throw APIError.forbidden(operation, role: identity.role) }
        return identity
    }
}
