// Plain geometry for the screen model: positions and sizes are in terminal cells
// (columns, rows), never in characters, because a Vietnamese letter in NFD or a
// double-width character does not take one cell per Swift Character.

/// A cell position: `x` is the column, `y` the row, both from 0 at the top left.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public var description: String { "(\(x),\(y))" }
}

/// A size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    /// The smallest terminal the kiosk lays itself out for (issue #6).
    public static let minimum = Size(width: 80, height: 24)
    /// True when both dimensions are at least those of `other`.
    public func covers(_ other: Size) -> Bool { width >= other.width && height >= other.height }
    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells. Widths and heights below zero are treated as empty.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y
        self.width = max(0, width); self.height = max(0, height)
    }

    public init(origin: Point = Point(x: 0, y: 0), size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var size: Size { Size(width: width, height: height) }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    /// The part of `self` that is also inside `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// `self` shrunk by the given margins on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// `self` shrunk by `dx` columns on the left and right and `dy` rows on the top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect { inset(top: dy, left: dx, bottom: dy, right: dx) }

    /// The first of `count` list items to show in these rows, scrolled so
    /// that item `highlight` sits mid-list without scrolling past the end
    /// (every list and chooser of the kiosk scrolls this way).
    public func firstVisible(of count: Int, keeping highlight: Int) -> Int {
        max(0, min(highlight - height / 2, count - height))
    }

    /// The row `offset` rows below the top of `self`, one row high (empty when outside).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: y + offset, width: width, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// Splits off the first `rows` rows: (those rows, the rest).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Splits off the last `rows` rows: (the rest, those rows).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// Splits off the first `columns` columns: (those columns, the rest).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// A rectangle of at most `size`, centred in `self`.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }
}
