// The contract every input widget keeps: a value type, updated by one key at a time and
// drawn into a rectangle of a Screen. The interview screen decides what `.submit` and
// `.ignored` keys mean (next question, back, help…), so widgets never know about pages.

/// What a widget did with a key.
public enum WidgetAction: Hashable, Sendable {
    /// The key was not for this widget (Esc, Tab, F-keys…): the screen handles it.
    case ignored
    /// The widget used the key (its value or view may have changed).
    case handled
    /// The person asked to accept this answer (Enter).
    case submit
}

/// An input widget: pure state, `update` by key, `render` into a screen region.
public protocol Widget {
    /// Applies one key and says what happened.
    mutating func update(_ key: Key) -> WidgetAction
    /// Draws the widget inside `rect`; when `focused`, also places `screen.cursor`.
    func render(into screen: inout Screen, in rect: Rect, focused: Bool)
    /// Rows the widget would like at `width` columns (the screen may give fewer).
    func preferredHeight(width: Int) -> Int
}
