/// A value of one of RowProof's contracts (job, policy, report, ...), decodable from JSON or YAML.
///
/// Decoding through ``ContractDecoder`` checks the shape (types, required and unknown fields,
/// enumerations); ``validate(at:)`` checks the rules the shape cannot express (ranges,
/// patterns, references between fields). Every model validates its children.
public protocol ContractModel: Codable, Sendable, Equatable {
    /// Throws a ``ContractError`` naming the first rule this value breaks.
    ///
    /// - Parameter path: Where this value sits in its document, used in the error.
    func validate(at path: ContractPath) throws(ContractError)
}

extension ContractModel {
    /// Validates this value as the root of a document.
    public func validate() throws(ContractError) {
        try validate(at: ContractPath())
    }
}

extension Array where Element: ContractModel {
    /// Validates every element at `path[index]`.
    func validateEach(at path: ContractPath) throws(ContractError) {
        for (index, element) in enumerated() {
            try element.validate(at: path[index])
        }
    }
}

extension Optional where Wrapped: ContractModel {
    /// Validates the value, if any.
    func validateIfPresent(at path: ContractPath) throws(ContractError) {
        if let value = self { try value.validate(at: path) }
    }
}
