import RowProofCore
import Testing

@Suite struct MergeDifferErrorTests {
    @Test(arguments: [DiffSide.source, .target])
    func unsortedInputThrowsNamingSideAndPosition(side: DiffSide) throws {
        let sorted = try [TestRows.row(1, "a"), TestRows.row(2, "b"), TestRows.row(3, "c")]
        let unsorted = try [TestRows.row(1, "a"), TestRows.row(3, "c"), TestRows.row(2, "b")]
        let error = try #require(throws: CompareError.self) {
            _ = try side == .source ? MergeDiffer.run(unsorted, sorted) : MergeDiffer.run(sorted, unsorted)
        }
        #expect(error.code == .unsortedInput)
        #expect(error.side == side)
        #expect(error.position == 2)
        #expect(error.message.contains("\(side) stream is not in ascending key order"))
        #expect(error.message.contains("(2)") && error.message.contains("(3)"))
        #expect(error.message.contains("position 1"))
    }

    @Test func truncatedRowBytesThrowWhenTheRowIsInspected() throws {
        let good = try TestRows.row(1, "abc")
        var broken = try TestRows.row(1, "abd")
        broken.bytes.removeLast(2)
        let error = try #require(throws: CompareError.self) {
            _ = try MergeDiffer.run([good], [broken])
        }
        #expect(error.code == .malformedRow)
        #expect(error.side == .target && error.position == 0)
        #expect(error.message.contains("declares a 3-byte payload but only 1 bytes remain"))
        #expect(error.message.contains("(1)"))
    }

    @Test func undecodablePayloadThrowsNamingTheColumn() throws {
        let good = try TestRows.row(1, .bool(true))
        var broken = try TestRows.row(1, .bool(false))
        broken.bytes[broken.bytes.count - 1] = 7
        broken.hash = 1
        let error = try #require(throws: CompareError.self) {
            _ = try MergeDiffer.run([good], [broken])
        }
        #expect(error.code == .malformedRow)
        #expect(error.message.contains("column \"value\""))
    }

    @Test func rowsWithTheWrongColumnCountThrow() throws {
        let source = try TestRows.row(1, "a")
        let target = try TestRows.row([.decimal(.init(integer: 1)), .text("a"), .text("extra")])
        let error = try #require(throws: CompareError.self) {
            _ = try MergeDiffer.run([source], [target])
        }
        #expect(error.code == .columnCountMismatch)
        #expect(error.message.contains("has 3 columns but the column plan has 2"))
    }

    @Test func equalBytesWithDifferentHashesThrow() throws {
        let source = try TestRows.row(1, "a")
        var target = source
        target.hash &+= 1
        let error = try #require(throws: CompareError.self) {
            _ = try MergeDiffer.run([source], [target])
        }
        #expect(error.code == .hashMismatch)
    }

    @Test func malformedColumnRangesThrow() throws {
        let row = CanonicalRow(key: [], bytes: [0x04, 0, 0], hash: 0)
        let error = try #require(throws: CompareError.self) { try row.columnRanges() }
        #expect(error.code == .malformedRow)
        #expect(error.message.contains("fewer than the 5-byte tag and length header"))
    }
}
