import Foundation
import RowProofContracts
import RowProofGovernance
import Testing

/// A database that must not be touched: every call is recorded.
final class UntouchedDatabase: CutoverDatabase {
    var calls: [String] = []
    func query(_ sql: String, _ parameters: [String?]) throws -> [[String?]] {
        calls.append(sql)
        return []
    }
    func executeInTransaction(_ statements: [String]) throws { calls += statements }
}

@Suite struct CutoverRefusalTests {
    let signing: CutoverPlanSigning
    let plan = CutoverPlan(
        migrationID: "orders-2025",
        schemas: ["public"],
        tables: ["public.orders"],
        steps: [
            CutoverStep(
                id: "swap-view",
                action: CutoverAction(sql: ["CREATE OR REPLACE VIEW v AS SELECT 2"]),
                rollback: CutoverAction(sql: ["CREATE OR REPLACE VIEW v AS SELECT 1"])
            )
        ]
    )

    init() throws { signing = try CutoverPlanSigning() }

    @Test func aSignedPlanVerifiesAndDecodes() throws {
        let verified = try VerifiedCutoverPlan(
            verifying: try signing.signedDocument(plan),
            source: "plan.json",
            verifier: signing.verifier
        )
        #expect(verified.plan == plan)
        #expect(verified.planID == "cutover-1")
    }

    @Test func anUnsignedPlanIsRefused() throws {
        var tree = try ContractDecoder().parse(try signing.signedDocument(plan), format: .json)
        guard case .object(var members) = tree else { return }
        members["signature"] = nil
        tree = .object(members)
        let error = #expect(throws: CutoverError.self) {
            try VerifiedCutoverPlan(
                verifying: try JSONEncoder().encode(tree),
                source: "plan.json",
                verifier: signing.verifier
            )
        }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("unsigned") == true)
    }

    @Test func anAlteredPlanIsRefused() throws {
        let text = String(decoding: try signing.signedDocument(plan), as: UTF8.self)
            .replacingOccurrences(of: "SELECT 2", with: "SELECT 3")
        let error = #expect(throws: CutoverError.self) {
            try VerifiedCutoverPlan(verifying: Data(text.utf8), source: "plan.json", verifier: signing.verifier)
        }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("altered") == true)
    }

    @Test func aPlanOfAnotherKindIsRefused() throws {
        let document = try signing.signedDocument(plan, kind: .migrationPlan)
        let error = #expect(throws: CutoverError.self) {
            try VerifiedCutoverPlan(verifying: document, source: "plan.json", verifier: signing.verifier)
        }
        #expect(error?.message.contains("migration_plan") == true)
    }

    @Test func aPlanSignedByAnUntrustedKeyIsRefused() throws {
        let stranger = try CutoverPlanSigning()
        let error = #expect(throws: CutoverError.self) {
            try VerifiedCutoverPlan(
                verifying: try stranger.signedDocument(plan),
                source: "plan.json",
                verifier: signing.verifier
            )
        }
        #expect(error?.message.contains("unknown key") == true)
    }

    @Test(arguments: [
        (MigrationState.cutoverInProgress, false, "readiness gate"),
        (MigrationState.readyForCutover, true, "state READY_FOR_CUTOVER"),
        (MigrationState.parallelRun, false, "state PARALLEL_RUN"),
    ])
    func theCutoverIsRefusedWithoutClearance(state: MigrationState, gatePassed: Bool, expected: String) throws {
        let verified = try VerifiedCutoverPlan(
            verifying: try signing.signedDocument(plan),
            source: "plan.json",
            verifier: signing.verifier
        )
        let database = UntouchedDatabase()
        let recorder = EventCapturingRecorder()
        let folder = try temporaryFolder()
        let runner = CutoverRunner(
            plan: verified,
            database: database,
            files: CutoverFiles(root: folder),
            journal: folder.appendingPathComponent("journal.json"),
            recorder: recorder,
            actor: "alice"
        )
        let clearance = CutoverClearance(
            state: state,
            gatePassed: gatePassed,
            gateSummary: "1 consecutive passing run, 3 required"
        )
        let error = #expect(throws: CutoverError.self) { try runner.run(clearance: clearance) }
        #expect(error?.isRefusal == true)
        #expect(error?.message.contains(expected) == true)
        #expect(database.calls.isEmpty)
        #expect(recorder.actions() == ["cutover.refused"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.json").path))
    }

    @Test func invalidPlansAreRejectedWithThePath() throws {
        let bad = CutoverPlan(
            migrationID: "orders-2025",
            schemas: ["public"],
            tables: ["orders"],
            steps: [
                CutoverStep(
                    id: "a",
                    action: CutoverAction(restoreFile: "x.json"),
                    rollback: CutoverAction(sql: ["SELECT 1"])
                )
            ]
        )
        let error = #expect(throws: ContractError.self) { try bad.validate() }
        #expect(error?.description.contains("tables[0]") == true)
    }
}

@Suite struct CutoverPlanFormatTests {
    @Test func checksMayBeLeftOutAndYAMLWorks() throws {
        let yaml = """
            migration_id: orders-2025
            schemas: [public]
            tables: [public.orders]
            steps:
              - id: route-app
                action: {write_file: {path: routing/app.json, contents: "{}"}}
                rollback: {restore_file: routing/app.json}
            """
        let plan = try ContractDecoder().decode(CutoverPlan.self, from: Data(yaml.utf8), fileName: "cutover.yaml")
        #expect(plan.steps.first?.preChecks == [])
        #expect(plan.steps.first?.verify == [])
        #expect(plan.steps.first?.rollback.restoreFile == "routing/app.json")
    }

    @Test func anUnknownFieldIsNamed() throws {
        let json =
            #"{"migration_id":"m","schemas":["public"],"tables":[],"steps":[{"id":"a","action":{"sql":["SELECT 1"]},"rollback":{"sql":["SELECT 1"]},"verfy":[]}]}"#
        let error = #expect(throws: ContractError.self) {
            try ContractDecoder().decode(CutoverPlan.self, from: Data(json.utf8), fileName: "cutover.json")
        }
        #expect(error?.description.contains("verfy") == true)
    }
}
