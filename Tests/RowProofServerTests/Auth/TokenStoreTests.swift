import Foundation
import RowProofServer
import RowProofSources
import Testing

@Suite struct TokenStoreTests {
    func write(_ text: String, name: String = "tokens.yaml") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rowproof-tokens-\(UUID().uuidString)-\(name)"
        )
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func hashedAndReferencedTokensAreAccepted() throws {
        let path = try write(
            """
            tokens:
              - {name: ci, role: submitter, sha256: \(String(repeating: "0f", count: 32))}
              - {name: ops, role: admin, token: "env://OPS_TOKEN"}
            """
        )
        let store = try TokenStore.load(
            path: path,
            resolver: SecretResolver(environment: ["OPS_TOKEN": "ops-secret\n"])
        )
        #expect(store.identity(of: "ops-secret") == TokenIdentity(name: "ops", role: .admin))
        #expect(store.identity(of: "ops-secre") == nil)
        #expect(store.identity(of: "") == nil)
    }

    @Test func aHashEntryMatchesItsToken() throws {
        let digest = ServerProcess.sha256Hex("ci-secret")
        let path = try write(
            #"{"tokens": [{"name": "ci", "role": "approver", "sha256": "\#(digest.uppercased())"}]}"#,
            name: "t.json"
        )
        let store = try TokenStore.load(path: path)
        #expect(store.identity(of: "ci-secret")?.role == .approver)
        #expect(store.identity(of: "ci-secret ") == nil)
    }

    @Test(arguments: [
        ("tokens: []", "no tokens"),
        ("tokens: [{name: a, role: root, sha256: ab}]", "tokens[0].role"),
        ("tokens: [{name: a, role: admin, sha256: abcd}]", "tokens[0].sha256"),
        ("tokens: [{name: a, role: admin, token: plain-text-token}]", "tokens[0].token"),
        ("tokens: [{role: admin, token: env://X}]", "tokens[0].name"),
        ("tokens: [{name: a, role: admin}]", "exactly one of sha256"),
    ])
    func badEntriesNameTheField(_ text: String, _ expected: String) throws {
        let path = try write(text)
        let error = try #require(throws: ServerError.self) { try TokenStore.load(path: path) }
        #expect(error.message.contains(expected), "\(error)")
        #expect(!error.message.contains("plain-text-token"))
    }

    @Test func theRoleMatrix() {
        let allowed: [Role: Set<RowProofServer.Operation>] = [
            .submitter: [.submit, .read, .cancel],
            .approver: [.read],
            .admin: Set(RowProofServer.Operation.allCases),
        ]
        for role in Role.allCases {
            for operation in RowProofServer.Operation.allCases {
                #expect(role.allows(operation) == allowed[role]?.contains(operation), "\(role) \(operation)")
            }
        }
    }
}
