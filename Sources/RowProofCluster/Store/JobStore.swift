/// A chunk plan as stored and sent: the signed canonical bytes and the signature.
public struct SignedChunk: Sendable, Equatable {
    /// The chunk's id.
    public var chunkID: Int
    /// The plan.
    public var plan: ChunkPlan
    /// The RFC 8785 canonical JSON of `plan`: the signed bytes.
    public var bytes: [UInt8]
    /// The Ed25519 signature of `bytes`.
    public var signature: [UInt8]
    /// The signing key's id.
    public var keyID: String

    /// Creates a signed chunk.
    public init(chunkID: Int, plan: ChunkPlan, bytes: [UInt8], signature: [UInt8], keyID: String) {
        self.chunkID = chunkID
        self.plan = plan
        self.bytes = bytes
        self.signature = signature
        self.keyID = keyID
    }
}

/// Where a coordinator keeps jobs, their signed chunk plans and the accepted results, so a
/// restarted coordinator resumes without re-reading finished chunks.
public protocol JobStore: Sendable {
    /// The stored chunk plans of `jobID` whose specification hashed to `specSHA256`, or `nil` if the job is new.
    ///
    /// Stored plans carry no snapshot: each run of the coordinator adds its own snapshot and signs
    /// the plans it hands out.
    ///
    /// - Throws: when the store holds `jobID` with a different specification.
    func plans(jobID: String, specSHA256: String) throws -> [ChunkPlan]?

    /// Records a new job and its chunk plans, atomically.
    func createJob(jobID: String, specSHA256: String, specification: [UInt8], plans: [ChunkPlan]) throws

    /// Replaces chunk `plan.chunkID`'s plan with `plan` and removes the `absorbed` chunks, whose key
    /// ranges `plan` now covers, atomically (chunk-time adaptation).
    func mergePlans(jobID: String, into plan: ChunkPlan, absorbing absorbed: [Int]) throws

    /// The accepted results of `jobID`, by chunk id.
    func results(jobID: String) throws -> [Int: ChunkResultEnvelope]

    /// Stores the accepted result of one chunk (the first one stored wins; later ones are ignored).
    func storeResult(jobID: String, chunkID: Int, envelope: ChunkResultEnvelope) throws

    /// Returns a number never returned before for `jobID`: each coordinator run's lease ids start
    /// from it, so results of an earlier run's leases are never taken for the current run's.
    func nextEpoch(jobID: String) throws -> UInt64

    /// Records the job's outcome (`passed`, `failed`, `error: …`).
    func finish(jobID: String, status: String) throws

    /// Starts `jobID` over when its last run finished with a verdict: the accepted results are
    /// dropped (the plans stay), so a re-run reads the data again instead of repeating an old
    /// verdict. A run that was interrupted (`running`) or failed (`error: …`) keeps its results
    /// for resuming.
    ///
    /// - Returns: whether the job was started over.
    func restartIfFinished(jobID: String) throws -> Bool
}

extension JobStore {
    /// Whether a stored status is a finished run's verdict, rather than a run in progress or an error.
    static func isVerdict(_ status: String) -> Bool {
        status != "running" && !status.hasPrefix("error")
    }
}
