import LRLab
import LRLabText

/// `train`: trains the data lab's model on its data, with its options and help.
extension ModelCommands {
    /// `train`'s options.
    enum TrainOptions {
        static let epochs = CommandOption.epochs(default: TrainingDefaults.epochs, "passes over the training rows")
        static let batch = CommandOption.batch(default: TrainingDefaults.batchRows, "rows per step: N, or full for every row (a training in progress keeps its own)")
        static let seed = CommandOption.seed("seed of each epoch's shuffle")
        static let early = CommandOption.count("early", limit: Limits.maximumEpochs,
                                               "stop after this many epochs without a lower validation loss (keeps the best)")
        static let all = [epochs.option, batch.option, seed.option, early.option]
    }

    static let trainDetails = """
        Trains the model on the data's training rows with the current opt and schedule: each epoch
        shuffles the rows (seed=) and takes one step per batch of batch=N rows (default \(TrainingDefaults.batchRows);
        batch=full, or N of at least the training rows: one step on every row). After each epoch the losses (without l2) and, for
        classes, the accuracies are measured on the whole training and validation sets: the trace
        columns epoch, step, lr, train_loss, val_loss, train_acc, val_acc (`save trace FILE.csv`
        writes them; `plot loss` draws train and validation). It prints the first and last epochs,
        a summary and the verdicts: underfitting, overfitting, good fit, and diverging, bouncing or
        slow where they apply, each with its evidence.
        A second `train` continues (same model, data, batch and seed): `lr 0.01` in between changes
        the rate and keeps the optimizer's state; a new `opt` or `schedule` continues from the
        current parameters with a fresh optimizer. early=P stops after P epochs without a lower
        validation loss and keeps the parameters of the best epoch: a later train continues from
        them, with the optimizer's state and the schedule started afresh. Ctrl-C stops and keeps
        what was done; a diverging training ends with the diagnosis.
          data moons ; model mlp hidden=16 ; opt adam lr=0.01 ; train epochs=50
          train epochs=100 batch=full early=10
          lr 0.001 ; train epochs=20
        """

    static func trainCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let options = try CommandOptionValues(statement.words.dropFirst(), options: TrainOptions.all, command: "train")
        let epochs = options[TrainOptions.epochs]
        let batch = options.given(TrainOptions.batch)
        guard let data = session.lab.data else {
            throw ShellError("no data to train on", at: statement.words[0].range,
                             hint: "choose a data set first, e.g. data moons, data sine, data digits or data load FILE.csv")
        }
        guard let specification = session.lab.model else {
            throw ShellError("no model to train", at: statement.words[0].range,
                             hint: "choose one, e.g. model mlp hidden=32, model linear, model poly degree=3 or model logistic")
        }
        let patience = options[TrainOptions.early]
        if patience != nil, data.validation == nil {
            throw ShellError("early stopping needs a validation set, and every row of '\(data.training.name)' trains",
                             at: statement.word(for: TrainOptions.early)?.range, hint: "make one with a split, e.g. data \(data.training.name) split=0.8")
        }
        let seed = options[TrainOptions.seed]
        var notes: [String] = []
        var training: ModelTraining
        if var existing = session.lab.training, existing.specification == specification, existing.trainer.split == data,
           batch.map({ $0 == existing.batchSize }) ?? true, !options.isGiven(TrainOptions.seed) || seed == existing.seed,
           existing.trainer.ending == nil {
            if existing.optimizerDescription != session.optimizer.description || existing.scheduleDescription != session.schedule.description {
                do throws(EvaluationError) {
                    try existing.trainer.changeOptimizer(session.optimizer, schedule: session.schedule)
                } catch {
                    throw ShellError("the loss has no value at the current parameters: \(error.description)")
                }
                existing.optimizerDescription = session.optimizer.description
                existing.scheduleDescription = session.schedule.description
                notes.append("continuing from epoch \(existing.trainer.epoch) with a fresh \(session.optimizer.kind.name) (its state and the schedule start again)")
            } else {
                let kept = existing.trainer.keptEpoch.map { " with the parameters of epoch \($0), which early stopping kept" } ?? ""
                notes.append("continuing from epoch \(existing.trainer.epoch) (step \(existing.trainer.stepCount))\(kept); a new model or data starts afresh")
            }
            training = existing
        } else {
            if let old = session.lab.training, old.specification == specification, old.trainer.split == data {
                notes.append(old.trainer.ending != nil ? "the previous training ended diverged; starting again"
                             : "a new training: batch= or seed= differs from the previous one's (batch \(old.batchSize.map(String.init) ?? "full"), seed \(old.seed))")
            }
            if let model = try? specification.makeModel(for: data.training) {
                try session.memoryBudget.check(trainings: 1, of: model, on: data, configuration: session.optimizer,
                                               batchSize: batch ?? TrainingDefaults.batchRows, keepsBestParameters: true,
                                               what: "train on this model", at: statement.words[0])
            }
            session.lab.training = nil
            guard let made = try newTraining(session, specification: specification, data: data,
                                             batchSize: batch ?? TrainingDefaults.batchRows, seed: seed, at: statement.words[0]) else {
                // Ctrl-C while the start was evaluated: nothing was made, nothing is kept.
                return Report(prose: "interrupted while evaluating the start; nothing was trained")
            }
            training = made
        }
        // Trained in place: the session's copy would make the first step copy the whole state.
        session.lab.training = nil
        let trainer = training.trainer
        let perEpoch = trainer.batches.batchesPerEpoch
        let batchText = trainer.batches.batchSize.map { "batch \($0) (\(perEpoch) steps an epoch)" } ?? "full batch (1 step an epoch)"
        let validationText = data.validation.map { "\($0.rowCount) validation" } ?? "no validation"
        var header = "training \(specification.description) on \(data.training.name): \(data.training.rowCount) training rows, \(validationText); "
        header += "\(batchText), seed \(training.seed); \(trainer.run.configuration.kind.name) lr=\(session.format(trainer.run.learningRate))"
        if !(trainer.run.schedule is ConstantSchedule) {
            header += "; schedule \(trainer.run.schedule.description)" + (trainer.run.schedule is EpochSchedule ? " counting epochs" : "")
        }
        header += "; \(trainer.lossKind.pytorchName)"
        // Shown before the epochs, which may take a while.
        session.present(Report(prose: (notes + [header]).joined(separator: "\n")))

