import Foundation
import Hummingbird
public import Logging
import RowProofCluster

/// The coordinator's HTTP API: job submission from CI, progress, reports, cancellation, workers,
/// health, readiness and Prometheus metrics (see `schemas/openapi.yaml`).
public enum APIServer {
    /// How to serve.
    public struct Configuration: Sendable {
        /// Host to listen on.
        public var host: String
        /// TCP port to listen on.
        public var port: Int
        /// The accepted bearer tokens.
        public var tokens: TokenStore
        /// Largest request body accepted; larger ones get 413.
        public var maximumBodyBytes: Int
        /// Serve `/metrics` without a token (else an admin token is needed).
        public var isMetricsPublic: Bool
        /// How jobs run.
        public var jobs: JobService.Configuration

        /// Creates settings.
        public init(
            host: String,
            port: Int,
            tokens: TokenStore,
            maximumBodyBytes: Int = 1 << 20,
            isMetricsPublic: Bool = false,
            jobs: JobService.Configuration
        ) {
            self.host = host
            self.port = port
            self.tokens = tokens
            self.maximumBodyBytes = maximumBodyBytes
            self.isMetricsPublic = isMetricsPublic
            self.jobs = jobs
        }
    }

    /// Opens the registry, resumes unfinished jobs and serves until SIGTERM or SIGINT.
    ///
    /// - Parameter onListening: called with `http://HOST:PORT` once the socket listens.
    /// - Throws: ``ServerError`` when the data folder or the registry cannot be opened, or the
    ///   server cannot listen.
    public static func run(
        configuration: Configuration,
        logger: Logger,
        onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        let data = configuration.jobs.dataDirectory
        do {
            try FileManager.default.createDirectory(
                at: data.appendingPathComponent("jobs"),
                withIntermediateDirectories: true
            )
        } catch {
            throw ServerError(
                .configuration,
                "cannot create the data folder \(data.path): \(error.localizedDescription)"
            )
        }
        let registryPath = data.appendingPathComponent("registry.sqlite").path
        let registry = try JobRegistry(path: registryPath)
        let readiness = Readiness(registryPath: registryPath)
        probe(configuration.jobs, into: readiness)
        let service = try JobService(configuration: configuration.jobs, registry: registry, logger: logger)
        await service.start()
        let routes = APIRoutes(
            service: service,
            authenticator: Authenticator(tokens: configuration.tokens),
            maximumBodyBytes: configuration.maximumBodyBytes,
            isMetricsPublic: configuration.isMetricsPublic,
            readiness: readiness
        )
        let address = "http://\(configuration.host):\(configuration.port)"
        let app = Application(
            router: routes.router(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "rowproof"
            ),
            onServerRunning: { _ in onListening(address) },
            logger: logger
        )
        try await app.runService()
    }

    /// Binds every job slot's ZeroMQ endpoint once, so a port in use shows in `/readyz` at once.
    static func probe(_ jobs: JobService.Configuration, into readiness: Readiness) {
        let slots = jobs.endpoint(slot: 0) == jobs.endpoint(slot: 1) ? 1 : max(1, jobs.maximumConcurrentJobs)
        var endpoints: [String] = []
        var problems: [String] = []
        for slot in 0..<slots {
            let endpoint = jobs.endpoint(slot: slot)
            do {
                _ = try EndpointProbe.bind(endpoint)
                endpoints.append(endpoint)
            } catch {
                problems.append("ZeroMQ endpoint \(endpoint) cannot be bound: \(error)")
            }
        }
        readiness.probed(endpoints: endpoints, problems: problems)
    }
}
