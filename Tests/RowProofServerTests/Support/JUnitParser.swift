import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses JUnit XML back: the test cases with their failure or error messages.
final class JUnitParser: NSObject, XMLParserDelegate {
    struct Case: Equatable {
        var name: String
        var failure: String?
        var error: String?
    }

    private(set) var cases: [Case] = []
    private(set) var suiteAttributes: [String: String] = [:]

    /// Parses `data`; throws when it is not well-formed XML.
    static func parse(_ data: Data) throws -> JUnitParser {
        let delegate = JUnitParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw TestFailure("JUnit XML is not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return delegate
    }

    func parser(
        _ parser: XMLParser,
        didStartElement name: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testsuite": suiteAttributes = attributes
        case "testcase": cases.append(Case(name: attributes["name"] ?? ""))
        case "failure": cases[cases.count - 1].failure = attributes["message"]
        case "error": cases[cases.count - 1].error = attributes["message"]
        default: break
        }
    }
}
