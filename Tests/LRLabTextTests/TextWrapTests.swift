import Testing
@testable import LRLab
@testable import LRLabText

@Suite struct TextWrapTests {
    @Test func displayWidthCountsCellsNotBytes() {
        #expect(TextWrap.displayWidth("abc") == 3)
        #expect(TextWrap.displayWidth("θ̂ ─│●") == 5)  // θ + combining hat is one cell
        #expect(TextWrap.displayWidth("\u{1B}[31mdiverged\u{1B}[0m") == 8)
        #expect(TextWrap.displayWidth("学习率") == 6)
    }

    @Test func wrapsAtSpacesNeverInsideAWord() {
        let text = "verdict: slow — about 20390 more steps to converge (the slowest direction, along x)"
        let lines = TextWrap.wrapLine(text, width: 30, hang: 4)
        #expect(lines == ["verdict: slow — about 20390", "    more steps to converge", "    (the slowest direction,", "    along x)"])
        #expect(lines.allSatisfy { TextWrap.displayWidth($0) <= 30 })
        // The words, in order, are all there.
        #expect(lines.flatMap { $0.split(separator: " ") } == text.split(separator: " "))
    }

    @Test func continuationKeepsTheLinesIndentPlusTheHang() {
        #expect(TextWrap.wrapLine("  the gradient norm grew ×1.5 per step", width: 20) == ["  the gradient norm", "    grew ×1.5 per", "    step"])
    }

    @Test func aWordWiderThanTheLineStaysWhole() {
        #expect(TextWrap.wrapLine("a 0123456789012345 b", width: 10) == ["a", "  0123456789012345", "  b"])
    }

    @Test func linesThatFitAreUnchanged() {
        let text = "first   line\n\n  second"
        #expect(TextWrap.wrap(text, width: 80) == text)
    }

    @Test func flowNeverSplitsAPart() {
        let parts = ["m=(-1.515, 9.25)", "v=(0.127139, 4.75375)", "m_hat=(-7.97368, 48.6842)", "lr_eff=(0.00626957, 0.00102532)"]
        let lines = TextWrap.flow(parts, width: 50, indent: "    ")
        #expect(lines == ["    m=(-1.515, 9.25)  v=(0.127139, 4.75375)", "    m_hat=(-7.97368, 48.6842)", "    lr_eff=(0.00626957, 0.00102532)"])
    }
}

@Suite struct TraceFormatWidthTests {
    /// Step 1 of Adam (lr = 0.05) on x²/2 + 25y² from (−8, 1): every coordinate moves by lr.
    static let record = TraceRecord(step: 1, learningRate: 0.05, parameters: [-7.95, 0.95], loss: 54.163750000000000,
                                    gradient: [-7.95, 47.5], stepTaken: [0.05, -0.05],
                                    state: [-0.8, 5, 0.064, 2.5, -8, 50, 64, 2500, 0.1, 0.1, 0.001, 0.001, 0.00625, 0.001],
                                    notes: [.overshoot], stepGradient: [-8, 50])
    static let stateNames = ["m", "v", "m_hat", "v_hat", "bc1", "bc2", "lr_eff"]

