import LRLabText

/// The limits that commands declare on their options, read from a command registry: `help
/// limits` prints them as one table and the `help` overview sums them up, so neither can miss a
/// command or disagree with what the parser refuses.
struct OptionLimits {
    /// One limited option: `fit degree=N1,N2,...  each 1 to 15, at most 8 of them`.
    struct Row: Equatable {
        /// The command, with the subcommand the option belongs to: `schedule table`.
        var command: String
        /// `name=SYNTAX`.
        var option: String
        /// The limit as `help COMMAND` states it on the option's row (`CommandOption.limitText`).
        var limit: String
        /// The largest whole number the option takes (counts and batches), for the overview.
        var maximum: Int?
    }

    var rows: [Row]

    /// Every option of every command of `registry` that declares a limit, in `help`'s order.
    init(_ registry: CommandRegistry) {
        rows = registry.all.flatMap { command in
            command.options.compactMap { option -> Row? in
                guard let limit = option.limitText else { return nil }
                return Row(command: command.name + (option.subcommand.map { " " + $0 } ?? ""),
                           option: "\(option.name)=\(option.valueSyntax)", limit: limit, maximum: option.maximum)
            }
        }
    }

    /// The table of `help limits`: command, option and limit in columns.
    var tableLines: [String] {
        let commandWidth = max(7, rows.map(\.command.count).max() ?? 0)
        let optionWidth = max(6, rows.map(\.option.count).max() ?? 0)
        return ["  " + NumberFormat.rightPad("command", commandWidth) + "  " + NumberFormat.rightPad("option", optionWidth) + "  limit"]
            + rows.map { row in
                "  " + NumberFormat.rightPad(row.command, commandWidth) + "  " + NumberFormat.rightPad(row.option, optionWidth) + "  " + row.limit
            }
    }

    /// The overview's sentence: each command's counted options and their largest values,
    /// `compare steps=100,000 epochs=100,000 batch=1,000,000; sweep n=100 steps=10,000; ...`.
    var summary: String {
        var parts: [(command: String, options: [String])] = []
        for row in rows {
            guard let maximum = row.maximum else { continue }
            let option = String(row.option.prefix { $0 != "=" }) + "=" + HelpText.grouped(maximum)
            if let index = parts.firstIndex(where: { $0.command == row.command }) {
                parts[index].options.append(option)
            } else {
                parts.append((row.command, [option]))
            }
        }
        return parts.map { $0.command + " " + $0.options.joined(separator: " ") }.joined(separator: "; ")
    }
}

extension CommandOption {
    /// The largest whole number a count or a batch takes; nil for other kinds.
    var maximum: Int? {
        switch kind {
        case .count(_, let limit): return limit
        case .batch: return Limits.maximumBatchRows
        default: return nil
        }
    }
}
