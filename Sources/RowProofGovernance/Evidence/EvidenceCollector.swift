public import Foundation
public import RowProofContracts

/// Gathers a migration's files from folders into evidence artifacts, naming each file's kind
/// from its name (see ``kind(ofFileNamed:)``).
///
/// Hidden files and temporary files (`*.tmp`, `*~`) are skipped; files are sorted by path so the
/// same folder always gives the same pack.
public enum EvidenceCollector {
    /// Every regular file under `folder`, stored in the pack under `prefix/` plus its path relative to `folder`.
    ///
    /// - Throws: ``EvidenceError`` naming a folder that cannot be listed or a file that cannot be read.
    public static func collect(folder: URL, prefix: String) throws(EvidenceError) -> [EvidenceArtifact] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let walker = FileManager.default.enumerator(
                at: base,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else {
            throw EvidenceError(.io, "cannot list \(folder.path): it does not exist or is not a folder")
        }
        var found: [(String, URL)] = []
        for case let file as URL in walker {
            let resolved = file.standardizedFileURL.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = resolved.lastPathComponent
            guard !name.hasSuffix(".tmp"), !name.hasSuffix("~") else { continue }
            let relative = String(resolved.path.dropFirst(base.path.count + 1))
            found.append((prefix.isEmpty ? relative : prefix + "/" + relative, resolved))
        }
        var artifacts: [EvidenceArtifact] = []
        for (path, url) in found.sorted(by: { $0.0 < $1.0 }) {
            artifacts.append(
                try EvidenceArtifact(path: path, kind: kind(ofFileNamed: url.lastPathComponent), contentsOf: url)
            )
        }
        return artifacts
    }

    /// The kind of a file, from its name: `*audit*.jsonl` audit log, `*policy*` policy,
    /// `*rulebook*` rulebook, `*approval*` approval, `*state*history*` state history, `*runbook*`
    /// runbook, `*agent*` agent output, `*plan*.json|yaml` signed plan, `*job*` recon job,
    /// `*report*.md|.html` rendered report, `*report*.json` recon report; anything else `other`.
    public static func kind(ofFileNamed name: String) -> EvidenceFile.Kind {
        let lower = name.lowercased()
        let ext = (lower as NSString).pathExtension
        func has(_ part: String) -> Bool { lower.contains(part) }
        if has("audit"), ext == "jsonl" { return .auditLog }
        if has("policy") { return .policy }
        if has("rulebook") { return .rulebook }
        if has("approval") { return .approval }
        if has("state"), has("history") { return .stateHistory }
        if has("runbook") { return .runbook }
        if has("agent") { return .agentOutput }
        if has("report") || has("recon") {
            switch ext {
            case "md": return .reportMarkdown
            case "html", "htm": return .reportHTML
            case "json" where !has("cutover") && !has("rollback"): return .reconReport
            default: break
            }
        }
        if has("plan"), ["json", "yaml", "yml"].contains(ext) { return .signedPlan }
        if has("job"), ["json", "yaml", "yml"].contains(ext) { return .reconJob }
        return .other
    }
}
