import HTTPTypes
import Tracing

/// Writes what a tracer injects (`traceparent`, `tracestate`, `baggage`, …) into a request's
/// header fields, replacing a field of the same name; a key that is not a valid field name is
/// left out.
struct HTTPFieldsInjector: Injector {
    func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
        guard let name = HTTPField.Name(key) else { return }
        fields[name] = value
    }
}
