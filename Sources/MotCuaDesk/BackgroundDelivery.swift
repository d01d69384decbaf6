import Foundation
import MotCuaStore

/// The kiosk's delivery in the background, when a destination is set
/// (`--to`, `MOTCUA_DELIVER_TO`, settings `deliverTo`): a thread with its own
/// `DossierStore` (its own lock description, so it and the kiosk exclude each
/// other like two processes) runs a delivery every `MOTCUA_DELIVER_EVERY`
/// seconds (default 30). Typing never waits for it: the data lock is held only
/// to mark and to record, never while psql or curl talks to the server.
/// Dossiers whose attempt failed wait for their backoff; a destination that
/// is unreachable therefore costs one attempt per backoff step, not a loop.
public enum BackgroundDelivery {
    public static func start(dataDir: String, kioskID: String, operatorID: String, url: String,
                      environment: [String: String]) {
        let every = environment["MOTCUA_DELIVER_EVERY"].flatMap(Double.init).map { max(1, min($0, 3600)) } ?? 30
        let retrySeconds = environment["MOTCUA_RETRY_SECONDS"].flatMap(Double.init)
        let thread = Thread {
            var options = StoreOptions()
            if let r = retrySeconds, r > 0, r < 86400 { options.backoffBase = r }
            while true {
                // Errors are already in the journal (failed / set aside, with reasons) and
                // shown on the queue screen; a store that cannot even open is tried again later.
                if let store = try? DossierStore(directory: dataDir, kioskID: kioskID, checker: StoreForms.checker, options: options),
                   let destination = try? Destinations.make(url: url, kioskID: kioskID, settings: readSettings(dataDir)) {
                    _ = try? store.deliver(operatorID: operatorID, to: destination)
                }
                Thread.sleep(forTimeInterval: every)
            }
        }
        thread.name = "motcua-delivery"
        thread.start()
    }
}
