public import RowProofContracts

/// What a cutover step does, or what undoes it.
///
/// Exactly one form per action:
/// - `{"sql": ["ALTER TABLE ...", "CREATE OR REPLACE VIEW ..."]}` — statements run in one
///   transaction against the target: all of them apply or none;
/// - `{"write_file": {"path": "routing/app.json", "contents": "..."}}` — the file is replaced
///   atomically (its previous contents are kept for `restore_file`);
/// - `{"restore_file": "routing/app.json"}` (rollback only) — puts back what the file held before
///   the step, or removes it if it did not exist.
public struct CutoverAction: ContractModel {
    /// A file to write.
    public struct FileWrite: ContractModel {
        /// Path relative to the cutover's file root.
        public var path: String
        /// The new contents (UTF-8).
        public var contents: String

        /// Creates a file write.
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }

        public func validate(at path: ContractPath) throws(ContractError) {
            try path["path"].check(self.path, matches: .relativePath)
        }
    }

    /// Statements run in one transaction.
    public var sql: [String]?
    /// A file written atomically.
    public var writeFile: FileWrite?
    /// A file put back as it was before the cutover (rollback only).
    public var restoreFile: String?

    /// SQL statements run in one transaction.
    public init(sql: [String]) { self.sql = sql }

    /// A file written atomically.
    public init(writeFile: FileWrite) { self.writeFile = writeFile }

    /// A file put back as it was before the cutover.
    public init(restoreFile: String) { self.restoreFile = restoreFile }

    enum CodingKeys: String, CodingKey {
        case sql
        case writeFile = "write_file"
        case restoreFile = "restore_file"
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        let forms = [sql != nil, writeFile != nil, restoreFile != nil].filter { $0 }.count
        guard forms == 1 else {
            throw path.fail(
                "an action needs exactly one of \"sql\", \"write_file\" or \"restore_file\" (found \(forms))"
            )
        }
        if let sql {
            try path["sql"].checkNotEmpty(sql)
            try path["sql"].checkEachNotEmpty(sql)
        }
        if let writeFile { try writeFile.validate(at: path["write_file"]) }
        if let restoreFile { try path["restore_file"].check(restoreFile, matches: .relativePath) }
    }
}
