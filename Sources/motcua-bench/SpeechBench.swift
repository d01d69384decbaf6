import Foundation
import MotCuaForms
import MotCuaSpeech
import MotCuaText

/// Reading aloud: normalising every text a person can hear in khai-sinh (title, pages,
/// labels, hints, help, examples, every option including the province and commune
/// lists), and the time from a key press to espeak-ng's first audio bytes for a
/// 20-word question, against espeak-ng given the raw text (the normaliser's cost).
func benchSpeech() throws {
    let root = benchRoot()
    let (catalog, _) = Catalog.load(formsDirectory: root + "/Forms")
    guard let form = catalog.entry(id: "khai-sinh")?.form else { throw SpeechBenchError.noForm }
    var texts: [String] = [form.title.resolve("vi")]
    for page in form.pages { texts += [page.title.resolve("vi")] + [page.intro].compactMap { $0?.resolve("vi") } }
    for f in form.allFields {
        let parts: [LocalizedText?] = [f.label, f.hint, f.help, f.example, f.unit]
        texts += parts.compactMap { $0?.resolve("vi") }
        let options = f.optionsList.flatMap { form.lists[$0] } ?? f.options
        texts += options.map { $0.label.resolve("vi") }
    }
    let characters = texts.reduce(0) { $0 + $1.count }
    let whole = Timing.measure(iterations: 30) { for t in texts { _ = SpokenVietnamese.text(t) } }
    print("normalise every text of khai-sinh (\(texts.count) texts, \(characters) characters, option lists included): "
        + "median \(human(whole.median)), min \(human(whole.min)) [target < 5 ms: \(whole.median < 5e-3 ? "met" : "MISSED")]")

    guard let espeak = ["/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
        print("espeak-ng is not installed: the time to first audio is not measured (apt-get install espeak-ng)")
        return
    }
    let question = "Họ, chữ đệm và tên của người đi đăng ký khai sinh, ghi đúng như trên thẻ căn cước, số 001088012345, cấp ngày 15/07/2021 tại Hà Nội"
    let words = question.split(separator: " ").count
    let ours = try Timing.measure(iterations: 20) { try firstAudio(espeak, SpokenVietnamese.text(question)) }
    let raw = try Timing.measure(iterations: 20) { try firstAudio(espeak, question) }
    print("key press to espeak-ng's first audio bytes, a \(words)-word question (median of 20): normalised \(human(ours.median)) "
        + "(min \(human(ours.min))) | raw text to espeak-ng \(human(raw.median)) [target < 100 ms: \(ours.median < 0.1 ? "met" : "MISSED")]")
}

/// Starts espeak-ng on `text` as the kiosk does (text on standard input, audio on
/// standard output) and returns when the first audio bytes arrive; then stops it.
private func firstAudio(_ espeak: String, _ text: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: espeak)
    p.arguments = ["-v", "vi", "-s", "130", "--stdin", "--stdout"]
    let input = Pipe(), output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    p.standardError = FileHandle.nullDevice
    try p.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    // The WAV header comes first; audio is there once more than the header has arrived.
    var received = 0
    while received <= 44 {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        received += chunk.count
    }
    p.terminate()
    p.waitUntilExit()
}

private enum SpeechBenchError: Error { case noForm }

