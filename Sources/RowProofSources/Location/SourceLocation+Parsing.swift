import Foundation

extension SourceLocation {
    /// Parses a location; see ``SourceLocation`` for the accepted forms.
    ///
    /// - Throws: ``SourceError/Kind/connection`` for text that is none of them, naming the forms
    ///   that are accepted (the text itself is not repeated, since it may hold a password).
    public init(parsing text: String) throws(SourceError) {
        let trimmed = text.trimmingWhitespace()
        if let reference = SecretReference(parsing: trimmed) {
            self.init(storage: .secret(reference))
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self.init(storage: Self.parsePostgresURL(trimmed))
        } else if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst(7))
            if path.hasPrefix("//") { path.removeFirst(2) }  // sqlite:///abs → /abs; sqlite://rel → rel
            guard !path.isEmpty else { throw Self.unrecognized() }
            self.init(storage: .sqlite(path: path.removingPercentEscapes()))
        } else if [".db", ".sqlite", ".sqlite3"].contains(where: { trimmed.lowercased().hasSuffix($0) }),
            !trimmed.contains("=")
        {
            self.init(storage: .sqlite(path: trimmed))
        } else if trimmed.contains("=") {
            self.init(storage: try Self.parseKeywordValue(trimmed))
        } else {
            throw Self.unrecognized()
        }
    }

    private static func unrecognized() -> SourceError {
        SourceError(
            .connection,
            "the database location is not one RowProof recognizes",
            hint: "write postgres://user@host:5432/db, a libpq string (host=… dbname=…), sqlite:///path/to/file.db, "
                + "or a secret reference (env://NAME, file:///path, vault://mount/path#key)"
        )
    }

    /// `postgres://user:password@host/db?password=…`: the password comes out, the rest stays.
    private static func parsePostgresURL(_ url: String) -> Storage {
        let schemeEnd = url.range(of: "://")!.upperBound
        let scheme = url[..<schemeEnd]
        var rest = String(url[schemeEnd...])
        var password: Password? = nil
        var userInfo: String? = nil

        if let at = rest.firstIndex(of: "@") {
            let candidate = rest[..<at]
            let isUserInfo = !candidate.contains("?") && (!candidate.contains("/") || candidate.contains("://"))
            if isUserInfo {
                rest = String(rest[rest.index(after: at)...])
                if let colon = candidate.firstIndex(of: ":") {
                    userInfo = String(candidate[..<colon])
                    password = Self.password(
                        String(candidate[candidate.index(after: colon)...]).removingPercentEscapes()
                    )
                } else {
                    userInfo = String(candidate)
                }
            }
        }
        var query: [String] = []
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...].split(separator: "&").map(String.init)
            rest = String(rest[..<question])
        }
        var kept: [String] = []
        for parameter in query {
            if parameter.hasPrefix("password=") {
                password = Self.password(String(parameter.dropFirst(9)).removingPercentEscapes())
            } else {
                kept.append(parameter)
            }
        }
        let queryText = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
        let user = userInfo.map { "\($0)@" } ?? ""
        let conninfo = "\(scheme)\(user)\(rest)\(queryText)"
        let redactedUser =
            userInfo.map { password == nil ? "\($0)@" : "\($0):***@" } ?? (password == nil ? "" : ":***@")
        return .postgres(
            conninfo: conninfo,
            password: password,
            redacted: "\(scheme)\(redactedUser)\(rest)\(queryText)"
        )
    }

    /// `host=db password='x y' dbname=app`: the password comes out, the rest is rebuilt.
    private static func parseKeywordValue(_ text: String) throws(SourceError) -> Storage {
        let pairs = try KeywordValueParser.parse(text)
        var password: Password? = nil
        var kept: [(String, String)] = []
        for (key, value) in pairs {
            if key == "password" {
                password = Self.password(value)
            } else {
                kept.append((key, value))
            }
        }
        let conninfo = kept.map { "\($0)=\(KeywordValueParser.quote($1))" }.joined(separator: " ")
        let redacted = conninfo + (password == nil ? "" : " password=***")
        return .postgres(conninfo: conninfo, password: password, redacted: redacted)
    }

    private static func password(_ text: String) -> Password {
        SecretReference(parsing: text).map(Password.reference) ?? .literal(text)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
