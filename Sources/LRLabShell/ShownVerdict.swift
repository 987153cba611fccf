import LRLab
import LRLabText

/// A run's verdict as a report shows it: `verdict: bouncing — ...` and its evidence, numbers
/// at `digits`, wrapped to the layout's width, the word coloured when the layout is.
struct ShownVerdict: TerminalPicture {
    var verdict: Verdict
    var digits: Int

    func render(in layout: ReportLayout) -> String {
        verdict.text(color: layout.color, digits: digits, width: layout.width)
    }
}
