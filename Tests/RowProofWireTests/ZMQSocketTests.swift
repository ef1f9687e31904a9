import RowProofWire
import Testing

@Suite struct ZMQSocketTests {
    @Test(.timeLimit(.minutes(1)))
    func dealerRouterRoundTripOverLoopbackTCP() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try ZMQSocket(context: context, type: .router)
        defer { router.close() }
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = try router.lastEndpoint()
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))

        let dealer = try ZMQSocket(context: context, type: .dealer)
        defer { dealer.close() }
        try dealer.setIdentity(Array("worker-1".utf8))
        try dealer.connect(endpoint)

        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try dealer.send([Array("hello".utf8), payload])
        let request = try #require(try router.receive(timeoutMilliseconds: 5_000))
        #expect(request.count == 3)
        #expect(request[0] == Array("worker-1".utf8))
        #expect(request[1] == Array("hello".utf8))
        #expect(request[2] == payload)

        try router.send([request[0], Array("welcome".utf8)])
        let reply = try #require(try dealer.receive(timeoutMilliseconds: 5_000))
        #expect(reply == [Array("welcome".utf8)])
    }

    @Test func receiveTimesOutWithNil() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let pull = try ZMQSocket(context: context, type: .pull)
        defer { pull.close() }
        try pull.bind("tcp://127.0.0.1:*")
        #expect(try pull.receive(timeoutMilliseconds: 50) == nil)
    }

    @Test func bindToBadEndpointThrowsWithReason() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context: context, type: .router)
        defer { socket.close() }
        let error = #expect(throws: WireError.self) { try socket.bind("nonsense://here") }
        #expect(error?.description.contains("zmq_bind(nonsense://here)") == true)
    }
}
