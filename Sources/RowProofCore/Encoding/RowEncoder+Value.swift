extension RowEncoder {
    /// Appends a materialized value.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidJSON`` for JSON that does not parse,
    ///   ``CanonicalError/Code-swift.enum/unsupportedType`` for an array inside an array.
    public mutating func append(_ value: CanonicalValue) throws(CanonicalError) {
        switch value {
        case .null: appendNull()
        case .bool(let flag): appendBool(flag)
        case .decimal(let decimal): appendDecimal(decimal)
        case .float(let number): appendFloat(number)
        case .text(let text): appendText(text)
        case .bytes(let bytes): bytes.withUnsafeBytes { appendBytes($0) }
        case .date(let days): appendDate(days: days)
        case .time(let micros): appendTime(micros: micros)
        case .timestamp(let micros): appendTimestamp(micros: micros)
        case .interval(let months, let days, let micros): appendInterval(months: months, days: days, micros: micros)
        case .uuid(let uuid): appendUUID(uuid)
        case .json(let text): try appendJSON(text)
        case .array(let elements): try appendArray(elements)
        }
    }

    /// Appends every value of a row in order.
    public mutating func append(contentsOf values: some Sequence<CanonicalValue>) throws(CanonicalError) {
        for value in values { try append(value) }
    }

    /// The canonical bytes of a row of materialized values.
    ///
    /// - Throws: The first value's error, naming its position.
    public static func canonicalBytes(of values: [CanonicalValue]) throws(CanonicalError) -> [UInt8] {
        var encoder = RowEncoder()
        try encoder.append(contentsOf: values)
        return encoder.bytes
    }

    /// The row hash of a row of materialized values.
    ///
    /// - Throws: The first value's error, naming its position.
    public static func rowHash(of values: [CanonicalValue]) throws(CanonicalError) -> UInt64 {
        var encoder = RowEncoder()
        try encoder.append(contentsOf: values)
        return encoder.finish()
    }
}
