import Foundation
import RowProofCore
import Testing

@Suite struct KeyRangeCodableTests {
    @Test func roundTripsEveryKeyType() throws {
        let range = KeyRange(
            lower: [
                .decimal(CanonicalDecimal(integer: -42)), .text("O'Brien ü"), .bytes([0, 255]), .date(days: 19_782),
                .time(micros: 1), .timestamp(micros: 1_709_209_696_123_456),
                .uuid(try UUIDBytes(parsing: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                .bool(true),
            ],
            upper: nil
        )
        let data = try JSONEncoder().encode(range)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2024-02-29T12:28:16.123456Z\""))
        #expect(text.contains("\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\""))
        #expect(try JSONDecoder().decode(KeyRange.self, from: data) == range)
    }

    @Test func openBoundsAreNull() throws {
        let data = try JSONEncoder().encode(KeyRange.all)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["lower"] is NSNull)
        #expect(try JSONDecoder().decode(KeyRange.self, from: data).isUnbounded)
    }

    @Test func unknownValueTypeIsNamed() {
        let json = Data(#"{"lower":[{"type":"money","value":"1"}],"upper":null}"#.utf8)
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(KeyRange.self, from: json) }
        #expect("\(String(describing: error))".contains("money"))
    }

    @Test func logicalTypeTextRoundTrips() throws {
        for type: LogicalType in [.decimal, .text, .array(of: .uuid), .json, .interval] {
            #expect(LogicalType(type.description) == type)
        }
        #expect(LogicalType("array(money)") == nil)
    }

    @Test func tableNameParsesQuotedParts() {
        #expect(TableName(parsing: "sales.orders") == TableName(schema: "sales", "orders"))
        #expect(TableName(parsing: "\"my.schema\".\"Odd\"\"Name\"") == TableName(schema: "my.schema", "Odd\"Name"))
        #expect(TableName(parsing: "orders") == TableName("orders"))
    }
}
