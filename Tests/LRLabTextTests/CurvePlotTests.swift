import Testing
@testable import LRLabText

@Suite struct CurvePlotTests {
    @Test func quadraticWithIterates() {
        let picture = CurvePlot(function: { ($0 - 3) * ($0 - 3) }, xRange: 0...6, iterates: [0, 1.2, 2.28, 2.71, 2.88, 3.0], width: 25, height: 7, title: "f(x) = (x-3)^2")
        expectPicture(picture.render(style: .unicode), """
            f(x) = (x-3)^2
              9 ┤S                       ·
                │ ·                     ·
                │  ·                   ·
            4.5 ┤   ··               ··
                │     1·           ··
                │       ··       ··
              0 ┤         2·3E···
                └─────────────────────────
                 0           x           6
            S start x=0  E end x=3 (step 5)  digits: step mod 10
            """)
        expectPicture(picture.render(style: .ascii), """
            f(x) = (x-3)^2
              9 +S                       .
                | .                     .
                |  .                   .
            4.5 +   ..               ..
                |     1.           ..
                |       ..       ..
              0 +         2.3E...
                +-------------------------
                 0           x           6
            S start x=0  E end x=3 (step 5)  digits: step mod 10
            """)
    }

    @Test func iteratesLeaveTheWindow() {
        let picture = CurvePlot(function: { $0 * $0 }, xRange: -2...2, iterates: [1, -3, 9, .nan], width: 17, height: 5)
        expectPicture(picture.render(style: .unicode), """
            4 ┤←               →
              │ ·             ·
            2 ┤  ··         ··
              │    ··     ·S
            0 ┤      ·····
              └─────────────────
               -2      x       2
            S start x=1  E end x=9 (step 2)  digits: step mod 10
            note: 1 non-finite iterate not shown
            """)
        expectPicture(picture.render(style: .ascii), """
            4 +<               >
              | .             .
            2 +  ..         ..
              |    ..     .S
            0 +      .....
              +-----------------
               -2      x       2
            S start x=1  E end x=9 (step 2)  digits: step mod 10
            note: 1 non-finite iterate not shown
            """)
    }

    @Test func oneIterate() {
        let picture = CurvePlot(function: { $0 * $0 }, xRange: -1...1, iterates: [0.5], width: 11, height: 3)
        expectPicture(picture.render(style: .unicode), """
            1 ┤·         ·
              │ ··     S·
            0 ┤   ·····
              └───────────
               -1   x    1
            S start x=0.5
            """)
    }

    @Test func notFiniteAnywhere() {
        let picture = CurvePlot(function: { _ in .nan }, xRange: -1...1, width: 10, height: 3)
        expectPicture(picture.render(style: .unicode), """
            (nothing to plot: f is not finite on [-1, 1])
            """)
    }
}
