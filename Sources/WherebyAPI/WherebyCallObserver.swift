import Foundation
import OpenAPIClientSupport
import Tracing

/// The ``OpenAPIClientSupport/APICallObserver`` of a ``WherebyClient`` whose
/// ``WherebyClient/Observability`` is on: runs each call with a ``CallObservation`` bound, and
/// with the call's span as the current context, so the layers inside report to it and your
/// middlewares (and anything they start) see the span as their parent.
///
/// A client with observability off has no observer at all.
struct WherebyCallObserver: APICallObserver, CustomStringConvertible {
    var observability: WherebyClient.Observability
    /// The server the calls go to, for the span's `server.address`, `server.port` and `url.template`.
    var serverURL: URL
    /// What call durations are measured with.
    var clock: ClientClock

    func observe<Result: Sendable>(_ call: APICall, _ perform: () async throws -> Result) async throws -> Result {
        let observation = CallObservation(call: call, observability: observability, server: serverURL, clock: clock)
        do {
            let result = try await CallObservation.$current.withValue(observation) {
                guard let context = observation.spanContext else { return try await perform() }
                return try await InstrumentationContext.withValue(context) { try await perform() }
            }
            observation.finish(error: nil)
            return result
        } catch {
            observation.finish(error: error)
            throw error
        }
    }

    var description: String { "\(observability)" }
}
