import CEditLine
import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The interactive prompt over libedit: history that survives restarts and is shared by
/// sessions open at once (`HistoryFile`: plain text, each line appended as it is run), tab
/// completion from the shell's command registry, Ctrl-C clears the line (or stops a long run),
/// Ctrl-D or `quit` leaves. A line over the length limit is refused and not kept in history.
struct LineEditor {
    let session: Session

    /// `$LRLAB_HISTORY` (the user's choice, which may be a symbolic link), or `~/.lrlab_history`
    /// (lrlab's own choice, never opened through a link).
    static var history: HistoryFile? {
        if let path = getenv("LRLAB_HISTORY") { return HistoryFile(path: String(cString: path), limit: 2000, followsLinks: true) }
        guard let home = getenv("HOME") else { return nil }
        return HistoryFile(path: String(cString: home) + "/.lrlab_history", limit: 2000, followsLinks: false)
    }

    func run() {
        // libedit reads the prompt as multibyte text in the locale's encoding, and fails on a
        // character the locale cannot encode: the prompt is ASCII unless the locale is UTF-8.
        // Only the character type is taken from the environment; numbers keep the C format.
        let unicodePrompt = setlocale(LC_CTYPE, "") != nil && String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        lrlab_set_readline_name("lrlab")
        lrlab_set_basic_word_break_characters(" \t;")
        lrlab_set_completion_function(LineEditor.complete)
        using_history()
        stifle_history(2000)
        let history = LineEditor.history
        if let refusal = history?.refusal { session.errorOutput("lrlab: " + refusal) }
        let loaded = history?.load() ?? []
        for entry in loaded { _ = add_history(entry) }
        var previous = loaded.last
        print("lrlab 0.1 — type help for the commands, lessons for the course, Ctrl-D to leave.")
        session.course.guidesLessons = true
        var guide = LessonGuide(unicodePrompt: unicodePrompt)
        while !session.wantsToQuit {
            Interrupt.clear()
            errno = 0
            session.terminalColumns = Terminal.columns()
            LineEditor.guideWords = guide.words
            guard let raw = readline(guide.prompt) else {
                if errno == EINTR || Interrupt.isRequested {
                    // Ctrl-C at the prompt: abandon the line, keep the session.
                    print("")
                    continue
                }
                print("")
                break
            }
            let line = String(cString: raw)
            free(raw)
            if Statement.isBlank(line), !guide.takesEmptyLines { continue }
            if !Statement.isBlank(line), line.utf8.count <= Limits.maximumLineBytes, line != previous {
                _ = add_history(line)
                history?.append(line)
                previous = line
            }
            if let size = Terminal.size() { session.terminalRows = size.rows }
            session.terminalColumns = Terminal.columns()
            Interrupt.clear()
            guide.enter(line, in: session)
            fflush(nil)
        }
    }

    /// The lesson guide's words to complete at the prompt being read (`LessonGuide.words`):
    /// libedit's callback is a C function with no context, so the loop leaves them here
    /// before each `readline`. Only the main thread, which runs both, reads or writes it.
    nonisolated(unsafe) static var guideWords: [String] = []

    /// libedit's completion callback: candidates from the shell's `Completion`.
    static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, _, end in
        guard let buffer = lrlab_line_buffer() else { return nil }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(end))
        let before = String(decoding: bytes, as: UTF8.self)
        guard let candidates = Completion.candidates(forLineBeforeCursor: before, extraWords: guideWords) else {
            return nil  // libedit completes file names
        }
        lrlab_set_attempted_completion_over(1)
        guard !candidates.isEmpty else { return nil }
        let keepsGoing = candidates.allSatisfy { $0.hasSuffix("=") || $0.hasSuffix(" ") }
        lrlab_set_completion_append_character(keepsGoing ? 0 : 32)
        // The array libedit expects: the common prefix, then each match, then NULL.
        let matches = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
        let common = candidates.dropFirst().reduce(candidates[0]) { prefix, candidate in
            String(zip(prefix, candidate).prefix { $0 == $1 }.map(\.0))
        }
        if candidates.count == 1 {
            matches[0] = strdup(candidates[0])
            matches[1] = nil
        } else {
            matches[0] = strdup(common)
            for (index, candidate) in candidates.enumerated() { matches[index + 1] = strdup(candidate) }
            matches[candidates.count + 1] = nil
        }
        return matches
    }
}
