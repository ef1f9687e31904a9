public import Foundation
public import RowProofContracts

/// A cutover plan whose signature was verified against the trusted key ring.
///
/// The only way to get one is through ``SignedPlanVerifier``, so a cutover or rollback never runs
/// an unsigned or altered plan.
public struct VerifiedCutoverPlan: Sendable, Equatable {
    /// The signed document as verified.
    public let signed: SignedPlan
    /// The steps, decoded from the signed payload.
    public let plan: CutoverPlan

    /// The plan's identifier.
    public var planID: String { signed.plan.planID }
    /// SHA-256 of the canonical payload: the same steps always have the same digest.
    public var payloadSHA256: String { signed.plan.payloadSHA256 }

    /// Verifies the signed plan `data` and decodes its cutover steps.
    ///
    /// - Parameters:
    ///   - data: The signed plan document (JSON).
    ///   - source: The file name, for messages.
    ///   - verifier: The verifier holding the trusted keys.
    ///   - kinds: The plan kinds accepted: a cutover runs a `cutover_plan`; a rollback also accepts
    ///     a `rollback_plan` with the same steps.
    /// - Throws: ``CutoverError/Code-swift.struct/refused`` when the plan is unsigned, altered, of
    ///   another kind or signed by an unknown key; ``CutoverError/Code-swift.struct/badPlan`` when
    ///   the payload is not a valid cutover plan.
    public init(
        verifying data: Data,
        source: String,
        verifier: SignedPlanVerifier,
        kinds: Set<SignedPlan.Kind> = [.cutoverPlan]
    ) throws(CutoverError) {
        let signed: SignedPlan
        do {
            signed = try verifier.verify(data, source: source)
        } catch {
            throw CutoverError(.refused, "refusing to run the plan: \(error)")
        }
        guard kinds.contains(signed.plan.kind) else {
            throw CutoverError(
                .refused,
                "\(source): the plan is a \(signed.plan.kind.rawValue); expected \(kinds.map(\.rawValue).sorted().joined(separator: " or "))"
            )
        }
        let plan: CutoverPlan
        do {
            plan = try ContractDecoder().decode(CutoverPlan.self, from: JSONValue.object(signed.plan.payload))
        } catch {
            throw CutoverError(.badPlan, "\(source): the payload is not a cutover plan: \(error)")
        }
        if let migration = signed.plan.migrationID, migration != plan.migrationID {
            throw CutoverError(
                .badPlan,
                "\(source): the plan is signed for migration \(migration) but its payload names \(plan.migrationID)"
            )
        }
        self.signed = signed
        self.plan = plan
    }

    /// Reads and verifies the signed plan at `url`.
    public init(
        contentsOf url: URL,
        verifier: SignedPlanVerifier,
        kinds: Set<SignedPlan.Kind> = [.cutoverPlan]
    ) throws(CutoverError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CutoverError(.io, "cannot read the plan \(url.path)")
        }
        try self.init(verifying: data, source: url.path, verifier: verifier, kinds: kinds)
    }
}
