/// A plan the control plane signed (`schemas/signed_plan.schema.json`).
///
/// The signature covers the RFC 8785 canonical JSON of ``plan``; ``PlanBody/payloadSHA256`` is
/// the SHA-256 of the canonical JSON of the payload. Execution refuses a plan when either
/// does not verify.
public struct SignedPlan: ContractModel {
    /// The kinds of plan RowProof signs.
    public enum Kind: String, ContractEnum {
        /// The key-range chunks of a reconciliation.
        case reconChunkPlan = "recon_chunk_plan"
        /// The steps of a cutover.
        case cutoverPlan = "cutover_plan"
        /// The steps of a rollback.
        case rollbackPlan = "rollback_plan"
        /// The migration as a whole.
        case migrationPlan = "migration_plan"
    }

    /// The signed content.
    public var plan: PlanBody
    /// The signature over ``plan``.
    public var signature: SignatureBlock

    /// Creates a signed plan.
    public init(plan: PlanBody, signature: SignatureBlock) {
        self.plan = plan
        self.signature = signature
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try plan.validate(at: path["plan"])
        try signature.validate(at: path["signature"])
    }
}
