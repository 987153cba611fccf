/// A picture `save FILE.svg` can write: the last one a command drew, kept by the session.
public enum Picture {
    case lineChart(LineChart)
    case contourMap(ContourMap)
    case scatterPlot(ScatterPlot)
    case fitPlot(FitPlot)
    case decisionMap(DecisionMap)
    /// The fitted curves above the chart of error against degree (`plot fit` after `fit`).
    case fitWithErrors(FitPlot, errors: LineChart)
    /// A sweep's strip of outcomes (its table stays text).
    case strip(Strip)

    /// The picture as a standalone SVG document.
    public var svg: String {
        switch self {
        case .lineChart(let chart): SVG.lineChart(chart)
        case .contourMap(let map): SVG.contourMap(map)
        case .scatterPlot(let plot): SVG.scatterPlot(plot)
        case .fitPlot(let plot): SVG.fitPlot(plot)
        case .decisionMap(let map): SVG.decisionMap(map)
        case .fitWithErrors(let plot, let errors): SVG.fitPlot(plot, errors: errors)
        case .strip(let strip): SVG.strip(strip)
        }
    }
}
