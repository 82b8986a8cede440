import FactShell

/// swift-argument-parser collects `-c` and `-f` into two arrays; factsh runs them in the
/// order they were typed (`-c '.mode csv' -f report.fq`), so the order is read back from
/// the raw arguments.
enum CommandLineOrder {
    static func actions(in arguments: [String], commands: [String], scripts: [String]) -> [LaunchOptions.Action] {
        var ordered: [LaunchOptions.Action] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "-c" || argument == "--command" || argument == "-f" || argument == "--file", index + 1 < arguments.count {
                let value = arguments[index + 1]
                ordered.append(argument.hasSuffix("c") || argument == "--command" ? .command(value) : .script(value))
                index += 2
                continue
            }
            if argument.hasPrefix("--command=") { ordered.append(.command(String(argument.dropFirst("--command=".count)))) }
            if argument.hasPrefix("--file=") { ordered.append(.script(String(argument.dropFirst("--file=".count)))) }
            index += 1
        }
        // Should the scan disagree with the parser (an unusual spelling), trust the parser.
        let expected = commands.map(LaunchOptions.Action.command) + scripts.map(LaunchOptions.Action.script)
        let scanned = ordered
        let sameCommands = scanned.compactMap { if case .command(let c) = $0 { c } else { nil } } == commands
        let sameScripts = scanned.compactMap { if case .script(let s) = $0 { s } else { nil } } == scripts
        return sameCommands && sameScripts ? scanned : expected
    }
}
