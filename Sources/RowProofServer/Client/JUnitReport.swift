public import RowProofContracts

/// Renders a recon report as JUnit XML for CI test views: one test case per table, failing when
/// the table's differences are beyond tolerance; the failure message is the verdict and the counts.
public enum JUnitReport {
    /// The JUnit XML of `report`.
    public static func render(_ report: ReconReport) -> String {
        let failures = report.tables.filter { $0.verdict == .fail }.count
        let errors = report.tables.filter { $0.verdict == .error }.count
        let seconds = report.timings.reduce(0) { $0 + $1.seconds }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            "<testsuites name=\"rowproof\" tests=\"\(report.tables.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds)\">\n"
        xml +=
            "  <testsuite name=\"\(escape(report.job.name))\" tests=\"\(report.tables.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds)\">\n"
        for table in report.tables {
            let name =
                table.sourceTable == table.targetTable
                ? table.sourceTable : "\(table.sourceTable) -> \(table.targetTable)"
            xml += "    <testcase classname=\"rowproof.\(escape(report.job.name))\" name=\"\(escape(name))\">\n"
            let message =
                "\(table.verdict.rawValue.uppercased()) (severity \(table.severity.rawValue)): \(counts(table.counts))"
            switch table.verdict {
            case .pass: xml += "      <system-out>\(escape(message))</system-out>\n"
            case .fail:
                xml += "      <failure type=\"fail\" message=\"\(escape(message))\">\(escape(message))</failure>\n"
            case .error:
                xml += "      <error type=\"error\" message=\"\(escape(message))\">\(escape(message))</error>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// The JUnit XML of a job that produced no report: one test case that errs with `reason`.
    public static func render(jobName: String, reason: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="rowproof" tests="1" failures="0" errors="1">
          <testsuite name="\(escape(jobName))" tests="1" failures="0" errors="1">
            <testcase classname="rowproof.\(escape(jobName))" name="job">
              <error type="error" message="\(escape(reason))">\(escape(reason))</error>
            </testcase>
          </testsuite>
        </testsuites>

        """
    }

    /// `10 source rows, 9 target rows: 7 matched, 1 changed, 1 missing, 0 extra, 0 duplicate keys, 0 within tolerance`.
    static func counts(_ c: RowCounts) -> String {
        "\(c.rowsSource) source rows, \(c.rowsTarget) target rows: \(c.matched) matched, \(c.changed) changed, \(c.missing) missing, "
            + "\(c.extra) extra, \(c.duplicateKeys) duplicate keys, \(c.withinTolerance) within tolerance"
    }

    /// Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
