/// Describes what a decoded type expects, for error messages: `an array of strings`,
/// `one of rowhash, keys, aggregate, sample`, `an object`.
enum TypeExpectation {
    static func describe(_ type: Any.Type, plural: Bool = false) -> String {
        switch type {
        case is String.Type:
            return plural ? "strings" : "a string"
        case is Bool.Type:
            return plural ? "booleans" : "a boolean"
        case is any BinaryInteger.Type:
            return plural ? "integers" : "an integer"
        case is any BinaryFloatingPoint.Type:
            return plural ? "numbers" : "a number"
        case is JSONValue.Type:
            return plural ? "JSON values" : "any JSON value"
        case let optional as any OptionalExpectation.Type:
            return describe(optional.wrappedType, plural: plural)
        case let array as any ArrayExpectation.Type:
            return plural ? "arrays" : "an array of \(describe(array.elementType, plural: true))"
        case let dictionary as any DictionaryExpectation.Type:
            return plural ? "objects" : "an object whose values are \(describe(dictionary.valueType, plural: true))"
        case let enumeration as any ContractEnum.Type:
            let values = enumeration.acceptedValues.joined(separator: ", ")
            return plural ? "values from: \(values)" : "one of \(values)"
        case is any ContractModel.Type:
            return plural ? "objects" : "an object"
        default:
            return plural ? "values of type \(type)" : "a value of type \(type)"
        }
    }
}

protocol OptionalExpectation { static var wrappedType: Any.Type { get } }
protocol ArrayExpectation { static var elementType: Any.Type { get } }
protocol DictionaryExpectation { static var valueType: Any.Type { get } }

extension Optional: OptionalExpectation { static var wrappedType: Any.Type { Wrapped.self } }
extension Array: ArrayExpectation { static var elementType: Any.Type { Element.self } }
extension Dictionary: DictionaryExpectation { static var valueType: Any.Type { Value.self } }
