public import RowProofContracts

extension ClaimEvidence {
    /// Evidence from a query: the SQL text and what its result showed.
    public static func query(_ sql: String, shows detail: String? = nil) -> ClaimEvidence {
        ClaimEvidence(kind: .query, reference: sql, detail: detail)
    }

    /// Evidence from rows, named by their keys (at most `limit` keys are listed).
    public static func rows(
        _ keys: [String],
        total: Int? = nil,
        shows detail: String? = nil,
        limit: Int = 20
    ) -> ClaimEvidence {
        let shown = keys.prefix(limit).joined(separator: "; ")
        let count = total ?? keys.count
        let reference = keys.count > limit ? "\(shown); … (\(count) rows in all)" : shown
        return ClaimEvidence(
            kind: .rows,
            reference: reference.isEmpty ? "(no rows)" : reference,
            detail: detail
        )
    }

    /// Evidence from a rulebook or policy rule.
    public static func rule(_ id: String, shows detail: String? = nil) -> ClaimEvidence {
        ClaimEvidence(kind: .rule, reference: id, detail: detail)
    }

    /// Evidence from a measured value.
    public static func metric(_ name: String, shows detail: String? = nil) -> ClaimEvidence {
        ClaimEvidence(kind: .metric, reference: name, detail: detail)
    }

    /// Evidence from a file.
    public static func file(_ path: String, shows detail: String? = nil) -> ClaimEvidence {
        ClaimEvidence(kind: .file, reference: path, detail: detail)
    }
}
