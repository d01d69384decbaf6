// The kiosk program: home, drafts, queue, an interview and its receipt, as one value for
// `Kiosk.run`. It routes keys to the screen on show and moves between screens; every
// screen draws itself with a pure view. The outside world comes in through
// `KioskServices`, so tests drive the whole app key by key without disk or terminal.
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaText

public struct KioskApp: KioskProgram {
    enum Route {
        case home(HomeScreen)
        case drafts(DraftsScreen)
        case queue(QueueScreen)
        case today(TodayScreen)
        case interview(InterviewScreen)
        case receipt(ReceiptScreen)
        case signIn(SignInScreen)
        case returning(ReturningScreen)
    }

    let services: KioskServices
    /// "vi" or "en": the kiosk's own words, and the language new interviews start in.
    public private(set) var language: String
    var route: Route
    var highContrast: Bool
    /// Telex / VNI / off, kept across questions and interviews.
    var typing = InputMethod.telex
    /// Seconds without a key before the draft is saved and home shown (nil: never).
    public var idleTimeout: Double?
    /// Opened on one form (`motcua fill FORM`): leaving it or finishing it ends the program.
    let singleForm: Bool
    /// What to print once the terminal is restored: the saved draft's id, or the
    /// receipt code, when the kiosk was opened on one form.
    public private(set) var farewell: [String] = []
    /// Read each new question aloud by itself (settings `readAloud`; toggled by a key).
    public internal(set) var autoRead = false
    /// espeak-ng is installed: the read key speaks (otherwise it says how to install it).
    var speechAvailable = false
    /// Who is signed in (nil: nobody, or no operator is configured).
    public internal(set) var signedIn: OperatorItem?

    /// The kiosk on its home screen.
    public init(services: KioskServices, language: String = "vi", idleTimeout: Double? = 300, highContrast: Bool = false) {
        self.services = services
        self.language = language
        self.idleTimeout = idleTimeout
        self.highContrast = highContrast
        singleForm = false
        let m = services.messages(language)
        if let ops = services.operators {
            route = .signIn(SignInScreen(messages: m, services: ops))
        } else {
            route = .home(HomeScreen(messages: m, services: services, who: m.text("kiosk.home.noOperators"), typing: typing))
        }
    }

    /// The kiosk straight on one interview.
    public init(services: KioskServices, session: FormSession, idleTimeout: Double? = 300, highContrast: Bool = false) {
        self.services = services
        language = session.interview.validator.messages.language
        self.idleTimeout = idleTimeout
        self.highContrast = highContrast
        singleForm = true
        route = .interview(InterviewScreen(session: session, typing: .telex, style: services.toneStyle,
                                           strings: KioskStrings(services.messages(language))))
    }

    public var strings: KioskStrings { KioskStrings(m) }
    var m: Messages { services.messages(language) }

    // MARK: Events

    public mutating func update(_ event: KioskEvent) -> KioskCommand {
        if case .key(let key) = event, let spoken = speechKey(key) { return spoken }
        let before = spokenPlace
        let command = route(event)
        return command == .none ? speakIfMoved(from: before) : command
    }

