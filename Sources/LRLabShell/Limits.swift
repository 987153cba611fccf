import LRLab

/// Every limit the shell enforces, in one place. Commands check against these constants,
/// `help` and `help limits` print them from here, and the tests read them to probe each
/// limit at its value and one past it. Where two commands do the same work (runs of an
/// optimizer) they share a limit; where a limit differs, its comment says why.
public enum Limits {
    /// Longest input line, in bytes of UTF-8. A longer line is refused before any parsing,
    /// and the line reader stops reading at it, so `lrlab < /dev/zero` cannot fill the memory.
    public static let maximumLineBytes = 65_536

    /// Most steps one command runs per optimizer run: `run N`, `run until converged max=N` and
    /// each run of `compare steps=N`. Traces are thinned, so memory stays bounded; Ctrl-C stops
    /// the work early and keeps what was done.
    public static let maximumSteps = 100_000_000
    /// Steps `run until converged` takes when no `max=` is given.
    public static let defaultUntilConvergedSteps = 100_000
    /// Most lines one `step N` prints: one line per step, so fewer than `run` takes.
    public static let maximumPrintedSteps = 100_000
    /// Most configurations (optimizers times rates) one `compare` runs side by side; more
    /// curves than this cannot be told apart in one chart.
    public static let maximumCompareRuns = 12
    /// Most learning rates one `sweep` tries (`n=`).
    public static let maximumSweepRates = 200
    /// Most steps per rate in `sweep steps=N`: fewer than `maximumSteps` because a sweep makes
    /// up to `maximumSweepRates` runs, 200 million steps in all at this limit.
    public static let maximumSweepSteps = 1_000_000
    /// Most steps of `lrfind steps=N`: it keeps every step's loss to smooth and search them,
    /// so its work and memory grow with the count, unlike a thinned run.
    public static let maximumFinderSteps = 1_000_000
    /// Longest horizon `schedule table steps=N` and `plot lr steps=N` show: they only evaluate
    /// the schedule, which costs nothing per step, so the limit is the run's.
    public static let maximumScheduleHorizon = maximumSteps

    /// Most members of one `pbt` population: each holds a whole run, and `pbt step` prints a
    /// row per member.
    public static let maximumPopulation = 256
    /// Most steps one `pbt` makes in all, population × steps per member (and `compare` makes it
    /// twice, once for random search): the budget `run` has for one run.
    public static let maximumPopulationBudget = maximumSteps
    /// Most member rows a population records, population × generations (steps / interval, and
    /// one more per `pbt step` past the budget): each generation keeps every member's score and
    /// hyper-parameters for the table, the plot and `save pbt`.
    public static let maximumPopulationRecords = 1_000_000

    /// Most nodes (numbers, names, operators, calls) in one formula.
    public static let maximumFormulaSize = Parser.maximumSize
    /// Deepest nesting of parentheses, calls, signs and powers in one formula.
    public static let maximumFormulaNesting = Parser.maximumNesting
    /// Largest first or second derivative a function may have, in nodes as printed.
    public static let maximumDerivativeSize = Objective.maximumDerivativeSize
    /// Largest derivative `diff` prints, in nodes: about ten screens of text.
    public static let maximumShownDerivativeSize = 2_000

    /// Most scripts open at once through `load` and `lesson` (a script that loads itself stops here).
    public static let maximumScriptDepth = Session.maximumScriptDepth
    /// Largest script file read, in bytes.
    public static let maximumScriptBytes = TextFile.maximumSize

    /// Most rows of a data set: `data NAME n=N`, and the data rows of each file `data load`
    /// reads (counted as it reads, so a file of 10⁷ rows stops at the first row past the limit).
    public static let maximumDataRows = 1_000_000
    /// Most columns of a CSV file `data load` reads (features and target), checked on the header.
    public static let maximumDataColumns = 1_000
    /// Most numbers (rows × columns) of the files `data load` reads: 80 MB of doubles, so a wide
    /// file cannot reach both other limits at once (10⁶ rows × 10³ columns would be 8 GB).
    public static let maximumDataCells = 10_000_000
    /// Longest line of a CSV file `data load` reads, in bytes: room for the widest row of
    /// `maximumDataColumns` numbers at full precision, so a file without line breaks stops early.
    public static let maximumDataLineBytes = 1 << 20

    /// Most epochs one `train epochs=N` runs (and the most `early=` patience, and the most
    /// epochs `fit` trains each degree and `compare` each model): the epoch
    /// trace holds a few numbers per epoch, so memory stays small; Ctrl-C stops it early.
    public static let maximumEpochs = 100_000
    /// Largest `batch=N`: any batch at least the training rows is a full batch.
    public static let maximumBatchRows = 10_000_000
    /// `model poly degree=N` goes from 1 to this.
    public static let maximumPolynomialDegree = ModelSpecification.maximumDegree
    /// Widest hidden layer of `model mlp hidden=`.
    public static let maximumHiddenWidth = ModelSpecification.maximumHiddenWidth
    /// Most hidden layers of `model mlp hidden=`.
    public static let maximumHiddenLayers = ModelSpecification.maximumHiddenLayers
    /// Most parameters a model may have (checked when it meets the data).
    public static let maximumModelParameters = ModelSpecification.maximumParameters
    /// Most degrees one `fit` trains (each is a whole training).
    public static let maximumFitDegrees = 20
}
