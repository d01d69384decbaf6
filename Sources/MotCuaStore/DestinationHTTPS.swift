import Foundation
import MotCuaForms

extension Destinations {
    /// The HTTPS destination (`https://`, `http://` to loopback): docs/DELIVERY.md.
    /// Its options come from `deliverHTTP` in settings.json, the token file
    /// also from `MOTCUA_DELIVER_TOKEN_FILE`.
    static func makeHTTPS(url: String, kioskID: String, settings: JSONValue?,
                          environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any DeliveryDestination {
        try HTTPSDestination(url: url, options: HTTPDeliveryOptions(settings: settings?["deliverHTTP"], environment: environment))
    }
}

extension HTTPDeliveryOptions {
    /// `{"tokenFile", "allowPlainHTTP", "caFile", "timeoutSeconds", "connectTimeoutSeconds", "parallel"}`;
    /// a value of the wrong type or out of range is refused, not ignored.
    public init(settings: JSONValue?, environment: [String: String]) throws {
        self.init()
        func bad(_ key: String, _ want: String) -> StoreError { .invalidArgument("settings.json: deliverHTTP.\(key) must be \(want)") }
        if let s = settings, s.objectValue == nil { throw StoreError.invalidArgument("settings.json: deliverHTTP must be an object") }
        if let v = settings?["tokenFile"] { guard let p = v.stringValue, !p.isEmpty else { throw bad("tokenFile", "a path") }; tokenFile = p }
        if let p = environment["MOTCUA_DELIVER_TOKEN_FILE"], !p.isEmpty { tokenFile = p }
        if let v = settings?["allowPlainHTTP"] { guard case .bool(let b) = v else { throw bad("allowPlainHTTP", "true or false") }; allowPlainHTTP = b }
        if let v = settings?["caFile"] { guard let p = v.stringValue, !p.isEmpty else { throw bad("caFile", "a path") }; caFile = p }
        func seconds(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let v = settings?[key] else { return nil }
            guard let d = v.doubleValue, range.contains(d) else { throw bad(key, "a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))") }
            return d
        }
        if let t = try seconds("timeoutSeconds", 1...600) { requestTimeout = t }
        if let t = try seconds("connectTimeoutSeconds", 1...120) { connectTimeout = t }
        if let v = settings?["parallel"] {
            guard let n = v.intValue, (1...64).contains(n) else { throw bad("parallel", "a whole number from 1 to 64") }
            parallel = n
        }
    }
}
