import Foundation
import Testing
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// settings.json is parsed once per desk (it was three times per kiosk start): the kiosk id,
/// the agency code and the desk's own keys come from that one reading, with the errors of before.
@Suite struct DeskSettingsTests {
    func desk(_ f: (home: String, data: String), kiosk: String?, environment: [String: String] = [:]) throws -> Desk {
        let env = environment.merging(["MOTCUA_HOME": f.home]) { a, _ in a }
        return try Desk(installation: try Installation(environment: env), dataDirFlag: f.data, kiosk: kiosk, operatorID: "test",
                        today: nil, environment: env)
    }

    func write(_ text: String, into data: String) throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try text.write(toFile: data + "/settings.json", atomically: true, encoding: .utf8)
    }

    @Test func oneReadingGivesTheKioskIDTheAgencyAndTheDesksKeys() throws {
        let f = try DeskSessionTests().fixture()
        try write(#"{"kioskId": "hd07", "agencyCode": "000.00.15.H12", "trackingURL": "https://x.vn/{code}", "idleSeconds": 60}"#, into: f.data)
        let desk = try desk(f, kiosk: nil)
        #expect(desk.store.kioskID == "HD07")
        #expect(desk.store.agencyCode == "000.00.15.H12")
        #expect(desk.settings.trackingURL == "https://x.vn/{code}")
        #expect(desk.settingsJSON?["idleSeconds"]?.doubleValue == 60)
    }

    @Test func aBrokenFileStopsOnlyWhatNeedsIt() throws {
        let f = try DeskSessionTests().fixture()
        try write("{not json", into: f.data)
        // The id and the code given elsewhere: the desk opens, without the file's keys.
        let desk = try desk(f, kiosk: "TQ01", environment: ["MOTCUA_AGENCY_CODE": "000.00.15.H12"])
        #expect(desk.store.kioskID == "TQ01")
        #expect(desk.settingsJSON == nil)
        // The id must come from the file: its error, as before.
        #expect(throws: StoreError.self) { try self.desk(f, kiosk: nil) }
    }

    @Test func theKioskIDAndAgencyComeFromTheReadingGiven() throws {
        let f = try DeskSessionTests().fixture()
        try write(#"{"kioskId": "HD02", "agencyCode": "000.00.15.H12"}"#, into: f.data)
        let given: Result<JSONObject, any Error> = .success(JSONObject([("kioskId", .string("GIVEN1")), ("agencyCode", .string("000.00.16.H12"))]))
        #expect(try DataDirectory.kioskID(flag: nil, directory: f.data, settings: given, environment: [:]) == "GIVEN1")
        #expect(try DataDirectory.agencyCode(directory: f.data, settings: given, environment: [:]) == "000.00.16.H12")
        // Without one, the file is read.
        #expect(try DataDirectory.kioskID(flag: nil, directory: f.data, environment: [:]) == "HD02")
    }
}
