import LRLab
import LRLabText

/// A training in a session: the trainer and what it was made from, so that the next `train`
/// can tell whether it continues this one.
public struct ModelTraining {
    public internal(set) var trainer: Trainer
    public let specification: ModelSpecification
    /// Rows per batch as chosen (nil: full batches) and the shuffle's seed.
    public let batchSize: Int?
    public let seed: UInt64
    /// The optimizer and schedule the trainer's current run started with (`opt`, `schedule`).
    var optimizerDescription: String
    var scheduleDescription: String
}

enum ModelCommands {
    /// `model` and `train`: models trained on the session's data.
    static let all: [Command] = [
        Command("model", usage: "model [linear | poly degree=N | logistic | mlp [OPTIONS:mlp]] [OPTIONS]",
                summary: "choose the model to train on the data, or describe the current one",
                details: modelDetails, completion: .computed(modelCompletion), options: ModelOptions.all) { session, statement throws(ShellError) in
            try modelCommand(session, statement)
        },
        Command("train", usage: "train [OPTIONS]",
                summary: "train the model on the data with the current opt and schedule",
                details: trainDetails, options: TrainOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try trainCommand(session, statement)
        },
    ]

    static let modelKinds = ["linear", "poly", "logistic", "mlp"]

    /// `model`'s options.
    enum ModelOptions {
        static let degree = CommandOption.count("degree", limit: Limits.maximumPolynomialDegree, "degree of the polynomial",
                                                subcommand: "poly", defaultDescription: "required")
        static let hidden = CommandOption.wholeNumbers("hidden", default: [32], range: 1...Limits.maximumHiddenWidth,
                                                       maximumCount: Limits.maximumHiddenLayers, "widths of the hidden layers", subcommand: "mlp")
        static let act = CommandOption.choice("act", aliases: ["activation"], default: DenseNetwork.Activation.relu,
                                              "activation between layers", subcommand: "mlp")
        static let l2 = CommandOption.number("l2", default: 0, range: 0...1e6, "weight penalty: the loss adds l2·Σw² over weights (not biases)")
        static let initialization = CommandOption.choice("init", default: "pytorch", choices: ["pytorch", "zeros"],
                                                         "zeros: every parameter 0; pytorch: U(−1/√fan_in, 1/√fan_in) from seed=")
        static let seed = CommandOption.seed("seed of the initial parameters", default: ModelSpecification.defaultSeed)
        static let all = [degree.option, hidden.option, act.option, l2.option, initialization.option, seed.option]
    }

    /// `train`'s options.
    enum TrainOptions {
        static let epochs = CommandOption.epochs(default: TrainingDefaults.epochs, "passes over the training rows")
        static let batch = CommandOption.batch(default: TrainingDefaults.batchRows, "rows per step: N, or full for every row (a training in progress keeps its own)")
        static let seed = CommandOption.seed("seed of each epoch's shuffle")
        static let early = CommandOption.count("early", limit: Limits.maximumEpochs,
                                               "stop after this many epochs without a lower validation loss (keeps the best)")
        static let all = [epochs.option, batch.option, seed.option, early.option]
    }

    static let modelDetails = """
        `model KIND` chooses what `train` fits to the data; the loss follows from the data's target,
        as PyTorch computes it: MSELoss mean((ŷ−y)²) for values, CrossEntropyLoss (mean over rows
        of −log softmax(logits)[class]) for classes.
          linear            ŷ = w·x + b on the features as given (values)
          poly degree=N     a polynomial of degree N (1–\(Limits.maximumPolynomialDegree)) in each feature: each x is scaled to
                            [−1, 1] by the training set's range, z = (2x − lo − hi)/(hi − lo), so that
                            z, z², …, z^N stay in [−1, 1] and degree 15 trains as well as degree 3
          logistic          softmax regression: one logit per class, on the features as given
          mlp hidden=32,16  dense layers with act=relu (or tanh) between them; the last gives the
                            prediction or the logits
        l2=X adds X·Σw² over the weights (not the biases) to the trained loss; traces show the data
        loss alone. Parameters start as PyTorch's nn.Linear does, U(−1/√fan_in, 1/√fan_in), drawn
        from seed=N (default \(ModelSpecification.defaultSeed)), or at 0 with init=zeros (then linear and logistic with full
        batches follow torch.optim step for step). `model` alone describes the model: its layers,
        parameter count, loss and initialisation (sized for the current data).
          model linear
          model poly degree=9 l2=0.001
          model logistic init=zeros
          model mlp hidden=32,16 act=tanh seed=3
        """

