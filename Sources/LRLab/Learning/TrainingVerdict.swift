/// What a training did, in one line with the numbers behind it: how the model fits
/// (`underfitting`, `overfitting`, `good-fit`) and, where they apply, how the optimizer
/// behaved (`diverging`, `bouncing`, `slow`). `TrainingDiagnosis` makes them.
public struct TrainingVerdict: Sendable, Hashable {
    /// The outcomes a training can have (a subset of `Outcome`).
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// Training and validation loss both high (a large part of the constant prediction's
        /// loss) and close to each other: the model is too simple, or barely trained.
        case underfitting
        /// The validation loss rose while the training loss fell since the epoch of lowest
        /// validation loss, or ends far above the training loss.
        case overfitting
        /// Low training loss and a validation loss close to it.
        case goodFit
        /// The training ended diverged, or its loss grew well above the start's.
        case diverging
        /// The training loss rose in many of the recent epochs.
        case bouncing
        /// The training loss was still falling steadily at the end: more epochs would help.
        case slow
        /// No epoch trained yet.
        case unstarted

        /// The word of the shared vocabulary.
        public var outcome: Outcome {
            switch self {
            case .underfitting: return .underfitting
            case .overfitting: return .overfitting
            case .goodFit: return .goodFit
            case .diverging: return .diverging
            case .bouncing: return .bouncing
            case .slow: return .slow
            case .unstarted: return .unstarted
            }
        }

        /// The word printed and tested (`outcome.word`).
        public var name: String { outcome.word }
    }

    public var kind: Kind
    /// Follows the kind's words without repeating them (`verdict: overfitting — …`).
    public var summary: Phrase
    /// One fact a line.
    public var evidence: [Phrase]
    /// The epoch with the lowest validation loss, where early stopping would stop (overfitting).
    public var bestEpoch: Int?

    public init(kind: Kind, summary: Phrase, evidence: [Phrase] = [], bestEpoch: Int? = nil) {
        self.kind = kind
        self.summary = summary
        self.evidence = evidence
        self.bestEpoch = bestEpoch
    }

    /// The stable word scripts test and the verdict prints: `underfitting`, `overfitting`,
    /// `good-fit`, `diverging`, `bouncing`, `slow`, `unstarted`.
    public var name: String { kind.name }
}

