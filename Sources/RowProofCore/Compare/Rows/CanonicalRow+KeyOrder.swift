extension CanonicalRow {
    /// Compares two key encodings as memcmp does, a shorter prefix first.
    ///
    /// - Returns: A negative number if `lhs` sorts first, 0 if equal, a positive number otherwise.
    @inlinable
    public static func compareKeys(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBytes { a in
            rhs.withUnsafeBytes { b in
                let common = min(a.count, b.count)
                var index = 0
                while index + 8 <= common {
                    let x = a.loadUnaligned(fromByteOffset: index, as: UInt64.self).bigEndian
                    let y = b.loadUnaligned(fromByteOffset: index, as: UInt64.self).bigEndian
                    if x != y { return x < y ? -1 : 1 }
                    index += 8
                }
                while index < common {
                    if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
                    index += 1
                }
                return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
            }
        }
    }
}
