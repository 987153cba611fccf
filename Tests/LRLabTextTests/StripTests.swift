import Testing
@testable import LRLabText

@Suite struct StripTests {
    @Test func sweepStrip() {
        let picture = Strip(grid: [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10], cells: [0, 0, 0, 1, 1, 2, 2, 3, 3], critical: ("2/L", 1))
        expectPicture(picture.render(style: .unicode), """
            lr 0.001 ░░░▒▒▓▓×× 10
                           ↑ 2/L = 1
            ░ slow  ▒ converged  ▓ bouncing  × diverging
            """)
        expectPicture(picture.render(style: .ascii), """
            lr 0.001 ...==##xx 10
                           ^ 2/L = 1
            . slow  = converged  # bouncing  x diverging
            """)
    }

    @Test func criticalOutsideGrid() {
        let picture = Strip(grid: [1, 2, 3], cells: [0, 1, 7], critical: ("2/L", 100))
        expectPicture(picture.render(style: .unicode), """
            lr 1 ░▒? 3
            ░ slow  ▒ converged  ▓ bouncing  × diverging
            """)
    }

    @Test func sparkline() {
        expectPicture(Sparkline.render([9.0, 5.76, 3.69, 2.36, 1.51, 0.97, 0.62, 0.4, 0.25, 0.16, 0.1], style: .unicode), """
            █▅▄▃▂▂▁▁▁▁▁
            """)
        expectPicture(Sparkline.render([9.0, 5.76, 3.69, 2.36, 1.51, 0.97, 0.62, 0.4, 0.25, 0.16, 0.1], style: .ascii), """
            @+=-.._____
            """)
    }

    @Test func sparklineLogAndNonFinite() {
        expectPicture(Sparkline.render([100, 10, 1, .nan, 0.1, 0], scale: .log10, style: .unicode), """
            █▆▃×▁×
            """)
        expectPicture(Sparkline.render([100, 10, 1, .nan, 0.1, 0], scale: .log10, style: .ascii), """
            @*-x_x
            """)
    }

    @Test func sparklineBuckets() {
        expectPicture(Sparkline.render([1, 1, 2, 2, 3, 3, 4, 4], width: 4, style: .unicode), """
            ▁▃▆█
            """)
        expectPicture(Sparkline.render([1, 1, 2, 2, 3, 3, 4, 4], width: 4, style: .ascii), """
            _-*@
            """)
    }
}
