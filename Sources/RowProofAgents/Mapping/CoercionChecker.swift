import RowProofContracts
import RowProofCore
import RowProofSources

/// Checks one column pair for lossy coercions and counts the affected source rows.
struct CoercionChecker {
    let connection: CatalogConnection
    let table: InventoryTable
    let rulebook: TypeCoercionRulebook
    let sourceTypes: TypeResolver
    let targetTypes: TypeResolver
    let sourceEngine: SourceLocation.Engine
    let targetEngine: SourceLocation.Engine
    let profile: TableProfile?
    private(set) var queries: [String] = []

    init(
        connection: CatalogConnection,
        table: InventoryTable,
        rulebook: TypeCoercionRulebook,
        sourceTypes: TypeResolver,
        targetTypes: TypeResolver,
        sourceEngine: SourceLocation.Engine,
        targetEngine: SourceLocation.Engine,
        profile: TableProfile?
    ) {
        self.connection = connection
        self.table = table
        self.rulebook = rulebook
        self.sourceTypes = sourceTypes
        self.targetTypes = targetTypes
        self.sourceEngine = sourceEngine
        self.targetEngine = targetEngine
        self.profile = profile
    }

    private var from: String {
        (connection.engine == .postgres ? connection.quoted(table.schema) + "." : "")
            + connection.quoted(table.name)
    }

    private mutating func count(where predicate: String) throws(AgentError) -> (Int, String) {
        let sql = "SELECT count(*) FROM \(from) WHERE \(predicate)"
        queries.append(sql)
        let rows = try connection.rows(sql)
        return (rows.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0, sql)
    }

    private func rules(_ type: EngineType, engine: SourceLocation.Engine) -> TypeMapping? {
        let contractEngine: Engine = engine == .postgres ? .postgres : .sqlite
        return rulebook.mapping(engine: contractEngine, engineType: type.base)
    }

