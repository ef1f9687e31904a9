public import RowProofContracts

/// The executable steps of a cutover: the payload of a signed plan of kind `cutover_plan`.
///
/// File format (JSON or YAML; sign it with `rowproof plan sign --kind cutover_plan`):
/// ```json
/// {
///   "migration_id": "orders-2025",
///   "schemas": ["public"],
///   "tables": ["public.orders", "public.orders_v2"],
///   "steps": [
///     {
///       "id": "swap-view",
///       "description": "Point the orders view at the migrated table",
///       "pre_checks": [{"sql": "SELECT count(*) FROM public.orders_v2", "expect": "1000"}],
///       "action": {"sql": ["CREATE OR REPLACE VIEW public.orders_current AS SELECT * FROM public.orders_v2"]},
///       "verify": [{"sql": "SELECT count(*) FROM public.orders_current", "expect": "1000"}],
///       "rollback": {"sql": ["CREATE OR REPLACE VIEW public.orders_current AS SELECT * FROM public.orders"]}
///     },
///     {
///       "id": "route-app",
///       "action": {"write_file": {"path": "routing/app.json", "contents": "{\"orders\": \"orders_v2\"}"}},
///       "verify": [{"file": "routing/app.json", "contains": "orders_v2"}],
///       "rollback": {"restore_file": "routing/app.json"}
///     }
///   ]
/// }
/// ```
/// `schemas` bounds the catalog fingerprint taken before the cutover (tables, views and their
/// definitions, columns); `tables` are the tables whose data hashes are taken. A rollback is
/// proven by both being back exactly as they were.
public struct CutoverPlan: ContractModel {
    /// The migration the plan belongs to.
    public var migrationID: String
    /// Schemas whose catalog is fingerprinted before and compared after a rollback.
    public var schemas: [String]
    /// Tables (`schema.table`) whose data is hashed before and compared after a rollback.
    public var tables: [String]
    /// The steps, run in order and rolled back in reverse order.
    public var steps: [CutoverStep]

    /// Creates a plan.
    public init(migrationID: String, schemas: [String], tables: [String], steps: [CutoverStep]) {
        self.migrationID = migrationID
        self.schemas = schemas
        self.tables = tables
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case migrationID = "migration_id"
        case schemas, tables, steps
    }

    public func validate(at path: ContractPath) throws(ContractError) {
        try path["migration_id"].check(migrationID, matches: .identifier)
        try path["schemas"].checkNotEmpty(schemas)
        try path["schemas"].checkEachNotEmpty(schemas)
        try path["tables"].checkEachNotEmpty(tables)
        for (index, table) in tables.enumerated() where table.split(separator: ".").count != 2 {
            throw path["tables"][index].fail("write tables as schema.table (got \"\(table)\")")
        }
        try path["steps"].checkNotEmpty(steps)
        for (index, step) in steps.enumerated() { try step.validate(at: path["steps"][index]) }
        try path["steps"].checkUnique(steps.map(\.id)) { "step id \"\($0)\"" }
    }
}
