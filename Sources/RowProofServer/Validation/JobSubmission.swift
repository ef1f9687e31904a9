public import Foundation
public import RowProofContracts

/// Turns a submitted job document (JSON or YAML) into a ``ReconJob``, or into the complete list
/// of what is wrong with it.
public enum JobSubmission {
    /// Why a submitted document was refused.
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        /// Whether the document could not even be parsed (malformed JSON or YAML).
        public var isMalformed: Bool
        /// Every problem found, each with its field path.
        public var problems: [ContractError]

        /// Creates a rejection.
        public init(isMalformed: Bool, problems: [ContractError]) {
            self.isMalformed = isMalformed
            self.problems = problems
        }

        /// One problem per line.
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// The schema the server validates submissions against.
    static let validator: SchemaValidator = {
        let tree = (try? ContractDecoder().parse(Data(ReconJobSchema.text.utf8), format: .json)) ?? .null
        return SchemaValidator(schema: tree)
    }()

    /// Parses, validates and decodes `body`.
    ///
    /// The schema check lists every bad field; the strict ``ContractDecoder`` then adds the rules
    /// a schema cannot express (such as a sample's `K <= M`).
    ///
    /// - Parameters:
    ///   - body: The document's bytes.
    ///   - format: `.yaml` or `.json`.
    /// - Throws: ``Rejection`` listing every problem.
    public static func decode(_ body: Data, format: ContractDecoder.Format) throws(Rejection) -> ReconJob {
        let tree: JSONValue
        do {
            tree = try ContractDecoder().parse(body, format: format)
        } catch {
            throw Rejection(isMalformed: true, problems: [error])
        }
        var problems = validator.problems(in: tree)
        do {
            let job = try ContractDecoder().decode(ReconJob.self, from: tree)
            if problems.isEmpty { return job }
        } catch {
            // The decoder stops at its first problem; add it only when the schema check said
            // nothing about that field or anything inside it (an unknown field is reported by the
            // schema at `tables[0].key` and by the decoder at `tables[0]`).
            let at = "\(error.path)"
            let alreadyReported = problems.contains {
                let path = "\($0.path)"
                return error.path.isRoot || path == at || path.hasPrefix(at + ".") || path.hasPrefix(at + "[")
            }
            if !alreadyReported { problems.append(error) }
        }
        throw Rejection(isMalformed: false, problems: problems)
    }

    /// The format a request's `Content-Type` names: YAML for `application/yaml`, `application/x-yaml`
    /// and `text/yaml`; JSON otherwise.
    public static func format(contentType: String?) -> ContractDecoder.Format {
        let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return type.hasSuffix("yaml") ? .yaml : .json
    }
}
