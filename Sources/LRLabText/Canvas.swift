/// A rectangle of character cells that renderers draw into, with an optional colour per cell.
///
/// Row 0 is the top. Drawing outside the rectangle is ignored, so callers need not clip.
struct Canvas {
    let width: Int
    let height: Int
    private var cells: [Character]
    private var colors: [ANSIColor?]
    /// Which series (or layer) drew each cell last; `nil` for none. Renderers that must say
    /// what a picture hides read it.
    private var owners: [Int?]

    init(width: Int, height: Int, fill: Character = " ") {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
        colors = Array(repeating: nil, count: self.width * self.height)
        owners = Array(repeating: nil, count: self.width * self.height)
    }

    func contains(column: Int, row: Int) -> Bool {
        column >= 0 && column < width && row >= 0 && row < height
    }

    subscript(column: Int, row: Int) -> Character {
        contains(column: column, row: row) ? cells[row * width + column] : " "
    }

    /// The series (or layer) that drew the cell last; `nil` outside or for none.
    func owner(column: Int, row: Int) -> Int? {
        contains(column: column, row: row) ? owners[row * width + column] : nil
    }

    mutating func set(_ column: Int, _ row: Int, _ glyph: Character, color: ANSIColor? = nil, owner: Int? = nil) {
        guard contains(column: column, row: row) else { return }
        cells[row * width + column] = glyph
        colors[row * width + column] = color
        owners[row * width + column] = owner
    }

    /// Draws the cells of a straight segment between two cells (Bresenham), ends included,
    /// so consecutive points of a series join without gaps. The segment is first clipped to the
    /// canvas, so ends far outside cost nothing.
    mutating func line(from a: (column: Int, row: Int), to b: (column: Int, row: Int),
                       _ glyph: Character, color: ANSIColor? = nil, owner: Int? = nil) {
        guard let (start, end) = clip(a, b) else { return }
        var (x, y) = start
        let dx = abs(end.column - start.column), dy = -abs(end.row - start.row)
        let sx = start.column < end.column ? 1 : -1, sy = start.row < end.row ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, glyph, color: color, owner: owner)
            if x == end.column && y == end.row { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The part of segment a–b inside the canvas, rounded to cells (Liang–Barsky); `nil` if none.
    private func clip(_ a: (column: Int, row: Int), _ b: (column: Int, row: Int))
        -> ((column: Int, row: Int), (column: Int, row: Int))? {
        guard width > 0, height > 0 else { return nil }
        if contains(column: a.column, row: a.row) && contains(column: b.column, row: b.row) { return (a, b) }
        let x0 = Double(a.column), y0 = Double(a.row)
        let dx = Double(b.column) - x0, dy = Double(b.row) - y0
        var t0 = 0.0, t1 = 1.0
        let edges = [(-dx, x0), (dx, Double(width - 1) - x0), (-dy, y0), (dy, Double(height - 1) - y0)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        guard t0 <= t1 else { return nil }
        func cell(_ t: Double) -> (column: Int, row: Int) {
            (min(max(Int(saturating: (x0 + t * dx).rounded()), 0), width - 1),
             min(max(Int(saturating: (y0 + t * dy).rounded()), 0), height - 1))
        }
        return (cell(t0), cell(t1))
    }

    /// The rows as text, each with trailing blanks removed; colour escapes only if `color`.
    func lines(color: Bool) -> [String] {
        (0..<height).map { row in
            var text = ""
            for column in 0..<width {
                let glyph = cells[row * width + column]
                if color, let c = colors[row * width + column] {
                    text += c.wrap(String(glyph))
                } else {
                    text.append(glyph)
                }
            }
            return text
        }
    }
}
