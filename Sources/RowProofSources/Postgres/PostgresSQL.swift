import RowProofCore

/// SQL text building for catalog queries and COPY statements.
enum PostgresSQL {
    /// `"name"` with embedded quotes doubled.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `"schema"."table"`.
    static func qualified(_ schema: String, _ table: String) -> String {
        identifier(schema) + "." + identifier(table)
    }

    /// The UTC time of day of a `timetz` expression, as `time` (`23:00-05` → `04:00`): the
    /// canonical value of a zoned time, which is also how its keys are ordered and bounded.
    static func utcTimeOfDay(_ expression: String) -> String {
        "((\(expression)) AT TIME ZONE 'UTC')::time"
    }

    /// A string literal (`'it''s'`); safe with `standard_conforming_strings`, which the session sets.
    static func literal(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
