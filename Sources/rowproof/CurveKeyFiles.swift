import ArgumentParser
import Foundation
import RowProofWire

/// Reads the CURVE files the coordinator and the worker are given, with errors that name the
/// option, the file and the fix.
enum CurveKeyFiles {
    /// The key pair in `path` (JSON from `rowproof keygen --curve`), given as `option`.
    static func keyPair(at path: String, option: String) throws -> CurveKeyPair {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(option) \(path): cannot read the file: \(CommandFailure.describe(error))")
        }
        let decoded: CurveKeyPair
        do {
            decoded = try JSONDecoder().decode(CurveKeyPair.self, from: data)
        } catch {
            throw ValidationError(
                "\(option) \(path): not a CURVE key pair (a JSON object with publicKey and secretKey, as "
                    + "`rowproof keygen --curve` writes)"
            )
        }
        do {
            // The checked initializer: both keys are 40-character Z85 strings.
            return try CurveKeyPair(publicKey: decoded.publicKey, secretKey: decoded.secretKey)
        } catch {
            throw ValidationError("\(option) \(path): \(error)")
        }
    }

    /// The worker public keys listed in `path`, one per line (`#` starts a comment).
    ///
    /// An allow-list file that lists no key is refused: an empty allow-list lets every key in, which
    /// is never what a file meant to restrict workers asks for.
    static func allowList(at path: String) throws -> Set<String> {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("--curve-allow \(path): cannot read the file: \(CommandFailure.describe(error))")
        }
        var keys: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard line.utf8.count == 40 else {
                throw ValidationError(
                    "--curve-allow \(path): line \(index + 1) is not a CURVE public key (40 Z85 characters): \(line.prefix(60))"
                )
            }
            keys.insert(line)
        }
        guard !keys.isEmpty else {
            throw ValidationError(
                "--curve-allow \(path): the file lists no worker key, and an empty allow-list would admit every worker; "
                    + "add the public keys of the workers (from `rowproof keygen --curve` on each), or drop --curve-allow "
                    + "to accept any worker that has the coordinator's public key"
            )
        }
        return keys
    }
}