/// Reads a training's epoch trace and says how the model fits and how the optimizer behaved.
///
/// The decision, in order (numbers in `TrainingThresholds`):
/// 0. a training loss ≥ 1e100 or not a number before the first step → `diverging` (alone),
///    said as a problem of the data's scale, naming the feature (or target) with the largest
///    values: no learning rate is the cure.
/// 1. no epoch yet → `unstarted`; ended diverged, or the final training loss ≥ 1.5 × the
///    start's → `diverging` (alone).
/// 2. the fit, judged at the kept epoch (the last, or the best under early stopping):
///    a. `overfitting` if, with validation, the lowest validation loss came before the last
///       epoch, the last is ≥ 5% above it (and above it by ≥ 1% of the constant prediction's
///       validation loss) and the training loss fell since, by ≥ 1% of the constant
///       prediction's training loss (a model stuck at a high loss whose validation loss wobbles
///       is not overfitting; read to the last epoch even when early stopping kept the best);
///    b. `underfitting` if the training loss is ≥ 25% of the constant prediction's and the
///       validation loss (when there is one) is within 1.5 × the training loss;
///    c. `overfitting` if validation ends above 2 × training and the difference is at least
///       10% of the constant prediction's validation loss, or above 10 × training and the
///       difference at least 1% of it (a gap judged by ratio as well as difference);
///    d. `good-fit` otherwise (its summary says "close" only within 1.5 ×).
///    Without a constant-prediction loss to compare with (one training row) there is no
///    `underfitting`: a loss cannot be called high.
/// 3. then, over the last 10 epochs, counting only changes of at least 1e-6 of the loss (less
///    is rounding: a flat loss), `bouncing` if the training loss rose in ≥ 30% of them
///    (and ≥ 2), else `slow` if it fell in every one, by ≥ 1% per epoch on average and by
///    ≥ 1% of the constant prediction's loss in all. With neither, a loss flat over at least
///    the last two epochs is said in the fit verdict's evidence. A `slow` training is not called
///    `underfitting`: `slow` stands alone, with the high loss as evidence, because a loss still
///    falling has not shown what the model can fit.
public enum TrainingDiagnosis {
    /// The verdicts on `trainer` as it stands: the fit first (or `diverging`/`unstarted`
    /// alone), then an optimizer verdict when one applies.
    public static func verdicts(for trainer: Trainer) -> [TrainingVerdict] {
        let records = trainer.trace.records
        if let start = records.first, !(start.trainLoss < TrainingThresholds.astronomicalLoss) {
            return [dataScale(trainer, startLoss: start.trainLoss)]
        }
        if let ending = trainer.ending {
            var evidence: [Phrase] = [ending.description]
            if let last = records.last, records.count > 1 {
                evidence.append("the last finite epoch, \(last.epoch), had training loss \(.number(last.trainLoss, digits: 4))")
            }
            return [TrainingVerdict(kind: .diverging, summary: "the training blew up; lower the learning rate", evidence: evidence)]
        }
        guard let first = records.first, let last = records.last, records.count > 1 else {
            return [TrainingVerdict(kind: .unstarted, summary: "no epoch trained yet", evidence: [])]
        }
        if last.trainLoss >= TrainingThresholds.growthFactor * first.trainLoss, last.trainLoss > first.trainLoss {
            return [TrainingVerdict(kind: .diverging, summary: "the training loss grew instead of falling; lower the learning rate",
                                    evidence: ["training loss \(.number(first.trainLoss, digits: 4)) before training, \(.number(last.trainLoss, digits: 4)) at epoch \(last.epoch)"])]
        }
        var fitVerdict = fit(trainer, records: records)
        guard let optimizer = optimizerVerdict(records, constantLoss: constantLosses(trainer.split).training) else {
            if let flat = flatStretch(records) { fitVerdict.evidence.append(flat) }
            return [fitVerdict]
        }
        // A loss still falling fast enough to be `slow` has not shown what the model can do:
        // calling it underfitting would blame the model for what more epochs may fix.
        if fitVerdict.kind == .underfitting, optimizer.kind == .slow {
            return [TrainingVerdict(kind: .slow, summary: optimizer.summary,
                                    evidence: optimizer.evidence + fitVerdict.evidence.prefix(1)
                                        + ["too early to call it underfitting: train until the loss levels off, then judge the model"])]
        }
        return [fitVerdict, optimizer]
    }

    /// The loss of the best constant prediction on the training set and on the validation
    /// set: the training mean (mean squared deviation), or the training class frequencies with
    /// one added to each count, so a class unseen in training has a finite loss (mean −log p).
    public static func constantLosses(_ split: DataSplit) -> (training: Double, validation: Double?) {
        switch split.training.target {
        case .values(let values):
            let mean = values.isEmpty ? 0 : SampleStatistics.mean(values)
            func loss(_ set: Dataset) -> Double {
                guard case .values(let targets) = set.target, !targets.isEmpty else { return .nan }
                return SampleStatistics.meanSquaredDeviation(targets, from: mean)
            }
            return (loss(split.training), split.validation.map(loss))
        case .classes(let labels, let classCount):
            var counts = [Double](repeating: 1, count: classCount)
            for label in labels { counts[label] += 1 }
            let total = counts.reduce(0, +)
            func loss(_ set: Dataset) -> Double {
                guard case .classes(let targets, _) = set.target, !targets.isEmpty else { return .nan }
                return targets.reduce(0) { $0 - _log(counts[$1] / total) } / Double(targets.count)
            }
            return (loss(split.training), split.validation.map(loss))
        }
    }

