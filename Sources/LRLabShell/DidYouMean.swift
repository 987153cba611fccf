import LRLab

extension Suggestion {
    /// The hint for a word that names nothing: `did you mean 'NAME'?` with the closest of
    /// `candidates` (after `prefix`, as in `did you mean 'help adam'?`), or nil when none is
    /// close. Every "did you mean" of the shell is phrased here.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>, prefix: String = "") -> String? {
        closest(to: word, among: candidates).map { "did you mean '\(prefix)\($0)'?" }
    }
}
