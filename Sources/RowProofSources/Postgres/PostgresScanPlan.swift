import RowProofCore

/// The fields, key positions and SQL of one scan, checked against the table's columns.
///
/// The SELECT lists its fields in the table's column order (or in ``fieldOrder`` when given),
/// not in plan order: a target list that is the table's own row lets Postgres hand each tuple
/// to COPY without projecting it, which is measurably cheaper for the server. The decoder puts
/// the values back in plan order.
struct PostgresScanPlan {
    /// The selected fields, in SELECT order.
    var fields: [PostgresRowStream.Field] = []
    /// The field index of each key column, in key order.
    var keyFields: [Int] = []
    /// The field index of each plan column, in plan order.
    var planFields: [Int] = []
    /// For each field in SELECT order, its position among the request's fields (the plan's
    /// columns, then key columns the plan leaves out).
    var fieldOrder: [Int] = []
    /// Per field: the cast applied in the SELECT (`money` → numeric), if any.
    private var casts: [String?] = []
    private var keyTypes: [PostgresTypeInfo] = []
    private let table: PostgresTableInfo
    private let request: ScanRequest

    /// Plans a scan of `request` on `table`. `fieldOrder` (another scan's ``fieldOrder``, such as
    /// the source's for the target of a pair) fixes the SELECT order instead of the table's column
    /// order, so that equal rows of both sides arrive as equal bytes; it is ignored unless it is a
    /// permutation of this scan's fields.
    init(
        request: ScanRequest,
        table: PostgresTableInfo,
        trimsCharPadding: Bool,
        fieldOrder: [Int]? = nil
    ) throws(SourceError) {
        self.table = table
        self.request = request
        let name = table.description.tableName
        if request.isKeyless, !request.range.isUnbounded {
            throw SourceError(
                .schema,
                "a keyless scan of \(name) cannot have a key range",
                hint: "scan keyless tables whole"
            )
        }
        if !request.isKeyless, request.keyColumns.isEmpty {
            throw SourceError(
                .schema,
                "the scan of \(name) names no key columns",
                hint: "name the key columns, or scan in keyless multiset mode"
            )
        }
        for column in request.columns {
            let (type, decoder) = try Self.column(column.name, in: table, trimsCharPadding: trimsCharPadding)
            guard decoder.logicalType == column.logicalType else {
                throw SourceError(
                    .schema,
                    "column \"\(column.name)\" of \(name) is \(type.formatted), read as \(decoder.logicalType), "
                        + "but the column plan asks for \(column.logicalType)",
                    hint: "use the column's logical type in the plan, or cast the column in a view"
                )
            }
            fields.append(.init(name: column.name, decoder: decoder, isInPlan: true))
            casts.append(PostgresFieldDecoder.selectCast(forBaseType: type.baseName))
        }
        for key in request.isKeyless ? [] : request.keyColumns {
            let (type, decoder) = try Self.column(key, in: table, trimsCharPadding: trimsCharPadding)
            guard decoder.logicalType.canBeKey else {
                throw SourceError(
                    .schema,
                    "column \"\(key)\" of \(name) is \(type.formatted) (\(decoder.logicalType)), which cannot be a key",
                    hint: "key on integer, text, bytes, date, time, timestamp, uuid or bool columns"
                )
            }
            if let index = fields.firstIndex(where: { $0.name == key }) {
                keyFields.append(index)
            } else {
                fields.append(.init(name: key, decoder: decoder, isInPlan: false))
                casts.append(PostgresFieldDecoder.selectCast(forBaseType: type.baseName))
                keyFields.append(fields.count - 1)
            }
            keyTypes.append(type)
        }
        for bound in [request.range.lower, request.range.upper].compactMap({ $0 }) where bound.count != keyTypes.count {
            throw SourceError(
                .schema,
                "a key range bound of \(name) has \(bound.count) value(s) but the key has \(keyTypes.count) column(s)",
                hint: "plan ranges with the same key columns as the scan"
            )
        }
        selectInOrder(fieldOrder)
    }

    /// Reorders the fields for the SELECT: by `order` when it is a permutation of them, else by
    /// the columns' positions in the table. Plan and key positions follow the fields.
    private mutating func selectInOrder(_ order: [Int]?) {
        let requested = Array(fields.indices)
        let ordinals = Dictionary(
            table.description.columns.map { ($0.name, $0.ordinal) },
            uniquingKeysWith: { first, _ in first }
        )
        let chosen =
            order.flatMap { $0.sorted() == requested ? $0 : nil }
            ?? requested.sorted { (ordinals[fields[$0].name] ?? .max, $0) < (ordinals[fields[$1].name] ?? .max, $1) }
        var selected = Array(repeating: 0, count: fields.count)
        for (position, field) in chosen.enumerated() { selected[field] = position }
        planFields = requested.filter { fields[$0].isInPlan }.map { selected[$0] }
        keyFields = keyFields.map { selected[$0] }
        fields = chosen.map { fields[$0] }
        casts = chosen.map { casts[$0] }
        fieldOrder = chosen
    }

