import LRLab

/// Narration as a guided lesson prints it: a lesson's consecutive `say` lines form a paragraph,
/// which is wrapped to the terminal's width at spaces.
enum Narration {
    /// The lines of `paragraph` wrapped to at most `width` characters at spaces (a word longer
    /// than the width gets a line of its own). Leading spaces of the paragraph indent every line.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        let indent = String(paragraph.prefix { $0 == " " })
        let words = paragraph.split(separator: " ")
        guard !words.isEmpty else { return [""] }
        let width = max(width, indent.count + 10)
        var lines: [String] = []
        var line = indent
        for word in words {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }

    /// Groups `say` texts into paragraphs: an empty text is a paragraph of its own (a blank
    /// line), an indented one starts a new paragraph, any other joins the one before.
    static func paragraphs(_ texts: [String]) -> [String] {
        var paragraphs: [String] = []
        var joinable = false
        for text in texts {
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                paragraphs.append("")
                joinable = false
            } else if joinable, text.first != " ", let last = paragraphs.popLast() {
                paragraphs.append(last + " " + trimmed)
            } else {
                paragraphs.append(text.first == " " ? text : trimmed)
                joinable = true
            }
        }
        return paragraphs
    }
}
