import Testing

@testable import RowProofWire

@Suite struct WireCodecTests {
    static let samples: [WireMessage] = [
        .ready(Ready(workerID: "host-a:4242", credits: 2)),
        .heartbeat(Heartbeat(sequence: 7, activeLeases: [])),
        .heartbeat(Heartbeat(sequence: .max, activeLeases: [1, 2, 99])),
        .lease(
            Lease(
                leaseID: 12,
                attempt: 1,
                plan: Array(#"{"chunk":1}"#.utf8),
                keyID: "coordinator-1",
                signature: [UInt8](repeating: 0xAB, count: 64),
                leaseSeconds: 30
            )
        ),
        .result(ChunkResultFrame(leaseID: 12, compressed: [0x04, 0x22, 0x4D, 0x18, 1, 2, 3])),
        .failure(LeaseFailure(leaseID: 12, isRetryable: true, message: "connection to source lost: héllo")),
        .reject(reason: "bad signature"),
        .shutdown(reason: "job finished"),
    ]

    @Test(arguments: samples)
    func roundTrips(message: WireMessage) throws {
        #expect(try WireCodec.decode(WireCodec.encode(message)) == message)
    }

    @Test func wrongVersionIsRefusedWithAnActionableReason() throws {
        var frame = WireCodec.encode(.shutdown(reason: "x"))
        frame[2] = 99
        let error = #expect(throws: WireError.self) { try WireCodec.decode(frame) }
        #expect(error?.reason.contains("version 99") == true)
    }

    @Test func badMagicUnknownTypeTrailingBytesAndTruncationAreRefused() throws {
        let good = WireCodec.encode(.ready(Ready(workerID: "w", credits: 1)))
        #expect(throws: WireError.self) { try WireCodec.decode([0x00, 0x50] + good.dropFirst(2)) }
        var unknown = good
        unknown[3] = 200
        #expect(throws: WireError.self) { try WireCodec.decode(unknown) }
        #expect(throws: WireError.self) { try WireCodec.decode(good + [0]) }
        for length in 0..<good.count {
            #expect(throws: WireError.self) { try WireCodec.decode(Array(good.prefix(length))) }
        }
    }

    @Test func oversizedFramesAndFieldsAreRefusedBeforeAllocation() throws {
        let limits = WireLimits(
            maximumFrameBytes: 1024,
            maximumStringBytes: 16,
            maximumPlanBytes: 32,
            maximumLeaseIDs: 4
        )
        let longName = WireCodec.encode(.ready(Ready(workerID: String(repeating: "w", count: 17), credits: 1)))
        #expect(throws: WireError.self) { try WireCodec.decode(longName, limits: limits) }
        let manyLeases = WireCodec.encode(.heartbeat(Heartbeat(sequence: 1, activeLeases: [1, 2, 3, 4, 5])))
        #expect(throws: WireError.self) { try WireCodec.decode(manyLeases, limits: limits) }
        #expect(throws: WireError.self) { try WireCodec.decode([UInt8](repeating: 0, count: 1025), limits: limits) }
        // A length field claiming 4 GB in a 20-byte frame.
        var lying = WireCodec.encode(.reject(reason: "ok"))
        lying.replaceSubrange(4..<8, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: WireError.self) { try WireCodec.decode(lying) }
    }

    @Test func invalidUTF8AndBooleansAreRefused() throws {
        var frame = WireCodec.encode(.reject(reason: "ab"))
        frame[frame.count - 1] = 0xC3
        #expect(throws: WireError.self) { try WireCodec.decode(frame) }
        var failure = WireCodec.encode(.failure(LeaseFailure(leaseID: 1, isRetryable: true, message: "")))
        failure[12] = 2
        #expect(throws: WireError.self) { try WireCodec.decode(failure) }
    }
}
