import LRLab
import LRLabText

/// `compare schedule=step:0.1,400:0.01,700:0.001 lr=0.1,0.01,0.001`: a schedule beside
/// constant rates, each optimizer once with the schedule, then at each constant rate.
extension ExperimentCommands {
    /// `KIND:A,B,...` as the words of `schedule KIND A B ...`: `step:0.1,400:0.01` is
    /// `step 0.1 400:0.01`, `cosine:steps=1000,min=0` is `cosine steps=1000 min=0`.
    static func scheduleWords(_ text: String) -> [String] {
        let parts = text.split(separator: ",").map(String.init)
        guard let first = parts.first else { return [] }
        guard let colon = first.firstIndex(of: ":") else { return parts }
        let head = [String(first[..<colon]), String(first[first.index(after: colon)...])].filter { !$0.isEmpty }
        return head + parts.dropFirst()
    }

    /// The entries: every optimizer with the schedule (labelled `schedule`), then at every rate of
    /// `rates` with a constant rate (`gd lr=0.01`).
    static func scheduleBesideRates(_ text: String, configurations: [OptimizerConfiguration], rates: [Double],
                                    statement: Statement) throws(ShellError) -> [Comparison.Entry] {
        let word = statement.words.first { $0.text.lowercased().hasPrefix("schedule=") }
        let schedule: any LearningRateSchedule
        do throws(OptionError) {
            schedule = try ScheduleSyntax.parse(scheduleWords(text))
        } catch {
            throw ShellError("schedule=\(text): " + error.message, at: word?.range,
                             hint: "write the words of `schedule` joined by commas, e.g. schedule=step:0.1,400:0.01,700:0.001")
        }
        var entries: [Comparison.Entry] = []
        for configuration in configurations {
            // Labelled `schedule` (the command line shows which), so the table fits 80 columns.
            entries.append(Comparison.Entry(configuration: configuration, schedule: schedule,
                                            label: (configurations.count > 1 ? "\(configuration.kind.name) " : "") + "schedule"))
            for rate in rates {
                let configured = configuration.withLearningRate(rate)
                entries.append(Comparison.Entry(configuration: configured, schedule: ConstantSchedule(),
                                                label: "\(configured.kind.name) lr=\(NumberFormat.format(configured.learningRate, digits: 4))"))
            }
        }
        return entries
    }
}
