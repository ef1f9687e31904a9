import RowProofCore

/// Builds ``CanonicalRow``s for compare tests with the real encoders.
enum TestRows {
    /// A row whose key is its first `keyArity` values (the column plan starts with the key).
    static func row(_ values: [CanonicalValue], keyArity: Int = 1) throws -> CanonicalRow {
        let key = try KeyEncoder.encode(Array(values.prefix(keyArity)), expectedArity: keyArity)
        var encoder = RowEncoder()
        try encoder.append(contentsOf: values)
        return CanonicalRow(key: key, bytes: encoder.bytes, hash: encoder.finish())
    }

    /// A two-column row `(id, value)`.
    static func row(_ id: Int64, _ value: CanonicalValue) throws -> CanonicalRow {
        try row([.decimal(CanonicalDecimal(integer: id)), value])
    }

    /// A two-column row `(id, 'text')`.
    static func row(_ id: Int64, _ text: String) throws -> CanonicalRow {
        try row(id, .text(text))
    }

    static func decimal(_ text: String) throws -> CanonicalValue {
        .decimal(try CanonicalDecimal(parsing: text))
    }

    static func key(_ id: Int64) throws -> [UInt8] {
        try KeyEncoder.encode([.decimal(CanonicalDecimal(integer: id))], expectedArity: 1)
    }
}

/// A sink that keeps everything, to check what the differ delivered.
struct CollectingSink: DifferenceSink {
    var received: [RowDifference] = []

    mutating func receive(_ difference: RowDifference) {
        received.append(difference)
    }

    func kinds() -> [DifferenceKind] { received.map(\.kind) }
}

extension MergeDiffer {
    /// Diffs two arrays with column plan `columns`, returning the summary and every difference.
    static func run(
        _ source: [CanonicalRow],
        _ target: [CanonicalRow],
        columns: [String] = ["id", "value"],
        sampleLimit: Int = 100,
        tolerance: TolerancePolicy = .exact
    ) throws -> (DiffSummary, [RowDifference]) {
        let differ = try MergeDiffer(
            configuration: DiffConfiguration(columnNames: columns, sampleLimit: sampleLimit, tolerance: tolerance)
        )
        var sourceStream = ArrayRowStream(source)
        var targetStream = ArrayRowStream(target)
        var sink = CollectingSink()
        let summary = try differ.diff(source: &sourceStream, target: &targetStream, sink: &sink)
        return (summary, sink.received)
    }
}
