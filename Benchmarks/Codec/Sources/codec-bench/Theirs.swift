import Foundation
import OpenAPIRuntime
import PeerWhereby

/// The client apple/swift-openapi-generator makes from the same document, configured with the
/// fractional-seconds date transcoder: its default, `.iso8601`, rejects Whereby's dates.
struct Theirs: Sendable {
    typealias Page = Operations.get_sol_meetings.Output.Ok.Body.jsonPayload

    static let configuration = Configuration(dateTranscoder: .iso8601WithFractionalSeconds)

    let client = Client(
        serverURL: URL(string: "https://api.whereby.dev/v1")!,
        configuration: Theirs.configuration,
        transport: InMemoryTransport(body: codec_bench.Page.json[...])
    )
    let data = Data(codec_bench.Page.json)
    let decoder: JSONDecoder
    let encoder: JSONEncoder

    init() {
        // What its runtime's (SPI) `Converter` makes of the configuration, through public API.
        let transcoder = Theirs.configuration.dateTranscoder
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = .init(Theirs.configuration.jsonEncodingOptions)
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
    }

    func call() async throws -> Page {
        let output = try await client.get_sol_meetings(query: .init(limit: 100))
        guard case .ok(let ok) = output, case .json(let page) = ok.body else { throw BenchmarkError.unexpectedResponse }
        return page
    }

    func decode() throws -> Page {
        try decoder.decode(Page.self, from: data)
    }

    func encode(_ page: Page) throws -> Data {
        try encoder.encode(page)
    }

    static func summary(of page: Page) -> [String] {
        page.results.map { "\($0.meetingId) \(milliseconds($0.startDate)) \(milliseconds($0.endDate)) \($0.hostRoomUrl ?? "") \($0.viewerRoomUrl ?? "")" }
            + [page.cursor]
    }
}

extension JSONEncoder.OutputFormatting {
    /// The formatting its `Converter` derives from `jsonEncodingOptions`.
    init(_ options: JSONEncodingOptions) {
        self.init()
        if options.contains(.prettyPrinted) { insert(.prettyPrinted) }
        if options.contains(.sortedKeys) { insert(.sortedKeys) }
        if options.contains(.withoutEscapingSlashes) { insert(.withoutEscapingSlashes) }
    }
}
