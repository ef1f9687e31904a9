import Foundation
import RowProofSources

/// A small SQLite shop: customers <- orders <- order_items, a keyless events table and a view,
/// with values chosen so profiles are known exactly.
enum ShopDatabase {
    static let customerCount = 50
    static let orderCount = 200

    /// Creates the database in a fresh folder and returns its path.
    static func create() throws -> String {
        let path = TemporaryFolder.make("shop").appendingPathComponent("shop.db").path
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email VARCHAR(40));
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
                amount NUMERIC(12,2) NOT NULL, created_at TIMESTAMP NOT NULL, note TEXT, rate REAL);
            CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders(id), line_no INTEGER NOT NULL,
                sku TEXT NOT NULL, PRIMARY KEY (order_id, line_no));
            CREATE TABLE events (happened_at TIMESTAMP NOT NULL, kind TEXT NOT NULL);
            CREATE VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id;
            """
        )
        try database.transaction {
            for id in 1...customerCount {
                let email: SQLiteValue = id % 10 == 0 ? .null : .text("customer\(id)@example.com")
                try database.query(
                    "INSERT INTO customers VALUES (?,?,?)",
                    [.integer(Int64(id)), .text("Customer \(id)"), email]
                )
            }
            for id in 1...orderCount {
                let cents = id * 137 % 10_000
                let note: SQLiteValue =
                    id % 4 == 0 ? .null : .text(String(repeating: "x", count: id % 30 + 1))
                try database.query(
                    "INSERT INTO orders VALUES (?,?,?,?,?,?)",
                    [
                        .integer(Int64(id)), .integer(Int64(id % customerCount + 1)),
                        .text("\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"),
                        .text("2024-05-\(10 + id % 20) 12:00:00"), note, .real(Double(id) / 8),
                    ]
                )
                for line in 1...(id % 3 + 1) {
                    try database.query(
                        "INSERT INTO order_items VALUES (?,?,?)",
                        [.integer(Int64(id)), .integer(Int64(line)), .text("sku-\(line)")]
                    )
                }
            }
            for minute in 0..<30 {
                try database.query(
                    "INSERT INTO events VALUES (?,?)",
                    [
                        .text("2024-05-01 10:\(minute < 10 ? "0" : "")\(minute):00"),
                        .text(minute % 2 == 0 ? "login" : "logout"),
                    ]
                )
            }
        }
        return path
    }
}