    /// The column's type and decoder, or the error that names the table, column, type and fix.
    private static func column(
        _ column: String,
        in table: PostgresTableInfo,
        trimsCharPadding: Bool
    ) throws(SourceError) -> (PostgresTypeInfo, PostgresFieldDecoder) {
        let name = table.description.tableName
        guard let type = table.columnTypes[column] else {
            let all = table.description.columns.map(\.name)
            let similar = SimilarNames.closest(to: column, among: all)
            throw SourceError(
                .schema,
                "table \(name) has no column \"\(column)\"",
                hint: similar.isEmpty
                    ? "its columns are: \(all.joined(separator: ", "))"
                    : "did you mean: \(similar.joined(separator: ", "))"
            )
        }
        guard let decoder = type.decoder(trimsCharPadding: trimsCharPadding) else {
            throw SourceError(
                .schema,
                "column \"\(column)\" of table \(name) has type \(type.formatted), which RowProof cannot compare",
                hint:
                    "exclude the column from the job, or cast it to a supported type (text, numeric, …) in a view and compare the view"
            )
        }
        return (type, decoder)
    }

    /// The ORDER BY expression of key column `index`: text-like keys in byte order, `timetz`
    /// keys by their UTC time of day (their canonical value; Postgres orders `timetz` by UTC time
    /// without reducing it modulo a day, then by zone).
    func orderExpression(_ index: Int) -> String {
        let column = PostgresSQL.identifier(fields[keyFields[index]].name)
        let type = keyTypes[index]
        if case .timetz = fields[keyFields[index]].decoder { return PostgresSQL.utcTimeOfDay(column) }
        guard fields[keyFields[index]].decoder.isTextLike else { return column }
        return type.baseName == "text" || type.baseName == "varchar"
            ? "\(column) COLLATE \"C\"" : "\(column)::text COLLATE \"C\""
    }

    /// `'value'::type` for a bound component: of the key's own type, or text when the key is
    /// ordered as text (``orderExpression(_:)`` casts `inet`, `citext` and the like to text).
    func literal(_ value: CanonicalValue, keyIndex: Int) -> String {
        let cast = fields[keyFields[keyIndex]].decoder.isTextLike ? "text" : keyTypes[keyIndex].literalCast
        return PostgresSQL.literal(PostgresSQL.boundText(value)) + "::" + cast
    }

    /// `(k1, k2) >= ('a'::text, '1'::int8)` or the single-column form.
    func comparison(_ bound: [CanonicalValue], _ op: String) -> String {
        let left = keyFields.indices.map(orderExpression)
        let right = bound.enumerated().map { literal($0.element, keyIndex: $0.offset) }
        if left.count == 1 { return "\(left[0]) \(op) \(right[0])" }
        return "(\(left.joined(separator: ", "))) \(op) (\(right.joined(separator: ", ")))"
    }

    /// The SELECT of the scan (also used for counting in tests and benchmarks).
    func selectStatement() -> String {
        let columns = zip(fields, casts).map { field, cast in
            PostgresSQL.identifier(field.name) + (cast.map { "::\($0)" } ?? "")
        }
        var sql =
            "SELECT " + columns.joined(separator: ", ")
            + " FROM " + table.qualifiedName
        var predicates: [String] = []
        if let lower = request.range.lower { predicates.append(comparison(lower, ">=")) }
        if let upper = request.range.upper {
            let below = comparison(upper, "<")
            predicates.append(request.range.lower == nil ? withNullKeys(below) : below)
        }
        if let filter = request.filter { predicates.append("(\(filter))") }
        if !predicates.isEmpty { sql += " WHERE " + predicates.joined(separator: " AND ") }
        if !keyFields.isEmpty { sql += " ORDER BY " + keyFields.indices.map(orderExpression).joined(separator: ", ") }
        return sql
    }

    /// `predicate`, or also rows whose nullable key columns hold NULL: the first chunk reads
    /// them, so a NULL key fails the scan (`NULL_KEY`) instead of falling outside every range
    /// (no comparison with a bound is true for NULL) and silently out of the comparison.
    private func withNullKeys(_ predicate: String) -> String {
        let nullable = Set(table.description.columns.filter(\.isNullable).map(\.name))
        let tests = keyFields.map { fields[$0].name }.filter(nullable.contains).map {
            PostgresSQL.identifier($0) + " IS NULL"
        }
        return tests.isEmpty ? predicate : "(" + ([predicate] + tests).joined(separator: " OR ") + ")"
    }

    func copyStatement() -> String {
        "COPY (\(selectStatement())) TO STDOUT (FORMAT binary)"
    }
}