    private static func fit(_ trainer: Trainer, records: [EpochRecord]) -> TrainingVerdict {
        let kept = trainer.keptEpoch.flatMap { epoch in records.first { $0.epoch == epoch } } ?? records[records.count - 1]
        let constant = constantLosses(trainer.split)
        let constantName = trainer.split.training.isClassification ? "predicting the training class frequencies" : "predicting the training mean"
        // A constant prediction that leaves no loss (one training row, or one target value)
        // gives no scale to call a loss high by.
        let trainFraction = constant.training > 0 ? kept.trainLoss / constant.training : nil
        let trainFact: Phrase = trainFraction.map { "training loss \(.number(kept.trainLoss, digits: 4)) is \(.number(100 * $0, digits: 3))% of \(constantName) (\(.number(constant.training, digits: 4)))" }
            ?? "training loss \(.number(kept.trainLoss, digits: 4)); \(constantName) leaves no loss on \(trainer.split.training.rowCount) training row\(trainer.split.training.rowCount == 1 ? "" : "s"), so there is no scale to call it high or low by"

        // a. Validation rising while training falls, since the epoch of lowest validation loss
        //    (read to the last epoch trained, even when early stopping kept an earlier one),
        //    each by more than a wobble on the scale of the constant prediction's loss.
        let last = records[records.count - 1]
        if let best = trainer.trace.bestValidationEpoch, let bestLoss = best.validationLoss,
           let now = last.validationLoss, best.epoch < last.epoch,
           now >= bestLoss * (1 + TrainingThresholds.validationRise), last.trainLoss < best.trainLoss,
           now - bestLoss >= TrainingThresholds.validationRiseOfConstant * (constant.validation ?? 0),
           best.trainLoss - last.trainLoss >= TrainingThresholds.validationRiseOfConstant * constant.training {
            let stopping: Phrase = trainer.keptEpoch == best.epoch ? "early stopping kept epoch \(best.epoch)" : "early stopping would stop at epoch \(best.epoch)"
            return TrainingVerdict(kind: .overfitting,
                                   summary: "validation loss rose while training loss fell; " + stopping,
                                   evidence: ["validation loss lowest at epoch \(best.epoch) (\(.number(bestLoss, digits: 4))), \(.number(now, digits: 4)) at epoch \(last.epoch) (+\(.number(100 * (now / bestLoss - 1), digits: 3))%)",
                                              "training loss fell from \(.number(best.trainLoss, digits: 4)) to \(.number(last.trainLoss, digits: 4)) meanwhile"],
                                   bestEpoch: best.epoch)
        }
        // b. Both high and close.
        let close = kept.validationLoss.map { $0 <= TrainingThresholds.closeRatio * kept.trainLoss } ?? true
        if let trainFraction, trainFraction >= TrainingThresholds.highLossFraction, close {
            var evidence = [trainFact]
            if let validation = kept.validationLoss {
                evidence.append("validation loss \(.number(validation, digits: 4)) is close to it (within ×\(.number(TrainingThresholds.closeRatio, digits: 2)))")
            } else {
                evidence.append("no validation set: judged on the training loss alone")
            }
            return TrainingVerdict(kind: .underfitting, summary: "training and validation loss are both high and close: a more flexible model (or more training) would fit better",
                                   evidence: evidence)
        }
        // c. A large gap.
        if let validation = kept.validationLoss, let constantValidation = constant.validation,
           validation > TrainingThresholds.gapRatio * kept.trainLoss,
           validation - kept.trainLoss >= TrainingThresholds.gapFraction * constantValidation
            || (validation > TrainingThresholds.largeGapRatio * kept.trainLoss
                && validation - kept.trainLoss >= TrainingThresholds.validationRiseOfConstant * constantValidation) {
            return TrainingVerdict(kind: .overfitting, summary: "validation loss is far above training loss: the model learned the training rows' noise",
                                   evidence: ["validation loss \(.number(validation, digits: 4)) is ×\(.number(validation / kept.trainLoss, digits: 3)) the training loss \(.number(kept.trainLoss, digits: 4))",
                                              "the gap is \(.number(100 * (validation - kept.trainLoss) / constantValidation, digits: 3))% of \(constantName) on the validation set"],
                                   bestEpoch: trainer.trace.bestValidationEpoch?.epoch)
        }
        var evidence = [trainFact]
        let summary: Phrase
        if let validation = kept.validationLoss {
            evidence.append("validation loss \(.number(validation, digits: 4)) (×\(.number(validation / kept.trainLoss, digits: 3)) the training loss)")
            if validation <= TrainingThresholds.closeRatio * kept.trainLoss {
                summary = "low training loss and a validation loss close to it"
            } else {
                let share: Phrase = constant.validation.map { ", \(.number(100 * (validation - kept.trainLoss) / $0, digits: 3))% of \(constantName)" } ?? ""
                summary = "low training and validation loss; validation is ×\(.number(validation / kept.trainLoss, digits: 3)) the training loss, but the gap is small (\(.number(validation - kept.trainLoss, digits: 3))\(share))"
            }
        } else {
            evidence.append("no validation set: how well it generalizes is not measured")
            summary = "low training loss"
        }
        return TrainingVerdict(kind: .goodFit, summary: summary, evidence: evidence)
    }

