import LRLab
import LRLabText

/// The state of one lrlab session and the entry point for executing lines of the command
/// language. The session writes through `output` and never touches the terminal itself.
public final class Session {
    /// Where everything the session prints goes, one chunk (usually a line) per call.
    public var output: (String) -> Void
    /// Where error messages go; the same as `output` unless the caller separates them.
    public var errorOutput: (String) -> Void
    /// Polled during long work; returns true after Ctrl-C.
    public var shouldStop: () -> Bool = { false }
    /// Number of significant digits in printed numbers (`set digits=N`).
    public var digits = 6
    /// Colour in error messages and pictures (terminals only).
    public var useColor = false
    /// Unicode pictures, or ASCII where the terminal cannot show them.
    public var useUnicode = true
    /// The lessons: where they come from, where progress is saved, and the lesson in hand.
    public var course = CourseState()
    /// Adaptive optimizers' state lines under each trace line (`set state=on|off`).
    public var showsState = true
    /// The memory one command's trainings may hold (`set memory=`).
    public var memoryBudget = MemoryBudget.standard
    /// The script being run, for relative `load` paths; nil at the prompt.
    public internal(set) var currentFile: String?

    /// The formula explorer: named values, the function, the start, the run and the last comparison.
    public internal(set) var explorer = Explorer()
    /// The data lab: the data, the model, and the training, fits and comparison learned from them.
    public internal(set) var lab = DataLab()
    /// What `compare`, `sweep`, `lrfind`, `pbt`, `plot loss`, `lr`, `save` and claims act on:
    /// the formula or the model on data, whichever was set up or worked on last.
    public internal(set) var focus = Focus.formula
    /// The optimizers `opt`, `help`, `explain`, `compare opt=` and completion know by name.
    public var optimizerRegistry = OptimizerRegistry.standard
    /// The commands `help`, completion and "did you mean" know; a test may add its own.
    public var commandRegistry = CommandRegistry.standard
    /// The optimizer in force, for runs and trainings alike (`opt`).
    public internal(set) var optimizer = OptimizerConfiguration.standard
    /// The learning-rate schedule in force, for runs and trainings alike (`schedule`).
    public internal(set) var schedule: any LearningRateSchedule = ConstantSchedule()
    /// Terminal size in character cells: trace lines, verdicts, tables and pictures are laid
    /// out to fit `terminalColumns` (the executable sets it from `COLUMNS` or the terminal).
    public var terminalColumns = TextWrap.defaultWidth
    public var terminalRows = 30
    /// The last picture drawn, for `save FILE.svg`.
    public internal(set) var lastPicture: Picture?
    /// The population of the last `pbt`, advanced by `pbt step`, drawn by `plot pbt`, written by `save pbt`.
    public internal(set) var population: Population?
    /// A transient status line for long work (`pbt`'s generations): called with the text, and
    /// with "" to clear it. Nil (the default, and for scripts and pipes): no progress shown.
    public var progress: ((String) -> Void)?
    /// Whether `train` redraws its loss chart in place through `progress` (a frame is text of
    /// several lines, ending in a newline); the executable turns it on at a terminal.
    public var live = false
    /// Whether the executable draws the frames `progress` gets (not under NO_COLOR rules,
    /// even after `set live=on`); when false, `run N watch` prints its final picture once.
    public var liveFramesDrawn = true
    /// Set by `quit`; the caller stops reading lines.
    public internal(set) var wantsToQuit = false
    /// Nesting of `load`, so a script that loads itself stops with an error.
    var scriptDepth = 0
    /// The script line being run, for commands that report at it later (`task`, `check`).
    var currentPlace: ScriptPlace?

    /// The error for a line longer than `Limits.maximumLineBytes`; `bytes` is its length when known.
    public static func lineTooLong(bytes: Int? = nil) -> ShellError {
        ShellError("line is too long" + (bytes.map { ": \($0) bytes" } ?? "") + "; the limit is \(Limits.maximumLineBytes) bytes; it was not run",
                   hint: "split it into several lines, or name parts of a formula: a = ...")
    }

    /// What every command says when `shouldStop` (Ctrl-C) cut its work short, in one place so
    /// they all say it alike: `interrupted at step N [of RUN]; KEPT`, N the last step taken, RUN
    /// the run it belongs to when there are several, KEPT what survives.
    public static func interruptionNote(atStep step: Int, of run: String? = nil, _ kept: String) -> String {
        "interrupted at step \(step)" + (run.map { " of " + $0 } ?? "") + "; " + kept
    }

    public init(output: @escaping (String) -> Void, errorOutput: ((String) -> Void)? = nil) {
        self.output = output
        self.errorOutput = errorOutput ?? output
    }

    /// Prints one chunk of text.
    public func say(_ text: String) {
        output(text)
    }

    /// Shows what a command reported, laid out for this terminal, one chunk per block, and
    /// keeps its picture for `save FILE.svg`. Commands return their report; a long one may
    /// show a first part (a training's header) before its work and return the rest.
    func present(_ report: Report) {
        for chunk in report.rendered(in: layout) { output(chunk) }
        if case .replaced(let picture) = report.savedPicture { lastPicture = picture }
    }

