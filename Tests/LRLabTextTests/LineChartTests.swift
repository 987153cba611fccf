import Testing
@testable import LRLabText

@Suite struct LineChartTests {
    @Test func twoSeriesWithDivergence() {
        let picture = LineChart(series: [.init("gd", y: [9.0, 5.76, 3.69, 2.36, 1.51, 0.97, 0.62, 0.4, 0.25, 0.16, 0.1]), .init("big lr", y: [9.0, 12, 20, 45, 120, .infinity, .nan])], width: 24, height: 6, title: "loss", xLabel: "step")
        expectPicture(picture.render(style: .unicode), """
            loss
             120 ┤         ○  ↑ ↑
                 │        ○
            60.1 ┤        ○
                 │      ○○
                 │    ○○
             0.1 ┤○○●○●●●●●●●●●●●●●●●●●●●●
                 └────────────────────────
                  0         step        10
            ● gd  ○ big lr
            ↑ big lr: not finite from x=5
            """)
        expectPicture(picture.render(style: .ascii), """
            loss
             120 +         o  ^ ^
                 |        o
            60.1 +        o
                 |      oo
                 |    oo
             0.1 +oo*o********************
                 +------------------------
                  0         step        10
            * gd  o big lr
            ^ big lr: not finite from x=5
            """)
    }

    @Test func logScale() {
        let picture = LineChart(series: [.init("gd", y: [9.0, 5.76, 3.69, 2.36, 1.51, 0.97, 0.62, 0.4, 0.25, 0.16, 0.1])], width: 20, height: 5, yScale: .log10, yLabel: "loss")
        expectPicture(picture.render(style: .unicode), """
            loss (log scale)
                9 ┤●●●
                  │   ●●●●
            0.949 ┤       ●●●●●
                  │            ●●●●
              0.1 ┤                ●●●●
                  └────────────────────
                   0                 10
            ● gd
            """)
        expectPicture(picture.render(style: .ascii), """
            loss (log scale)
                9 +***
                  |   ****
            0.949 +       *****
                  |            ****
              0.1 +                ****
                  +--------------------
                   0                 10
            * gd
            """)
    }

    @Test func logScaleSkipsNonPositive() {
        let picture = LineChart(series: [.init("d", y: [1, 0.1, 0, -1, 0.01])], width: 10, height: 3, yScale: .log10)
        expectPicture(picture.render(style: .unicode), """
            (log scale)
               1 ┤●
                 │ ●●
            0.01 ┤         ●
                 └──────────
                  0        4
            ● d
            note: log scale skips 2 values <= 0
            """)
    }

    @Test func givenXValues() {
        let picture = LineChart(series: [.init("lr", y: [0.1, 0.1, 0.01, 0.01], x: [1, 400, 401, 1000])], width: 16, height: 3, xLabel: "step")
        expectPicture(picture.render(style: .unicode), """
             0.1 ┤●●●●●●●
                 │      ●
            0.01 ┤      ●●●●●●●●●●
                 └────────────────
                  1     step  1000
            ● lr
            """)
    }

    @Test func empty() {
        let picture = LineChart(series: [], width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
            (nothing to plot: no finite values)
            """)
    }

    @Test func allNaN() {
        let picture = LineChart(series: [.init("n", y: [.nan, .nan])], width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
            (nothing to plot: no finite values)
            ● n
            """)
    }

    @Test func singlePoint() {
        let picture = LineChart(series: [.init("one", y: [2])], width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
            3 ┤
              │●
            1 ┤
              └──────────
               0
            ● one
            """)
    }

    @Test func constant() {
        let picture = LineChart(series: [.init("c", y: [2, 2, 2, 2])], width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
            3 ┤
              │●●●●●●●●●●
            1 ┤
              └──────────
               0        3
            ● c
            """)
    }

    @Test func hugeRange() {
        let picture = LineChart(series: [.init("h", y: [-1e308, 1e308, 0])], width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
             1e308 ┤    ●●●
                   │  ●●   ●●●
            -1e308 ┤●●
                   └──────────
                    0        2
            ● h
            """)
    }
}
