/// Big-endian loads from Postgres binary COPY data, bounds-checked by the caller once per field.
enum PostgresBinary {
    /// Days from 1970-01-01 to Postgres' epoch 2000-01-01.
    static let epochDays: Int32 = 10_957
    /// Microseconds from 1970-01-01 to Postgres' epoch 2000-01-01.
    static let epochMicros: Int64 = 946_684_800_000_000
    /// Microseconds in a day.
    static let microsPerDay: Int64 = 86_400_000_000
    /// The 11-byte signature that starts a binary COPY stream.
    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    @inline(__always)
    static func int16(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> Int16 {
        Int16(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int16.self))
    }

    @inline(__always)
    static func uint16(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt16 {
        UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always)
    static func int32(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> Int32 {
        Int32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    @inline(__always)
    static func uint32(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func int64(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> Int64 {
        Int64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }

    @inline(__always)
    static func uint64(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
