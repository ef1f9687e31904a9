import RowProofCluster
import Testing

@Suite struct LeaseSchedulerTests {
    static let config = LeaseScheduler.Configuration(leaseSeconds: 10, workerTimeout: 5, maximumAttempts: 3)

    static func leases(_ actions: [SchedulerAction]) -> [(worker: String, chunk: Int, lease: UInt64, attempt: Int)] {
        actions.compactMap {
            if case .sendLease(let worker, let chunk, let lease, let attempt) = $0 {
                (worker, chunk, lease, attempt)
            } else {
                nil
            }
        }
    }

    @Test func handsOutChunksInOrderWithinCreditsAndCompletes() {
        var scheduler = LeaseScheduler(chunkIDs: [0, 1, 2], configuration: Self.config)
        let first = Self.leases(scheduler.workerReady("w1", credits: 2, now: 0))
        #expect(first.map(\.chunk) == [0, 1])
        #expect(first.allSatisfy { $0.worker == "w1" && $0.attempt == 1 })
        #expect(Self.leases(scheduler.workerReady("w2", credits: 1, now: 0)).map(\.chunk) == [2])
        #expect(scheduler.counts.leased == 3)

        #expect(
            scheduler.resultReceived(leaseID: first[0].lease, from: "w1", now: 1).first
                == .acceptResult(chunkID: 0, leaseID: first[0].lease)
        )
        #expect(
            scheduler.resultReceived(leaseID: first[1].lease, from: "w1", now: 1).contains(
                .acceptResult(chunkID: 1, leaseID: first[1].lease)
            )
        )
        let last = scheduler.resultReceived(leaseID: first[1].lease + 1, from: "w2", now: 1)
        #expect(last.contains(.jobComplete))
        #expect(scheduler.counts.done == 3)
    }

    @Test func duplicateAndLateResultsAreIgnored() {
        var scheduler = LeaseScheduler(chunkIDs: [0, 1], configuration: Self.config)
        let lease = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        _ = scheduler.resultReceived(leaseID: lease.lease, from: "w1", now: 1)
        let duplicate = scheduler.resultReceived(leaseID: lease.lease, from: "w1", now: 1)
        #expect(duplicate.count == 1)
        if case .ignoreStale = duplicate[0] {} else { Issue.record("duplicate result was not ignored: \(duplicate)") }
        #expect(scheduler.counts.done == 1)
    }

    @Test func expiredLeaseGoesToAnotherWorkerAndItsLateResultIsIgnored() {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        let original = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        _ = scheduler.workerReady("w2", credits: 1, now: 0)
        // w2 keeps heartbeating, w1 goes silent; past the worker timeout w1 is lost and its lease expires.
        _ = scheduler.heartbeat(from: "w2", activeLeases: [], now: 4)
        let actions = scheduler.tick(now: 6)
        #expect(actions.contains(.workerLost(worker: "w1")))
        #expect(actions.contains(.leaseExpired(chunkID: 0, leaseID: original.lease, worker: "w1")))
        let reissued = Self.leases(actions)
        #expect(reissued.count == 1)
        #expect(reissued[0].worker == "w2" && reissued[0].attempt == 2 && reissued[0].lease != original.lease)

        let late = scheduler.resultReceived(leaseID: original.lease, from: "w1", now: 7)
        if case .ignoreStale = late.first {
        } else {
            Issue.record("late result of an expired lease was accepted: \(late)")
        }
        #expect(scheduler.resultReceived(leaseID: reissued[0].lease, from: "w2", now: 7).contains(.jobComplete))
    }

    @Test func onlyTheLeaseHolderCanCompleteOrFailIt() {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        let lease = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        _ = scheduler.workerReady("intruder", credits: 1, now: 0)
        let forged = scheduler.resultReceived(leaseID: lease.lease, from: "intruder", now: 1)
        if case .ignoreStale = forged.first {
        } else {
            Issue.record("a result from a non-holder was accepted: \(forged)")
        }
        let sabotage = scheduler.failureReported(
            leaseID: lease.lease,
            from: "intruder",
            isRetryable: false,
            message: "no",
            now: 1
        )
        if case .ignoreStale = sabotage.first {
        } else {
            Issue.record("a failure from a non-holder was accepted: \(sabotage)")
        }
        #expect(scheduler.counts.leased == 1)
        #expect(scheduler.resultReceived(leaseID: lease.lease, from: "w1", now: 2).contains(.jobComplete))
    }

    @Test func heartbeatsRenewLeases() {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        let lease = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        for second in stride(from: 3.0, through: 30, by: 3) {
            _ = scheduler.heartbeat(from: "w1", activeLeases: [lease.lease], now: second)
            #expect(scheduler.tick(now: second).isEmpty)
        }
        #expect(scheduler.counts.leased == 1)
    }

    @Test func aHungWorkerThatOnlyHeartbeatsWithoutTheLeaseLosesIt() {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        let lease = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        _ = scheduler.heartbeat(from: "w1", activeLeases: [], now: 4)
        _ = scheduler.heartbeat(from: "w1", activeLeases: [], now: 8)
        let actions = scheduler.tick(now: 11)
        #expect(actions.contains(.leaseExpired(chunkID: 0, leaseID: lease.lease, worker: "w1")))
    }

    @Test func attemptsAreBoundedAndTheJobFailsWithTheLastError() throws {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        var actions = scheduler.workerReady("w1", credits: 1, now: 0)
        for attempt in 1...3 {
            let lease = try #require(Self.leases(actions).first)
            #expect(lease.chunk == 0 && lease.attempt == attempt)
            actions = scheduler.failureReported(
                leaseID: lease.lease,
                from: "w1",
                isRetryable: true,
                message: "connection lost (\(attempt))",
                now: 0
            )
            if attempt < 3 {
                #expect(actions.isEmpty)
                actions = scheduler.workerReady("w1", credits: 1, now: 0)
            }
        }
        #expect(actions == [.failJob(chunkID: 0, attempts: 3, lastError: "connection lost (3)")])
        #expect(scheduler.workerReady("w1", credits: 1, now: 1).isEmpty)
    }

    @Test func nonRetryableFailureFailsTheJobAtOnce() {
        var scheduler = LeaseScheduler(chunkIDs: [0], configuration: Self.config)
        let lease = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))[0]
        let actions = scheduler.failureReported(
            leaseID: lease.lease,
            from: "w1",
            isRetryable: false,
            message: "plan signature invalid",
            now: 1
        )
        #expect(actions == [.failJob(chunkID: 0, attempts: 1, lastError: "plan signature invalid")])
        #expect(scheduler.tick(now: 2).isEmpty)
    }

    @Test func resumedJobOnlyHandsOutUnfinishedChunksUnderANewLeaseBase() {
        var scheduler = LeaseScheduler(
            chunkIDs: [0, 1, 2, 3],
            doneChunkIDs: [0, 2],
            configuration: Self.config,
            leaseIDBase: 1 << 40
        )
        let leases = Self.leases(scheduler.workerReady("w1", credits: 4, now: 0))
        #expect(leases.map(\.chunk) == [1, 3])
        #expect(leases.allSatisfy { $0.lease >= 1 << 40 })
    }

    @Test func repeatedReadyNeverOverGrants() {
        var scheduler = LeaseScheduler(chunkIDs: Array(0..<10), configuration: Self.config)
        _ = scheduler.workerReady("w1", credits: 1, now: 0)
        _ = scheduler.workerReady("w1", credits: 0, now: 1)
        _ = scheduler.workerReady("w1", credits: 0, now: 2)
        #expect(scheduler.counts.leased == 1)
    }

    /// An idle worker's heartbeat ready can overtake the lease just granted to it: that lease
    /// still fills the slot, so the worker is not handed a second chunk it would refuse as busy.
    @Test func aReadySentBeforeTheLeaseArrivedDoesNotWinASecondChunk() {
        var scheduler = LeaseScheduler(chunkIDs: Array(0..<10), configuration: Self.config)
        let first = Self.leases(scheduler.workerReady("w1", credits: 1, now: 0))
        #expect(first.count == 1)
        #expect(Self.leases(scheduler.workerReady("w1", credits: 1, now: 0.5)).isEmpty)
        #expect(scheduler.counts.leased == 1)
        // Once the lease is answered, the worker's next ready wins the next chunk.
        _ = scheduler.resultReceived(leaseID: first[0].lease, from: "w1", now: 1)
        #expect(Self.leases(scheduler.workerReady("w1", credits: 1, now: 1)).map(\.chunk) == [1])
    }

    @Test func pausedSchedulerHandsOutNothingUntilResumed() {
        var scheduler = LeaseScheduler(chunkIDs: [0, 1], configuration: Self.config)
        scheduler.isPaused = true
        #expect(Self.leases(scheduler.workerReady("w1", credits: 2, now: 0)).isEmpty)
        #expect(Self.leases(scheduler.tick(now: 1)).isEmpty)
        scheduler.isPaused = false
        #expect(Self.leases(scheduler.tick(now: 2)).map(\.chunk) == [0, 1])
    }

    @Test func emptyJobCompletesAtOnce() {
        var scheduler = LeaseScheduler(chunkIDs: [], configuration: Self.config)
        #expect(scheduler.tick(now: 0) == [.jobComplete])
    }
}

