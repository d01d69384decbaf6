// The questions of the terminal-layer demo: one of each widget, Vietnamese throughout.
// It exists to drive the terminal layer in tmux and in the benchmark before the interview
// engine is wired in; the real screens are built from forms.

struct DemoQuestion: Sendable {
    var content: QuestionContent
    var widget: FieldWidget
    /// Built-in Telex/VNI typing applies (form fields with `input: vietnamese`).
    var vietnamese = false
}

enum DemoQuestions {
    /// A few communes for the demo when no list file is given.
    static let sampleCommunes: [String] = [
        "Phường Ba Đình", "Phường Hoàn Kiếm", "Phường Cửa Nam", "Xã Hùng Đức", "Xã Hoài Đức",
        "Xã Mỹ Đức", "Phường Đức Xuân", "Xã Quảng Đức", "Xã Cao Đức", "Phường Hà Giang 1",
        "Phường Minh Xuân", "Xã Yên Sơn", "Xã Thái Bình", "Xã Bình An", "Phường Nông Tiến",
        "Xã Đồng Văn", "Xã Mèo Vạc", "Xã Lũng Cú", "Xã Na Hang", "Xã Lâm Bình",
    ]

    static func make(communes: [ChoiceOption]) -> [DemoQuestion] {
        let communes = communes.isEmpty
            ? sampleCommunes.enumerated().map { ChoiceOption(value: "x\($0.offset)", label: $0.element) }
            : communes
        let papers = [
            ChoiceOption(value: "giay-chung-sinh", label: "Giấy chứng sinh"),
            ChoiceOption(value: "cccd-cha", label: "Căn cước của cha"),
            ChoiceOption(value: "cccd-me", label: "Căn cước của mẹ"),
            ChoiceOption(value: "giay-ket-hon", label: "Giấy chứng nhận kết hôn"),
        ]
        return [
            DemoQuestion(content: QuestionContent(label: "Chào mừng đến bộ phận một cửa"),
                         widget: NoteView(text: "Bản thử giao diện: mỗi bước một câu hỏi. Enter để tiếp tục, Esc để quay lại, F10 để lưu và thoát.")),
            DemoQuestion(content: QuestionContent(label: "Họ, chữ đệm và tên của trẻ", required: true,
                                                  hint: "Viết đầy đủ, có dấu, như trong giấy chứng sinh.",
                                                  example: "Ví dụ: Nguyễn Thị Hồng Nhung"),
                         widget: TextEditor(), vietnamese: true),
            DemoQuestion(content: QuestionContent(label: "Ngày sinh của trẻ", required: true,
                                                  hint: "Gõ ngày, tháng, năm liền nhau: 05032024."),
                         widget: DateField(precision: .day)),
            DemoQuestion(content: QuestionContent(label: "Năm sinh của mẹ", hint: "Chỉ cần năm."),
                         widget: DateField(precision: .year)),
            DemoQuestion(content: QuestionContent(label: "Nơi sinh (xã, phường)", required: true,
                                                  hint: "Gõ vài chữ của tên, không cần dấu: \"hung duc\"."),
                         widget: ChoiceList(communes)),
            DemoQuestion(content: QuestionContent(label: "Giấy tờ nộp kèm", hint: "Phím cách để đánh dấu."),
                         widget: MultiChoice(options: papers)),
            DemoQuestion(content: QuestionContent(label: "Số bản sao trích lục", example: "Ví dụ: 2"),
                         widget: NumberField(kind: .integer, unit: "bản")),
            DemoQuestion(content: QuestionContent(label: "Đăng ký thường trú cho trẻ cùng lúc?"),
                         widget: BooleanField()),
            DemoQuestion(content: QuestionContent(label: "Ghi chú", hint: "Ctrl-J để xuống dòng."),
                         widget: TextEditor(multiline: true), vietnamese: true),
        ]
    }
}
