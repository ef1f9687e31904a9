/// What a bearer token may do. The matrix:
///
/// | Operation                                      | submitter | approver | admin |
/// |------------------------------------------------|-----------|----------|-------|
/// | submit a job (`POST /v1/jobs`)                 | yes       | no       | yes   |
/// | read jobs, progress and reports                | yes       | yes      | yes   |
/// | cancel a job                                   | yes       | no       | yes   |
/// | list workers (`GET /v1/workers`)               | no        | no       | yes   |
/// | metrics (`GET /metrics`, unless public)        | no        | no       | yes   |
///
/// `/healthz` and `/readyz` need no token.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// CI pipelines: submit, read and cancel jobs.
    case submitter
    /// Reviewers: read jobs and reports.
    case approver
    /// Operators: everything.
    case admin

    /// Whether this role may perform `operation`.
    public func allows(_ operation: Operation) -> Bool {
        switch (self, operation) {
        case (.admin, _): true
        case (.submitter, .submit), (.submitter, .read), (.submitter, .cancel): true
        case (.approver, .read): true
        case (.submitter, .listWorkers), (.submitter, .metrics): false
        case (.approver, .submit), (.approver, .cancel), (.approver, .listWorkers), (.approver, .metrics): false
        }
    }
}

/// An operation of the HTTP API that needs a token.
public enum Operation: String, Sendable, CaseIterable {
    /// Submit a job.
    case submit
    /// Read jobs, their progress and their reports.
    case read
    /// Cancel a job.
    case cancel
    /// List the workers.
    case listWorkers
    /// Read the Prometheus metrics.
    case metrics
}