    mutating func map(
        _ column: InventoryColumn,
        to target: InventoryColumn?
    ) throws(AgentError)
        -> ColumnMapping
    {
        let sourceType = EngineType(column.type)
        let sourceLogical = sourceTypes.logicalType(forEngineType: column.type)
        guard let target else {
            return ColumnMapping(
                source: column.name,
                sourceType: column.type,
                target: nil,
                targetType: nil,
                logicalType: sourceLogical?.description,
                rules: [],
                losses: [
                    .init(
                        kind: "missing_column",
                        detail: "the target has no column \(column.name): every value is dropped"
                    )
                ]
            )
        }
        let targetType = EngineType(target.type)
        let targetLogical = targetTypes.logicalType(forEngineType: target.type)
        let sourceMapping = rules(sourceType, engine: sourceEngine)
        let targetMapping = rules(targetType, engine: targetEngine)
        let ruleIDs = Array(Set((sourceMapping?.rules ?? []) + (targetMapping?.rules ?? []))).sorted()
        let profiled = profile?.column(column.name)
        let name = connection.quoted(column.name)
        var losses: [ColumnMapping.Loss] = []

        if let sourceLogical, let targetLogical, sourceLogical != targetLogical,
            !(sourceLogical == .decimal && targetLogical == .float)
        {
            losses.append(
                .init(
                    kind: "type",
                    detail:
                        "source \(column.type) compares as \(sourceLogical), target \(target.type) as \(targetLogical)"
                )
            )
        }
        if let limit = targetType.length, sourceType.length.map({ $0 > limit }) ?? true,
            sourceLogical == .text
        {
            let length = connection.engine == .postgres ? "length(\(name))" : "length(\(name))"
            let (affected, sql) = try count(where: "\(length) > \(limit)")
            let maximum = profiled?.maxLength.map { "source max length \($0)" } ?? "source \(column.type)"
            losses.append(
                .init(
                    kind: "length",
                    detail: "\(maximum) > target \(target.type): \(affected) rows would be cut",
                    affectedRows: affected,
                    rule: nil,
                    query: sql
                )
            )
        }
        if let (precision, scale) = targetType.precisionScale {
            let sourceScale = sourceType.precisionScale?.scale ?? profiled?.maxScale
            if sourceScale.map({ $0 > scale }) ?? true,
                sourceLogical == .decimal || sourceLogical == .float
            {
                let predicate =
                    connection.engine == .postgres
                    ? "\(name)::numeric <> round(\(name)::numeric, \(scale))"
                    : "round(\(name), \(scale)) <> CAST(\(name) AS REAL)"
                let (affected, sql) = try count(where: predicate)
                let used =
                    profiled?.maxScale.map { "source uses up to \($0) decimals" } ?? "source \(column.type)"
                losses.append(
                    .init(
                        kind: "scale",
                        detail:
                            "\(used) > target scale \(scale) (\(target.type)): \(affected) rows would be rounded",
                        affectedRows: affected,
                        rule: "decimal_round_to_scale",
                        query: sql
                    )
                )
            }
            let integerDigits = precision - scale
            let sourceDigits =
                sourceType.precisionScale.map { $0.precision - $0.scale } ?? profiled?.maxIntegerDigits
            if sourceDigits.map({ $0 > integerDigits }) ?? true,
                sourceLogical == .decimal || sourceLogical == .float
            {
                let bound = "1" + String(repeating: "0", count: integerDigits)
                let (affected, sql) = try count(where: "abs(\(name)) >= \(bound)")
                losses.append(
                    .init(
                        kind: "precision",
                        detail: "target \(target.type) holds \(integerDigits) integer digits"
                            + (profiled?.maxIntegerDigits.map { ", source uses up to \($0)" } ?? "")
                            + ": \(affected) rows would overflow",
                        affectedRows: affected,
                        query: sql
                    )
                )
            }
        }
        if let targetLimit = targetType.integerLimit,
            (sourceType.integerLimit ?? Int64.max) > targetLimit, sourceLogical == .decimal
        {
            let (affected, sql) = try count(where: "abs(\(name)) > \(targetLimit)")
            losses.append(
                .init(
                    kind: "precision",
                    detail:
                        "target \(target.type) holds at most \(targetLimit): \(affected) rows would overflow",
                    affectedRows: affected,
                    query: sql
                )
            )
        }
        if targetType.isFloat, sourceLogical == .decimal {
            losses.append(
                .init(
                    kind: "float",
                    detail:
                        "exact \(column.type) stored as binary floating point \(target.type): digits beyond binary64 are lost",
                    rule: "float_from_exact"
                )
            )
        }
        if sourceLogical == .timestamp || sourceLogical == .time {
            let offsets = profiled?.offsets?.filter { $0.value != "none" && $0.value != "Z" } ?? []
            if sourceType.hasTimeZone, !targetType.hasTimeZone {
                losses.append(
                    .init(
                        kind: "time_zone",
                        detail:
                            "source \(column.type) keeps instants, target \(target.type) does not: values are written "
                            + "in the loader's session time zone and the zone is lost",
                        rule: "naive_timestamp_zone"
                    )
                )
            } else if !offsets.isEmpty, !targetType.hasTimeZone {
                let total = offsets.reduce(0) { $0 + $1.count }
                losses.append(
                    .init(
                        kind: "time_zone",
                        detail: "\(total) source values carry UTC offsets ("
                            + offsets.map { "\($0.value ?? "") \($0.count)" }
                            .joined(separator: ", ") + ") that target \(target.type) cannot keep",
                        affectedRows: total,
                        rule: "offset_dropped",
                        query: profiled?.queries.last
                    )
                )
            } else if !sourceType.hasTimeZone, targetType.hasTimeZone {
                losses.append(
                    .init(
                        kind: "time_zone",
                        detail:
                            "naive source \(column.type) becomes \(target.type): values are read in the loader's "
                            + "session time zone; set it explicitly (UTC per the rulebook)",
                        rule: "naive_timestamp_zone"
                    )
                )
            }
        }
        if let targetMapping, targetMapping.isLossy, losses.isEmpty {
            losses.append(
                .init(
                    kind: "type",
                    detail:
                        "the rulebook marks \(target.type) lossy: \((targetMapping.rules ?? []).joined(separator: ", "))",
                    rule: targetMapping.rules?.first
                )
            )
        }
        return ColumnMapping(
            source: column.name,
            sourceType: column.type,
            target: target.name,
            targetType: target.type,
            logicalType: (sourceLogical ?? targetLogical)?.description,
            rules: ruleIDs,
            losses: losses
        )
    }
}
