// A value computed on a thread of its own while the caller does something else: the
// kiosk's start reads the catalog and the wording while it opens the data folder (the
// machine has two cores or more; these were one long sequence). `value` waits for it.
import Foundation
import Synchronization

/// `body` run once on a new thread, started at once; `value` blocks until it has
/// finished and gives its result (or throws its error), to every caller, from any thread.
/// The thread has every signal blocked, so a SIGTERM meant for the kiosk's loop reaches
/// the main thread (whose blocking read it interrupts), never this one.
public final class Prefetch<T: Sendable>: Sendable {
    /// The body's result, nil while it runs; written once, by the thread. Its own enum, not
    /// `Result<T, E>`: that one's `E: Error` is a protocol-conformance lookup at first use,
    /// and this type exists to shorten the start.
    private let result = Mutex<Outcome?>(nil)

    private enum Outcome {
        case value(T)
        case error(any Error)
    }
    /// The thread, until the first `value` has joined it (joined once, under this lock,
    /// so a second caller waits here for the first one's join).
    private let thread = Mutex<pthread_t?>(nil)

    /// Starts `body` on a new thread; where no thread can be made it runs here, now.
    public init(_ body: @escaping @Sendable () throws -> T) {
        let run: @Sendable () -> Void = { [self] in
            let r: Outcome
            do { r = .value(try body()) } catch { r = .error(error) }
            result.withLock { $0 = r }
        }
        if let started = startThread(run) {
            thread.withLock { $0 = started }
        } else {
            run()
        }
    }

    /// The body's result, waiting for it if the thread is still running.
    public func value() throws -> T {
        thread.withLock { handle in
            if let h = handle.take() { pthread_join(h, nil) }
        }
        // Joined: the thread stored its result before it ended.
        switch result.withLock({ $0 }) {
        case .value(let v)?: return v
        case .error(let e)?: throw e
        case nil: preconditionFailure("a joined prefetch has its result")
        }
    }
}

/// What a new thread runs (non-generic: a C thread entry cannot capture a generic context).
private final class ThreadEntry: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// `run` on a new thread with every signal blocked (set here, inherited by the thread, so
/// there is no moment it could take one); nil when no thread could be made.
private func startThread(_ run: @escaping @Sendable () -> Void) -> pthread_t? {
    let context = Unmanaged.passRetained(ThreadEntry(run)).toOpaque()
    var all = sigset_t(), old = sigset_t()
    sigfillset(&all)
    pthread_sigmask(SIG_SETMASK, &all, &old)
    defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
    var handle = pthread_t()
    let made = pthread_create(&handle, nil, { context in
        // The thread owns the one retain passed to it.
        guard let context else { return nil }
        Unmanaged<ThreadEntry>.fromOpaque(context).takeRetainedValue().run()
        return nil
    }, context)
    guard made == 0 else {
        Unmanaged<ThreadEntry>.fromOpaque(context).release()
        return nil
    }
    return handle
}
