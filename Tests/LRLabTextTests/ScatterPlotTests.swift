import Testing
@testable import LRLabText

@Suite struct ScatterPlotTests {
    @Test func eachGroupHasItsMarkAndACellShowsItsLargestGroup() {
        // Three points of group b and one of a share the top-right cell; a alone is bottom-left.
        let plot = ScatterPlot(groups: [.init("a", points: [(0, 0), (1, 1)]),
                                        .init("b", points: [(1, 1), (1, 1), (1, 1)])],
                               width: 4, height: 3, title: "t")
        let lines = plot.render(style: .ascii).split(separator: "\n").map(String.init)
        #expect(lines[0] == "t")
        #expect(lines[1].hasSuffix("+   o"))     // b's mark, o, wins the shared cell
        #expect(lines[3].hasSuffix("+*"))        // a's mark, *, alone at the bottom left
        #expect(lines.last == "* a (2)  o b (3)")
    }

    @Test func aTieGoesToTheEarlierGroup() {
        let plot = ScatterPlot(groups: [.init("a", points: [(0, 0), (1, 1)]), .init("b", points: [(1, 1), (0, 0)])],
                               width: 3, height: 3)
        let text = plot.render(style: .ascii)
        #expect(!text.split(separator: "\n").dropLast().joined().contains("o"))
    }

    @Test func theCurveIsDrawnUnderThePointsAndNonFinitePointsAreCounted() {
        let plot = ScatterPlot(groups: [.init("training", points: [(-1, -1), (1, 1), (.nan, 0)])], curve: { $0 },
                               width: 20, height: 10)
        let text = plot.render(style: .unicode)
        #expect(text.contains("·"))
        #expect(text.contains("● training (3)  · the curve without noise"))
        #expect(text.hasSuffix("note: 1 non-finite point not shown"))
    }
}

@Suite struct ImageGalleryTests {
    @Test(arguments: [(0.0, " "), (-1, " "), (.nan, " "), (0.01, "░"), (0.25, "░"), (0.26, "▒"), (0.5, "▒"),
                      (0.75, "▓"), (0.76, "█"), (1, "█"), (7, "█")])
    func shadesFollowTheQuarters(value: Double, glyph: Character) {
        #expect(ImageGallery.shade(value, style: .unicode) == glyph)
    }

    @Test func imagesAreBoxedLabelledAndWrapToTheWidth() {
        let image = ImageGallery.Image("7", pixels: [0, 1, 0.5, 0.25])
        let gallery = ImageGallery(images: [image, image, image], side: 2, maximumWidth: 14)
        let lines = gallery.render(style: .unicode).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Boxes of 2·2 + 2 = 6 cells and gaps of 2: two fit in 14 columns, the third wraps.
        #expect(lines == ["┌─7──┐  ┌─7──┐", "│  ██│  │  ██│", "│▒▒░░│  │▒▒░░│", "└────┘  └────┘",
                          "┌─7──┐", "│  ██│", "│▒▒░░│", "└────┘",
                          "shades: blank 0, ░ to ¼, ▒ to ½, ▓ to ¾, █ to 1"])
    }
}
