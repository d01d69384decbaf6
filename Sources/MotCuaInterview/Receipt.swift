import MotCuaForms

/// The receipt-and-appointment slip, "Giấy tiếp nhận hồ sơ và hẹn trả kết
/// quả" (Mẫu số 01 of Circular 01/2018/TT-VPCP): the one value every front
/// end shows or prints (plain text, the kiosk's screen, the PDF page). Built
/// once when a dossier is submitted or re-opened; the renderers only read it.
///
/// The code itself stays a string here: `ReceiptCode` (store) is the parser
/// and maker of that string (its bounds, the daily sequence), not a second
/// receipt.
public struct Receipt: Sendable, Equatable, Hashable {
    /// One paper handed in: its label, whether original or copy, how many.
    public struct Paper: Sendable, Equatable, Hashable {
        public var id: String
        public var label: String
        public var kind: Procedure.Document.Kind
        /// Forms list each paper once; a desk receiving two copies edits this.
        public var count: Int
        public init(id: String, label: String, kind: Procedure.Document.Kind = .original, count: Int = 1) {
            self.id = id; self.label = label; self.kind = kind; self.count = count
        }
    }

    /// How the fee is paid: nothing to pay, at the desk in cash, or by
    /// transfer with the VietQR code (cash stays possible then too).
    public enum Payment: String, Sendable, Equatable, Hashable { case none, cash, vietQR }

    /// The receiving agency ("Ủy ban nhân dân xã Mỹ Lâm"); nil when unknown.
    public var agency: String?
    /// The dossier number printed on the slip (`ReceiptCode`), and the store's id.
    public var code: String
    public var dossierID: String
    public var citizenName: String?
    public var citizenAddress: String?
    public var citizenPhone: String?
    public var procedure: String
    public var procedureCode: String?
    public var papers: [Paper]
    /// The day received and the time as the slip prints it ("10:58 06/12/2026").
    public var received: CalendarDate
    public var receivedAt: String
    public var appointment: CalendarDate
    public var processingDays: Int
    /// The fee in đồng (nil when the form states none), and the form's note on it.
    public var fee: Int?
    public var feeNote: String?
    /// The officer who received the dossier; nil until operators sign in.
    public var officer: String?
    /// Content of the tracking QR code (the code, or a lookup URL), and of the
    /// VietQR payment code (nil without a fee or a payee).
    public var tracking: String?
    public var paymentPayload: String?
    /// A correction or supplement (issue 16): its version (2, 3, ...) beside
    /// the code the chain keeps, and the reason given; nil for a first version.
    public var version: Int?
    public var correctionReason: String?

    public var payment: Payment {
        guard let fee, fee > 0 else { return .none }
        return paymentPayload == nil ? .cash : .vietQR
    }

    /// The receipt of an interview's answers, received on `received` (time
    /// of day in `receivedAt`): procedure facts from the form, the citizen
    /// from the first name, phone and address answers.
    public init(interview: Interview, code: String = "", dossierID: String = "", received: CalendarDate,
                receivedAt: String? = nil, holidays: HolidayCalendar, officer: String? = nil) {
        let form = interview.form
        self.code = code
        self.dossierID = dossierID
        self.received = received
        self.receivedAt = receivedAt ?? received.display
        self.officer = officer
        agency = form.procedure?.agency.map { interview.text($0) }
        procedure = interview.text(form.title)
        procedureCode = form.procedure?.code
        processingDays = form.procedure?.processingDays ?? 0
        appointment = holidays.adding(workingDays: processingDays, to: received)
        let scope = Scope(values: interview.values)
        fee = Receipt.fee(form: form) { interview }
        if case .expression(_, let note)? = form.procedure?.fee { feeNote = note.map { interview.text($0) } }
        papers = (form.procedure?.documents ?? []).filter { interview.validator.isRequired($0.required, scope) }
            .map { Paper(id: $0.id, label: interview.text($0.label), kind: $0.kind) }
        citizenName = Receipt.firstAnswer(interview) { $0.format == .name }
        citizenPhone = Receipt.firstAnswer(interview) { $0.format == .phone }
        citizenAddress = Receipt.address(interview)
    }

    /// The fee in đồng of a dossier made with `form` (nil when the form
    /// states none): the one place that knows it, used by the receipt and by
    /// `motcua report`. A fixed amount needs no answers, so `interview` is
    /// only called for an expression fee, evaluated over its values.
    public static func fee(form: Form, interview: () -> Interview?) -> Int? {
        fee(form: form) { interview().map { (values: $0.values, context: $0.validator.context) } }
    }

    /// The same over the values an Interview would give expressions (`FeePlan`
    /// gives those of the fields the fee depends on) and the validator's context.
    static func fee(form: Form, values: () -> (values: [String: Value], context: EvaluationContext)?) -> Int? {
        switch form.procedure?.fee {
        case .amount(let a)?: return a
        case .expression(let e, _)?:
            guard let (values, context) = values(),
                  case .number(let d) = Evaluator.evaluate(e, Scope(values: values), context),
                  d.isFinite, abs(d) < 1e15 else { return nil }
            return Int(d.rounded())
        case nil: return nil
        }
    }

    /// The first non-empty answer of a relevant field `matching`, as the review shows it.
    static func firstAnswer(_ i: Interview, matching: (Field) -> Bool) -> String? {
        for f in i.form.allFields where matching(f) && i.isRelevant(f.id) {
            if let v = i.answers[f.id], !v.isNull, case let s = i.display(v, f), !s.isEmpty { return s }
        }
        return nil
    }

    /// The first address the form asks for: the street part (`…_dia_chi`),
    /// then its commune and province (`…_xa`, `…_tinh`), as an envelope reads.
    static func address(_ i: Interview) -> String? {
        for f in i.form.allFields where f.id.hasSuffix("dia_chi") && i.isRelevant(f.id) {
            let prefix = String(f.id.dropLast("dia_chi".count))
            let parts = [prefix + "dia_chi", prefix + "xa", prefix + "tinh"].compactMap { id -> String? in
                guard let field = i.form.field(id), let v = i.answers[id], !v.isNull else { return nil }
                let s = i.display(v, field)
                return s.isEmpty ? nil : s
            }
            if !parts.isEmpty { return parts.joined(separator: ", ") }
        }
        return nil
    }
}