        guard training.trainer.isMeasured else {
            // Ctrl-C while the start was measured: nothing was trained, nothing is kept.
            return Report(prose: "interrupted while measuring the start over the whole sets; nothing was trained")
        }
        let firstEpoch = training.trainer.epoch
        let target = firstEpoch + epochs
        var live = LiveTrainingChart(session, trainer: training.trainer,
                                     title: specification.description)
        let stop = LiveTrainingChart.train(
            &training.trainer, epochs: epochs, patience: patience, live: &live,
            shouldStop: session.shouldStop) { record in
            session.progress?("train: epoch \(record.epoch) of \(target), train loss \(session.format(record.trainLoss))"
                              + (record.validationLoss.map { ", val loss \(session.format($0))" } ?? ""))
        }
        var report = Report()
        // The live chart's last frame is what `save FILE.svg` writes; it is not drawn again.
        if let chart = live?.finalChart { report.save(.lineChart(chart)) }
        session.progress?("")
        session.lab.training = training
        session.focus = .model
        report.prose(TrainingReport(session: session, training: training, firstEpoch: firstEpoch, requested: epochs, stop: stop).text)
        return report
    }

    /// A new training of the session's model, or nil when Ctrl-C stopped its first evaluation.
    static func newTraining(_ session: Session, specification: ModelSpecification, data: DataSplit, batchSize: Int?,
                            seed: UInt64, at word: Word) throws(ShellError) -> ModelTraining? {
        let model: any Model
        do throws(ModelError) {
            model = try specification.makeModel(for: data.training)
        } catch {
            throw ShellError(error, at: word.range)
        }
        do throws(EvaluationError) {
            let trainer = try Trainer(model: model, split: data, l2: specification.l2, initialization: specification.initialization,
                                      configuration: session.optimizer, schedule: session.schedule, batchSize: batchSize, seed: seed,
                                      shouldStop: session.shouldStop)
            return ModelTraining(trainer: trainer, specification: specification, batchSize: batchSize, seed: seed,
                                 optimizerDescription: session.optimizer.description, scheduleDescription: session.schedule.description)
        } catch {
            if error == .interrupted { return nil }
            throw ShellError("the loss has no value at the start: \(error.description)", at: word.range, hint: "try another seed=")
        }
    }
}
