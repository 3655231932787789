import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// A loop over every page stops fetching when its task is cancelled, throwing the
/// `WherebyError` every call throws; a walk stopped at its page limit or by the caller resumes
/// from a stored cursor.
@Suite struct PaginationCancellationTests {
    @Test func cancellingAPaginatedLoopMidwayStopsFetchingPages() async throws {
        // One recording a page: the fixture's five take five pages.
        try await withStandIn(.init(rateLimit: .growPlan, pageSize: 1)) { standIn in
            let whereby = standIn.client()
            let (reachedSecondPage, signal) = AsyncStream.makeStream(of: Void.self)
            let loop = Task {
                var seen = 0
                for try await _ in whereby.allRecordings() {
                    seen += 1
                    if seen == 2 {
                        signal.yield()
                        // Wait to be cancelled; the bound only keeps a broken test from hanging.
                        try? await Task.sleep(for: .seconds(30))
                    }
                }
                return seen
            }

            var signals = reachedSecondPage.makeAsyncIterator()
            _ = await signals.next()
            loop.cancel()
            let result = await loop.result

            switch result {
            case .success(let seen):
                Issue.record("the loop ran to the end after \(seen) recordings")
            case .failure(let error):
                // The same error as a cancelled call, so `catch let error as WherebyError` sees it.
                guard case .cancelled(let operation)? = error as? WherebyError else {
                    Issue.record("expected WherebyError.cancelled, got \(type(of: error)): \(error)")
                    return
                }
                #expect(operation == "listRecordings")
            }
            // Two pages were fetched, and none after the cancellation.
            #expect(standIn.log.count("listRecordings") == 2)
            #expect(FixtureID.recordingCount > 2)
        }
    }

    @Test func aWalkStoppedAtItsPageLimitResumesFromTheErrorsCursor() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            var ids: [String] = []
            var resumeAt: String?
            do {
                for try await recording in whereby.allRecordings(pageSize: 1).maximumPages(2) { ids.append(recording.recordingId) }
                Issue.record("the walk passed its page limit")
            } catch WherebyError.pageLimitReached(_, let maximumPages, let nextCursor) {
                #expect(maximumPages == 2)
                resumeAt = nextCursor
            }
            #expect(ids.count == 2)
            #expect(standIn.log.count("listRecordings") == 2)

            for try await recording in whereby.allRecordings(pageSize: 1, startingAt: resumeAt) { ids.append(recording.recordingId) }
            #expect(ids.count == FixtureID.recordingCount)
            #expect(Set(ids).count == FixtureID.recordingCount)
        }
    }

    @Test func pagesGiveTheCursorThatALaterWalkResumesFrom() async throws {
        try await withStandIn { standIn in
            let whereby = standIn.client()
            var firstRun: [String] = []
            var stored: String?
            for try await page in whereby.allRecordings(pageSize: 2).pages {
                firstRun += page.items.map(\.recordingId)
                stored = page.nextCursor
                break  // the process stops here
            }
            #expect(firstRun.count == 2)
            #expect(stored != nil)

            var secondRun: [String] = []
            for try await page in whereby.allRecordings(pageSize: 2, startingAt: stored).pages {
                secondRun += page.items.map(\.recordingId)
            }
            #expect(firstRun.count + secondRun.count == FixtureID.recordingCount)
            #expect(Set(firstRun).isDisjoint(with: secondRun))
        }
    }
}
