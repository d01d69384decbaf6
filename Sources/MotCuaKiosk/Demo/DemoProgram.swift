// The demo program: a guided walk through DemoQuestions, then a summary. Shows how a
// KioskProgram uses the frame, the question layout and the widgets, and gives the tmux
// tests and the benchmark something real to drive.
import Foundation
import MotCuaText

struct DemoProgram: KioskProgram {
    var questions: [DemoQuestion]
    let initial: [DemoQuestion]
    var current = 0
    var showingSummary = false
    var highContrast = false
    /// F12 stops the process with a trap, to test that a crash restores the terminal.
    var allowCrash = false
    /// Telex → VNI → off, cycled with F6 / Ctrl-T; shown in the title bar.
    var typingMethod = InputMethod.telex
    var idleTimeout: Double?
    /// Where answers are written on F10, Ctrl-C, a termination signal or idle (0600).
    let draftPath: String?
    var notice: String?

    init(questions: [DemoQuestion], idleTimeout: Double?, draftPath: String?) {
        self.questions = questions; initial = questions
        self.idleTimeout = idleTimeout; self.draftPath = draftPath
        applyTypingMethod()
    }

    /// Gives every Vietnamese text field the current typing engine (or none when off).
    mutating func applyTypingMethod() {
        for i in questions.indices where questions[i].vietnamese {
            questions[i].widget.setTyping(typingMethod == .off ? nil : VietTypingEngine(method: typingMethod), vietnamese: true)
        }
    }

    var typingStatus: String {
        switch typingMethod { case .telex: "Gõ: Telex"; case .vni: "Gõ: VNI"; case .off: "Gõ: tắt" }
    }

    mutating func update(_ event: KioskEvent) -> KioskCommand {
        notice = nil
        guard case .key(let key) = event else {
            saveDraft()
            let method = typingMethod
            self = DemoProgram(questions: initial, idleTimeout: idleTimeout, draftPath: draftPath)
            typingMethod = method
            applyTypingMethod()
            return .none  // idle: nothing personal stays on screen
        }
        if showingSummary {
            switch key {
            case .enter: saveDraft(); return .quit(0)
            case .escape: showingSummary = false
            default: break
            }
            return .none
        }
        switch key {
        case .function(10), .control("s"): saveDraft(); return .quit(0)
        case .function(12) where allowCrash: fatalError("crash requested with F12 (--allow-crash)")
        case .function(4): highContrast.toggle(); return .highContrast(highContrast)
        case .function(6), .control("t"):
            typingMethod = typingMethod == .telex ? .vni : typingMethod == .vni ? .off : .telex
            applyTypingMethod()
            return .none
        case .escape, .backTab: current = max(0, current - 1); return .none
        default: break
        }
        var widget = questions[current].widget
        let action = widget.update(key)
        questions[current].widget = widget
        questions[current].content.message = nil
        if action == .submit || (action == .ignored && key == .tab) { advance() }
        return .none
    }

    /// Checks the answer the way the interview engine will, then moves on.
    private mutating func advance() {
        let question = questions[current]
        if let date = question.widget as? DateField, let problem = date.problem {
            questions[current].content.message = problem == .incomplete ? "Ngày chưa đủ." : "Ngày không có thật."
            return
        }
        if question.content.required && question.widget.displayText().isEmpty {
            questions[current].content.message = "Xin trả lời câu này."
            return
        }
        if current + 1 < questions.count { current += 1 } else { showingSummary = true }
    }

    func view(size: Size) -> Screen {
        let hints = [KeyHint("Enter", "Tiếp"), KeyHint("Esc", "Quay lại"), KeyHint("F10", "Lưu và thoát"),
                     KeyHint("F6", "Kiểu gõ"), KeyHint("F4", "Tương phản cao")]
        let progress = showingSummary ? nil : FrameContent.Progress(
            step: current + 1, total: questions.count, label: KioskStrings.vi.step(current + 1, of: questions.count))
        var (screen, body) = KioskFrame.render(
            FrameContent(title: "MỘT CỬA · Đăng ký khai sinh (bản thử)", status: typingStatus, progress: progress, hints: hints),
            size: size)
        if showingSummary {
            renderSummary(into: &screen, body)
        } else {
            var widget = questions[current].widget
            widget.layout(QuestionLayout.widgetRect(questions[current].content, widget: widget, in: body))
            QuestionLayout.render(questions[current].content, widget: widget, into: &screen, in: body)
        }
        return screen
    }

    private func renderSummary(into screen: inout Screen, _ body: Rect) {
        let inner = Box.draw(into: &screen, body.inset(dx: 1, dy: 0), title: "Xem lại").inset(dx: 1, dy: 0)
        var y = inner.y
        let labelWidth = min(34, inner.width / 2)
        for question in questions.dropFirst() where y < inner.maxY - 1 {
            screen.write(TextWrap.pad(question.content.label, width: labelWidth), at: Point(x: inner.x, y: y),
                         style: Style(.label, bold: true), clip: inner)
            screen.write(question.widget.displayText(), at: Point(x: inner.x + labelWidth + 1, y: y), clip: inner)
            y += 1
        }
        screen.write("Enter để lưu và kết thúc, Esc để sửa.", at: Point(x: inner.x, y: inner.maxY - 1),
                     style: .role(.hint), clip: inner)
        screen.cursor = nil
    }

    mutating func terminate(signal: Int32) { saveDraft() }

    /// Writes "label<TAB>answer" lines, owner-only, flushed to disk.
    private func saveDraft() {
        guard let draftPath else { return }
        let lines = questions.dropFirst().map { "\($0.content.label)\t\($0.widget.displayText())" }
        let data = Array((lines.joined(separator: "\n") + "\n").utf8)
        let fd = open(draftPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
    }
}
