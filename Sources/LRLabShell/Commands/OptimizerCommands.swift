import LRLab
import LRLabText

extension Command {
    /// `schedule`, `explain`, `state`: the optimizer family's commands.
    static let optimizerCommands: [Command] = []
}
