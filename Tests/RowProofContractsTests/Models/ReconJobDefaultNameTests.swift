import RowProofContracts
import Testing

/// `rowproof recon --table T` names its job after T; quoted, spaced or non-ASCII table names
/// used to give a name the job validation refused, so such tables could not be compared.
@Suite struct ReconJobDefaultNameTests {
    @Test(arguments: [
        ("public.orders", "recon-public-orders"),
        ("orders", "recon-orders"),
        ("\"Sales Dept\".\"Order Items\"", "recon-Sales_Dept-Order_Items"),
        ("Sales Dept.Order Items", "recon-Sales_Dept-Order_Items"),
        ("public.\"Line\"\"No\"", "recon-public-LineNo"),
        ("öffentlich.bestellungen_ä", "recon-_ffentlich-bestellungen__"),
        ("public.user", "recon-public-user"),
    ])
    func isAValidJobName(table: String, expected: String) {
        let name = ReconJob.defaultName(forTable: table)
        #expect(name == expected)
        #expect(ContractPattern.name.matches(name))
    }

    @Test func isCutTo128Characters() {
        let name = ReconJob.defaultName(forTable: "s." + String(repeating: "t", count: 300))
        #expect(name.count == 128)
        #expect(ContractPattern.name.matches(name))
    }
}
