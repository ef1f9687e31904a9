import RowProofContracts

extension DiffFix {
    static func timeShift(table: TableReport, column: String, deltaMicros: Int64) -> DiffFix {
        let seconds = deltaMicros / 1_000_000
        var zone = ""
        if deltaMicros % 3_600_000_000 == 0 {
            let hours = deltaMicros / 3_600_000_000
            // IANA Etc/GMT zones have inverted signs: Etc/GMT-1 is UTC+01:00.
            zone = hours == 0 ? "UTC" : "Etc/GMT\(hours > 0 ? "-" : "+")\(abs(hours))"
        }
        let action =
            "The target's \(column) holds local time \(DurationText.offset(micros: deltaMicros)) where the source holds UTC. "
            + "Either convert in the load (subtract the offset) and reload the column, or, if the target is meant to "
            + "hold local time, declare the target's zone for naive timestamps in the rulebook"
            + (zone.isEmpty ? "." : " (defaults.naive_timestamp_zone = \"\(zone)\" for the target).")
        let sql =
            "-- in the load of \(table.targetTable):\nSELECT \(column) - INTERVAL '\(seconds) seconds' AS \(column) ..."
        let rulebook =
            zone.isEmpty
            ? ""
            : "\n-- or, in the target's rulebook:\n{\"defaults\": {\"naive_timestamp_zone\": \"\(zone)\"}}"
        return DiffFix(kind: .transform, action: action, snippet: sql + rulebook)
    }

    static func precision(column: String, keptScale: Int?) -> DiffFix {
        guard let keptScale else {
            return DiffFix(
                kind: .transform,
                action:
                    "\(column) went through single precision (float4/REAL) on the way; load it as double precision "
                    + "(float8) or numeric, or accept the loss with a relative tolerance in the policy.",
                snippet:
                    "{\"tolerances\": {\"columns\": [{\"column\": \"\(column)\", \"relative\": 1e-6}]}}"
            )
        }
        let unit = "0." + String(repeating: "0", count: max(0, keptScale - 1)) + "1"
        return DiffFix(
            kind: .rulebookEntry,
            action:
                "The target keeps \(keptScale) decimals of \(column). If the digits matter, widen the target column "
                + "(numeric with the source's scale) and reload it; if the rounding is accepted, compare after rounding the "
                + "source to the target scale (rule decimal_round_to_scale) or allow an absolute tolerance of \(unit).",
            snippet:
                "{\"id\": \"decimal_round_to_scale\", \"column\": \"\(column)\", \"parameters\": {\"scale\": \(keptScale), "
                + "\"rounding\": \"half_even\"}}\n-- or in the policy:\n{\"tolerances\": {\"columns\": [{\"column\": \"\(column)\", "
                + "\"absolute\": \(unit)}]}}"
        )
    }

    static func nullSemantics(column: String, emptyBecameNull: Bool) -> DiffFix {
        let expression = emptyBecameNull ? "COALESCE(\(column), '')" : "NULLIF(\(column), '')"
        return DiffFix(
            kind: .rulebookEntry,
            action:
                "The load turns \(emptyBecameNull ? "'' into NULL" : "NULL into ''") in \(column) (EMPTYASNULL-style "
                + "loading, or an engine without empty strings). Keep the value as is in the load (\(expression)), or, "
                + "if the target cannot store it, treat '' as NULL on both sides (rule empty_string_is_null).",
            snippet:
                "{\"defaults\": {\"empty_string_is_null\": true}}\n-- or in the load:\nSELECT \(expression) AS \(column) ..."
        )
    }

    static func charPadding(column: String) -> DiffFix {
        DiffFix(
            kind: .rulebookEntry,
            action:
                "\(column) is blank-padded on one side (CHAR(n) against VARCHAR/TEXT). Trim trailing blanks before "
                + "comparing (rule char_trim_trailing, defaults.char_padding = \"trim_trailing\") or load rtrim(\(column)).",
            snippet:
                "{\"defaults\": {\"char_padding\": \"trim_trailing\"}}\n-- or in the load:\nSELECT rtrim(\(column)) AS \(column) ..."
        )
    }