@Suite struct ChunkSizerTests {
    @Test func groupSizeFollowsTheMeasuredRateAndTarget() {
        var sizer = ChunkSizer(targetSeconds: 10, maximumGroup: 8)
        #expect(sizer.groupSize(table: 0, plannedRows: 1_000) == 1)  // nothing measured yet
        sizer.record(table: 0, rows: 1_000, seconds: 2)  // 500 rows/s -> 5,000 rows per 10 s
        #expect(sizer.groupSize(table: 0, plannedRows: 1_000) == 5)
        #expect(sizer.groupSize(table: 1, plannedRows: 1_000) == 1)  // other tables are measured on their own
        sizer.record(table: 0, rows: 100_000, seconds: 1)
        #expect(sizer.groupSize(table: 0, plannedRows: 1_000) == 8)  // capped
        var slow = ChunkSizer(targetSeconds: 1)
        slow.record(table: 0, rows: 10, seconds: 5)
        #expect(slow.groupSize(table: 0, plannedRows: 1_000) == 1)  // never below one planned chunk
    }

    @Test func groupsAreRunsOfConsecutiveIDs() {
        #expect(ChunkSizer.groups(of: [3, 4, 5, 6, 7], size: 2) == [[3, 4], [5, 6]])
        #expect(ChunkSizer.groups(of: [3, 4, 6, 7, 8, 10], size: 3) == [[3, 4], [6, 7, 8]])
        #expect(ChunkSizer.groups(of: [1, 2, 3], size: 1).isEmpty)
    }

    @Test func schedulerMergesOnlyUntouchedPendingChunks() {
        var scheduler = LeaseScheduler(chunkIDs: [0, 1, 2, 3], configuration: .init())
        let lease = scheduler.workerReady("w1", credits: 1, now: 0)
        #expect(lease.count == 1)  // chunk 0 is leased
        let mergedIntoLeased = scheduler.merge([1], into: 0)  // a leased chunk cannot absorb
        #expect(!mergedIntoLeased)
        #expect(scheduler.untouchedChunkIDs == [1, 2, 3])
        let merged = scheduler.merge([2, 3], into: 1)
        #expect(merged)
        #expect(scheduler.untouchedChunkIDs == [1])
        #expect(scheduler.chunks.count == 2)
    }
}
