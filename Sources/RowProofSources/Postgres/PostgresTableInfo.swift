import RowProofCore

/// What a session learned about a table: its description plus how to read each column.
struct PostgresTableInfo {
    var description: TableDescription
    var oid: Int64
    /// Pages on disk (`relpages`), to decide whether statistics may be gathered.
    var pages: Int64
    /// Per column name: the resolved base type.
    var columnTypes: [String: PostgresTypeInfo]

    var qualifiedName: String { PostgresSQL.qualified(description.schema, description.name) }
}

/// A column type after resolving domains: its base type name, or an array of an element type.
struct PostgresTypeInfo: Hashable {
    /// `pg_type.typname` of the base type (`int4`, `numeric`, `_text`), `enum` for enums.
    var baseName: String
    /// `format_type` of the base type with its modifier (`numeric(12,2)`).
    var formatted: String
    var isEnum: Bool
    /// The element type for arrays.
    var element: [PostgresTypeInfo]

    /// The decoder for this type, or `nil` when RowProof has no canonical form for it.
    func decoder(trimsCharPadding: Bool) -> PostgresFieldDecoder? {
        if let element = element.first {
            guard element.element.isEmpty, let inner = element.decoder(trimsCharPadding: trimsCharPadding) else {
                return nil
            }
            return .array(inner)
        }
        return PostgresFieldDecoder.forBaseType(baseName, isEnum: isEnum, trimsCharPadding: trimsCharPadding)
    }

    /// The type name a bound literal of a key not ordered as text is cast to (`int8`,
    /// `timestamptz`); keys ordered as text take `text` (see `PostgresScanPlan.literal`).
    var literalCast: String {
        switch baseName {
        case "int2", "int4", "int8", "oid": "int8"
        // timetz keys are compared by their UTC time of day (PostgresSQL.utcTimeOfDay).
        case "timetz": "time"
        default: baseName
        }
    }

    /// The name the type resolver looks up (`enum` for enums, `_int4` style for arrays).
    var resolverName: String {
        if let element = element.first { return "_" + element.resolverName }
        return isEnum ? "enum" : baseName
    }
}
