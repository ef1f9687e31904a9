extension RowEncoder {
    /// Appends text given as UTF-8 bytes: validated, then written in Unicode NFC.
    ///
    /// ASCII (and any text below U+0300) is copied as is; other text is normalized.
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidUTF8`` naming the offending byte and offset.
    @inline(__always) @inlinable
    public mutating func appendText(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        // Optimistic: copy while checking for ASCII, keep the bytes only when they were ASCII.
        let length = bytes.count
        precondition(
            length <= Int(UInt32.max),
            "a canonical value payload is limited to 4 GiB by its u32 length; got \(length) bytes"
        )
        let destination = UnsafeMutableRawPointer(buffer.reserve(5 &+ length))
        if _fastPath(ValueEmitter.asciiText(bytes, at: destination)) {
            buffer.commit(5 &+ length)
            didAppendValue()
        } else {
            try appendNonASCIIText(utf8: bytes)
        }
    }

    @usableFromInline
    mutating func appendNonASCIIText(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        switch UTF8Validator.validate(bytes) {
        case .success(.ascii), .success(.belowCombiningMarks):
            buffer.appendValue(tag: .text, payload: bytes)
            didAppendValue()
        case .success(.other):
            appendNormalizedText(validUTF8: bytes)
        case .failure(let failure):
            throw attributed(failure)
        }
    }

    /// Appends text, written in Unicode NFC.
    public mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            switch UTF8Validator.validate(raw) {
            case .success(.ascii), .success(.belowCombiningMarks), .failure:
                // A Swift String is always valid UTF-8, so `.failure` cannot happen here.
                buffer.appendValue(tag: .text, payload: raw)
                didAppendValue()
            case .success(.other):
                appendNormalizedText(validUTF8: raw)
            }
        }
    }

    /// Appends JSON text given as UTF-8 bytes, written in its RFC 8785 canonical form.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidJSON`` with the offset of the problem,
    ///   or ``CanonicalError/Code-swift.enum/invalidUTF8``.
    public mutating func appendJSON(utf8 bytes: UnsafeRawBufferPointer) throws(CanonicalError) {
        let canonical: [UInt8]
        do {
            canonical = try JSONCanonicalizer.canonicalize(utf8: bytes)
        } catch {
            throw attributed(error)
        }
        canonical.withUnsafeBytes { buffer.appendValue(tag: .json, payload: $0) }
        didAppendValue()
    }

    /// Appends JSON text, written in its RFC 8785 canonical form.
    ///
    /// - Throws: ``CanonicalError/Code-swift.enum/invalidJSON`` with the offset of the problem.
    public mutating func appendJSON(_ text: String) throws(CanonicalError) {
        let utf8 = Array(text.utf8)
        let result = utf8.withUnsafeBytes { raw in
            Result { () throws(CanonicalError) in try appendJSON(utf8: raw) }
        }
        try result.get()
    }

    @usableFromInline
    mutating func appendNormalizedText(validUTF8 bytes: UnsafeRawBufferPointer) {
        let normalized = TextNormalizer.nfc(validUTF8: bytes)
        normalized.withUnsafeBytes { buffer.appendValue(tag: .text, payload: $0) }
        didAppendValue()
    }

    /// The same error, naming the column being written.
    @usableFromInline
    func attributed(_ failure: CanonicalError) -> CanonicalError {
        var named = error(failure.code, failure.detail)
        if let column = failure.column { named.column = column }
        return named
    }
}
