import Foundation
import RowProofContracts

/// The contracts with a schema in `schemas/`, keyed by the schema's name.
enum ContractKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case agentOutput = "agent_output"
    case archetype
    case evidencePack = "evidence_pack"
    case policy
    case reconJob = "recon_job"
    case reconReport = "recon_report"
    case signedPlan = "signed_plan"
    case stateMachine = "state_machine"
    case typeCoercionRulebook = "type_coercion_rulebook"

    var description: String { rawValue }

    /// `schemas/<name>.schema.json`.
    var schemaPath: String { "schemas/\(rawValue).schema.json" }

    /// Decodes and validates `data` as this contract, returning the value.
    func decode(_ data: Data, fileName: String) throws -> any ContractModel {
        let decoder = ContractDecoder()
        switch self {
        case .agentOutput: return try decoder.decode(AgentOutput.self, from: data, fileName: fileName)
        case .archetype: return try decoder.decode(Archetype.self, from: data, fileName: fileName)
        case .evidencePack: return try decoder.decode(EvidenceManifest.self, from: data, fileName: fileName)
        case .policy: return try decoder.decode(Policy.self, from: data, fileName: fileName)
        case .reconJob: return try decoder.decode(ReconJob.self, from: data, fileName: fileName)
        case .reconReport: return try decoder.decode(ReconReport.self, from: data, fileName: fileName)
        case .signedPlan: return try decoder.decode(SignedPlan.self, from: data, fileName: fileName)
        case .stateMachine: return try decoder.decode(StateMachineDefinition.self, from: data, fileName: fileName)
        case .typeCoercionRulebook: return try decoder.decode(TypeCoercionRulebook.self, from: data, fileName: fileName)
        }
    }
}
