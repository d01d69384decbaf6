import Foundation
import MotCuaCLI

// The binary stays thin: everything lives in MotCuaCLI so tests can reach it.
exit(MotCuaCLI.run(Array(CommandLine.arguments.dropFirst())))
