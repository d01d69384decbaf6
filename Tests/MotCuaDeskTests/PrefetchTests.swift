import Foundation
import Synchronization
import Testing
import MotCuaDesk
import MotCuaForms

/// The kiosk's start reads the catalog and the wording on a thread of their own
/// (`Prefetch`): one run of the body, on another thread, its value or its error given to
/// every caller from any thread, signals left to the main thread.
@Suite struct PrefetchTests {
    struct Refused: Error, Equatable { let why: String }

    @Test func theValueIsComputedOnceOnAnotherThread() throws {
        let runs = Mutex(0)
        let caller = pthread_self()
        let ranHere = Mutex<Bool?>(nil)
        let p = Prefetch<[String]> {
            runs.withLock { $0 += 1 }
            ranHere.withLock { $0 = pthread_equal(pthread_self(), caller) != 0 }
            return ["khai-sinh", "ly-lich-tu-phap"]
        }
        #expect(try p.value() == ["khai-sinh", "ly-lich-tu-phap"])
        #expect(try p.value() == ["khai-sinh", "ly-lich-tu-phap"])
        #expect(runs.withLock { $0 } == 1)
        #expect(ranHere.withLock { $0 } == false)
    }

    @Test func anErrorReachesEveryCaller() {
        let p = Prefetch<Int> { throw Refused(why: "Forms/ unreadable") }
        for _ in 0..<2 {
            #expect(throws: Refused(why: "Forms/ unreadable")) { try p.value() }
        }
    }

    @Test func callersOnSeveralThreadsAllWaitForTheOneRun() throws {
        let gate = DispatchSemaphore(value: 0)
        let runs = Mutex(0)
        let p = Prefetch<String> {
            _ = gate.wait(timeout: .now() + 5)  // every caller below asks before the body can finish
            runs.withLock { $0 += 1 }
            return "Đăng ký khai sinh"
        }
        let seen = Mutex<[String]>([])
        let callers = (0..<8).map { _ in
            Thread { let v = (try? p.value()) ?? "failed"; seen.withLock { $0.append(v) } }
        }
        callers.forEach { $0.start() }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(seen.withLock { $0.isEmpty })
        gate.signal()
        let deadline = Date().addingTimeInterval(30)
        while seen.withLock({ $0.count }) < 8, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(seen.withLock { $0 } == Array(repeating: "Đăng ký khai sinh", count: 8))
        #expect(runs.withLock { $0 } == 1)
    }

    /// A SIGTERM for the kiosk must reach the thread whose read it interrupts, not this one.
    @Test func theThreadTakesNoSignals() throws {
        // Open on the calling thread (the test runner's threads may block some), as on
        // the kiosk's main thread; the thread must block them all the same.
        var open = sigset_t(), before = sigset_t()
        sigemptyset(&open)
        for sig in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&open, sig) }
        pthread_sigmask(SIG_UNBLOCK, &open, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        pthread_sigmask(SIG_BLOCK, nil, &before)
        let p = Prefetch<[Int32]> {
            var mask = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &mask)
            return [SIGTERM, SIGINT, SIGHUP].filter { sigismember(&mask, $0) == 1 }
        }
        #expect(try p.value() == [SIGTERM, SIGINT, SIGHUP])
        // The caller's own mask is as it was.
        var after = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &after)
        #expect((1..<32).allSatisfy { sigismember(&before, $0) == sigismember(&after, $0) })
    }

    /// What the kiosk's first screen reads ahead is what the installation would have read.
    @Test func theInstallationsPrefetchIsWhatItReadsItself() throws {
        let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let env = ["MOTCUA_HOME": home]
        let ahead = try Installation(environment: env)
        ahead.prefetchFirstScreen(language: "en")
        let plain = try Installation(environment: env)
        #expect(ahead.catalog.entries.map(\.id) == plain.catalog.entries.map(\.id))
        #expect(ahead.catalog.entries.count > 10)
        #expect(ahead.messages("en").text("kiosk.home.noOperators") == plain.messages("en").text("kiosk.home.noOperators"))
        #expect(ahead.messages("en").language == "en")
        #expect(ahead.messages("vi").text("kiosk.home.noOperators") == plain.messages("vi").text("kiosk.home.noOperators"))
    }
}
