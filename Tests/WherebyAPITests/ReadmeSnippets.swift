import Foundation
import Logging
import Metrics
import Tracing
import WherebyAPI

/// The snippets of README.md's "Using the client", copied as written with only the imports the
/// README shows, so the README keeps compiling. They talk to the real API, so they are
/// compiled, not run (except where `ReadmeSnippetTests` can inject a transport); the
/// AsyncHTTPClient snippets are left out because this package does not depend on it.
enum ReadmeSnippets {
    static func quickstart(apiKey: String) async throws {
        // The key is a secret that belongs on your server; read it from your secrets store.
        let whereby = WherebyClient(apiKey: apiKey)

        // Create a meeting that ends in an hour, with a link for the host.
        let meeting = try await whereby.createMeeting(.init(
            endDate: Date().addingTimeInterval(3600),
            roomMode: .group,
            fields: [.hostRoomUrl]
        ))
        print("guests join at", meeting.roomUrl, "the host at", meeting.hostRoomUrl ?? "-")

        // List every meeting, a page at a time.
        var cursor: String?
        repeat {
            let page = try await whereby.listMeetings(cursor: cursor, limit: 50)
            for meeting in page.results {
                print(meeting.meetingId, meeting.endDate)
            }
            cursor = page.cursor
        } while cursor != nil

        // Delete the meeting (deleting one that is already gone succeeds too).
        try await whereby.deleteMeeting(meetingId: meeting.meetingId)
    }

    static func handlingErrors(whereby: WherebyClient, id: String) async throws {
        do {
            let meeting = try await whereby.getMeeting(meetingId: id)
            print(meeting.roomUrl)
        } catch let error as WherebyError {
            switch error {
            case .notFound:
                print("the meeting ended and was deleted, or the ID is wrong")
            case .badRequest(_, let message, _):
                print("Whereby refused the request:", message ?? "no reason given")
            case .unauthorized, .forbidden:
                print("the API key is wrong, revoked, or may not do this")
            case .rateLimited(_, let info, _):
                print("still rate limited after retrying; try again in", info.retryAfter ?? .seconds(60))
            case .timedOut(_, let kind, let limit):
                print("no answer in time:", kind, limit)
            case .invalidRequest(_, let reason):
                print("not sent:", reason)
            case .cancelled:
                break
            case .serverError, .unexpectedStatus, .redirectRefused, .decodingFailed, .transportFailed:
                print(error, error.isRetryable ? "(worth trying again later)" : "")  // one line, safe to log
            case .paginationCycle, .pageLimitReached:
                break  // only `all…` sequences throw these
            }
        }
    }

    static func configuring(apiKey: String) -> WherebyClient {
        var configuration = WherebyClient.Configuration()
        configuration.rateLimit = .build                 // or .grow, .points(50), .automatic, .disabled
        configuration.retry = RetryPolicy(
            maxAttempts: 3,                              // the first attempt included
            maxTotalDelay: .seconds(20)                  // for request handlers with a deadline
        )
        configuration.onRateLimitStatus = { status in    // every response's rate-limit headers
            print("Whereby points left:", status.remaining ?? 0)
        }
        let whereby = WherebyClient(apiKey: apiKey, configuration: configuration)

        // The headers of the latest response, at any time:
        if let status = whereby.rateLimitStatus {
            print(status)                                // 42 of 100 points left, resets 2025-05-12T16:43:00Z
        }
        return whereby
    }

    // MARK: Pagination and the protocol

    static func everyPageWithPageSize(whereby: WherebyClient) async throws {
        for try await recording in whereby.allRecordings(roomName: "/team-standup", pageSize: 100) {
            print(recording.recordingId, recording.sizeInMegaBytes)
        }
    }

    /// Where an export keeps its cursor between runs.
    protocol Checkpoints: Sendable {
        func load() async throws -> String?
        func save(_ cursor: String?) async throws
    }

    protocol Archive: Sendable {
        func store(_ meetings: [Meeting]) async throws
    }

    static func pagesAndResuming(whereby: WherebyClient, checkpoints: some Checkpoints, archive: some Archive) async throws {
        var saved: String? = try await checkpoints.load()
        for try await page in whereby.allMeetings(pageSize: 100, startingAt: saved).pages {
            try await archive.store(page.items)
            saved = page.nextCursor
            try await checkpoints.save(saved)
        }
    }

    static func pageLimit(whereby: WherebyClient) async throws {
        do {
            for try await recording in whereby.allRecordings(pageSize: 100).maximumPages(50) {
                print(recording.recordingId)
            }
        } catch WherebyError.pageLimitReached(_, _, let nextCursor) {
            print("more to come; resume from", nextCursor)
        }
    }

    struct MeetingJanitor<Whereby: WherebyClientProtocol> {
        let whereby: Whereby

        func deleteMeetings(endedBefore date: Date) async throws -> Int {
            var deleted = 0
            for try await meeting in whereby.allMeetings(pageSize: 100) where meeting.endDate < date {
                try await whereby.deleteMeeting(meetingId: meeting.meetingId)
                deleted += 1
            }
            return deleted
        }
    }

    static func serviceOverTheProtocol(apiKey: String) -> MeetingJanitor<WherebyClient> {
        let janitor = MeetingJanitor(whereby: WherebyClient(apiKey: apiKey))
        return janitor
    }

    // MARK: Time limits and options for one call

    static func timeLimits() -> WherebyClient.Configuration {
        var configuration = WherebyClient.Configuration()
        configuration.timeouts = Timeouts(total: .seconds(20), attempt: .seconds(5), rateLimitQueue: .seconds(10))
        return configuration
    }

    static func optionsForOneCall(whereby: WherebyClient, id: String) async throws -> WherebyClient {
        // A request handler that must answer within 5 seconds:
        let meeting = try await whereby.with(timeout: .seconds(5)).getMeeting(meetingId: id)
        print(meeting.roomUrl)

        // A nightly export that may wait for points and retry longer:
        let export = whereby.with(CallOptions(timeout: .seconds(600), rateLimitQueue: .seconds(120),
                                              retry: RetryPolicy(maxAttempts: 6)))
        for try await recording in export.allRecordings() {
            print(recording.recordingId)
        }

        // Background work that gives way: never queue for points others are waiting for.
        let lowPriority = whereby.with(rateLimitQueue: .zero)
        return lowPriority
    }

    static func observing(apiKey: String) -> WherebyClient {
        let whereby = WherebyClient(apiKey: apiKey, configuration: .init(
            observability: .init(
                logger: Logger(label: "whereby"),
                metricsFactory: MetricsSystem.factory,
                tracer: InstrumentationSystem.tracer
            )
        ))
        return whereby
    }
}
