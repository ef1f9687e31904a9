import RowProofCore
import Testing

@testable import RowProofSources

/// Chunk bounds before year 1 must be written as Postgres reads them (`… BC`).
@Suite struct PostgresSQLBoundsTests {
    @Test(arguments: [
        ("2024-03-01", "2024-03-01"),
        ("0001-01-01", "0001-01-01"),
        ("0000-12-31", "0001-12-31 BC"),
        ("-0090-09-23", "0091-09-23 BC"),
        ("-4713-11-24T00:00:00.000096Z", "4714-11-24T00:00:00.000096Z BC"),
        ("-10000-01-01", "10001-01-01 BC"),
        ("200000-12-31T23:59:59Z", "200000-12-31T23:59:59Z"),
        ("infinity", "infinity"),
        ("-infinity", "-infinity"),
    ])
    func yearsBeforeOneUseTheBCSuffix(iso: String, postgres: String) {
        #expect(PostgresSQL.postgresEra(isoDateTime: iso) == postgres)
    }

    @Test func boundTextOfValues() {
        #expect(PostgresSQL.boundText(.date(days: -751_304)) == "0088-01-01 BC")
        #expect(PostgresSQL.boundText(.timestamp(micros: -62_135_596_800_000_001)) == "0001-12-31T23:59:59.999999Z BC")
        #expect(PostgresSQL.boundText(.text("-0090-09-23")) == "-0090-09-23")
        #expect(PostgresSQL.boundText(.decimal(try! CanonicalDecimal(parsing: "-5"))) == "-5")
    }
}
