import AssayCore
import Foundation
import HTTPTypes
import OrderedCollections

/// What a verified delivery asks for: a look at the project's description, or nothing.
enum WebhookEvent: Sendable, Hashable {
    /// The description may have changed; a spec-change job is to look.
    case change(Change)
    /// Nothing to do, and why (a ping, a push to a branch the project does not follow).
    case ignored(reason: String)

    /// What a change event names.
    struct Change: Sendable, Hashable {
        /// The sender's name of the event (`push`, `Push Hook`, a Standard Webhooks `type`).
        var event: String?
        /// GitHub/GitLab: the pushed commit.
        var commit: String?
        /// GitHub/GitLab: the pushed ref.
        var ref: String?
        /// Generic: where to fetch the description instead of the project's source.
        var specURL: String?
    }

    /// The event of a delivery whose signature is already verified.
    ///
    /// Every body must be a JSON object (GitHub's form-encoded `payload=` too), so a sender
    /// misconfigured to send something else learns it at once.
    ///
    /// - Parameters:
    ///   - followedRef: The project's `specSource.ref`: pushes to other refs are ignored.
    /// - Throws: ``APIError`` 400 when the body is not UTF-8 JSON or lacks what its event needs.
    static func parse(source: WebhookSource, headers: HTTPFields, body: [UInt8], followedRef: String?) throws(APIError) -> WebhookEvent {
        let payload = try object(source: source, headers: headers, body: body)
        switch source {
        case .github:
            return try github(headers: headers, payload: payload, followedRef: followedRef)
        case .gitlab:
            return try gitlab(headers: headers, payload: payload, followedRef: followedRef)
        case .generic:
            let type = payload["type"]?.stringValue
            let specURL = try specURL(payload["specUrl"] ?? payload["data"]?["specUrl"])
            return .change(Change(event: type, specURL: specURL))
        case .apifox, .apidog:
            let event = source.eventHeader.flatMap { headers[$0] } ?? payload["event"]?.stringValue ?? payload["type"]?.stringValue
            return .change(Change(event: event.map { String($0.prefix(100)) }))
        }
    }

    // MARK: Sources

    private static func github(headers: HTTPFields, payload: JSONObject, followedRef: String?) throws(APIError) -> WebhookEvent {
        guard let event = headers[.xGitHubEvent] else { throw APIError.invalid("the X-GitHub-Event header is missing") }
        switch event {
        case "ping":
            return .ignored(reason: "ping: the webhook is set up; pushes will start jobs")
        case "push":
            let ref = try self.ref(payload)
            let after = try commit(payload["after"])
            if payload["deleted"] == .bool(true) || after == nil {
                return .ignored(reason: "the push deleted \(ref)")
            }
            if let reason = otherRef(ref, followedRef) { return .ignored(reason: reason) }
            return .change(Change(event: event, commit: after, ref: ref))
        default:
            return .ignored(reason: "the GitHub event '\(event.prefix(100))' does not change the API description; only push does")
        }
    }

    private static func gitlab(headers: HTTPFields, payload: JSONObject, followedRef: String?) throws(APIError) -> WebhookEvent {
        let event = headers[.xGitlabEvent] ?? ""
        guard event == "Push Hook" || event == "Tag Push Hook" else {
            return .ignored(reason: "the GitLab event '\(event.prefix(100))' does not change the API description; only pushes do")
        }
        let ref = try self.ref(payload)
        guard let commit = try commit(payload["checkout_sha"]) else {
            return .ignored(reason: "the push deleted \(ref)")
        }
        if let reason = otherRef(ref, followedRef) { return .ignored(reason: reason) }
        return .change(Change(event: event, commit: commit, ref: ref))
    }

    // MARK: Parts

    /// The body as a JSON object.
    private static func object(source: WebhookSource, headers: HTTPFields, body: [UInt8]) throws(APIError) -> JSONObject {
        var json = body
        if source == .github, headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            guard let payload = formPayload(body) else {
                throw APIError.invalid("a form-encoded GitHub delivery must have a payload= field")
            }
            json = payload
        }
        guard String(validating: json, as: UTF8.self) != nil else { throw APIError.invalid("the body is not UTF-8 text") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(json)
        } catch {
            throw APIError.invalid("the body is not valid JSON: \(error.message)")
        }
        guard let object = value.objectValue else { throw APIError.invalid("the body must be a JSON object") }
        return object
    }

    /// The `payload` field of an `application/x-www-form-urlencoded` body, decoded.
    private static func formPayload(_ body: [UInt8]) -> [UInt8]? {
        for field in body.split(separator: UInt8(ascii: "&")) where field.starts(with: Array("payload=".utf8)) {
            let encoded = field.dropFirst("payload=".utf8.count).map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
            return String(decoding: encoded, as: UTF8.self).removingPercentEncoding.map { Array($0.utf8) }
        }
        return nil
    }

    /// Why a push to `ref` is ignored when the project follows `followed`; `nil` when it follows it.
    private static func otherRef(_ ref: String, _ followed: String?) -> String? {
        guard let followed, !followed.isEmpty else { return nil }
        if ref == followed || ref == "refs/heads/\(followed)" || ref == "refs/tags/\(followed)" { return nil }
        return "the push is to \(ref.prefix(200)); the project follows \(followed)"
    }

    /// A push's ref: 1 to 256 bytes.
    private static func ref(_ payload: JSONObject) throws(APIError) -> String {
        guard let ref = payload["ref"]?.stringValue, (1...256).contains(ref.utf8.count) else {
            throw APIError.invalid("a push payload must have a ref of 1 to 256 bytes", details: .object(["field": "ref"]))
        }
        return ref
    }

    /// A pushed commit id (7 to 64 hex digits); `nil` when absent, null or Git's all-zero id,
    /// which a push deleting a ref carries.
    private static func commit(_ value: JSONValue?) throws(APIError) -> String? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue, (7...64).contains(text.utf8.count), text.utf8.allSatisfy({ $0.isHexDigit }) else {
            throw APIError.invalid("a pushed commit must be 7 to 64 hex digits", details: .object(["field": "commit"]))
        }
        return text.utf8.allSatisfy({ $0 == UInt8(ascii: "0") }) ? nil : text
    }

    /// A generic delivery's `specUrl`, which must be an absolute http(s) URL.
    private static func specURL(_ value: JSONValue?) throws(APIError) -> String? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue, text.utf8.count <= 2048, let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw APIError.invalid("specUrl must be an absolute http or https URL of at most 2048 bytes", details: .object(["field": "specUrl"]))
        }
        return text
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
