/// The standard migration state machine, `schemas/state_machine.json`, compiled in so the tool
/// works without the repository. A test checks that it matches the schema file.
extension MigrationStateMachine {
    static let standardDefinitionJSON = #"""
        {
          "machine": "rowproof-migration",
          "version": "1.0.0",
          "description": "The lifecycle of one migration, from registration to a verified cutover or a verified rollback.",
          "states": [
            {
              "name": "CREATED",
              "description": "The migration is registered; nothing has been inspected yet."
            },
            {
              "name": "DISCOVERED",
              "description": "Source and target schemas, tables, keys and row estimates are recorded."
            },
            {
              "name": "PROFILED",
              "description": "Column profiles (null rates, ranges, distinct estimates) are recorded for both sides."
            },
            {
              "name": "MAPPED",
              "description": "Every source column is paired with a target column and checked against the type-coercion rulebook."
            },
            {
              "name": "PLANNED",
              "description": "The migration plan is written and signed."
            },
            {
              "name": "REPLICATING",
              "description": "Data is being copied or replicated to the target."
            },
            {
              "name": "PARALLEL_RUN",
              "description": "Source and target run side by side and are reconciled on a schedule."
            },
            {
              "name": "READY_FOR_CUTOVER",
              "description": "Enough consecutive reconciliations passed; cutover and rollback plans are signed."
            },
            {
              "name": "CUTOVER_IN_PROGRESS",
              "description": "Traffic is being switched to the target."
            },
            {
              "name": "CUTOVER_DONE",
              "description": "The target serves traffic and the post-cutover reconciliation passed; the evidence pack is sealed."
            },
            {
              "name": "FAILED",
              "description": "The migration stopped before cutover; nothing needs rolling back."
            },
            {
              "name": "ROLLBACK",
              "description": "Traffic is being switched back to the source."
            },
            {
              "name": "ROLLED_BACK",
              "description": "The source serves traffic again and was verified."
            }
          ],
          "initial": "CREATED",
          "terminal": [
            "CUTOVER_DONE",
            "ROLLED_BACK",
            "FAILED"
          ],
          "transitions": [
            {
              "from": "CREATED",
              "to": "DISCOVERED",
              "description": "Discovery recorded both sides.",
              "guards": [
                "artifact_present:discovery_report"
              ]
            },
            {
              "from": "DISCOVERED",
              "to": "PROFILED",
              "description": "Profiling recorded both sides.",
              "guards": [
                "artifact_present:profile_report"
              ]
            },
            {
              "from": "PROFILED",
              "to": "MAPPED",
              "description": "Every column is mapped and no unapproved lossy coercion remains.",
              "guards": [
                "artifact_present:column_mapping",
                "artifact_present:type_coercion_check"
              ]
            },
            {
              "from": "MAPPED",
              "to": "PLANNED",
              "description": "The migration plan is signed and approved by the data owner.",
              "guards": [
                "artifact_present:migration_plan",
                "plan_signed:migration_plan",
                "approvals:data_ownerx1"
              ],
              "approvals": [
                {
                  "role": "data_owner",
                  "count": 1
                }
              ]
            },
            {
              "from": "PLANNED",
              "to": "REPLICATING",
              "description": "Replication to the target started.",
              "guards": [
                "artifact_present:replication_started"
              ]
            },
            {
              "from": "REPLICATING",
              "to": "PARALLEL_RUN",
              "description": "A first full reconciliation passed.",
              "guards": [
                "artifact_present:recon_report",
                "gate_passed"
              ]
            },
            {
              "from": "PARALLEL_RUN",
              "to": "READY_FOR_CUTOVER",
              "description": "The parallel-run requirement is met and both plans are signed.",
              "guards": [
                "parallel_runs_passed",
                "gate_passed",
                "artifact_present:cutover_plan",
                "plan_signed:cutover_plan",
                "artifact_present:rollback_plan",
                "plan_signed:rollback_plan"
              ]
            },
            {
              "from": "READY_FOR_CUTOVER",
              "to": "PARALLEL_RUN",
              "description": "Back to parallel runs, for example after a failed reconciliation.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "READY_FOR_CUTOVER",
              "to": "CUTOVER_IN_PROGRESS",
              "description": "Cutover starts with the gate open and both owners' approvals, neither given by the requester.",
              "guards": [
                "gate_passed",
                "approvals:data_ownerx1",
                "approvals:platform_ownerx1",
                "requester_not_approver"
              ],
              "approvals": [
                {
                  "role": "data_owner",
                  "count": 1
                },
                {
                  "role": "platform_owner",
                  "count": 1
                }
              ]
            },
            {
              "from": "CUTOVER_IN_PROGRESS",
              "to": "CUTOVER_DONE",
              "description": "The post-cutover reconciliation passed and the evidence pack is sealed.",
              "guards": [
                "artifact_present:post_cutover_recon_report",
                "gate_passed",
                "evidence_sealed"
              ]
            },
            {
              "from": "CUTOVER_IN_PROGRESS",
              "to": "ROLLBACK",
              "description": "The cutover is abandoned and the signed rollback plan runs.",
              "guards": [
                "reason_recorded",
                "plan_signed:rollback_plan",
                "approvals:platform_ownerx1"
              ],
              "approvals": [
                {
                  "role": "platform_owner",
                  "count": 1
                }
              ]
            },
            {
              "from": "ROLLBACK",
              "to": "ROLLED_BACK",
              "description": "The source serves traffic again, was reconciled, and the evidence pack is sealed.",
              "guards": [
                "artifact_present:rollback_report",
                "gate_passed",
                "evidence_sealed"
              ]
            },
            {
              "from": "ROLLBACK",
              "to": "FAILED",
              "description": "The rollback could not complete; manual recovery is required.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "CREATED",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "DISCOVERED",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "PROFILED",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "MAPPED",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "PLANNED",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "REPLICATING",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "PARALLEL_RUN",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            },
            {
              "from": "READY_FOR_CUTOVER",
              "to": "FAILED",
              "description": "The migration is abandoned before cutover.",
              "guards": [
                "reason_recorded"
              ]
            }
          ]
        }
        """#
}
