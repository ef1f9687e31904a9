import Foundation

/// Something a run needs on this machine that it cannot have (its output folder, its listening
/// endpoint), with what to do about it. Raised before any chunk is handed out.
public struct RunnerError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the folder or endpoint.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// Creates an error.
    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(message)\nhint: \(hint)" }

    /// The output folder `folder` cannot be created or cleared.
    static func outputFolder(_ folder: URL, _ error: any Error) -> RunnerError {
        RunnerError(
            "cannot use the output folder \(folder.path): \(Self.reason(error))",
            hint: "give --output a folder this user can create and write (not an existing file)"
        )
    }

    /// The coordinator cannot listen at `endpoint`.
    static func bind(_ endpoint: String, _ error: any Error) -> RunnerError {
        RunnerError(
            "cannot listen for workers at \(endpoint): \(error)",
            hint: "give --bind an address of this machine and a free port, e.g. tcp://*:5555, "
                + "or tcp://127.0.0.1:* for local workers only"
        )
    }

    /// Foundation's sentence for its own errors, the description otherwise.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain else { return "\(error)" }
        if let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
