import Testing
import Foundation
@testable import LRLab
@testable import LRLabShell

/// `save FILE.svg` after each picture writes an SVG with the same series and marks as the text
/// picture: read from the SVG's own elements, not only from its existence.
@Suite struct PictureSVGTwinTests {
    /// The SVG `save` writes after running `lines` in a fresh session (`prepare` may set it up).
    func svg(after lines: String, prepare: (Session) -> Void = { _ in }) throws -> (svg: String, session: Session) {
        let path = NSTemporaryDirectory() + "lrlab-twin-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = Session(output: { _ in })
        prepare(session)
        try session.execute(line: lines)
        try session.execute(line: "save \(path)")
        return (try String(contentsOfFile: path, encoding: .utf8), session)
    }

    /// The elements of `svg` that start with `<tag` and contain every one of `containing`.
    func elements(_ svg: String, _ tag: String, containing: [String] = []) -> [String] {
        svg.split(separator: "\n").map(String.init).filter { line in
            line.hasPrefix("<" + tag + " ") && containing.allSatisfy { line.contains($0) }
        }
    }

    /// The texts of the `<text>` elements.
    func texts(_ svg: String) -> [String] {
        elements(svg, "text").compactMap { line in
            guard let open = line.firstIndex(of: ">"), let close = line.range(of: "</text>") else { return nil }
            return String(line[line.index(after: open)..<close.lowerBound])
        }
    }

    /// The stroke colour of every `<polyline>`.
    func strokes(_ svg: String) -> [String] {
        elements(svg, "polyline").compactMap { line in
            line.range(of: "stroke=\"#[0-9a-f]{6}\"", options: .regularExpression).map { String(line[$0]) }
        }
    }

    @Test func populationShowsLineageMedianAndBand() throws {
        let (svg, _) = try svg(after: "f(x, y) = x^2 + y^2; start x=10 y=10; opt gd noise=2 seed=1; "
                                    + "pbt population=8 steps=300 interval=100; plot pbt")
        #expect(elements(svg, "polyline").count == 2)
        #expect(elements(svg, "polygon", containing: ["class=\"band\""]).count == 1)
        let legend = texts(svg)
        #expect(legend.contains("median"))
        #expect(legend.contains { $0.hasSuffix("lineage (best)") })
        #expect(legend.contains("all 8 members"))
    }

    @Test func comparedFunctionShowsEveryPath() throws {
        let (svg, _) = try svg(after: "f(x) = x^2; start x=1; compare lr=0.1,0.5,0.9 steps=10; plot f")
        // The function and one path per compared run.
        let legend = texts(svg)
        for label in ["f", "gd lr=0.1", "gd lr=0.5", "gd lr=0.9"] { #expect(legend.contains(label)) }
        #expect(Set(strokes(svg)).count == 4)
    }

    @Test func fitShowsCurvesHollowValidationAndErrorChart() throws {
        let (svg, session) = try svg(after: "data sine n=10; fit degree=1,2 epochs=5; plot fit")
        let validation = try #require(session.lab.data?.validation?.rowCount)
        let legend = texts(svg)
        for label in ["degree 1", "degree 2", "train", "validation"] { #expect(legend.contains(label)) }
        #expect(legend.contains { $0.hasPrefix("error against degree") })
        #expect(legend.contains { $0.hasPrefix("sweet spot: degree ") })
        // One hollow circle per validation point, and one in the legend.
        #expect(elements(svg, "circle", containing: ["fill=\"none\""]).count == validation + 1)
        #expect(elements(svg, "line", containing: ["class=\"mark\""]).count == 1)
        // Two nested documents: the curves above the errors.
        #expect(svg.components(separatedBy: "<svg ").count - 1 == 3)
    }

    @Test func dataPlotDrawsValidationHollow() throws {
        let (svg, session) = try svg(after: "data sine n=20; plot data")
        let split = try #require(session.lab.data)
        let validation = try #require(split.validation?.rowCount)
        #expect(elements(svg, "circle", containing: ["fill=\"none\""]).count == validation + 1)
        #expect(elements(svg, "circle", containing: ["fill-opacity"]).count == split.training.rowCount)
    }

    @Test func decisionMapDrawsValidationHollow() throws {
        let (svg, session) = try svg(after: "data moons n=40; model mlp hidden=4 seed=0; train epochs=2; plot fit")
        let split = try #require(session.lab.data)
        let validation = try #require(split.validation?.rowCount)
        let hollow = elements(svg, "circle", containing: ["class=\"validation\""])
        #expect(hollow.count == validation)
        #expect(hollow.allSatisfy { $0.contains("fill=\"none\"") })
        #expect(elements(svg, "circle").count == split.training.rowCount + validation)
    }

    @Test func sweepStripHasOneCellPerRate() throws {
        let (svg, session) = try svg(after: "f(x) = x^2; start x=1; sweep lr=0.01..10 n=12 steps=50")
        let cells = elements(svg, "rect", containing: ["class=\"cell\""])
        #expect(cells.count == 12)
        // f'' = 2, so rates up to 1 converge or bounce and rates past 1 diverge.
        guard case .strip(let strip)? = session.lastPicture else { Issue.record("sweep left no strip"); return }
        let names = strip.cells.map { strip.categories[$0].name }
        #expect(cells.map { line in names.contains { line.contains("data-category=\"\($0)\"") } }.allSatisfy { $0 })
        #expect(cells.last?.contains("data-category=\"diverging\"") == true)
        #expect(elements(svg, "line", containing: ["class=\"critical\""]).count == 1)
    }

    @Test func trainingChartIsTheLiveChartsLastFrame() throws {
        let (svg, _) = try svg(after: "data sine n=40; model poly degree=2; opt gd lr=0.1; train epochs=5") { session in
            session.live = true
            session.progress = { _ in }
        }
        let legend = texts(svg)
        #expect(legend.contains { $0.hasPrefix("training ") && $0.hasSuffix("(live)") })
        #expect(legend.contains("train") && legend.contains("validation"))
        #expect(elements(svg, "polyline").count == 2)
    }

    @Test func nineSeriesHaveNineColours() throws {
        let (svg, _) = try svg(after: "f(x) = x^2; start x=1; compare lr=0.001,0.002,0.005,0.01,0.02,0.05,0.1,0.2,0.4 steps=50")
        #expect(Set(strokes(svg)).count == 9)
    }
}
