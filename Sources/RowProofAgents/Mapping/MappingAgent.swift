public import Foundation
import RowProofContracts
import RowProofCore
public import RowProofSources

/// The mapping agent: pairs a source table's columns with the target's and runs each pair
/// through the type-coercion rulebook, flagging every lossy coercion (length, scale,
/// precision, time zone, float, type) with the affected rows counted on the source and the
/// profile's figures as evidence.
public struct MappingAgent: Sendable {
    /// The rulebook's bytes (`policy/type_coercion_rulebook.json`).
    public var rulebookData: Data
    /// The rulebook's name in the output's inputs.
    public var rulebookName: String

    /// Creates the agent with a rulebook.
    public init(rulebookData: Data, rulebookName: String) {
        self.rulebookData = rulebookData
        self.rulebookName = rulebookName
    }

    /// Maps `source` (read through `connection`) onto `target` (on `targetEngine`).
    ///
    /// - Parameter profile: The source table's profile; its lengths, scales and offsets are cited.
    /// - Throws: ``AgentError/Code/input`` when the rulebook is not valid, ``AgentError/Code/source``
    ///   when a count query fails.
    public func run(
        _ connection: CatalogConnection,
        source: InventoryTable,
        target: InventoryTable,
        targetEngine: SourceLocation.Engine,
        profile: TableProfile?,
        builder: inout AgentOutputBuilder
    ) throws(AgentError) -> TableMapping {
        let rulebook: TypeCoercionRulebook
        let sourceTypes: TypeResolver
        let targetTypes: TypeResolver
        do {
            rulebook = try ContractDecoder().decode(
                TypeCoercionRulebook.self,
                from: rulebookData,
                fileName: rulebookName
            )
            sourceTypes = Self.resolver(rulebookData, engine: connection.engine)
            targetTypes = Self.resolver(rulebookData, engine: targetEngine)
        } catch {
            throw AgentError(.input, "the rulebook \(rulebookName) is not valid: \(error)")
        }
        builder.read(rulebookName, kind: .rulebook, bytes: rulebookData)
        var checker = CoercionChecker(
            connection: connection,
            table: source,
            rulebook: rulebook,
            sourceTypes: sourceTypes,
            targetTypes: targetTypes,
            sourceEngine: connection.engine,
            targetEngine: targetEngine,
            profile: profile
        )
        var columns: [ColumnMapping] = []
        for column in source.columns {
            let targetColumn = target.columns.first { $0.name.lowercased() == column.name.lowercased() }
            let mapping = try checker.map(column, to: targetColumn)
            columns.append(mapping)
            for loss in mapping.losses {
                builder.claim(
                    Self.claim(loss, mapping: mapping, source: source, target: target, rulebook: rulebookName)
                )
            }
        }
        for query in checker.queries { builder.ran(query) }
        let lossless = columns.filter { !$0.isLossy }
        builder.claim(
            AgentClaim(
                id: "lossless-"
                    + String(source.qualifiedName.map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40)),
                statement:
                    "\(lossless.count) of \(columns.count) columns of \(source.qualifiedName) map to \(target.qualifiedName) "
                    + "without loss: \(lossless.map(\.source).joined(separator: ", ")).",
                confidence: 1,
                evidence: [
                    .rule(rulebook.rulebook, shows: "rulebook \(rulebook.rulebook) \(rulebook.version)"),
                    .file(rulebookName),
                ]
            )
        )
        return TableMapping(
            source: source.qualifiedName,
            target: target.qualifiedName,
            keyColumns: source.primaryKey,
            columns: columns
        )
    }

    /// The rulebook's type table for `engine`, completed by the built-in one for names it lacks.
    static func resolver(_ rulebook: Data, engine: SourceLocation.Engine) -> TypeResolver {
        let builtIn = TypeResolver.builtIn(for: engine)
        guard let fromRulebook = try? TypeResolver.mapping(fromRulebook: rulebook, engine: engine)
        else { return builtIn }
        return TypeResolver(
            engine: engine,
            mapping: builtIn.mapping.merging(fromRulebook) { _, rule in rule }
        )
    }

    static func claim(
        _ loss: ColumnMapping.Loss,
        mapping: ColumnMapping,
        source: InventoryTable,
        target: InventoryTable,
        rulebook: String
    ) -> AgentClaim {
        var evidence: [ClaimEvidence] = []
        if let query = loss.query {
            evidence.append(.query(query, shows: "\(loss.affectedRows ?? 0) rows affected"))
        }
        if let rule = loss.rule { evidence.append(.rule(rule, shows: "rule in \(rulebook)")) }
        evidence.append(
            .metric(
                "\(source.qualifiedName).\(mapping.source) \(mapping.sourceType) -> \(target.qualifiedName)."
                    + "\(mapping.target ?? "(none)") \(mapping.targetType ?? "")",
                shows: loss.detail
            )
        )
        let id =
            "lossy-\(loss.kind)-"
            + String(
                "\(source.name).\(mapping.source)".map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40)
            )
        return AgentClaim(
            id: id,
            statement:
                "Lossy \(loss.kind) coercion of \(source.qualifiedName).\(mapping.source): \(loss.detail).",
            confidence: loss.affectedRows != nil ? 1 : 0.9,
            evidence: evidence
        )
    }
}
