public import Foundation

/// One stored entry of the hash-chained audit log.
///
/// ``hash`` is the SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of the entry's other
/// fields (`seq`, `previous_hash`, `timestamp`, `migration`, `actor`, `action`, `subject`,
/// `details`); ``previousHash`` is the hash of the entry before it, or ``genesisHash`` for the first.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// The `previous_hash` of the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Position in the chain, starting at 1, without gaps.
    public var seq: Int64
    /// The hash of the entry before this one.
    public var previousHash: String
    /// When the entry was appended (RFC 3339, UTC, milliseconds).
    public var timestamp: String
    /// The migration the event belongs to, if any.
    public var migration: String?
    /// Who did it.
    public var actor: String
    /// What happened, as a dotted verb.
    public var action: String
    /// What it acted on.
    public var subject: String
    /// Everything else, as flat strings.
    public var details: [String: String]
    /// SHA-256 (hex) of the canonical JSON of the fields above, as stored.
    public var hash: String

    /// Creates an entry.
    public init(
        seq: Int64,
        previousHash: String,
        timestamp: String,
        migration: String?,
        actor: String,
        action: String,
        subject: String,
        details: [String: String],
        hash: String
    ) {
        self.seq = seq
        self.previousHash = previousHash
        self.timestamp = timestamp
        self.migration = migration
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.hash = hash
    }

    /// Creates the entry that follows `previous` (or starts the chain) for `event`, with its hash.
    public init(event: AuditEvent, after previous: (seq: Int64, hash: String)?, at date: Date) throws {
        self.init(
            seq: (previous?.seq ?? 0) + 1,
            previousHash: previous?.hash ?? Self.genesisHash,
            timestamp: AuditEntry.format(date),
            migration: event.migration,
            actor: event.actor,
            action: event.action,
            subject: event.subject,
            details: event.details,
            hash: ""
        )
        self.hash = try computedHash()
    }

    /// The event this entry records.
    public var event: AuditEvent {
        AuditEvent(migration: migration, actor: actor, action: action, subject: subject, details: details)
    }

    enum CodingKeys: String, CodingKey {
        case seq
        case previousHash = "previous_hash"
        case timestamp, migration, actor, action, subject, details, hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(previousHash, forKey: .previousHash)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(migration, forKey: .migration)  // null, not absent: it is hashed
        try container.encode(actor, forKey: .actor)
        try container.encode(action, forKey: .action)
        try container.encode(subject, forKey: .subject)
        try container.encode(details, forKey: .details)
        if !hash.isEmpty { try container.encode(hash, forKey: .hash) }
    }

    /// Formats `date` the way entries store it: `2026-11-29T11:30:50.123Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        )
    }
}