    static func caseOnly(table: TableReport, column: String, keys: [String]) -> DiffFix {
        DiffFix(
            kind: .transform,
            action:
                "\(column) changed letter case on the way: an upper()/lower()/initcap() in the load, or a "
                + "case-insensitive collation that merged values. Remove the case change from the load and reload the "
                + "column for the affected keys; if the target must be case-insensitive, compare lower(\(column)) on both sides.",
            snippet:
                "UPDATE \(table.targetTable) AS t SET \(column) = s.\(column) FROM \(table.sourceTable) AS s "
                + "WHERE <key columns match>;  -- keys: \(keys.prefix(10).joined(separator: "; "))"
        )
    }

    static func unicode(column: String) -> DiffFix {
        DiffFix(
            kind: .rulebookEntry,
            action:
                "\(column) holds the same text in different Unicode forms (composed on one side, decomposed on the "
                + "other). Compare after NFC normalization (rule text_nfc, defaults.text_normalization = \"nfc\") or "
                + "normalize in the load.",
            snippet:
                "{\"defaults\": {\"text_normalization\": \"nfc\"}}\n-- or in the load (Postgres 13+):\nSELECT normalize(\(column), NFC) AS \(column) ..."
        )
    }

    static func reload(table: TableReport, keyColumn: String, runs: [KeyRuns.Run]) -> DiffFix {
        let predicate = runs.map { "\(keyColumn) BETWEEN \($0.lower) AND \($0.upper)" }.joined(
            separator: " OR "
        )
        return DiffFix(
            kind: .reload,
            action:
                "Reload the missing key range(s) from the source, find why the load stopped there (batch failure, "
                + "timeout, LIMIT), then re-run the reconciliation on the range.",
            snippet:
                "INSERT INTO \(table.targetTable) SELECT * FROM \(table.sourceTable) WHERE \(predicate);\n"
                + "-- re-check only the range: tables: [{source: \(table.sourceTable), where: \"\(predicate)\"}]"
        )
    }

    static func reloadKeys(table: TableReport, keys: [String]) -> DiffFix {
        DiffFix(
            kind: .reload,
            action:
                "Look for these keys in the load's reject log or WHERE clause, then copy the rows again.",
            snippet: "-- keys: \(keys.prefix(20).joined(separator: "; "))"
        )
    }

    static func extra(table: TableReport, keys: [String]) -> DiffFix {
        DiffFix(
            kind: .reload,
            action:
                "Find who wrote these rows to \(table.targetTable) (writes to the target before cutover, or rows "
                + "deleted from the source after the copy) and delete or replay accordingly.",
            snippet: "-- keys: \(keys.prefix(20).joined(separator: "; "))"
        )
    }

    static func deduplicate(table: TableReport, keys: [String]) -> DiffFix {
        DiffFix(
            kind: .reload,
            action:
                "A batch was applied twice. Remove the duplicate rows and add a unique constraint on the key so a "
                + "replay fails instead of duplicating.",
            snippet:
                "-- keys: \(keys.prefix(20).joined(separator: "; "))\nALTER TABLE \(table.targetTable) ADD UNIQUE (<key columns>);"
        )
    }

    static func columnTransform(table: TableReport, column: String, keys: [String]) -> DiffFix {
        DiffFix(
            kind: .transform,
            action:
                "Compare the load's expression for \(column) with the source column, fix it, and reload \(column) "
                + "for the affected keys.",
            snippet: "-- keys: \(keys.prefix(20).joined(separator: "; "))"
        )
    }

    static func recheck(table: TableReport) -> DiffFix {
        DiffFix(
            kind: .recheck,
            action:
                "Re-read the differing rows after replication has caught up: if they then match, the source was "
                + "written during the copy; replicate those changes (CDC) before cutover.",
            snippet: "recheck: {enabled: true, delay_seconds: 300}"
        )
    }
}
