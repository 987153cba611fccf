import LRLabText

/// The limits that are not one option's (lines, runs, budgets, formulas, files, memory), each
/// declared once with the commands it bounds: `help limits` lists them all and `help COMMAND`
/// the ones that bound that command, under its options' own limits.
struct WorkLimit {
    /// What is limited: `run N`, `formulas`, `memory`.
    var subject: String
    /// The limit and why, as one sentence that the session's width wraps.
    var text: String
    /// The commands it bounds (`help COMMAND` shows it); empty for limits of every line.
    var commands: [String]

    static var all: [WorkLimit] {
        let grouped = HelpText.grouped
        return [
            WorkLimit(subject: "lines", text: "\(grouped(Limits.maximumLineBytes)) bytes; a longer line is refused", commands: []),
            WorkLimit(subject: "run N", text: "\(grouped(Limits.maximumSteps)) steps per command (run until converged: "
                      + "\(grouped(Limits.defaultUntilConvergedSteps)) unless max=N)", commands: ["run"]),
            WorkLimit(subject: "step N", text: "\(grouped(Limits.maximumPrintedSteps)) steps per command: each prints a line",
                      commands: ["step"]),
            WorkLimit(subject: "compare", text: "\(Limits.maximumCompareRuns) runs, each of up to \(grouped(Limits.maximumSteps)) steps, as run",
                      commands: ["compare"]),
            WorkLimit(subject: "sweep", text: "one run per rate, so fewer steps each than run", commands: ["sweep"]),
            WorkLimit(subject: "lrfind", text: "fewer steps than run: it keeps and smooths every step's loss", commands: ["lrfind"]),
            WorkLimit(subject: "pbt", text: "\(grouped(Limits.maximumPopulationBudget)) steps in all (members × steps), "
                      + "\(grouped(Limits.maximumEpochs)) epochs in all on a model (members × epochs), "
                      + "\(grouped(Limits.maximumPopulationRecords)) member rows (members × generations)", commands: ["pbt"]),
            WorkLimit(subject: "model", text: "\(grouped(Limits.maximumModelParameters)) parameters on the data",
                      commands: ["model"]),
            WorkLimit(subject: "formulas", text: "\(grouped(Limits.maximumFormulaSize)) terms, nested \(Limits.maximumFormulaNesting) levels "
                      + "(parentheses, calls, signs, powers); a long flat sum nests nothing and is limited only by its terms",
                      commands: ["=", "diff"]),
            WorkLimit(subject: "derivatives", text: "\(grouped(Limits.maximumDerivativeSize)) terms each, or the function is refused; "
                      + "diff shows up to \(grouped(Limits.maximumShownDerivativeSize))", commands: ["=", "diff"]),
            WorkLimit(subject: "scripts", text: "\(grouped(Limits.maximumScriptBytes)) bytes, \(Limits.maximumScriptDepth) loads deep",
                      commands: ["load", "lesson"]),
            WorkLimit(subject: "data files", text: "\(grouped(Limits.maximumDataRows)) rows, \(grouped(Limits.maximumDataColumns)) columns "
                      + "and \(grouped(Limits.maximumDataCells)) numbers per file, CSV lines of "
                      + "\(grouped(Limits.maximumDataLineBytes)) bytes; checked as the file is read", commands: ["data"]),
            WorkLimit(subject: "memory", text: "\(MemoryBudget.setting(MemoryBudget.standard.bytes)) by default (set memory=SIZE): "
                      + "pbt, compare and train on a model work out what their trainings will hold before they start, "
                      + "and refuse past it", commands: ["pbt", "compare", "train"]),
        ]
    }

    /// The limits that bound the command called `name`.
    static func bounding(_ name: String) -> [WorkLimit] {
        all.filter { $0.commands.contains(name) }
    }

    /// `limits` as rows, the subject in a column and its text wrapped at `width` beside it.
    static func lines(_ limits: [WorkLimit], width: Int) -> [String] {
        let column = 2 + (limits.map(\.subject.count).max() ?? 0) + 2
        return limits.flatMap { limit in
            let wrapped = TextWrap.wrapLine(limit.text, width: max(20, width - column), hang: 0)
            return wrapped.enumerated().map { index, line in
                (index == 0 ? "  " + NumberFormat.rightPad(limit.subject, column - 2) : String(repeating: " ", count: column)) + line
            }
        }
    }
}
