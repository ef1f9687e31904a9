import RowProofCore
import Testing

@Suite struct SamplerTests {
    @Test func configurationIsValidated() throws {
        #expect(throws: SamplerError.self) { try Sampler(modulus: 0, threshold: 0) }
        #expect(throws: SamplerError.self) { try Sampler(modulus: 10, threshold: 11) }
        let none = try Sampler(modulus: 10, threshold: 0)
        let all = try Sampler(modulus: 10, threshold: 10)
        let key = try KeyEncoder.encode([.decimal(.init(integer: 1))], expectedArity: 1)
        #expect(!none.isSelected(key: key) && all.isSelected(key: key))
        #expect(Sampler.default.modulus == 10_000 && Sampler.default.threshold == 100)
    }

    /// 1 000 000 sequential integer keys at K/M = 1 %: the expected count is 10 000 with a
    /// standard deviation of about 99.5 (1 % relative), so ±5 % relative is a 5-sigma bound.
    @Test func selectedFractionConvergesToKOverM() throws {
        let sampler = Sampler.default
        var encoder = KeyEncoder()
        var selected = 0
        for value in Int64(0)..<1_000_000 {
            encoder.reset()
            encoder.appendInteger(value)
            if encoder.withBytes({ sampler.isSelected(key: $0) }) { selected += 1 }
        }
        #expect(selected >= 9_500 && selected <= 10_500, "selected \(selected) of 1 000 000 keys at K/M = 1 %")
    }

    @Test func compositeKeysSampleToo() throws {
        let sampler = try Sampler(modulus: 100, threshold: 10)
        var selected = 0
        for tenant in Int64(0)..<100 {
            for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"] {
                let key = try KeyEncoder.encode([.decimal(.init(integer: tenant)), .text(name)], expectedArity: 2)
                if sampler.isSelected(key: key) { selected += 1 }
            }
        }
        // 1 000 keys at 10 %: mean 100, standard deviation about 9.5.
        #expect(selected >= 60 && selected <= 140, "selected \(selected) of 1 000 composite keys at 10 %")
    }

    @Test func theSameKeysAreSelectedOnEveryRun() throws {
        func run() throws -> [Int64] {
            let sampler = Sampler.default
            return try (Int64(0)..<20_000).filter { value in
                sampler.isSelected(key: try KeyEncoder.encode([.decimal(.init(integer: value))], expectedArity: 1))
            }
        }
        let first = try run()
        #expect(!first.isEmpty)
        #expect(try run() == first)
        #expect(try run() == first)
    }
}
