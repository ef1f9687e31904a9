/// Who a valid bearer token belongs to.
public struct TokenIdentity: Sendable, Hashable {
    /// The token's name in the tokens file (never the token itself).
    public var name: String
    /// What the token may do.
    public var role: Role

    /// Creates an identity.
    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
