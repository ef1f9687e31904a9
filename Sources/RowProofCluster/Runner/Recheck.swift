import Foundation
import Logging
import RowProofContracts
import RowProofCore
import RowProofWire

/// Live migrations: after a delay, reads the chunks that differed again (without the job's
/// snapshot, so the re-check sees what replication has applied since) and classifies the
/// differences: gone on the re-check means in flight, still there means persistent.
struct Recheck {
    let jobID: String
    let specSHA256: String
    let delaySeconds: Double
    let store: any JobStore
    let coordinator: Coordinator
    let loop: SocketLoop
    let logger: Logger

    /// Re-reads the differing chunks of `results`, replaces their results with the re-check's, and
    /// returns a summary per table index.
    func run(
        results: inout [Int: ChunkResultEnvelope],
        plans: [ChunkPlan],
        signLive: (ChunkPlan) throws -> SignedChunk
    ) async throws -> [Int: RecheckSummary] {
        let differing = results.values.filter { Self.differenceCount($0.result) > 0 }.map(\.result.chunkID).sorted()
        guard !differing.isEmpty else { return [:] }
        logger.info("recheck.wait", metadata: ["chunks": "\(differing.count)", "seconds": "\(delaySeconds)"])
        try await Task.sleep(for: .seconds(delaySeconds))

        let byID = Dictionary(uniqueKeysWithValues: plans.map { ($0.chunkID, $0) })
        let recheckPlans = differing.compactMap { byID[$0] }
        // The re-check has a job id of its own in the store, new for every run.
        let recheckID = "\(jobID)-recheck-\(try store.nextEpoch(jobID: jobID))"
        try store.createJob(
            jobID: recheckID,
            specSHA256: specSHA256,
            specification: Array(jobID.utf8),
            plans: recheckPlans
        )
        // The re-check reads the live data: plans are signed without the first read's snapshots.
        let signed = try recheckPlans.map { plan -> SignedChunk in
            var plan = plan
            plan.source.snapshot = nil
            plan.target.snapshot = nil
            return try signLive(plan)
        }
        let second = try await coordinator.run(
            jobID: recheckID,
            chunks: signed,
            estimatedRows: 0,
            loop: loop,
            logger: logger
        )

        var summaries: [Int: RecheckSummary] = [:]
        for chunkID in differing {
            guard let before = results[chunkID], let after = second[chunkID] else { continue }
            let table = before.result.tableIndex
            var summary =
                summaries[table]
                ?? RecheckSummary(delaySeconds: delaySeconds, chunks: 0, inFlight: 0, persistent: 0, inFlightKeys: [])
            let first = Self.differenceCount(before.result)
            let again = Self.differenceCount(after.result)
            summary.chunks += 1
            summary.persistent += again
            summary.inFlight += max(0, first - again)
            // Per key, where the re-check's sample is complete: first-read differences it no longer has.
            if again <= after.result.differences.count {
                let still = Set(after.result.differences.map { "\($0.kind.rawValue):\($0.keyHex)" })
                for record in before.result.differences
                where !still.contains("\(record.kind.rawValue):\(record.keyHex)") {
                    summary.inFlightKeys.append(
                        Dictionary(uniqueKeysWithValues: record.key.map { ($0.column, JSONValue.string($0.value)) })
                    )
                }
            }
            summaries[table] = summary
            results[chunkID] = after
        }
        return summaries
    }

    static func differenceCount(_ result: ChunkResult) -> Int {
        result.missingRows + result.extraRows + result.changedRows + result.withinToleranceRows
            + result.sourceDuplicateRows + result.targetDuplicateRows
    }
}
