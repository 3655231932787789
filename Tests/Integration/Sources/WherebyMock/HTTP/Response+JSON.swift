import Hummingbird
import HTTPTypes

extension Response {
    /// A response whose body is `value` as JSON.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) throws -> Response {
        let body = ByteBuffer(bytes: try value.encoded())
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// An empty response, as the document gives for deletions and theme updates.
    static var noContent: Response {
        Response(status: .noContent)
    }
}
