/// "Did you mean …?" for commands, functions, presets and options alike: the candidate
/// closest to a misspelling by edit distance, when it is close enough to be a likely intent.
public enum Suggestion {
    /// The best candidate for `word`, or nil when none is plausibly what was meant.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, lowered.count / 3))
        if best.distance <= allowed { return best.name }
        // A unique candidate that starts with what was typed is also a good guess (`rosen`).
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        if lowered.count >= 2, prefixed.count == 1 { return prefixed[0] }
        return nil
    }

    /// Damerau–Levenshtein distance (insertions, deletions, substitutions, adjacent swaps).
    /// Inputs longer than 64 characters are compared on their first 64 only, to stay cheap.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a.prefix(64)), t = Array(b.prefix(64))
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previousPrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[t.count]
    }
}
