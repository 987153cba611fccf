import LRLab
import LRLabText

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
}
