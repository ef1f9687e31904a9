/// The forms a job's report can be fetched in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `report.json` (schemas/recon_report.schema.json).
    case json
    /// `report.md`, for CI job summaries.
    case markdown
    /// `report.html`, self-contained.
    case html

    /// The file name in the job's folder.
    public var fileName: String {
        switch self {
        case .json: "report.json"
        case .markdown: "report.md"
        case .html: "report.html"
        }
    }

    /// The `Content-Type` of the file.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The format a query value or file extension names (`json`, `markdown`/`md`, `html`).
    public init?(name: String) {
        switch name.lowercased() {
        case "json": self = .json
        case "markdown", "md": self = .markdown
        case "html": self = .html
        default: return nil
        }
    }
}
