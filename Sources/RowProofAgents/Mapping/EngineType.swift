/// An engine type name split into its base and modifiers: `numeric(12,2)` → `numeric`, [12, 2].
struct EngineType: Sendable, Hashable {
    /// Lowercased base name without modifiers (`character varying`).
    var base: String
    /// The numbers in parentheses.
    var modifiers: [Int]

    init(_ text: String) {
        var base = ""
        var inside = ""
        var depth = 0
        for character in text.lowercased() {
            if character == "(" {
                depth += 1
                continue
            }
            if character == ")" {
                depth -= 1
                continue
            }
            if depth > 0 { inside.append(character) } else { base.append(character) }
        }
        self.base = base.split(separator: " ").joined(separator: " ")
        self.modifiers = inside.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: " ")) }
    }

    /// The declared maximum length of a character type, `nil` when unbounded or not text.
    var length: Int? {
        let bounded = [
            "varchar", "character varying", "char", "character", "bpchar", "nvarchar", "nchar",
        ]
        return bounded.contains(base) ? modifiers.first : nil
    }

    /// Declared precision and scale of an exact numeric type.
    var precisionScale: (precision: Int, scale: Int)? {
        guard ["numeric", "decimal"].contains(base), let precision = modifiers.first else { return nil }
        return (precision, modifiers.count > 1 ? modifiers[1] : 0)
    }

    /// Whether the type keeps a time zone or offset (`timestamp with time zone`, `timestamptz`).
    var hasTimeZone: Bool {
        base.contains("with time zone") || base == "timestamptz" || base == "timetz"
    }

    /// The largest magnitude of an integer type, when this is one.
    var integerLimit: Int64? {
        switch base {
        case "smallint", "int2": Int64(Int16.max)
        case "integer", "int", "int4": Int64(Int32.max)
        case "bigint", "int8": Int64.max
        default: nil
        }
    }

    /// Whether this is a binary floating-point type.
    var isFloat: Bool {
        ["real", "float4", "double precision", "float8", "float", "double"].contains(base)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self).trimmingCharacters(in: set)
    }
}
