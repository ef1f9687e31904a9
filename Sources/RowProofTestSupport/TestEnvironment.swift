public import Foundation

/// Settings the test command exports so integration tests reach the real services it started.
public enum TestEnvironment {
    /// libpq URL of the private Postgres server the test command started (`postgresql://…`).
    public static let postgresURL = ProcessInfo.processInfo.environment["ROWPROOF_TEST_POSTGRES_URL"]
    /// A Python interpreter that has the reference implementation's packages (`xxhash`).
    public static let python = ProcessInfo.processInfo.environment["ROWPROOF_TEST_PYTHON"]
    /// The `check-jsonschema` executable.
    public static let checkJSONSchema = ProcessInfo.processInfo.environment["ROWPROOF_CHECK_JSONSCHEMA"]

    /// The repository's root folder, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RowProofTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
}

extension TestEnvironment {
    /// The `rowproof` executable built with the tests (beside the test bundle), or `ROWPROOF_TEST_BINARY`.
    public static var rowproofExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["ROWPROOF_TEST_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        // swift-testing may run from inside `<name>.xctest/…`; walk up to the build folder.
        while folder.pathComponents.count > 1 {
            let candidate = folder.appendingPathComponent("rowproof")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "rowproof")
    }
}
