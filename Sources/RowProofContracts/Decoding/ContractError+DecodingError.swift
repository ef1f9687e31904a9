extension ContractError {
    /// Converts a `DecodingError`: its coding path becomes the field path (`tables[2].key_columns`).
    init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(
                path: ContractPath(codingPath: context.codingPath),
                Self.message(context, fallback: "expected \(TypeExpectation.describe(type))")
            )
        case .valueNotFound(let type, let context):
            self.init(
                path: ContractPath(codingPath: context.codingPath),
                Self.message(context, fallback: "expected \(TypeExpectation.describe(type)) (got null)")
            )
        case .keyNotFound(let key, let context):
            var path = ContractPath(codingPath: context.codingPath)
            if path.components.last != .key(key.stringValue) { path = path[key.stringValue] }
            self.init(path: path, "required field is missing")
        case .dataCorrupted(let context):
            self.init(
                path: ContractPath(codingPath: context.codingPath),
                Self.message(context, fallback: "invalid value")
            )
        @unknown default:
            self.init(path: ContractPath(), "\(error)")
        }
    }

    private static func message(_ context: DecodingError.Context, fallback: String) -> String {
        context.debugDescription.isEmpty ? fallback : context.debugDescription
    }
}
