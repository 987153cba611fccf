#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Which multipliers of a row or column `DenseKernels` must add, one bit each: bit k mod 64
/// of word k / 64 says whether x[k·stride] is not ±0 (NaN and ±∞ are marked).
///
/// **Contract.** `bits(...)` equals `portableBits(...)`, the plain reference
/// `Σ_l (x[l·stride] != 0 ? 1 : 0) << l`, for every value (±0, subnormals, ±∞, NaN with any
/// payload). Neither branches on the data or stores at an address that depends on it
/// (why: `Benchmarks/JOURNAL.md`, the digits MLP). On x86-64, `bits` compares two values at a time
/// with SSE2 (`cmpneqpd`, true for unordered operands, then `movmskpd`): SSE2 is part of
/// baseline x86-64, so the default build needs no `-march` flag; elsewhere it is the
/// portable form.
enum NonzeroMasks {
    /// Words of mask for `count` multipliers.
    static func wordCount(_ count: Int) -> Int { (count + 63) / 64 }

    /// Marks x[k·stride], k in 0..<count, into `wordCount(count)` words of `masks`.
    @inline(__always)
    static func mark(_ x: UnsafePointer<Double>, count: Int, stride: Int, into masks: UnsafeMutablePointer<UInt64>) {
        var group = 0
        while group &* 64 < count {
            let first = group &* 64
            masks[group] = bits(x + first &* stride, count: Swift.min(64, count &- first), stride: stride)
            group &+= 1
        }
    }

    /// Calls `body` with each index marked in `masks` among 0..<count, lowest first.
    @inline(__always)
    static func forEachMarked(_ masks: UnsafePointer<UInt64>, count: Int, _ body: (Int) -> Void) {
        var group = 0
        while group &* 64 < count {
            var mask = masks[group]
            while mask != 0 {
                body(group &* 64 &+ mask.trailingZeroBitCount)
                mask &= mask &- 1
            }
            group &+= 1
        }
    }

    /// Bit l (l in 0..<count, count ≤ 64) set when x[l·stride] is not ±0.
    @inline(__always)
    static func bits(_ x: UnsafePointer<Double>, count: Int, stride: Int) -> UInt64 {
        #if arch(x86_64)
        let zero = SIMD2<Double>.zero
        var result: UInt64 = 0, l = 0
        @inline(__always) func marked(_ pair: SIMD2<Double>) -> UInt64 {
            UInt64(truncatingIfNeeded: _mm_movemask_pd(_mm_cmpneq_pd(pair, zero)))
        }
        if stride == 1 {
            // Eight at a time (four pairs), then pairs.
            while l &+ 8 <= count {
                let pairs = UnsafeRawPointer(x + l)
                let eight = marked(pairs.loadUnaligned(as: SIMD2<Double>.self))
                    | marked(pairs.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self)) &<< 2
                    | marked(pairs.loadUnaligned(fromByteOffset: 32, as: SIMD2<Double>.self)) &<< 4
                    | marked(pairs.loadUnaligned(fromByteOffset: 48, as: SIMD2<Double>.self)) &<< 6
                result |= eight &<< UInt64(truncatingIfNeeded: l)
                l &+= 8
            }
            while l &+ 2 <= count {
                result |= marked(UnsafeRawPointer(x + l).loadUnaligned(as: SIMD2<Double>.self)) &<< UInt64(truncatingIfNeeded: l)
                l &+= 2
            }
        } else {
            while l &+ 2 <= count {
                result |= marked(SIMD2(x[l &* stride], x[(l &+ 1) &* stride])) &<< UInt64(truncatingIfNeeded: l)
                l &+= 2
            }
        }
        if l < count { result |= marked(SIMD2(x[l &* stride], 0)) &<< UInt64(truncatingIfNeeded: l) }
        return result
        #else
        return portableBits(x, count: count, stride: stride)
        #endif
    }

    /// `bits` without SSE2: the magnitude's bits (the sign shifted out) are nonzero exactly
    /// when x is not ±0, and `m | −m` has its top bit set exactly when m is nonzero.
    @inline(__always)
    static func portableBits(_ x: UnsafePointer<Double>, count: Int, stride: Int) -> UInt64 {
        var result: UInt64 = 0
        for l in 0..<count {
            let magnitude = x[l &* stride].bitPattern &<< 1
            result |= ((magnitude | (0 &- magnitude)) >> 63) &<< UInt64(truncatingIfNeeded: l)
        }
        return result
    }
}
