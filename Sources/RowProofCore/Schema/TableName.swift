/// A table's name, optionally qualified by its schema (Postgres) or attached database (SQLite).
public struct TableName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The schema, or `nil` for the engine's default (`public` on Postgres, `main` on SQLite).
    public var schema: String?
    /// The table's name, exactly as the engine spells it.
    public var name: String

    /// Creates a name.
    public init(schema: String? = nil, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// Parses `schema.table` or `table`; double quotes keep dots and case (`"my.schema"."T"`).
    public init(parsing text: String) {
        var parts: [String] = []
        var current = ""
        var isQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            switch character {
            case "\"" where isQuoted:
                let following = characters.next()
                if following == "\"" { current.append("\"") } else { isQuoted = false; pending = following }
            case "\"":
                isQuoted = true
            case "." where !isQuoted:
                parts.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        parts.append(current)
        if parts.count >= 2 {
            self.init(schema: parts.dropLast().joined(separator: "."), parts[parts.count - 1])
        } else {
            self.init(schema: nil, parts[0])
        }
    }

    /// `schema.name`, or `name` without a schema.
    public var description: String { schema.map { "\($0).\(name)" } ?? name }
}
