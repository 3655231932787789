public import Foundation

extension WherebyMockServer {
    /// How the stand-in listens, whom it accepts and how it answers.
    ///
    /// The defaults describe an organization on the Build plan with one development key, serving the
    /// bundled fixture on an ephemeral loopback port:
    ///
    /// ```swift
    /// var configuration = WherebyMockServer.Configuration()
    /// configuration.rateLimit = .init(points: 6, window: .seconds(1))  // fast rate-limit tests
    /// configuration.pageSize = 2                                        // short pages
    /// ```
    public struct Configuration: Sendable {
        /// The key accepted when no other is configured; not a secret, it opens nothing but the stand-in.
        public static let developmentAPIKey = "whereby-mock-dev-key"

        /// The address to listen on; `127.0.0.1` keeps the stand-in off the network.
        public var host: String
        /// The TCP port; `0` lets the system pick a free one, reported through
        /// ``WherebyMockServer/BoundAddress``.
        public var port: Int
        /// Bearer tokens the stand-in accepts. Every key belongs to the same organization and so
        /// shares one rate-limit budget, as with the real API.
        public var apiKeys: Set<String>
        /// The organization's point budget.
        public var rateLimit: RateLimit
        /// The most items one page holds, whatever `limit` a request asks for; `nil` serves the
        /// documented page sizes (`limit`, default 50, or 10 for insights). The document calls
        /// `limit` a maximum, so shorter pages stay within the contract while letting tests page
        /// through a handful of records.
        public var pageSize: Int?
        /// The organization's subdomain in room URLs: `https://<subdomain>.whereby.com/<room>`.
        public var subdomain: String
        /// The recordings, transcriptions, summaries and insights the stand-in starts with.
        public var fixture: Fixture
        /// The current time, for `startDate`, the past-`endDate` check, access-link expiry and the
        /// rate-limit window. Tests may substitute a clock they advance by hand.
        public var now: @Sendable () -> Date
        /// Whether to log each request (method and path, never headers) to standard output;
        /// otherwise only warnings and errors are logged.
        public var logsRequests: Bool

        /// A configuration; every parameter has the default described on its property.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            apiKeys: Set<String> = [Configuration.developmentAPIKey],
            rateLimit: RateLimit = .buildPlan,
            pageSize: Int? = nil,
            subdomain: String = "example",
            fixture: Fixture = .standard,
            now: @escaping @Sendable () -> Date = { Date() },
            logsRequests: Bool = false
        ) {
            self.host = host
            self.port = port
            self.apiKeys = apiKeys
            self.rateLimit = rateLimit
            self.pageSize = pageSize
            self.subdomain = subdomain
            self.fixture = fixture
            self.now = now
            self.logsRequests = logsRequests
        }
    }

    /// A point budget per window: reads cost 1 point, deletes 2, writes 3.
    public struct RateLimit: Sendable, Hashable {
        /// Points the organization may spend per window.
        public var points: Int
        /// How long a window lasts; the reference's budgets are per minute.
        public var window: Duration

        public init(points: Int, window: Duration = .seconds(60)) {
            self.points = points
            self.window = window
        }

        /// The Build plan: 100 points a minute.
        public static let buildPlan = RateLimit(points: 100)
        /// The Grow plan: 1000 points a minute.
        public static let growPlan = RateLimit(points: 1000)
    }
}
