import Foundation
import Testing
import WherebyAPI
import WherebyMock

/// A loop over every page stops fetching when its task is cancelled.
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
                #expect(Self.isCancellation(error), "\(error)")
            }
            // Two pages were fetched, and none after the cancellation.
            #expect(standIn.log.count("listRecordings") == 2)
            #expect(FixtureID.recordingCount > 2)
        }
    }

    static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if case .cancelled = error as? WherebyError { return true }
        return false
    }
}
