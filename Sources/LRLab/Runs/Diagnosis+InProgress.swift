#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Step 3 of `Diagnosis`: the verdict on a run that has neither ended nor converged.
extension TraceReader {
    func running() -> Verdict {
        let k = min(window, last)
        let first = last - k
        let rho = factor(from: first, to: last)
        let lossGapFactor = lossFactor(from: first, to: last)
        var lossRises = 0
        var plateaus = 0
        for row in (first + 1)...last {
            if losses[row] > losses[row - 1] { lossRises += 1 }
            if notes[row].contains(.plateau) { plateaus += 1 }
        }
        let stepSpan = stepsBetween(first, last)
        let ofWindow = stepSpan == k ? "of the last \(k) steps" : "of the \(k) recorded steps among the last \(stepSpan)"
        let span = "over the last \(stepSpan) step\(stepSpan == 1 ? "" : "s")"
        let lossChange = losses[last] - losses[first]
        let theory: [Phrase] = theoryLine(at: last).map { [$0] } ?? []

        // Noisy gradients (mini-batch imitation): a loss that hovers without exploding is at the
        // noise floor the learning rate sets, not diverging. Annealing lowers that floor.
        let noise = run.configuration.gradientNoise
        let floor = objective.minimumValue ?? 0
        // At the floor the loss jitters by about its own size from step to step with no net
        // drift; a small rate still descending through the noise changes the loss by a tiny
        // fraction per step, steadily (lesson 2 has both).
        // A longer stretch than the window (up to 100 rows) steadies these averages.
        let noiseSpan = Swift.min(last, Swift.max(k, DiagnosisThresholds.noiseRows))
        var activity = 0.0, meanGap = 0.0
        for row in (last - noiseSpan)...last {
            meanGap += losses[row] - floor
            if row > last - noiseSpan { activity += Swift.abs(losses[row] - losses[row - 1]) }
        }
        meanGap /= Double(noiseSpan + 1)
        activity /= Double(noiseSpan)
        let drift = Swift.abs(losses[last] - losses[last - noiseSpan]) / Double(noiseSpan)
        if noise > 0, k >= DiagnosisThresholds.noiseMinimumRows, losses[last] - floor <= DiagnosisThresholds.noiseLossCeiling * meanGap,
           activity.isFinite, meanGap > 0, activity >= DiagnosisThresholds.noiseActivity * meanGap, drift <= DiagnosisThresholds.noiseDrift * activity {
            let mean = meanGap + floor
            let expected: [Phrase] = NoiseFloorForecast(run: run).map { [$0.evidence] } ?? []
            return Verdict(kind: .stuck,
                           summary: "at the noise floor: gradient noise (σ=\(f4(noise))) keeps the loss around \(f(mean, 4))",
                           evidence: ["over the last \(noiseSpan) steps the loss moved by \(f(activity, 3)) a step on average but drifted only \(f(drift, 3)) a step: it hovers"]
                               + expected
                               + ["the floor scales with the learning rate (\(f(run.nextLearningRate)) now): a smaller or annealed rate lowers it"] + theory,
                           growthFactor: rho, stuckReason: .noiseFloor)
        }
        let gapGrowth = lossGapFactor.map { pow($0, Double(stepSpan)) } ?? 1
        // A run that earlier rose from below today's loss to above it and came back is
        // swinging within bounds (Adam's bursts near a minimum), not diverging.
        var lowestSoFar = losses[0], returnedFrom = false
        for row in Swift.min(1, first)..<first where losses[row].isFinite {
            if losses[row] > losses[last], lowestSoFar < losses[last] { returnedFrom = true; break }
            lowestSoFar = Swift.min(lowestSoFar, losses[row])
        }
        if let rho, rho > 1, lossChange > 0, 2 * lossRises >= k, gapGrowth >= DiagnosisThresholds.divergingGapGrowth, !returnedFrom {
            var evidence: [Phrase] = ["the loss rose in \(lossRises) \(ofWindow), from \(f(losses[first], 6)) to \(f(losses[last], 6))",
                            "the gradient norm grows ×\(f4(rho)) per step \(span)"]
            if let loss = lossGapFactor { evidence.append("the loss gap grows ×\(f4(loss)) per step") }
            return Verdict(kind: .diverging, summary: "the gradient grows ×\(f4(rho)) per step",
                           evidence: evidence + theory, growthFactor: rho)
        }
        let forecast = QuadraticForecast(run: run, gradient: gradient(last))
        let bounce = bouncingDirection(first: first)
        if let left = convergedAndLeft() {
            return Verdict(kind: .bouncing,
                           summary: "it converged at step \(left.converged) but was thrown out again; the swing is bounded and keeps coming back",
                           evidence: ["the gradient norm was under \(f(tolerance)) at step \(left.converged) and is \(f(norms[last])) now",
                                      "the largest loss since then is \(f(left.peak, 6)), below the start's \(f(losses[0], 6)): not a divergence",
                                      whyItLeft(noise: noise)].compactMap { $0 } + theory,
                           growthFactor: rho, directionName: bounce?.name)
        }
        if let bounce, let endless = endlessBounce(forecast: forecast, bounceName: bounce.name) {
            let overshoots = notes[(first + 1)...last].filter { $0.contains(.overshoot) }.count
            let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(ofWindow) "
                                + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))"] + endless.evidence + theory
            return Verdict(kind: .bouncing, summary: "\(endless.name) without shrinking: \(endless.reason)",
                           evidence: evidence, growthFactor: rho, direction: endless.vector ?? bounce.vector,
                           directionName: endless.name)
        }
        // A loss that changes by less than rounding while the gradient keeps shrinking is a
        // run closing in on a minimum whose value is not 0, not a plateau.
        if 2 * plateaus >= k, (rho ?? 1) >= DiagnosisThresholds.plateauNormFactor {
            return Verdict(kind: .stuck, summary: "on a plateau: the loss stopped changing while the gradient norm is \(f(norms[last]))",
                           evidence: ["\(plateaus) \(ofWindow) changed the loss by less than 1e-12 relative",
                                      "learning rate in force: \(f(run.nextLearningRate))"] + theory,
                           growthFactor: rho, stuckReason: .plateau)
        }
        let largestNorm = norms.lazy.filter(\.isFinite).max() ?? 0
        if norms[last] <= DiagnosisThresholds.saddleNormShare * largestNorm {
            let report = curvature(at: last)
            if let low = report.directions.last, low.eigenvalue.isFinite,
               low.eigenvalue < -DiagnosisThresholds.negativeCurvature * max(1, Swift.abs(report.largestEigenvalue ?? 0)) {
                let here = point(last)
                let scale = max(1, here.map { Swift.abs($0) }.max() ?? 0)
                let saddle = objective.saddles.min { EuclideanNorm.distance($0, here) < EuclideanNorm.distance($1, here) }
                    .flatMap { EuclideanNorm.distance($0, here) <= DiagnosisThresholds.nearSaddleDistance * scale ? $0 : nil } ?? here
                return Verdict(kind: .stuck, summary: "near a saddle point \(.point(saddle)): the gradient is almost 0",
                               evidence: ["gradient norm \(f(norms[last])), down from \(f(largestNorm))",
                                          "the Hessian has λ_min = \(f(low.eigenvalue)) \(report.name(of: low)): a direction that curves down"] + theory,
                               growthFactor: rho, stuckReason: .saddle(point: saddle))
            }
        }
        // Under gradient noise the gradient norm never settles under the tolerance: no count
        // of steps to converge, but the floor the loss heads for.
        let ahead = noise > 0 || forecast != nil ? nil : runAheadIfModelled()
        let estimate = noise > 0 ? nil : remaining(forecast: forecast, ahead: ahead, rho: rho, rows: k)
        let noiseFloor = noise > 0 ? NoiseFloorForecast(run: run) : nil
        let noiseOutlook: Phrase? = noise > 0 ? noiseFloorOutlook(noise: noise, forecast: noiseFloor) : nil
        let aheadEnding: Phrase? = ahead?.ending.map { "stepped ahead on a copy, the run \($0.description)" }
        var pace: [Phrase] = []
        if let rho, rho < 1 {
            pace.append("the gradient norm shrinks ×\(f4(rho)) per step \(span)")
        } else if let rho, rho == 1 {
            pace.append("the gradient norm neither shrinks nor grows \(span)")
        } else if let rho {
            pace.append("the gradient norm grows ×\(f4(rho)) per step \(span)")
        } else {
            pace.append("the gradient norm is \(f(norms[last]))")
        }
        if let estimate {
            pace.append(estimateLine(estimate, forecast: forecast))
        } else if let ahead = aheadEnding {
            pace.append(ahead)
        }
        if let noiseFloor { pace.append(noiseFloor.evidence) }
        // A zig-zag whose swing shrinks converges: not the tutorial's bouncing "without any
        // convergence" (that is `endlessBounce`, above).
        if let bounce {
            let overshoots = notes[(first + 1)...last].filter { $0.contains(.overshoot) }.count
            let trend: Phrase = lossChange < 0 ? "the loss still falls (\(f(losses[first], 6)) → \(f(losses[last], 6)))"
                : "the loss is stalled at \(f(losses[last], 6))"
            let evidence = ["the gradient component \(bounce.name) flipped sign in \(bounce.flips) \(ofWindow) "
                                + "(\(overshoots) overshoot note\(overshoots == 1 ? "" : "s"))", trend] + pace + theory
            let swing = shrinkingSwing(forecast: forecast, rho: rho)
            let outlook: Phrase = estimate.map { "\($0.phrase) to converge" } ?? noiseOutlook ?? "no estimate of the steps still needed"
            return Verdict(kind: .slow, summary: "converging, zig-zagging \(bounce.name) (\(swing)): \(outlook)",
                           evidence: evidence, growthFactor: rho, estimate: estimate,
                           direction: bounce.vector, directionName: bounce.name)
        }
        var evidence: [Phrase] = ["the loss went \(f(losses[first], 6)) → \(f(losses[last], 6)) \(span)"] + pace
        if let loss = lossGapFactor, objective.minimumValue != nil {
            evidence.append("the loss gap to the minimum value \(f(objective.minimumValue ?? 0)) \(loss > 1 ? "grows" : "shrinks") ×\(f4(loss)) per step")
        }
        if let nearest = objective.nearestMinimum(to: point(last)), !nearest.isGlobal {
            evidence.append("heading for the local minimum at \(.point(nearest.point)) (distance \(f(nearest.distance)))")
        }
        let summary: Phrase
        if let estimate {
            switch estimate.basis {
            case .slowestDirection:
                let why: Phrase = forecast?.slowest.map { " (the slowest direction, \(forecast?.report.name(of: $0.direction) ?? Phrase("")), shrinks ×\(f4($0.rate)) per step)" } ?? ""
                summary = "\(estimate.phrase) to converge\(why)"
            case .recentSteps:
                summary = "\(estimate.phrase) to converge at the recent rate (×\(f4(rho ?? 1)) per step; a rough estimate)"
            case .runAhead:
                summary = "\(estimate.phrase) to converge (\(estimate.reliability))"
            }
        } else if let noiseOutlook {
            summary = noiseOutlook
        } else if let aheadEnding {
            summary = "no estimate: " + aheadEnding
        } else if lossChange < 0 {
            summary = "the loss still falls but the gradient norm is not shrinking; no estimate"
        } else {
            summary = "barely moving"
        }
        return Verdict(kind: .slow, summary: summary, evidence: evidence + theory, growthFactor: rho, estimate: estimate)
    }

    /// The first step under the tolerance, when the run got there and has since been thrown
    /// out (its gradient norm rose past `DiagnosisThresholds.thrownOutFactor` × the tolerance) while its loss stayed below
    /// the start's: the bursts of an adaptive optimizer near a minimum.
    func convergedAndLeft() -> (converged: Int, peak: Double)? {
        guard let row = norms.firstIndex(where: { $0 < tolerance }), row < last,
              norms[row...last].contains(where: { $0 >= DiagnosisThresholds.thrownOutFactor * tolerance }) else { return nil }
        let peak = losses[row...last].lazy.filter(\.isFinite).max() ?? losses[last]
        guard peak < losses[0] || last == 0 else { return nil }
        return (steps[row], peak)
    }

    func whyItLeft(noise: Double) -> Phrase? {
        if noise > 0 { return "gradient noise (σ=\(f4(noise))) kicks it out: a smaller or annealed rate keeps it closer" }
        guard Curvature.momentumCoefficient(of: run.configuration) == nil else { return nil }
        return "an adaptive step lr/√v grows as v shrinks near a minimum: a smaller rate or a larger eps keeps it there"
    }

    /// Why a bounce will not die out, when it will not: a direction whose quadratic factor has
    /// size ≥ 1, or (where the theory is not exact) a swing that keeps its size while the loss
    /// does not fall.
    func endlessBounce(forecast: QuadraticForecast?, bounceName: Phrase) -> (name: Phrase, vector: [Double]?, reason: Phrase, evidence: [Phrase])? {
        if let forecast {
            guard let mode = forecast.persistent else { return nil }
            let name = forecast.report.name(of: mode.direction)
            return (name, mode.direction.vector, "the error \(name) is multiplied by \(f4(forecast.report.momentum == 0 ? mode.direction.factor ?? -mode.rate : -mode.rate)) each step",
                    ["\(name): \(forecast.factorText(mode)): the point jumps between two places and the swing never shrinks",
                     "the loss stays at \(f(losses[last], 6)); a rate below 2/λ = \(f(mode.direction.criticalRate ?? .nan)) would settle"])
        }
        let span = Swift.min(last, DiagnosisThresholds.swingRows)
        guard span >= DiagnosisThresholds.swingMinimumRows else { return nil }
        let begin = last - span, middle = last - span / 2
        let early = begin...middle, late = (middle + 1)...last
        guard let peakEarly = early.map({ norms[$0] }).max(), let peakLate = late.map({ norms[$0] }).max(),
              peakEarly > 0, peakEarly.isFinite, peakLate.isFinite,
              let lowEarly = early.map({ losses[$0] }).min(), let lowLate = late.map({ losses[$0] }).min() else { return nil }
        let apart = Swift.max(1, stepsBetween(begin, middle + 1))
        let swing = pow(peakLate / peakEarly, 1 / Double(apart))
        let floor = objective.minimumValue ?? 0
        let gap = Swift.max(Swift.abs(lowEarly - floor), DiagnosisThresholds.swingGapFloor * Swift.abs(lowEarly), Double.leastNormalMagnitude)
        guard swing >= DiagnosisThresholds.swingKeepsSize, lowEarly - lowLate <= DiagnosisThresholds.swingLossFall * gap else { return nil }
        let from = steps[begin], to = steps[last], cut = steps[middle]
        return (bounceName, nil, "the swing keeps its size and the loss does not fall", [
                "the largest gradient norm was \(f(peakEarly)) over steps \(from)–\(cut) and \(f(peakLate)) over steps \(cut + 1)–\(to): "
                    + "×\(f4(swing)) per step, the swing does not shrink",
                "the lowest loss went \(f(lowEarly, 6)) → \(f(lowLate, 6)): not falling",
            ])
    }

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
