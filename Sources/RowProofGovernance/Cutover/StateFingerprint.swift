/// What the target looked like at one instant: its catalog (relations, columns, views and their
/// definitions, indexes) in the plan's schemas, the data of the plan's tables, and the files the
/// plan writes.
///
/// Taken before a cutover and after a rollback; the rollback is proven when both are equal.
public struct StateFingerprint: Codable, Sendable, Equatable {
    /// The data of one table.
    public struct TableData: Codable, Sendable, Equatable {
        /// `schema.table`.
        public var table: String
        /// Whether the table exists.
        public var exists: Bool
        /// Row count, when it exists.
        public var rows: Int?
        /// MD5 of every row as text, sorted and comma-joined (`string_agg(t::text, ',' ORDER BY t::text)`).
        public var md5: String?

        /// Creates a table entry.
        public init(table: String, exists: Bool, rows: Int?, md5: String?) {
            self.table = table
            self.exists = exists
            self.rows = rows
            self.md5 = md5
        }
    }

    /// One file's state.
    public struct FileState: Codable, Sendable, Equatable {
        /// Path relative to the cutover's file root.
        public var path: String
        /// SHA-256 of its bytes, or `nil` when it does not exist.
        public var sha256: String?

        /// Creates a file entry.
        public init(path: String, sha256: String?) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One line per catalog object, sorted (`relation public.orders BASE TABLE`, `column ...`, `view ...`).
    public var catalog: [String]
    /// SHA-256 of the catalog lines joined by newlines.
    public var catalogSHA256: String
    /// The plan's tables.
    public var tables: [TableData]
    /// The plan's files.
    public var files: [FileState]

    /// Creates a fingerprint.
    public init(catalog: [String], catalogSHA256: String, tables: [TableData], files: [FileState]) {
        self.catalog = catalog
        self.catalogSHA256 = catalogSHA256
        self.tables = tables
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case catalog
        case catalogSHA256 = "catalog_sha256"
        case tables, files
    }

    /// Every way `other` differs from this fingerprint, one line each; empty when they are equal.
    public func differences(from other: StateFingerprint) -> [String] {
        var out: [String] = []
        let before = Set(catalog)
        let after = Set(other.catalog)
        out += before.subtracting(after).sorted().map { "catalog: missing now: \($0)" }
        out += after.subtracting(before).sorted().map { "catalog: new now: \($0)" }
        for table in tables {
            guard let now = other.tables.first(where: { $0.table == table.table }) else {
                out.append("table \(table.table): not fingerprinted now")
                continue
            }
            if now != table {
                out.append("table \(table.table): was \(table.summary), now \(now.summary)")
            }
        }
        for file in files {
            let now = other.files.first { $0.path == file.path }
            if now?.sha256 != file.sha256 {
                out.append(
                    "file \(file.path): was \(file.sha256.map { "SHA-256 \($0)" } ?? "absent"), now \(now?.sha256.map { "SHA-256 \($0)" } ?? "absent")"
                )
            }
        }
        return out
    }
}

extension StateFingerprint.TableData {
    var summary: String {
        exists ? "\(rows ?? 0) rows, md5 \(md5 ?? "-")" : "absent"
    }
}
