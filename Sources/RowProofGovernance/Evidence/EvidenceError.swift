/// Why an evidence pack could not be built or read.
///
/// Problems *inside* a readable pack (a changed, missing or added file, a bad signature) are not
/// errors: ``EvidencePackVerifier`` reports them as ``EvidenceProblem``s so that every one is listed.
public struct EvidenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case unreadableArchive, unsupportedArchive, invalidInput, io, signing }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The archive is damaged (bad header, checksum, CRC or length).
        public static let unreadableArchive = Self(.unreadableArchive)
        /// The archive is valid gzip/tar but uses a feature this reader does not implement.
        public static let unsupportedArchive = Self(.unsupportedArchive)
        /// An input to the builder is not usable (duplicate path, bad path, missing policy).
        public static let invalidInput = Self(.invalidInput)
        /// A file could not be read or written.
        public static let io = Self(.io)
        /// The manifest could not be signed or encoded.
        public static let signing = Self(.signing)
        public var description: String {
            switch base {
            case .unreadableArchive: "unreadable archive"
            case .unsupportedArchive: "unsupported archive"
            case .invalidInput: "invalid input"
            case .io: "i/o"
            case .signing: "signing"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, where, and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
