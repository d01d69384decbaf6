// What is installed with the program, found and read once per process: the folder holding
// Forms/ and Locales/ (MOTCUA_HOME, else beside /proc/self/exe, see `Resources`), the
// catalog's titles, the wording of each language, the public holidays.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

public final class Installation {
    /// The folder holding Forms/ and Locales/.
    public let root: String
    public var formsDirectory: String { root + "/Forms" }
    private var tables: [String: Messages] = [:]
    private var holidayCalendar: HolidayCalendar?
    private var headers: Catalog?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let root = Resources.root(environment: environment) else {
            throw StoreError.notFound("the Forms folder is missing (set MOTCUA_HOME to the folder holding Forms/ and Locales/)")
        }
        self.root = root
    }

    /// The program's messages in a language, read the first time it is asked for (most
    /// desks never switch to English).
    public func messages(_ language: String) -> Messages {
        if let m = tables[language] { return m }
        let m = Resources.messages(language, root: root)
        // Only the form languages are kept: a language tag from outside never grows this.
        if language == "vi" || language == "en" { tables[language] = m }
        return m
    }

    /// The public holidays (Forms/lists/holidays.json), read once; missing or unreadable
    /// is an error each interview reports at its start (appointment dates need them).
    public func holidays() throws -> HolidayCalendar {
        if let holidayCalendar { return holidayCalendar }
        let h = try Holidays.load(formsDirectory: formsDirectory)
        holidayCalendar = h
        return h
    }

    /// The catalog's titles and codes: the first screen needs no more, and each form
    /// (with its lists, linted) is read when a session opens it.
    public var catalog: Catalog {
        if let headers { return headers }
        let c = Catalog.loadHeaders(formsDirectory: formsDirectory)
        headers = c
        return c
    }

    /// A form given by path, or by id under Forms/.
    public func formPath(_ s: String) -> String {
        if FileManager.default.fileExists(atPath: s) { return s }
        let byID = "\(formsDirectory)/\(s).json"
        if !s.contains("/"), FileManager.default.fileExists(atPath: byID) { return byID }
        return s
    }
}
