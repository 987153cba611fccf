import Testing
@testable import LRLab

/// Each training rule at its thresholds: the centre, the edge itself and just past it on the
/// other side, on hand-made histories (`TrainingRuleFixture`: the constant prediction's loss
/// is 1, so a loss is its own share of it). Each expected verdict is derived in the comment
/// beside it; numbers at an edge are exact in binary (0.25, 0.75, 0.2578125 = 0.25 + 2⁻⁷) or
/// products the threshold reproduces exactly (0.25 × 1.05 is the double nearest 0.2625).
@Suite struct TrainingRuleEdgeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var train: [Double]
        var validation: [Double]? = nil
        var kept: Int? = nil
        var ended = false
        var said: [String]
        var testDescription: String { why }
    }

    /// 1, then `start`·`factor`^k for k = 0…10: the last 10 epochs read by the motion rules
    /// fall by 1 − `factor` each, and the first row keeps `loss-grew` away.
    static func falling(from start: Double, by factor: Double) -> [Double] {
        [1] + (0...10).map { start * _pow(factor, Double($0)) }
    }

    static let flatTail = [0.2, 0.2, 0.2]

    static let cases: [Case] = [
        // data-scale: a start loss ≥ 1e100 (or NaN). Just under, the 1e99-sized loss is simply high.
        Case(why: "data-scale centre", train: [1e200, 1e200], said: ["diverging@data-scale"]),
        Case(why: "data-scale edge", train: [1e100, 1], said: ["diverging@data-scale"]),
        Case(why: "data-scale not a number", train: [.nan, 1], said: ["diverging@data-scale"]),
        Case(why: "data-scale under", train: [9.9e99, 9.9e99], said: ["underfitting@high-loss"]),
        // ended: an ending, even before any epoch; without one the 0.5 loss is high.
        Case(why: "ended", train: [1, 0.5], ended: true, said: ["diverging@ended"]),
        Case(why: "ended before an epoch", train: [1], ended: true, said: ["diverging@ended"]),
        Case(why: "not ended", train: [1, 0.5], said: ["underfitting@high-loss"]),
        // no-epoch: at most the row before training.
        Case(why: "no-epoch, row 0 only", train: [1], said: ["unstarted@no-epoch"]),
        Case(why: "no-epoch, no row", train: [], said: ["unstarted@no-epoch"]),
        // loss-grew: last ≥ 1.5 × first (0.75 = 1.5 × 0.5 exactly); 0.74 is high but not grown.
        Case(why: "loss-grew centre", train: [0.5, 2], said: ["diverging@loss-grew"]),
        Case(why: "loss-grew edge", train: [0.5, 0.75], said: ["diverging@loss-grew"]),
        Case(why: "loss-grew under", train: [0.5, 0.74], said: ["underfitting@high-loss"]),
        // high-loss: training ≥ 0.25 (of the constant's 1), validation not a wide gap (≤ 2×).
        Case(why: "high-loss centre", train: [1, 0.5], validation: [1, 0.5], said: ["underfitting@high-loss"]),
        Case(why: "high-loss edge", train: [1, 0.25], validation: [1, 0.25], said: ["underfitting@high-loss"]),
        Case(why: "high-loss under", train: [1, 0.24], validation: [1, 0.24], said: ["good-fit@low-loss"]),
        Case(why: "high-loss without validation", train: [1, 0.25], said: ["underfitting@high-loss"]),
        Case(why: "high-loss, validation 2× (no wide gap)", train: [1, 0.25], validation: [1, 0.5], said: ["underfitting@high-loss"]),
        Case(why: "high-loss, validation past 2× by 0.26 (wide)", train: [1, 0.25], validation: [1, 0.2578125 + 0.25], said: ["overfitting@wide-gap"]),
        // Early stopping kept epoch 1 (0.5, high); the last epoch's 0.25 is still high, 0.24 is not:
        // then validation rose 0.5 → 0.75 while training fell 0.5 → 0.24.
        Case(why: "high-loss kept and last", train: [1, 0.5, 0.25, 0.25, 0.25], validation: [1, 0.5, 0.75, 0.75, 0.75], kept: 1,
             said: ["underfitting@high-loss"]),
        Case(why: "high-loss kept, low last", train: [1, 0.5, 0.24, 0.24, 0.24], validation: [1, 0.5, 0.75, 0.75, 0.75], kept: 1,
             said: ["overfitting@validation-rose"]),
        // validation-rose: lowest validation 0.25 at epoch 1, training 0.24 → 0.2 (fell 0.04,
        // low); a rise to ≥ 0.2625 (5%) is one, 0.26 (4%) is not and no wide gap (< 0.4).
        Case(why: "validation-rose centre", train: [1, 0.24] + flatTail, validation: [1, 0.25, 0.3, 0.3, 0.3], said: ["overfitting@validation-rose"]),
        Case(why: "validation-rose edge", train: [1, 0.24] + flatTail, validation: [1, 0.25, 0.2625, 0.2625, 0.2625], said: ["overfitting@validation-rose"]),
        Case(why: "validation-rose under", train: [1, 0.24] + flatTail, validation: [1, 0.25, 0.26, 0.26, 0.26], said: ["good-fit@low-loss"]),
        // …and by ≥ 0.01 of the constant's: from 0.125, +0.0078 (6%) is not, +0.0156 is.
        Case(why: "validation-rose, rise under 1%", train: [1, 0.24] + flatTail, validation: [1, 0.125, 0.1328125, 0.1328125, 0.1328125], said: ["good-fit@low-loss"]),
        Case(why: "validation-rose, rise over 1%", train: [1, 0.24] + flatTail, validation: [1, 0.125, 0.140625, 0.140625, 0.140625], said: ["overfitting@validation-rose"]),
        // …while training fell by ≥ 0.01: not at all, by 0.0047, by 0.0125.
        Case(why: "validation-rose, training flat", train: [1, 0.2] + flatTail, validation: [1, 0.25, 0.3, 0.3, 0.3], said: ["good-fit@low-loss"]),
        Case(why: "validation-rose, training fell under 1%", train: [1, 0.2, 0.1953125, 0.1953125, 0.1953125], validation: [1, 0.25, 0.3, 0.3, 0.3],
             said: ["good-fit@low-loss"]),
        Case(why: "validation-rose, training fell over 1%", train: [1, 0.2, 0.1875, 0.1875, 0.1875], validation: [1, 0.25, 0.3, 0.3, 0.3],
             said: ["overfitting@validation-rose"]),
        // wide-gap at training 0.125: validation over 0.25 (2×) by ≥ 0.1.
        Case(why: "wide-gap centre", train: [1, 0.125], validation: [1, 0.5], said: ["overfitting@wide-gap"]),
        Case(why: "wide-gap ratio edge (not over 2×)", train: [1, 0.125], validation: [1, 0.25], said: ["good-fit@low-loss"]),
        Case(why: "wide-gap ratio just over", train: [1, 0.125], validation: [1, 0.2578125], said: ["overfitting@wide-gap"]),
        // At 0.0625: 0.15 is 2.4× but 0.0875 above (< 0.1); 0.1875 is 0.125 above.
        Case(why: "wide-gap difference under 10%", train: [1, 0.0625], validation: [1, 0.15], said: ["good-fit@low-loss"]),
        Case(why: "wide-gap difference over 10%", train: [1, 0.0625], validation: [1, 0.1875], said: ["overfitting@wide-gap"]),
        // At 2⁻¹⁰: over 10× and ≥ 0.01 above (16×, 0.0146), over 10× but 0.0093 above, 8×.
        Case(why: "wide-gap large ratio", train: [1, 0.0009765625], validation: [1, 0.015625], said: ["overfitting@wide-gap"]),
        Case(why: "wide-gap large ratio, difference under 1%", train: [1, 0.0009765625], validation: [1, 0.01025], said: ["good-fit@low-loss"]),
        Case(why: "wide-gap ratio under 10", train: [1, 0.0009765625], validation: [1, 0.0078125], said: ["good-fit@low-loss"]),
        // low-loss: everything else.
        Case(why: "low-loss", train: [1, 0.01], validation: [1, 0.012], said: ["good-fit@low-loss"]),
        Case(why: "low-loss without validation", train: [1, 0.01], said: ["good-fit@low-loss"]),
        // rising-epochs: rises in ≥ 30% of the last 10 epochs: 3 of 10 is, 2 of 10 is not.
        Case(why: "rising-epochs edge (3 of 10)", train: [1, 0.1, 0.09, 0.1, 0.08, 0.09, 0.07, 0.08, 0.06, 0.05, 0.04],
             said: ["good-fit@low-loss", "bouncing@rising-epochs"]),
        Case(why: "rising-epochs under (2 of 10)", train: [1, 0.1, 0.09, 0.1, 0.08, 0.09, 0.07, 0.06, 0.05, 0.045, 0.04], said: ["good-fit@low-loss"]),
        // …and at least 2: 2 of 4 is, 1 of 3 (33%) is not.
        Case(why: "rising-epochs 2 of 4", train: [1, 0.1, 0.11, 0.1, 0.11], said: ["good-fit@low-loss", "bouncing@rising-epochs"]),
        Case(why: "rising-epochs 1 of 3", train: [1, 0.1, 0.11, 0.1], said: ["good-fit@low-loss"]),
        // A wiggle of 1e-8 on 0.1 is under 1e-6 of it: flat, neither rise nor fall.
        Case(why: "rising-epochs, a flat wiggle", train: [1, 0.1, 0.1 + 1e-8, 0.1, 0.1 + 1e-8, 0.1], said: ["good-fit@low-loss"]),
        // still-falling: every one of the last 10 epochs falls, by ≥ 1% an epoch (5%, 1.5%; 0.5%
        // is not, though the fall in all, 0.0117, is enough) and by ≥ 0.01 in all (0.03 × (1 −
        // 0.9¹⁰) = 0.0195 is; 0.01 × (1 − 0.9¹⁰) = 0.0065 is not).
        Case(why: "still-falling centre", train: falling(from: 0.24, by: 0.95), said: ["good-fit@low-loss", "slow@still-falling"]),
        Case(why: "still-falling 1.5% an epoch", train: falling(from: 0.24, by: 0.985), said: ["good-fit@low-loss", "slow@still-falling"]),
        Case(why: "still-falling 0.5% an epoch", train: falling(from: 0.24, by: 0.995), said: ["good-fit@low-loss"]),
        Case(why: "still-falling 0.0195 in all", train: falling(from: 0.03, by: 0.9), said: ["good-fit@low-loss", "slow@still-falling"]),
        Case(why: "still-falling 0.0065 in all", train: falling(from: 0.01, by: 0.9), said: ["good-fit@low-loss"]),
        // One rise among the ten: not every epoch fell (and one rise is not bouncing).
        Case(why: "still-falling broken by a rise", train: { var t = falling(from: 0.24, by: 0.95); t[6] = 0.2; return t }(), said: ["good-fit@low-loss"]),
        // Beside a high loss (0.8 × 0.95¹⁰ = 0.48) it stands alone instead of underfitting.
        Case(why: "still-falling instead of underfitting", train: falling(from: 0.8, by: 0.95), said: ["slow@still-falling"]),
    ]

    @Test(arguments: cases)
    func theRuleDecidesAtItsEdge(_ test: Case) {
        let ending: Run.Ending? = test.ended ? .diverged(step: 3, reason: "the loss grew past 1e20") : nil
        let verdicts = TrainingRuleFixture.verdicts(test.train, validation: test.validation, kept: test.kept, ending: ending)
        #expect(verdicts.map { "\($0.name)@\($0.rule)" } == test.said,
                "\(verdicts.map { "\($0.summary.text) [\($0.evidence.map(\.text).joined(separator: "; "))]" })")
    }

    /// Every rule of the standard registry has cases, and each case's words are its rule's.
    @Test func everyRuleHasItsEdges() {
        for rule in TrainingRules.standard.rules {
            let count = Self.cases.count { $0.said.contains("\(rule.outcome.word)@\(rule.name)") }
            #expect(count >= (rule.name == "no-epoch" || rule.name == "ended" ? 2 : 1), "\(rule.name)")
        }
    }

    /// The words beside the verdicts: the data's culprit, early stopping, the slow stand-in,
    /// the flat loss, a validation higher than close but no wide gap.
    @Test func theEvidenceSaysWhy() {
        func text(_ verdicts: [TrainingVerdict]) -> String {
            verdicts.map { "\($0.summary.text) \($0.evidence.map(\.text).joined(separator: " "))" }.joined(separator: " | ")
        }
        #expect(text(TrainingRuleFixture.verdicts([1e200, 1])).contains("the target reaches 2 in size"))
        let rose = TrainingRuleFixture.verdicts([1, 0.24] + Self.flatTail, validation: [1, 0.25, 0.3, 0.3, 0.3])
        #expect(text(rose).contains("early stopping would stop at epoch 1") && rose[0].bestEpoch == 1)
        let kept = TrainingRuleFixture.verdicts([1, 0.24] + Self.flatTail, validation: [1, 0.25, 0.3, 0.3, 0.3], kept: 1)
        #expect(text(kept).contains("early stopping kept epoch 1"))
        #expect(text(TrainingRuleFixture.verdicts(Self.falling(from: 0.8, by: 0.95))).contains("too early to call it underfitting"))
        #expect(text(rose).contains("flat at 0.2 over the last 2 epochs"))
        let high = TrainingRuleFixture.verdicts([1, 0.25], validation: [1, 0.5])
        #expect(text(high).contains("both high:") && text(high).contains("×2 of it"))
    }
}
