/// The coding keys ``TreeDecoder`` puts in coding paths: object members carry only a string,
/// array elements carry their index, so paths render unambiguously.
struct TreeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }
}