    private mutating func route(_ event: KioskEvent) -> KioskCommand {
        guard case .key(let key) = event else {
            idle()
            return .none
        }
        if KioskKey.highContrast.matches(key) {
            highContrast.toggle()
            return .highContrast(highContrast)
        }
        // "Đổi người": F3 outside an interview (inside, F3 is the fast view), Ctrl-V anywhere;
        // a draft in progress is saved first and stays its owner's.
        if let who = signedIn, KioskKey.switchOperator.matches(key), !isInterview || key == .control("v") {
            var notice: Notice?
            if case .interview(var screen) = route {
                screen.persist()
                notice = Notice(text: m.text("kiosk.switch.saved"), isError: false)
            }
            signOut(who, reason: "switched", notice: notice)
            return .none
        }
        switch route {
        case .signIn(var screen):
            guard let ops = services.operators else { goHome(); return .none }
            let action = screen.update(key, services: ops)
            route = .signIn(screen)
            switch action {
            case .none: break
            case .quit: return .quit(0)
            case .signedIn(let who):
                signedIn = who
                goHome()
            }
        case .home(var home):
            farewell = []
            let action = home.update(key, services: services)
            route = .home(home)
            switch action {
            case .none: break
            case .quit: return .quit(0)
            case .drafts: route = .drafts(DraftsScreen(messages: m, services: services))
            case .queue: route = .queue(QueueScreen(messages: m, services: services))
            case .today: route = .today(TodayScreen(messages: m, services: services, signedIn: signedIn != nil))
            case .returning: route = .returning(ReturningScreen(messages: m, services: services, typing: typing))
            case .language:
                language = language == "vi" ? "en" : "vi"
                goHome()
            case .start(let id):
                do { open(try services.startForm(id, language)) } catch {
                    goHome(Notice(text: m.text("kiosk.open.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true))
                }
            }
        case .drafts(var drafts):
            let action = drafts.update(key, services: services)
            route = .drafts(drafts)
            switch action {
            case .none: break
            case .back: goHome()
            case .resume(let id):
                do { open(try services.resumeDraft(id, language)) } catch {
                    drafts.notice = Notice(text: m.text("kiosk.open.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
                    route = .drafts(drafts)
                }
            }
        case .queue(var queue):
            let action = queue.update(key, services: services)
            route = .queue(queue)
            if action == .back { goHome() }
        case .today(var today):
            let action = today.update(key)
            route = .today(today)
            if action == .back { goHome() }
        case .interview(var screen):
            if KioskKey.language.matches(key) && !screen.showHelp {
                // F8 works in an interview too: the same answers and question, other words.
                language = language == "vi" ? "en" : "vi"
                var session = screen.session
                session.interview = session.interview.inLanguage(services.messages(language))
                route = .interview(InterviewScreen(session: session, typing: screen.typing, style: services.toneStyle,
                                                   strings: strings, fast: screen.fast))
                return .none
            }
            let outcome = screen.update(key)
            typing = screen.typing
            route = .interview(screen)
            switch outcome {
            case .stay: break
            case .leave:
                let saved = m.text("plain.saved", ["id": screen.session.draftID, "form": screen.interview.form.id])
                if singleForm { farewell = [saved]; return .quit(0) }
                goHome(Notice(text: m.text("kiosk.saved"), isError: false))
            case .submitted(let receipt):
                // Only the code: the receipt's personal facts stay off the scrollback.
                if singleForm { farewell = [m.text("kiosk.submitted", ["code": receipt.code])] }
                route = .receipt(ReceiptScreen(receipt: receipt, messages: screen.m))
            }
        case .returning(var screen):
            let action = screen.update(key, services: services)
            route = .returning(screen)
            switch action {
            case .none: break
            case .back: goHome()
            case .correct(let session): open(session)
            }
        case .receipt(var receipt):
            let action = receipt.update(key)
            if action == .print { receipt.printed(services.printReceipt) }
            route = .receipt(receipt)
            if action == .done {
                if singleForm { return .quit(0) }
                goHome(Notice(text: m.text("kiosk.submitted", ["code": receipt.receipt.code]), isError: false))
            }
        }
        return .none
    }

    private mutating func open(_ session: FormSession) {
        route = .interview(InterviewScreen(session: session, typing: typing, style: services.toneStyle, strings: strings))
    }

    private mutating func goHome(_ notice: Notice? = nil) {
        route = .home(HomeScreen(messages: m, services: services, notice: notice, who: whoLine, typing: typing))
    }

    /// The home screen's word on who is at the desk (or that no operator is configured).
    var whoLine: String {
        if let signedIn { return m.text("kiosk.home.signedIn", ["name": signedIn.name]) }
        return m.text("kiosk.home.noOperators")
    }

    private var isInterview: Bool { if case .interview = route { true } else { false } }

    /// Back to the sign-in list; whatever was on screen is gone, drafts stay saved
    /// (the interview's was persisted by the caller) and stay their owner's.
    private mutating func signOut(_ who: OperatorItem, reason: String, notice: Notice?) {
        services.operators?.signOut(who.id, reason)
        signedIn = nil
        guard let ops = services.operators else { goHome(notice); return }
        route = .signIn(SignInScreen(messages: m, services: ops, notice: notice))
    }

    /// Privacy at a public desk: save whatever is in progress and show home, with
    /// nothing personal left on screen.
    private mutating func idle() {
        var notice: Notice?
        if case .interview(var screen) = route {
            screen.persist()
            notice = Notice(text: m.text("kiosk.idle.saved"), isError: false)
        }
        // With operators, the idle reset signs out: the next person must sign in to see any draft (F13).
        if let who = signedIn {
            signOut(who, reason: "idle", notice: notice ?? Notice(text: m.text("kiosk.idle.signedOut"), isError: false))
            return
        }
        if case .signIn(let screen) = route, let ops = services.operators {
            route = .signIn(SignInScreen(messages: m, services: ops, notice: screen.notice))
            return
        }
        if case .home = route, notice == nil {
            goHome()
            return
        }
        goHome(notice)
    }

    public mutating func terminate(signal: Int32) {
        if case .interview(var screen) = route { screen.persist() }
    }

    // MARK: View

    public func view(size: Size) -> Screen {
        switch route {
        case .home(let home): return home.view(size: size, strings: strings)
        case .drafts(let drafts): return drafts.view(size: size)
        case .queue(let queue): return queue.view(size: size)
        case .today(let today): return today.view(size: size)
        case .interview(let screen): return screen.view(size: size)
        case .receipt(let receipt): return receipt.view(size: size)
        case .signIn(let screen): return screen.view(size: size)
        case .returning(let screen): return screen.view(size: size, strings: strings)
        }
    }

    /// Which screen is on show, for tests and the CLI.
    public var screenName: String {
        switch route {
        case .home: "home"
        case .drafts: "drafts"
        case .queue: "queue"
        case .today: "today"
        case .interview: "interview"
        case .receipt: "receipt"
        case .signIn: "sign-in"
        case .returning: "returning"
        }
    }
}
