import RowProofSources

/// Load probes the coordinator polls before handing out more chunks.
enum LoadProbe {
    /// Counts the source's active sessions other than RowProof's own readers (`application_name`
    /// `rowproof`) and this probe; a connection failure reads as "unknown", which does not pause.
    static func postgres(location: String, threshold: Int) -> @Sendable () -> SourceLoad {
        {
            let count: Int? = try? {
                let session = try SourceAccess.openSession(location)
                guard let postgres = session as? PostgresSession else { return nil }
                let rows = try postgres.connection.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' "
                        + "AND application_name <> 'rowproof' AND pid <> pg_backend_pid()"
                )
                return rows.first?.first.flatMap { $0 }.flatMap { Int($0) }
            }()
            return SourceLoad(activeSessions: count, threshold: threshold)
        }
    }
}
