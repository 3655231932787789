import Testing
@testable import WherebyMock

@Suite struct PaginationTests {
    /// Follows `cursor` from the first page to the one whose cursor is null.
    func allPages(_ client: TestClient, _ path: String, query: String? = nil) async throws -> [[JSONValue]] {
        var pages: [[JSONValue]] = []
        var cursor: String?
        repeat {
            let parameters = [query, cursor.map { "cursor=\($0)" }].compactMap { $0 }.joined(separator: "&")
            let response = try await client.get(path, query: parameters.isEmpty ? nil : parameters)
            try #require(response.status == 200, "\(response.errorMessage)")
            // The member is present and null on the last page, not missing.
            let next = try #require(response.json["cursor"])
            pages.append(response.json["results"]?.arrayValue ?? [])
            cursor = next.stringValue
            try #require(pages.count <= 10, "pagination does not end")
        } while cursor != nil
        return pages
    }

    @Test func pagesThroughAllRecordingsAndEndsWithANullCursor() async throws {
        try await withMockServer(.init(rateLimit: .growPlan, pageSize: 2)) { client, _ throws in
            let pages = try await allPages(client, "/recordings")
            #expect(pages.map(\.count) == [2, 2, 1])
            let ids = pages.joined().compactMap { $0["recordingId"]?.stringValue }
            #expect(ids.first == FixtureID.recording)
            #expect(Set(ids).count == 5)
        }
    }

    @Test func endsWithoutAnEmptyPageWhenTheLastPageIsFull() async throws {
        try await withMockServer(.init(rateLimit: .growPlan, pageSize: 2)) { client, _ throws in
            #expect(try await allPages(client, "/transcriptions").map(\.count) == [2, 2])
        }
    }

    @Test func honoursLimitBelowTheConfiguredPageSize() async throws {
        try await withMockServer { client, _ throws in
            #expect(try await allPages(client, "/recordings", query: "limit=3").map(\.count) == [3, 2])
        }
    }

    @Test func answersAnEmptyListWithANullCursor() async throws {
        try await withMockServer(.init(fixture: .empty)) { client, _ throws in
            let response = try await client.get("/recordings")
            #expect(response.json == ["results": [], "cursor": .null])
        }
    }

    @Test func doesNotSkipItemsWhenListedItemsAreDeletedBetweenPages() async throws {
        try await withMockServer(.init(rateLimit: .growPlan, pageSize: 2)) { client, _ throws in
            var created: [String] = []
            for _ in 0..<5 {
                let meeting = try await client.post("/meetings", json: ["endDate": "2099-01-01T00:00:00Z"])
                created.append(try #require(meeting.json["meetingId"]?.stringValue))
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.get("/meetings", query: cursor.map { "cursor=\($0)" })
                let ids = page.json["results"]?.arrayValue?.compactMap { $0["meetingId"]?.stringValue } ?? []
                for id in ids { #expect(try await client.delete("/meetings/\(id)").status == 204) }
                seen += ids
                cursor = page.json["cursor"]?.stringValue
            } while cursor != nil
            #expect(seen == created)
        }
    }

    @Test func ordersBySortByAcrossPages() async throws {
        try await withMockServer(.init(rateLimit: .growPlan, pageSize: 2)) { client, _ throws in
            let pages = try await allPages(client, "/recordings", query: "sortBy=sizeInMegaBytes:desc")
            let sizes = pages.joined().compactMap { $0["sizeInMegaBytes"]?.doubleValue }
            #expect(sizes == [210, 100, 41, 38, 24.5])
        }
    }

    @Test func filtersRecordingsByRoomName() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.get("/recordings", query: "roomName=%2Fstandup-4f1c9a2e")
            #expect(response.json["results"]?.arrayValue?.count == 2)
        }
    }

    @Test func pagesInsightsTenAtATimeByDefault() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.get("/insights/rooms")
            #expect(response.json["results"]?.arrayValue?.count == 3)
            #expect(response.json["cursor"] == .null)
        }
    }

    @Test func rejectsACursorItDidNotIssueWith400() async throws {
        try await withMockServer { client, _ throws in
            let response = try await client.get("/meetings", query: "cursor=8f4031bfc7640c5f267b11b6fe0c2507")
            #expect(response.status == 400)
            #expect(response.errorMessage.contains("cursor"))
        }
    }
}
