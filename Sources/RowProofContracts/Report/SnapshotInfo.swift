/// A snapshot one side was read at, so every worker saw the same instant.
public struct SnapshotInfo: ContractModel {
    /// Isolation levels a snapshot can be taken at.
    public enum Isolation: String, ContractEnum {
        /// REPEATABLE READ.
        case repeatableRead = "repeatable_read"
        /// SERIALIZABLE.
        case serializable
        /// READ COMMITTED (no single snapshot).
        case readCommitted = "read_committed"
        /// No transaction isolation (files).
        case none
    }

    /// The engine and its version, such as `postgres 16.2`.
    public var engine: String
    /// The exported snapshot id (`pg_export_snapshot()`).
    public var snapshotID: String?
    /// The isolation level.
    public var isolation: Isolation?
    /// The WAL position, for Postgres (`16/B374D848`).
    public var lsn: String?
    /// When the snapshot was taken (RFC 3339).
    public var takenAt: String?

    /// Creates snapshot information.
    public init(
        engine: String,
        snapshotID: String? = nil,
        isolation: Isolation? = nil,
        lsn: String? = nil,
        takenAt: String? = nil
    ) {
        self.engine = engine
        self.snapshotID = snapshotID
        self.isolation = isolation
        self.lsn = lsn
        self.takenAt = takenAt
    }

    enum CodingKeys: String, CodingKey {
        case engine
        case snapshotID = "snapshot_id"
        case isolation, lsn
        case takenAt = "taken_at"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["engine"].checkNotEmpty(engine)
        if let snapshotID { try path["snapshot_id"].checkNotEmpty(snapshotID) }
        if let lsn {
            try path["lsn"].check(
                lsn,
                matches: ContractPattern(
                    "^[0-9A-F]{1,8}/[0-9A-F]{1,8}$",
                    meaning: "a Postgres LSN such as 16/B374D848"
                )
            )
        }
        if let takenAt { try path["taken_at"].check(takenAt, matches: .timestamp) }
    }
}