    /// Executes one line: every `;`-separated statement in turn, stopping at the first error,
    /// and after a statement that Ctrl-C (`shouldStop`) interrupted: the rest of the line is
    /// not run, as a shell drops the rest of `a; b` when Ctrl-C stops `a`.
    public func execute(line: String) throws(ShellError) {
        if line.utf8.count > Limits.maximumLineBytes {
            throw Session.lineTooLong(bytes: line.utf8.count)
        }
        for statement in Statement.split(line) {
            try execute(statement)
            if wantsToQuit || shouldStop() { return }
        }
    }

    /// How many statements `execute` has run, errors included: a command compares it with the
    /// number it noted to tell whether another statement ran since (`step`'s table).
    private(set) var statementsRun = 0
    /// The table of trace lines the last `step` printed, which a `step` right after continues.
    var stepTable = StepTable()

    /// Runs one statement: the course admits it (an open task takes only its parts), the
    /// registry finds its command (a definition's included), and the command runs.
    func execute(_ statement: Statement) throws(ShellError) {
        guard let first = statement.words.first else { return }
        statementsRun += 1
        try course.admit(first)
        let command = try commandRegistry.command(for: statement)
        present(try command.run(self, statement))
    }

    // MARK: - State changes shared by commands

    /// Installs a new function and turns the focus to it; the start point is kept when its
    /// dimension still fits.
    func setObjective(_ objective: Objective, start preferredStart: [Double]? = nil) {
        explorer.setObjective(objective, start: preferredStart)
        population = nil
        focus = .formula
    }

    /// Moves the start point and turns the focus to the formula.
    func setStart(_ point: [Double]) {
        explorer.setStart(point)
        population = nil
        focus = .formula
    }

    /// Uses a new data set and turns the focus to the data lab; a note says what was dropped.
    func setData(_ split: DataSplit, source: DataSource) -> String? {
        // A population on a model trained on the old data; the same data again keeps it.
        if split != lab.data, population?.isOnModel == true { population = nil }
        let note = lab.setData(split, source: source)
        focus = .model
        return note
    }

    /// Uses a new model and turns the focus to the data lab.
    func setModel(_ specification: ModelSpecification) {
        lab.setModel(specification)
        if population?.isOnModel == true { population = nil }
        focus = .model
    }

    /// Changes the optimizer; the run starts again. Returns a note when steps were discarded.
    @discardableResult
    func setOptimizer(_ configuration: OptimizerConfiguration) -> String? {
        optimizer = configuration
        return explorer.discardRun(digits: digits)
    }

    /// Changes the schedule; the run starts again. Returns a note when steps were discarded.
    @discardableResult
    func setSchedule(_ newSchedule: any LearningRateSchedule) -> String? {
        schedule = newSchedule
        return explorer.discardRun(digits: digits)
    }

    /// The function and start point every run needs, or the error that says which is missing.
    func setup(at word: Word? = nil) throws(ShellError) -> (objective: Objective, start: [Double]) {
        guard let objective = explorer.objective else {
            // After `model`, `lr`, `plot loss` and `save trace` speak of the training to come.
            if focus == .model {
                throw ShellError("no training yet (and no function to minimise)", at: word?.range,
                                 hint: "train first, e.g. train epochs=20; for a function of your own, define one, e.g. f(x) = (x - 3)^2")
            }
            throw ShellError("no function to minimise yet", at: word?.range,
                             hint: "define one, e.g. f(x) = (x - 3)^2, or pick a preset with use rosenbrock (functions lists them)")
        }
        guard let start = explorer.start else {
            let example = objective.parameters.map { "\($0)=0" }.joined(separator: " ")
            throw ShellError("no start point yet", at: word?.range, hint: "set one, e.g. start \(example)")
        }
        return (objective, start)
    }

    /// The current run, started from the start point when there is none yet.
    func currentRun(at word: Word? = nil) throws(ShellError) -> Run {
        if let run = explorer.run { return run }
        let (objective, start) = try setup(at: word)
        do {
            let newRun = try Run(objective: objective, start: start, configuration: optimizer, schedule: schedule)
            explorer.run = newRun
            return newRun
        } catch {
            throw ShellError("\(objective.signature) has no value at the start point \(NumberFormat.point(start)): \(error.description)",
                             hint: "choose another start point")
        }
    }

    /// The training of the data lab's model on its data, or the error that says what is missing.
    func currentTraining(at word: Word? = nil) throws(ShellError) -> ModelTraining {
        guard let data = lab.data else {
            throw ShellError("no data yet", at: word?.range, hint: "choose a data set first, e.g. data moons, data sine or data digits")
        }
        guard let model = lab.model else {
            throw ShellError("no model yet", at: word?.range, hint: "choose one, e.g. model mlp hidden=32, model linear or model poly degree=3")
        }
        guard let training = lab.training else {
            throw ShellError("no training yet of \(model.description) on \(data.training.shownName)"
                             + (lab.droppedTraining.map { " (\($0))" } ?? ""), at: word?.range,
                             hint: "train first, e.g. train epochs=20")
        }
        return training
    }
}
