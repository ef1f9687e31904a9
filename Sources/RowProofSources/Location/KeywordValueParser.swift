/// libpq's `key=value` connection-string syntax: values bare or in single quotes with `\'` and `\\`.
enum KeywordValueParser {
    /// Splits `text` into its `(key, value)` pairs in order.
    ///
    /// - Throws: ``SourceError/Kind/connection`` for a missing `=` or an unterminated quote,
    ///   naming the keyword (never the value, which may be a password).
    static func parse(_ text: String) throws(SourceError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var characters = Array(text)[...]
        func skipSpaces() {
            while let first = characters.first, first.isWhitespace { characters = characters.dropFirst() }
        }
        while true {
            skipSpaces()
            guard !characters.isEmpty else { break }
            var key = ""
            while let first = characters.first, first != "=", !first.isWhitespace {
                key.append(first)
                characters = characters.dropFirst()
            }
            skipSpaces()
            guard characters.first == "=" else {
                throw SourceError(
                    .connection,
                    "the connection string has \"\(key)\" without \"=value\"",
                    hint: "write key=value pairs separated by spaces, for example host=db port=5432 dbname=app"
                )
            }
            characters = characters.dropFirst()
            skipSpaces()
            var value = ""
            if characters.first == "'" {
                characters = characters.dropFirst()
                var isClosed = false
                while let first = characters.first {
                    characters = characters.dropFirst()
                    if first == "\\", let escaped = characters.first {
                        value.append(escaped)
                        characters = characters.dropFirst()
                    } else if first == "'" {
                        isClosed = true
                        break
                    } else {
                        value.append(first)
                    }
                }
                guard isClosed else {
                    throw SourceError(
                        .connection,
                        "the connection string's value for \"\(key)\" has no closing quote",
                        hint: "close the single quote; write \\' for a quote inside the value"
                    )
                }
            } else {
                while let first = characters.first, !first.isWhitespace {
                    if first == "\\", characters.count > 1 {
                        characters = characters.dropFirst()
                    }
                    value.append(characters.first!)
                    characters = characters.dropFirst()
                }
            }
            pairs.append((key, value))
        }
        return pairs
    }

    /// A value in the syntax's quoted form.
    static func quote(_ value: String) -> String {
        var out = "'"
        for character in value {
            if character == "'" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "'"
    }
}
