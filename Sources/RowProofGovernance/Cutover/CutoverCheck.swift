public import RowProofContracts

/// A condition checked before a cutover step (`pre_checks`) or after it (`verify`).
///
/// Exactly one form per check:
/// - `{"sql": "SELECT ...", "expect": "42"}` — the first column of the first row, as text, equals
///   `expect` (`null` for SQL NULL or no row);
/// - `{"file": "routing/app.json", "contains": "orders_v2"}` — the file exists and contains the text;
/// - `{"file": "routing/app.json", "absent": true}` — the file does not exist.
public struct CutoverCheck: ContractModel {
    /// A query against the target database.
    public var sql: String?
    /// The expected first value of ``sql``'s result; `nil` means SQL NULL or no row.
    public var expect: String?
    /// A file path, relative to the cutover's file root.
    public var file: String?
    /// Text the file must contain.
    public var contains: String?
    /// Whether the file must not exist.
    public var absent: Bool?

    /// A SQL check.
    public init(sql: String, expect: String?) {
        self.sql = sql
        self.expect = expect
    }

    /// A file check: `file` contains `text`, or (with `contains: nil, absent: true`) does not exist.
    public init(file: String, contains text: String?, absent: Bool? = nil) {
        self.file = file
        self.contains = text
        self.absent = absent
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        switch (sql, file) {
        case (let sql?, nil):
            try path["sql"].checkNotEmpty(sql)
            guard contains == nil, absent == nil else {
                throw path.fail("a sql check takes only \"sql\" and \"expect\"")
            }
        case (nil, let file?):
            try path["file"].check(file, matches: .relativePath)
            guard expect == nil else {
                throw path["expect"].fail("a file check takes \"contains\" or \"absent\", not \"expect\"")
            }
            guard (contains != nil) != (absent == true) else {
                throw path.fail("a file check needs exactly one of \"contains\" or \"absent\": true")
            }
        case (nil, nil), (_?, _?):
            throw path.fail(
                "a check needs exactly one of \"sql\" (with \"expect\") or \"file\" (with \"contains\" or \"absent\")"
            )
        }
    }
}
