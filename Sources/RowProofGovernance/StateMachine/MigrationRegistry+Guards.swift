import Foundation
import RowProofContracts

/// What a transition is being checked for: who runs it, why, and when.
struct GuardContext {
    var migration: Migration
    var to: MigrationState
    var actor: String
    var reason: String?
    var now: Date
}

extension MigrationRegistry {
    /// Answers one guard for a transition; reads the registry and the artifacts' files.
    func check(_ guardValue: TransitionGuard, _ transition: TransitionDefinition, context: GuardContext) -> GuardOutcome
    {
        do {
            return try evaluate(guardValue, transition, context: context)
        } catch {
            return .unmet("could not be checked: \(error.message)")
        }
    }

    private func evaluate(
        _ guardValue: TransitionGuard,
        _ transition: TransitionDefinition,
        context: GuardContext
    ) throws(GovernanceError) -> GuardOutcome {
        let id = context.migration.id
        switch guardValue {
        case .artifactPresent(let name):
            return artifactOutcome(id, name)
        case .evidenceSealed:
            return artifactOutcome(id, "evidence_pack")
        case .planSigned(let kind):
            guard case .success(let record) = try checkArtifact(migration: id, name: kind.rawValue) else {
                return artifactOutcome(id, kind.rawValue)
            }
            do {
                let plan = try SignedPlanVerifier(keyRing: keyRing).verify(
                    contentsOf: URL(fileURLWithPath: record.path),
                    expecting: kind
                )
                if let planMigration = plan.plan.migrationID, planMigration != id {
                    return .unmet("\(record.path) is a plan for migration \(planMigration), not \(id)")
                }
                return .met
            } catch {
                return .unmet("\(error)")
            }
        case .approvals(let role, let count):
            return try approvalOutcome(role: role, count: count, context: context)
        case .gatePassed:
            return try gateOutcome(
                id,
                Self.reconGate,
                what: "reconciliation gate",
                howTo: "run a reconciliation and record its verdict (gate \"\(Self.reconGate)\")"
            )
        case .parallelRunsPassed:
            return try gateOutcome(
                id,
                Self.parallelRunsGate,
                what: "parallel-run requirement",
                howTo: "run `rowproof parallel-run` until the policy's requirement is met"
            )
        case .requesterNotApprover:
            let requester = try openRequest(migration: id, to: context.to)?.requester ?? context.actor
            let approvers = Set(try countedApprovals(context: context).map(\.identity))
            let conflicted = [requester, context.actor].filter { approvers.contains($0) }
            guard conflicted.isEmpty else {
                return .unmet(
                    "\(Set(conflicted).sorted().joined(separator: ", ")) requested or runs this transition and also approved it; "
                        + "self-approval does not count: another person must approve, or someone else must run it"
                )
            }
            return .met
        case .reasonRecorded:
            guard let reason = context.reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .unmet("give a reason (--reason \"…\")")
            }
            return .met
        }
    }

    private func artifactOutcome(_ id: String, _ name: String) -> GuardOutcome {
        do {
            switch try checkArtifact(migration: id, name: name) {
            case .success: return .met
            case .failure(let error): return .unmet(error.message + (error.hint.map { "; \($0)" } ?? ""))
            }
        } catch {
            return .unmet(error.message)
        }
    }

    private func gateOutcome(
        _ id: String,
        _ name: String,
        what: String,
        howTo: String
    ) throws(GovernanceError) -> GuardOutcome {
        guard let gate = try gate(migration: id, name: name) else {
            return .unmet("no \(what) verdict is recorded; \(howTo)")
        }
        guard gate.passed else {
            return .unmet("the latest \(what) verdict (\(gate.recordedAt), by \(gate.recordedBy)) failed; \(howTo)")
        }
        return .met
    }

    /// The approvals that count for the transition into `context.to`: for the current SHA-256 of
    /// the approved artifact, not expired, one per identity.
    func countedApprovals(context: GuardContext) throws(GovernanceError) -> [ApprovalRecord] {
        var seen: Set<String> = []
        var counted: [ApprovalRecord] = []
        for approval in try approvals(migration: context.migration.id, to: context.to).reversed() {
            guard !approval.isExpired(at: context.now),
                let current = try artifact(migration: context.migration.id, name: approval.artifact),
                current.sha256 == approval.artifactSHA256,
                seen.insert("\(approval.role)\u{0}\(approval.identity)").inserted
            else { continue }
            counted.append(approval)
        }
        return counted
    }

    private func approvalOutcome(
        role: String,
        count: Int,
        context: GuardContext
    ) throws(GovernanceError) -> GuardOutcome {
        let valid = try countedApprovals(context: context).filter { $0.role == role }
        let identities = Set(valid.map(\.identity))
        if identities.count >= count { return .met }
        var notes: [String] = []
        for approval in try approvals(migration: context.migration.id, to: context.to)
        where approval.role == role && !identities.contains(approval.identity) {
            if approval.isExpired(at: context.now) {
                notes.append("\(approval.identity)'s approval expired at \(approval.expiresAt ?? "?")")
            } else if let current = try artifact(migration: context.migration.id, name: approval.artifact),
                current.sha256 != approval.artifactSHA256
            {
                notes.append(
                    "\(approval.identity) approved \(approval.artifact) sha256 \(approval.artifactSHA256.prefix(12))…, "
                        + "but it is now \(current.sha256.prefix(12))… (stale: approve the new version)"
                )
            }
        }
        let subject = ApprovalSubject.defaultArtifact(for: context.to).map { " of \($0)" } ?? ""
        return .unmet(
            "needs \(count) approval(s) by \(role)\(subject) for \(context.to.rawValue), has \(identities.count)"
                + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
                + "; approve with `rowproof migration approve \(context.migration.id) --to \(context.to.rawValue) --role \(role) --actor NAME`"
        )
    }
}