    @Test func aTwoDimensionalRowFoldsAt80ColumnsAndKeepsEveryNumber() {
        let format = TraceFormat(parameters: ["x", "y"], stateNames: Self.stateNames, width: 100)
        let layout = format.layout(for: [Self.record])
        let text = format.line(Self.record, layout)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TextWrap.displayWidth($0) <= 100 }, "\(text)")
        // The gradient the step moved along (at the start), the step, then the new point and its loss.
        #expect(lines[0] == "    1      0.05        -8        50      0.05     -0.05     -7.95      0.95   54.1638  overshoot")
        #expect(!layout.folded)
        let narrow = TraceFormat(parameters: ["x", "y"], stateNames: Self.stateNames, width: 60)
        let folded = narrow.line(Self.record, narrow.layout(for: [Self.record])).split(separator: "\n").map(String.init)
        #expect(folded[0] == "    1      0.05     -7.95      0.95   54.1638  overshoot")
        #expect(folded[1] == "        g=(-8, 50)  d=(0.05, -0.05)")
        #expect(folded.allSatisfy { TextWrap.displayWidth($0) <= 60 }, "\(folded)")
        // The state flows over lines without splitting a name=(values) part.
        #expect(folded[2] == "        m=(-0.8, 5)  v=(0.064, 2.5)  m_hat=(-8, 50)")
        #expect(folded.contains("        v_hat=(64, 2500)  bc1=(0.1, 0.1)  bc2=(0.001, 0.001)"))
        #expect(folded.last == "        lr_eff=(0.00625, 0.001)")
    }

    @Test func theWidestNumbersFoldARowAt80() {
        var record = Self.record
        record.parameters = [-1.23456e-100, 9.87654e+200]
        record.stepGradient = [-1.23456e-100, -9.87654e+200]
        let format = TraceFormat(parameters: ["x", "y"], stateNames: [], width: 80)
        let layout = format.layout(for: [record])
        #expect(layout.folded)
        let text = format.header(layout) + "\n" + format.line(record, layout)
        #expect(text.split(separator: "\n").allSatisfy { TextWrap.displayWidth(String($0)) <= 80 }, "\(text)")
        #expect(text.contains("g=(-1.23456e-100, -9.87654e+200)"))
    }

    @Test func stateLinesCanBeHidden() {
        let format = TraceFormat(parameters: ["x", "y"], stateNames: Self.stateNames, width: 80, showsState: false)
        #expect(!format.line(Self.record, format.layout(for: [Self.record])).contains("m_hat"))
    }

    @Test func columnsWidenToTheirWidestCellAndStayAligned() {
        var second = Self.record
        second.step = 2
        second.parameters = [-7.90001, 0.900083]
        let format = TraceFormat(parameters: ["x"], stateNames: [], width: 80)
        let oneD = [TraceRecord(step: 1, learningRate: 0.1, parameters: [0.6], loss: 5.76, gradient: [-4.8], stepTaken: [0.6], state: [], notes: [],
                                stepGradient: [-6]),
                    TraceRecord(step: 12, learningRate: 0.1, parameters: [2.79721], loss: 0.0411233, gradient: [-0.405578], stepTaken: [0.0506973], state: [],
                                notes: [], stepGradient: [-0.506973])]
        let lines = format.table(oneD)
        #expect(lines == [" step        lr         gx         dx         x       loss  notes",
                          "    1       0.1         -6        0.6       0.6       5.76",
                          "   12       0.1  -0.506973  0.0506973   2.79721  0.0411233"])
    }
}

@Suite struct ContourMapLineWidthTests {
    @Test func theLegendAndShadeLinesWrapToTheLineWidth() {
        let map = ContourMap(function: { x, y in x * x + 4 * y * y }, rect: PlotRect(xMin: -2, xMax: 2, yMin: -1, yMax: 1),
                             trajectories: [.init("gd", points: [(-1.8, 0.8), (0, 0)])], minima: [(0, 0)], width: 30, height: 6,
                             title: "f(x, y) = x^2 + 4*y^2, a bowl twice as steep across as along")
        let unwrapped = map.render(style: .unicode)
        #expect(unwrapped.split(separator: "\n").contains { TextWrap.displayWidth(String($0)) > 40 })
        let lines = map.render(style: .unicode, lineWidth: 40).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TextWrap.displayWidth($0) <= 40 }, "\(lines)")
        #expect(lines.contains("shade: low ' ░▒▓█' high, equal shares of"))
        #expect(lines.contains { $0.hasPrefix("  the map (quantiles of f) (f from ") })
    }
}

@Suite struct TextWrapFormulaTests {
    @Test func aLineNeverBreaksBesideAnOperator() {
        let line = "gd keeps no state: each step uses only the gradient at the current point, θ ← θ − lr·∇f(θ)."
        #expect(TextWrap.wrapLine(line, width: 80) == ["gd keeps no state: each step uses only the gradient at the current point,",
                                                        "  θ ← θ − lr·∇f(θ)."])
        #expect(TextWrap.wrapLine("factor 1 − lr·λ = 1 − 0.07·3 = 0.79 per step", width: 20)
                == ["factor", "  1 − lr·λ = 1 − 0.07·3 = 0.79", "  per step"])
    }
}
