import Testing
@testable import LRLabText

@Suite struct ContourMapTests {
    @Test func rosenbrockLikeWithPath() {
        let picture = ContourMap(function: { x, y in (1 - x) * (1 - x) + 10 * (y - x * x) * (y - x * x) }, rect: PlotRect(xMin: -2, xMax: 2, yMin: -1, yMax: 3), trajectories: [.init("gd", points: [(-1.5, 2), (-0.8, 0.9), (0, 0.2), (0.5, 0.3), (0.9, 0.8), (1, 1)])], minima: [(1, 1)], width: 24, height: 8)
        expectPicture(picture.render(style: .unicode), """
            y
             3 ┤▒░░▒▒▓▓▓████████▓▓▓▒░  ░
               │▓▒░░░▒▒▓▓▓▓██▓▓▓▓▒▒░  ░▒
               │▓▓▒S░░▒▒▒▓▓▓▓▓▓▒▒░   ░▒▓
               │█▓▒▒●●░░░▒▒▒▒▒▒░░   ░▒▓█
             1 ┤██▓▒▒░●●●●░░░░  ●●E░▒▓██
               │███▓▒▒░   ●●●●●●  ░▒▓███
               │████▓▓▒░░       ░▒▒▓▓███
            -1 ┤█████▓▓▒▒░░░░░░▒▒▓▓█████
               └────────────────────────
                -2         x           2
            ● gd  S start  E end  ★ minimum
            shade: low ' ░▒▓█' high, equal shares of the map (quantiles of f) (f from 0.0653 to 204)
            """)
        expectPicture(picture.render(style: .ascii), """
            y
             3 +=-:-=+#%%%%@@%%%##+=:  -
               |+=::-=+###%%%%##+=-.  :+
               |#+-S::-=+++##+++=-.  :=#
               |%#+-oo.--=====--.   :=#%
             1 +@%#+-:oooo:::...ooE:=#%@
               |@@%#+=:...oooooo .-=+%@@
               |@@@%#+=-:..   ..:-+#%@@@
            -1 +@@@@%#++=--:::--=+#%@@@@
               +------------------------
                -2         x           2
            o gd  S start  E end  * minimum
            shade: low ' .:-=+#%@' high, equal shares of the map (quantiles of f) (f from 0.0653 to 204)
            """)
    }

    @Test func twoTrajectoriesClipped() {
        let picture = ContourMap(function: { x, y in x * x + 4 * y * y }, rect: PlotRect(xMin: -2, xMax: 2, yMin: -1, yMax: 1), trajectories: [.init("gd", points: [(-1.8, 0.8), (-1, -0.6), (-0.4, 0.3), (0, 0)]), .init("big", points: [(1.5, 0.5), (-2.5, -0.9), (3, 1)])], minima: [(0, 0)], width: 20, height: 6, title: "bowl")
        expectPicture(picture.render(style: .unicode), """
            bowl
            y
             1 ┤S████▓▓▓▒▒▒▒▓▓▓█████
               │█●▓▒▒░░░░  ░░░░○○S○○
               │▓▒●●░   ●○○○○○○○░▒▒▓
             0 ┤▓▒▒○○○○○○○E    ░░▒▒▓
               │○○○○▒●░░░  ░░░░▒▒▓▓█
            -1 ┤█████▓▓▓▒▒▒▒▓▓▓█████
               └────────────────────
                -2       x         2
            ● gd  ○ big  S start  E end  ★ minimum
            shade: low ' ░▒▓█' high, equal shares of the map (quantiles of f) (f from 0.121 to 6.39)
            note: 2 points outside the window (clipped)
            """)
        expectPicture(picture.render(style: .ascii), """
            bowl
            y
             1 +S@@%%##++==++##%%@@@
               |@o+=--:::...::-xxSxx
               |#+oo:.  oxxxxxxx-=+#
             0 +#+=xxxxxxxE  ..:-=+#
               |xxxx-o:::...::--=+%@
            -1 +@@@%%##+====+##%%@@@
               +--------------------
                -2       x         2
            o gd  x big  S start  E end  * minimum
            shade: low ' .:-=+#%@' high, equal shares of the map (quantiles of f) (f from 0.121 to 6.39)
            note: 2 points outside the window (clipped)
            """)
    }
}
