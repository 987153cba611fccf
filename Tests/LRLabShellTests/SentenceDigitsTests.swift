import Testing
import LRLab
import LRLabText
@testable import LRLabShell

/// `set digits=N` reaches the sentences the engine says (verdicts, curvature), not only the
/// trace: every number moves by N − 6 significant digits from the engine's own precision.
@Suite struct SentenceDigitsTests {
    /// gd on f(x) = 3x²/2 from x = 1 at lr = 0.07: x₂₀ = 0.79²⁰, loss 1.5·0.79⁴⁰ = 1.2055214e-4,
    /// 1/λ = 1/3, 2/λ = 2/3.
    static let script = """
        f(x) = 3*x^2/2
        start x=1
        opt gd lr=0.07
        run 20
        """

    @Test func theDefaultDigitsPrintTodaysText() {
        let (text, outcome) = transcript(of: Self.script + "\nverdict\ncurvature")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("  the loss went 1.5 → 0.000120552 over the last 20 steps"))
        #expect(text.contains("  curvature at step 20: lr=0.07 ≤ 1/λ_max = 0.3333: no bouncing"))
        #expect(text.contains("λ = 3 along x: 2/λ = 0.6667, factor 0.79, monotone"))
    }

    @Test func eightDigitsShowTwoMoreInVerdictAndCurvature() {
        let (text, outcome) = transcript(of: Self.script + "\nset digits=8\nverdict\ncurvature")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("  the loss went 1.5 → 0.00012055214 over the last 20 steps"))
        #expect(text.contains("  curvature at step 20: lr=0.07 ≤ 1/λ_max = 0.333333: no bouncing"))
        #expect(text.contains("λ = 3 along x: 2/λ = 0.666667, factor 0.79, monotone"))
        #expect(unwrapped(text).contains("lr=0.07 ≤ 1/λ_max = 0.333333: no bouncing; slowest along x, λ = 3, factor 0.79 per step"))
    }

    @Test func digitsShiftEveryNumberWithinOneToSeventeen() {
        let phrase: Phrase = "1/λ = \(.number(1.0 / 3, digits: 4)) at \(.point([2.0 / 3, 1])) \(.direction([0.6, 0.8], names: ["x", "y"]))"
        #expect(phrase.text == "1/λ = 0.3333 at (0.6667, 1) along (0.60, 0.80)")
        #expect(phrase.text(digits: 4) == "1/λ = 0.33 at (0.67, 1) along (0.60, 0.80)")
        #expect(phrase.text(digits: 1) == "1/λ = 0.3 at (0.7, 1) along (0.60, 0.80)")
        // 17 is 11 more than the default 6: a 4-digit number gets 15, the direction 13 decimals.
        #expect(phrase.text(digits: 17) == "1/λ = 0.333333333333333 at (0.666666666666667, 1) along (0.6000000000000, 0.8000000000000)")
    }
}
