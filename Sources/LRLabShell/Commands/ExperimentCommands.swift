import LRLab
import LRLabText

extension Command {
    /// `plot`, `compare`, `sweep`, `lrfind`, `curvature`, `verdict`: pictures and experiments.
    static let experimentCommands: [Command] = []
}