    /// `the training loss is flat at 0.219628 over the last 3 epochs …` when at least the last
    /// two epochs changed it by under `flatChange`: the optimizer has settled, a plateau
    /// or the model's best.
    private static func flatStretch(_ records: [EpochRecord]) -> Phrase? {
        var flat = 0
        for index in records.indices.dropFirst().reversed() {
            let before = records[index - 1].trainLoss, after = records[index].trainLoss
            guard Swift.abs(after - before) <= TrainingThresholds.flatChange * Swift.abs(before) else { break }
            flat += 1
        }
        guard flat >= 2, let last = records.last else { return nil }
        return "the training loss is flat at \(.number(last.trainLoss, digits: 6)) over the last \(flat) epochs (each change under "
            + "\(.number(TrainingThresholds.flatChange, digits: 1)) of it): the optimizer has settled, and more epochs at this rate will not lower it"
    }

    /// A loss astronomically large (or not a number) before the first step: the data's scale,
    /// with the feature (or target) whose values are largest.
    private static func dataScale(_ trainer: Trainer, startLoss: Double) -> TrainingVerdict {
        let data = trainer.split.training
        var largest = (name: "", size: 0.0)
        for row in 0..<data.rowCount {
            for (column, value) in data.features(ofRow: row).enumerated() where !(Swift.abs(value) <= largest.size) {
                largest = ("feature '\(data.featureNames[column])'", Swift.abs(value))
            }
        }
        if case .values(let targets) = data.target, let top = targets.map({ Swift.abs($0) }).max(), !(top <= largest.size) {
            largest = ("the target", top)
        }
        let culprit: Phrase = largest.name.isEmpty ? "" : ": \(largest.name) reaches \(.number(largest.size, digits: 3)) in size"
        return TrainingVerdict(kind: .diverging,
                               summary: "the loss is \(.number(startLoss, digits: 4)) before the first step, a problem of the data's scale, not of the learning rate\(culprit)",
                               evidence: ["no learning rate trains on numbers this large: rescale the data (subtract each column's mean, divide by its spread) and train again"]
                                   + (trainer.ending.map { [$0.description] } ?? []))
    }

    private static func optimizerVerdict(_ records: [EpochRecord], constantLoss: Double) -> TrainingVerdict? {
        let recent = Array(records.suffix(TrainingThresholds.recentEpochs + 1))
        let epochs = recent.count - 1
        guard epochs >= 2 else { return nil }
        // Changes under `flatChange` of the loss are rounding: neither a rise nor a fall.
        var rises = 0, falls = 0
        for index in 1..<recent.count {
            let before = recent[index - 1].trainLoss, after = recent[index].trainLoss
            let change = after - before
            if Swift.abs(change) <= TrainingThresholds.flatChange * Swift.abs(before) { continue }
            if change > 0 { rises += 1 } else if change < 0 { falls += 1 }
        }
        if rises >= 2, Double(rises) >= TrainingThresholds.bouncingRiseFraction * Double(epochs) {
            return TrainingVerdict(kind: .bouncing, summary: "the training loss goes up and down between epochs; a lower learning rate (or a larger batch) would settle it",
                                   evidence: ["the training loss rose in \(rises) of the last \(epochs) epochs"])
        }
        let (start, end) = (recent[0].trainLoss, recent[epochs].trainLoss)
        guard falls == epochs, start > 0, end > 0, start - end >= TrainingThresholds.slowDecreaseOfConstant * constantLoss else { return nil }
        let perEpoch = 1 - _pow(end / start, 1 / Double(epochs))
        guard perEpoch >= TrainingThresholds.slowDecreasePerEpoch else { return nil }
        return TrainingVerdict(kind: .slow, summary: "the training loss is still falling: more epochs (or a higher learning rate) would lower it",
                               evidence: ["the training loss fell in each of the last \(epochs) epochs, by \(.number(100 * perEpoch, digits: 3))% per epoch on average"])
    }
}