    static let trainDetails = """
        Trains the model on the data's training rows with the current opt and schedule: each epoch
        shuffles the rows (seed=) and takes one step per batch of batch=N rows (default \(TrainingDefaults.batchRows);
        batch=full: one step on every row). After each epoch the losses (without l2) and, for
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

    /// After `model`: the kinds.
    @Sendable static func modelCompletion(_ previous: [Word]) -> [String] {
        previous.count == 1 ? modelKinds : []
    }

    // MARK: model

    static func modelCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        guard statement.words.count >= 2 else {
            return Report(prose: try describeModel(session, at: statement.words[0]))
        }
        let kindWord = statement.words[1]
        let kind = kindWord.text.lowercased()
        guard modelKinds.contains(kind) else {
            let hint = Suggestion.didYouMean(kind, among: modelKinds)
                ?? "models: " + modelKinds.joined(separator: ", ")
            throw ShellError("unknown model '\(kindWord.text)'", at: kindWord.range, hint: hint)
        }
        let allowed = ModelOptions.all.filter { $0.subcommand == nil || $0.subcommand == kind }
        let options = try CommandOptionValues(statement.words.dropFirst(2), options: allowed, command: "model \(kind)")
        let architecture: ModelSpecification.Architecture
        switch kind {
        case "linear": architecture = .linear
        case "logistic": architecture = .logistic
        case "poly":
            guard let degree = options[ModelOptions.degree] else {
                throw ShellError("model poly needs a degree", at: kindWord.range, hint: "e.g. model poly degree=3 (1 to \(Limits.maximumPolynomialDegree))")
            }
            architecture = .polynomial(degree: degree)
        default:
            let hidden = options[ModelOptions.hidden]
            let activation = options[ModelOptions.act]
            architecture = .multilayerPerceptron(hidden: hidden, activation: activation)
        }
        let initialization: ModelInitialization
        if options[ModelOptions.initialization] == "zeros" {
            if options.isGiven(ModelOptions.seed) {
                throw ShellError("init=zeros starts every parameter at 0; it takes no seed", at: statement.word(for: ModelOptions.seed)?.range,
                                 hint: "give init=zeros or seed=N, not both")
            }
            initialization = .zeros
        } else {
            initialization = .seeded(options[ModelOptions.seed])
        }
        let specification = ModelSpecification(architecture: architecture, l2: options[ModelOptions.l2], initialization: initialization)
        // Described first: a model that does not suit the data is refused, not kept.
        let description = try describeModel(specification, data: session.lab.data, session: session, at: statement.words[0])
        session.setModel(specification)
        return Report(prose: description)
    }

    /// What `model` says: the specification, and the layers sized for the data when there is some.
    static func describeModel(_ session: Session, at word: Word) throws(ShellError) -> String {
        guard let specification = session.lab.model else {
            return "no model yet; e.g. model linear, model poly degree=3, model logistic or model mlp hidden=32"
        }
        return try describeModel(specification, data: session.lab.data, session: session, at: word)
    }

    /// `specification` described, its layers sized for `data` when there is some.
    static func describeModel(_ specification: ModelSpecification, data: DataSplit?, session: Session,
                              at word: Word) throws(ShellError) -> String {
        var lines = ["model \(specification.description)"]
        guard let data else {
            lines.append("  (layers are sized when there is data: e.g. data sine or data moons)")
            return lines.joined(separator: "\n")
        }
        let model: any Model
        do throws(ModelError) {
            model = try specification.makeModel(for: data.training)
        } catch {
            throw ShellError(error, at: word.range)
        }
        let loss = TrainingLoss(for: data.training)
        for layer in model.layerDescriptions { lines.append("  " + layer) }
        if let polynomial = model as? PolynomialModel {
            let ranges = zip(polynomial.lowerBounds, polynomial.upperBounds).map { "[\(session.format($0)), \(session.format($1))]" }
            lines.append("  inputs scaled to [−1, 1] by the training range \(ranges.joined(separator: ", ")): z = (2x − lo − hi)/(hi − lo)")
        }
        lines.append("  parameters \(model.parameterCount) (" + model.layout.map { "\($0.name) \($0.kind == .weight ? "\($0.rows)×\($0.columns)" : "\($0.rows)")" }.joined(separator: ", ") + ")")
        lines.append("  loss       \(loss.pytorchName): \(loss.formula)" + (specification.l2 > 0 ? " + \(session.format(specification.l2))·Σw² over weights" : ""))
        switch specification.initialization {
        case .zeros:
            var text = "  init       zeros"
            if case .multilayerPerceptron = specification.architecture {
                text += " (hidden units started equal stay equal, and stay 0 with relu: use seed=N)"
            }
            lines.append(text)
        case .seeded(let seed):
            lines.append("  init       PyTorch's nn.Linear default U(−1/√fan_in, 1/√fan_in), seed \(seed)")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: train

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
