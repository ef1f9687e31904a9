import Foundation
import RowProofWire
import Synchronization
import Testing

@Suite struct SocketLoopTests {
    /// Waits for the next message of `stream`, or nil after `seconds`.
    static func next(_ stream: AsyncStream<[[UInt8]]>, within seconds: Double) async -> [[UInt8]]? {
        await withTaskGroup(of: [[UInt8]]?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func routerAndDealerLoopsExchangeMessagesAcrossThreads() async throws {
        let context = try ZMQContext()
        let router = try SocketLoop(context: context, type: .router, attachment: .bind("tcp://127.0.0.1:*"))
        let dealer = try SocketLoop(
            context: context,
            type: .dealer,
            attachment: .connect(router.endpoint),
            identity: Array("w-1".utf8)
        )
        let routerMessages = router.messages()
        let dealerMessages = dealer.messages()
        defer {
            dealer.shutdown()
            router.shutdown()
            context.terminate()
        }
        let frame = WireCodec.encode(.ready(Ready(workerID: "w-1", credits: 1)))
        dealer.send([frame])
        let request = try #require(await Self.next(routerMessages, within: 5))
        #expect(request == [Array("w-1".utf8), frame])
        router.send([request[0], WireCodec.encode(.shutdown(reason: "done"))])
        let reply = try #require(await Self.next(dealerMessages, within: 5))
        #expect(try WireCodec.decode(reply[0]) == .shutdown(reason: "done"))
    }

    @Test(.timeLimit(.minutes(1)))
    func curveAllowListAdmitsKnownWorkersAndRefusesOthers() async throws {
        let context = try ZMQContext()
        let server = try CurveKeyPair.generate()
        let trusted = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let decisions = Mutex<[(String, Bool)]>([])
        let router = try SocketLoop(
            context: context,
            type: .router,
            attachment: .bind("tcp://127.0.0.1:*"),
            security: .server(keys: server, allowedClientKeys: [trusted.publicKey]),
            onAuthentication: { key, allowed in decisions.withLock { $0.append((key, allowed)) } }
        )
        let good = try SocketLoop(
            context: context,
            type: .dealer,
            attachment: .connect(router.endpoint),
            identity: Array("good".utf8),
            security: .client(keys: trusted, serverPublicKey: server.publicKey)
        )
        let bad = try SocketLoop(
            context: context,
            type: .dealer,
            attachment: .connect(router.endpoint),
            identity: Array("bad".utf8),
            security: .client(keys: stranger, serverPublicKey: server.publicKey)
        )
        defer {
            good.shutdown()
            bad.shutdown()
            router.shutdown()
            context.terminate()
        }
        let routerMessages = router.messages()
        bad.send([Array("from stranger".utf8)])
        good.send([Array("from trusted".utf8)])
        let first = try #require(await Self.next(routerMessages, within: 5))
        #expect(first == [Array("good".utf8), Array("from trusted".utf8)])
        #expect(await Self.next(routerMessages, within: 0.5) == nil)
        let seen = decisions.withLock { $0 }
        #expect(seen.contains { $0.0 == trusted.publicKey && $0.1 })
        #expect(seen.contains { $0.0 == stranger.publicKey && !$0.1 })
    }

    @Test func bindingAnEndpointInUseThrows() throws {
        let context = try ZMQContext()
        let first = try SocketLoop(context: context, type: .router, attachment: .bind("tcp://127.0.0.1:*"))
        defer {
            first.shutdown()
            context.terminate()
        }
        #expect(throws: WireError.self) {
            _ = try SocketLoop(context: context, type: .router, attachment: .bind(first.endpoint))
        }
    }
}
