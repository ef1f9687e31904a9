import Foundation
import RowProofSources

/// The demo's two SQLite databases: a source and a "migrated" target with differences of every
/// kind planted at known keys, so the report can be checked against what was planted.
struct DemoDataSet {
    /// What was planted, per table, for the self-check.
    struct Planted {
        var ordersChanged = 0
        var ordersMissing = 0
        var ordersExtra = 0
        var ordersWithinTolerance = 0
        var customersChanged = 0
        var customersMissing = 0
        var eventsExtraRows = 0
    }

    static let orderCount = 20_000
    static let customerCount = 2_000
    static let eventCount = 1_000

    /// Writes `source.db` and `target.db` into `folder` (replacing earlier ones); returns what was planted.
    static func create(in folder: URL) throws -> Planted {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["source.db", "target.db"] {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name + suffix))
            }
        }
        let source = try SQLiteDatabase(path: folder.appendingPathComponent("source.db").path)
        let target = try SQLiteDatabase(path: folder.appendingPathComponent("target.db").path)
        var planted = Planted()
        let schema = """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, amount NUMERIC(12,2) NOT NULL,
                status TEXT NOT NULL, created_at TIMESTAMP NOT NULL, note TEXT, qty INTEGER NOT NULL, price REAL NOT NULL);
            CREATE TABLE customers (region TEXT NOT NULL, customer_no INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL,
                PRIMARY KEY (region, customer_no));
            CREATE TABLE audit_events (happened_at TIMESTAMP NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL);
            """
        try source.execute(schema)
        try target.execute(schema)

        let statuses = ["pending", "paid", "shipped", "delivered", "refunded"]
        func order(_ id: Int) -> [SQLiteValue] {
            let cents = (id &* 7_919) % 1_000_000
            let seconds = 1_704_067_200 + id * 97  // from 2024-01-01T00:00:00Z
            let note: SQLiteValue =
                id % 4_000 == 21 ? .null : .text(id % 3 == 0 ? "gift wrap, café délivery" : "order \(id)")
            return [
                .integer(Int64(id)), .integer(Int64(id % 997)),
                .text("\(cents / 100).\(String(format: "%02d", cents % 100))"),
                .text(statuses[id % statuses.count]), .text(timestamp(seconds)), note, .integer(Int64(id % 9 + 1)),
                .real(Double(id % 500) * 0.37 + 0.99),
            ]
        }
        try source.transaction {
            for id in 1...orderCount where id % 2_000 != 1_999 {
                try source.query("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)", order(id))
            }
        }
        try target.transaction {
            for id in 1...orderCount {
                var row = order(id)
                if id % 2_000 == 13 { planted.ordersMissing += 1; continue }  // lost in the migration
                if id % 2_000 == 1_999 {
                    planted.ordersExtra += 1
                }  // not in the source
                else if id % 1_000 == 7 {  // amount off by 1.00
                    let cents = (id &* 7_919) % 1_000_000 + 100
                    row[2] = .text("\(cents / 100).\(String(format: "%02d", cents % 100))")
                    planted.ordersChanged += 1
                } else if id % 4_000 == 21 {  // NULL became ''
                    row[5] = .text("")
                    planted.ordersChanged += 1
                } else if id % 10_000 == 77 {  // time zone shift
                    row[4] = .text(timestamp(1_704_067_200 + id * 97 + 3_600))
                    planted.ordersChanged += 1
                } else if id % 5_000 == 33 {  // float drift
                    if case .real(let price) = row[7] { row[7] = .real(price + 1e-9) }
                    planted.ordersWithinTolerance += 1
                }
                try target.query("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)", row)
            }
        }

        let regions = ["emea", "amer", "apac", "Émea"]
        for database in [source, target] {
            try database.transaction {
                for number in 1...customerCount {
                    let region = regions[number % regions.count]
                    var email = "customer\(number)@example.com"
                    if database === target {
                        if number % 700 == 5 { planted.customersMissing += 1; continue }
                        if number % 900 == 11 { email = "CUSTOMER\(number)@EXAMPLE.COM"; planted.customersChanged += 1 }
                    }
                    try database.query(
                        "INSERT INTO customers VALUES (?,?,?,?)",
                        [.text(region), .integer(Int64(number)), .text("Customer \(number)"), .text(email)]
                    )
                }
            }
            try database.transaction {
                for event in 1...eventCount {
                    let values: [SQLiteValue] = [
                        .text(timestamp(1_704_067_200 + event * 60)), .text("user\(event % 17)"),
                        .text(["login", "export", "delete"][event % 3]),
                    ]
                    try database.query("INSERT INTO audit_events VALUES (?,?,?)", values)
                    if database === target, event == 500 {  // loaded twice
                        try database.query("INSERT INTO audit_events VALUES (?,?,?)", values)
                        planted.eventsExtraRows += 1
                    }
                }
            }
        }
        return planted
    }

    static func timestamp(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
