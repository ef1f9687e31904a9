extension ReconJob {
    /// The name of a job that compares `table` (as typed on the command line), valid as a job
    /// name: `public.orders` → `recon-public-orders`, `"Sales Dept"."Order Items"` →
    /// `recon-Sales_Dept-Order_Items`.
    ///
    /// Quotes are dropped, dots become `-`, every other character outside `[A-Za-z0-9._-]`
    /// (spaces, non-ASCII letters) becomes `_`, and the result is cut to 128 characters.
    public static func defaultName(forTable table: String) -> String {
        var name = "recon-"
        for scalar in table.unicodeScalars where scalar != "\"" {
            switch scalar {
            case ".": name += "-"
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": name.unicodeScalars.append(scalar)
            default: name += "_"
            }
        }
        return String(name.prefix(128))
    }
}
