import Foundation

/// The reused memory a connection copies COPY messages into, so reading a row allocates nothing.
///
/// libpq's `PQgetCopyData` hands each message over in a buffer of its own (one `malloc` and one
/// `free` per row). `PQgetlineAsync` instead copies a message that is already buffered into
/// memory the caller provides, and returns only part of a message that does not fit. A CopyData
/// message's length is a signed 32-bit number, so a buffer of `Int32.max` bytes always takes a
/// whole message and a partial one can never occur. That much address space is reserved without
/// committing memory (`MAP_NORESERVE`): only the pages a row actually touches become resident, one
/// or two for rows of the usual size.
///
/// `nil` when the system refuses the reservation (for example with strict overcommit); the
/// connection then reads each message through `PQgetCopyData`.
final class PostgresCopyBuffer {
    /// Bytes reserved: room for any CopyData message.
    static let capacity = Int(Int32.max)

    /// The reserved memory.
    let start: UnsafeMutableRawPointer

    init?() {
        let pointer = mmap(
            nil,
            Self.capacity,
            PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
            -1,
            0
        )
        guard let pointer, pointer != MAP_FAILED else { return nil }
        start = pointer
    }

    deinit { munmap(start, Self.capacity) }
}
