/// The version of `specs/hashing_spec.json` this build implements, and that file's SHA-256.
///
/// Reports carry both, so a report says exactly which serialization rules produced its hashes.
/// A test recomputes the digest from the file, so the two cannot drift apart.
public enum HashingSpec {
    /// The spec's `version` field.
    public static let version = "1.0.0"
    /// SHA-256 of `specs/hashing_spec.json`, as committed with this build.
    public static let sha256 = "6e0b942f373691be44e42d0dd8b75d33b52a6f3a6a1eb9d4f00c495b44378d7f"
}
