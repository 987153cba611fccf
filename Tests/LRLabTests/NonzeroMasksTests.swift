import Testing
@testable import LRLab

/// `NonzeroMasks.bits` (SSE2 on x86-64) against the plain definition, bit k set when
/// x[k·stride] != 0, and against its portable form, on every kind of value a layer can see.
@Suite struct NonzeroMasksTests {
    /// ±0, subnormals, the extremes, ±∞ and NaNs (quiet, signalling, negative, with payloads).
    static let specials: [Double] = [0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                                     .greatestFiniteMagnitude, .infinity, -.infinity, .nan, -.nan, .signalingNaN,
                                     Double(bitPattern: 0x7FF0_0000_0000_0001), Double(bitPattern: 0xFFF8_0000_DEAD_BEEF), 0.5]

    static func reference(_ x: [Double], count: Int, stride: Int) -> UInt64 {
        var bits: UInt64 = 0
        for k in 0..<count where x[k * stride] != 0 { bits |= 1 << UInt64(k) }
        return bits
    }

    /// Seeded picks among `specials`, with zeros about half the time.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            random.nextUniform(in: 0...1) < 0.5 ? 0 : specials[Int(random.nextUniform(in: 0...1) * Double(specials.count)) % specials.count]
        }
    }

    @Test(arguments: [1, 2, 3, 31, 32, 33, 63, 64], [1, 2, 5])
    func bitsAreTheDefinition(count: Int, stride: Int) {
        for seed in 0..<20 as Range<UInt64> {
            let x = Self.values(count * stride, seed: seed)
            let expected = Self.reference(x, count: count, stride: stride)
            #expect(NonzeroMasks.bits(x, count: count, stride: stride) == expected)
            #expect(NonzeroMasks.portableBits(x, count: count, stride: stride) == expected)
        }
    }

    @Test func everySpecialValueIsMarkedAsTheDefinitionSays() {
        for value in Self.specials {
            for position in 0..<3 {
                var x: [Double] = [0, 0, 0]
                x[position] = value
                let expected: UInt64 = value != 0 ? 1 << UInt64(position) : 0
                #expect(NonzeroMasks.bits(x, count: 3, stride: 1) == expected, "\(value) at \(position)")
                #expect(NonzeroMasks.bits(x, count: 3, stride: 1) == NonzeroMasks.portableBits(x, count: 3, stride: 1))
            }
        }
    }

    /// Words beyond the first, and the visit order of `forEachMarked`.
    @Test func marksWordByWordAndVisitsInOrder() {
        let count = 150
        let x = Self.values(count * 2, seed: 99)
        var masks = [UInt64](repeating: .max, count: NonzeroMasks.wordCount(count))
        NonzeroMasks.mark(x, count: count, stride: 2, into: &masks)
        var visited: [Int] = []
        NonzeroMasks.forEachMarked(masks, count: count) { visited.append($0) }
        #expect(visited == (0..<count).filter { x[$0 * 2] != 0 })
        #expect(masks[2] >> UInt64(count - 128) == 0)
    }
}
