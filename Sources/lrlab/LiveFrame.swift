/// Draws a live picture over the previous one: the cursor goes back up over the lines the last
/// frame took (the status line under it included), the screen below is cleared, and the new
/// frame is written. A frame ends in a newline, so the status line comes under it.
struct LiveFrame {
    /// Lines the last frame took; 0 before the first.
    private var lines = 0

    /// The escapes and text that replace the last frame with `text`.
    mutating func replace(with text: String) -> String {
        let up = lines > 0 ? "\u{1B}[\(lines)A" : ""
        lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return up + "\r\u{1B}[J" + text
    }
}
