// A dossier's place in the outbox in the reader's language: one wording for the command
// line, the returning-citizen screen and the duplicate warning, and a short one for the
// kiosk's narrow columns (queue, "Hôm nay"). Keys written whole (LocaleTests reads them).
import MotCuaForms
import MotCuaStore

extension QueueItemState {
    /// "chờ gửi", "tạm giữ – cần xem lại"; `short`: one or two words ("tạm giữ").
    public func words(_ m: Messages, short: Bool = false) -> String {
        switch (self, short) {
        case (.queued, false): m.text("cli.show.state.queued")
        case (.delivering, false): m.text("cli.show.state.delivering")
        case (.delivered, false): m.text("cli.show.state.delivered")
        case (.failed, false): m.text("cli.show.state.failed")
        case (.setAside, false): m.text("cli.show.state.setAside")
        case (.superseded, false): m.text("cli.show.state.superseded")
        case (.queued, true): m.text("kiosk.state.queued")
        case (.delivering, true): m.text("kiosk.state.delivering")
        case (.delivered, true): m.text("kiosk.state.delivered")
        case (.failed, true): m.text("kiosk.state.failed")
        case (.setAside, true): m.text("kiosk.state.setAside")
        case (.superseded, true): m.text("kiosk.state.superseded")
        }
    }
}
