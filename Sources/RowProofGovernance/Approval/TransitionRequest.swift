public import RowProofContracts

/// A request to move a migration into a state, filed before the approvals are collected.
///
/// The requester of a transition (a cutover, typically) is the person who filed its open request;
/// without a request, it is the person who runs the transition. The requester can never be one of
/// its approvers.
public struct TransitionRequest: Sendable, Codable, Equatable {
    /// The migration.
    public var migration: String
    /// The requested state.
    public var to: MigrationState
    /// Who asked.
    public var requester: String
    /// When (RFC 3339).
    public var at: String
    /// Why, when given.
    public var reason: String?

    /// Creates a request.
    public init(migration: String, to: MigrationState, requester: String, at: String, reason: String?) {
        self.migration = migration
        self.to = to
        self.requester = requester
        self.at = at
        self.reason = reason
    }
}
