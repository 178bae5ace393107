public import AssayCore
import Foundation
public import OrderedCollections

/// A request with its values bound: literals from the data engine or values captured by
/// earlier steps.
public struct RequestTemplate: Sendable, Hashable {
    public var method: HTTPMethod
    /// The path template as the description writes it: `/pets/{petId}`.
    public var path: String
    /// Path template variables by name.
    public var pathParameters: [Parameter]
    /// Query parameters in order; an array value repeats the name (`form`, `explode`) or is
    /// joined with commas, as ``Parameter/explode`` says.
    public var query: [Parameter]
    public var headers: [Parameter]
    public var cookies: [Parameter]
    public var body: Body?
    /// Which credentials to send.
    public var credentials: Credentials
    /// The name of a captured URL reference (a `Location` header) the request goes to
    /// instead of the base URL and ``path``: resolved against the base URL, and refused
    /// when it leaves the API's scheme, host and port.
    public var follow: String?

    public init(
        method: HTTPMethod,
        path: String,
        pathParameters: [Parameter] = [],
        query: [Parameter] = [],
        headers: [Parameter] = [],
        cookies: [Parameter] = [],
        body: Body? = nil,
        credentials: Credentials = .configured,
        follow: String? = nil
    ) {
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.credentials = credentials
        self.follow = follow
    }

    /// A named value sent with the request.
    /// The parameters this request sends in `location`.
    public func parameters(in location: AssayCore.Parameter.Location) -> [Parameter] {
        switch location {
        case .path: return pathParameters
        case .query: return query
        case .header: return headers
        case .cookie: return cookies
        }
    }

    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: PlanValue
        /// For arrays in a query: one `name=value` pair per item (`true`) or one
        /// comma-joined value (`false`).
        public var explode: Bool

        public init(name: String, value: PlanValue, explode: Bool = true) {
            self.name = name
            self.value = value
            self.explode = explode
        }
    }

    /// A request body.
    public struct Body: Sendable, Hashable {
        /// How the value travels.
        public enum Encoding: String, Sendable, Hashable {
            /// The value as JSON text.
            case json
            /// An object as `application/x-www-form-urlencoded` fields.
            case form
            /// An object as `multipart/form-data` parts.
            case multipart
            /// A string sent as it is.
            case text
        }

        /// The `Content-Type` header sent.
        public var contentType: String
        public var encoding: Encoding
        public var value: PlanValue

        public init(contentType: String, encoding: Encoding, value: PlanValue) {
            self.contentType = contentType
            self.encoding = encoding
            self.value = value
        }

        /// A form or multipart body's fields as text: scalars as they travel, nested values
        /// as JSON; a body that is not an object is one field named `value`.
        public static func formFields(_ value: JSONValue) -> JSONObject {
            guard case .object(let object) = value else { return ["value": .string(value.wireText)] }
            var fields: JSONObject = [:]
            for (key, member) in object {
                switch member {
                case .array, .object: fields[key] = .string(JSONWriter().string(member))
                default: fields[key] = .string(member.wireText)
                }
            }
            return fields
        }
    }

    /// The credentials a request carries.
    public enum Credentials: String, Sendable, Hashable {
        /// The credentials configured for the run (environment variables or flags).
        case configured
        /// None at all: the missing-credentials error case.
        case none
        /// Present but wrong: the invalid-credentials error case.
        case invalid
    }
}

/// A value in a request: a literal, or a value an earlier step captured.
public enum PlanValue: Sendable, Hashable {
    case literal(JSONValue)
    /// The value captured under this name (``Capture/name``).
    case captured(String)
}
