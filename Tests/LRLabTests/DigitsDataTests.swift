import Testing
@testable import LRLab

/// The bundled digits set against the figures `Sources/LRLab/Learning/Digits/generate.py` computes from
/// scikit-learn's `digits.csv.gz` with Python (an implementation independent of the Swift
/// parser); rerun that script to see them.
@Suite struct DigitsDataTests {
    @Test func theBundledTextIsScikitLearnsFileByteForByte() {
        // FNV-1a, 64 bits, over the decompressed CSV (the literal drops the last line break).
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        for byte in (Dataset.digitsCSV + "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            count += 1
        }
        #expect(count == 264_712)
        #expect(hash == 0x0B6D_B7D4_442B_BC5D)
    }

    @Test func rowsClassesAndPixelsAreTheUCITestSet() throws {
        let digits = Dataset.digits
        #expect(digits.rowCount == 1_797)
        #expect(digits.featureCount == 64)
        #expect(digits.featureNames.first == "pixel0" && digits.featureNames.last == "pixel63")
        guard case .classes(let labels, let classCount) = digits.target else { Issue.record("not classes"); return }
        #expect(classCount == 10)
        var counts = [Int](repeating: 0, count: 10)
        for label in labels { counts[label] += 1 }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        // Pixels are counts 0...16 divided by 16 and nothing else: multiples of 1/16 in [0, 1],
        // summing (exactly, in doubles) to the count total / 16.
        #expect(digits.features.allSatisfy { $0 >= 0 && $0 <= 1 && ($0 * 16).rounded() == $0 * 16 })
        #expect(digits.features.max() == 1)
        #expect(digits.features.reduce(0, +) == 561_718.0 / 16)
        // The first image is a 0: its first row of pixels is 0 0 5 13 9 1 0 0.
        #expect(Array(digits.features(ofRow: 0).prefix(8)) == [0, 0, 5, 13, 9, 1, 0, 0].map { $0 / 16 })
        #expect(labels[0] == 0 && labels[1_796] == 8)
    }
}
