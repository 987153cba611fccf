/// The direction a zig-zag runs along, read by `EndlessSwingRule` and `ZigZagRule`.
extension TraceReader {
    /// The axis or Hessian eigenvector along which the gradient flips sign most often in the
    /// window, when that is more than half the steps and the component matters (≥ 10% of the
    /// norm on average). Between rows that are not consecutive steps (a thinned trace), a
    /// row counts as a flip when its step ended uphill along the direction.
    func bouncingDirection(first: Int) -> (vector: [Double], name: Phrase, flips: Int)? {
        let dimension = trace.dimension
        var candidates: [[Double]] = (0..<dimension).map { axis in (0..<dimension).map { $0 == axis ? 1.0 : 0.0 } }
        if dimension > 1, let hessian = objective.availableHessian(at: point(last)) {
            let pairs = Curvature.eigenpairs(of: hessian)
            candidates += pairs.filter { $0.value.isFinite }.map(\.vector)
        }
        let k = last - first
        var best: (vector: [Double], flips: Int, share: Double)?
        for vector in candidates {
            var previous = 0.0
            var flips = 0
            var share = 0.0
            for row in first...last {
                let g = gradient(row)
                var projection = 0.0
                for index in 0..<dimension { projection += g[index] * vector[index] }
                if row > first {
                    if stepsBetween(row - 1, row) == 1 {
                        if projection * previous < 0 { flips += 1 }
                    } else {
                        // Rows a thinned trace keeps are steps apart (a period-2 swing would
                        // alias away): a step that ends going uphill along the direction,
                        // (Δ·v)(g·v) > 0, crossed the valley.
                        let taken = stepTaken(row)
                        var along = 0.0
                        for index in 0..<dimension { along += taken[index] * vector[index] }
                        if along * projection > 0 { flips += 1 }
                    }
                }
                if norms[row] > 0 { share += Swift.abs(projection) / norms[row] }
                previous = projection
            }
            share /= Double(k + 1)
            guard 2 * flips > k, share >= DiagnosisThresholds.flipComponentShare else { continue }
            if let current = best, flips < current.flips || (flips == current.flips && share <= current.share + DiagnosisThresholds.flipShareTie) { continue }
            best = (vector, flips, share)
        }
        guard let best else { return nil }
        return (best.vector, Phrase(parts: [.direction(best.vector, names: objective.parameterNames)]), best.flips)
    }

}
