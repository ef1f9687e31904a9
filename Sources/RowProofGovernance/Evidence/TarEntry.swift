/// One regular file of a tar archive.
struct TarEntry: Sendable, Equatable {
    /// The path inside the archive (`/` separators, relative).
    var path: String
    /// The file's contents.
    var contents: [UInt8]
}
