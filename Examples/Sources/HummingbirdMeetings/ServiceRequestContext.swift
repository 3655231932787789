import Foundation
import Hummingbird

/// Hummingbird's basic context, with JSON answers that are easy to read in a terminal: keys
/// sorted, and URLs without escaped slashes (`https://`, not `https:\/\/`).
struct ServiceRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage

    init(source: Source) {
        coreContext = .init(source: source)
    }

    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
