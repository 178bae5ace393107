import AssayCore
import AssayStore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OrderedCollections

/// Fetches a project's API description from where its settings say it lives: a URL, a file
/// at a commit of a GitHub or GitLab repository, or an ApiFox or Apidog project's OpenAPI
/// export. Every call goes through the circuit breaker of its host, refuses private and
/// loopback addresses unless the server allows them, follows no redirect and reads at most
/// the spec body limit.
struct SpecSourceFetcher: Sendable {
    let dependencies: ServerDependencies

    /// One outbound request.
    struct Call: Sendable {
        var url: URL
        var method: NIOHTTP1.HTTPMethod = .GET
        var headers: [(String, String)] = []
        var body: String?
        /// Where the bytes came from, for the spec version's `source`.
        var label: String
        /// The answer may wrap the document as `{"success": …, "data": {…}}` (as some
        /// ApiFox/Apidog deployments do); the document inside is what is kept.
        var unwrapsEnvelope = false
    }

    /// The bytes of the description and where they came from.
    func fetch(project: Project, job: SpecChangeJob) async throws -> (bytes: [UInt8], source: String) {
        let call = try Self.call(project: project, job: job)
        guard let host = call.url.host?.lowercased() else { throw JobError.permanent("the spec URL \(call.url) has no host") }
        let key = "spec:\(host)"
        return try await dependencies.breaker.run(key) {
            let bytes = try await perform(call, host: host)
            return (call.unwrapsEnvelope ? Self.unwrapped(bytes) : bytes, call.label)
        }
    }

    /// The OpenAPI document inside an export envelope (`{"data": {"openapi": …}}`), or
    /// `bytes` as they are when they are not one.
    static func unwrapped(_ bytes: [UInt8]) -> [UInt8] {
        guard let object = try? JSONValue.parse(bytes).objectValue, object["openapi"] == nil, object["swagger"] == nil,
            let data = object["data"], let inner = data.objectValue, inner["openapi"] != nil || inner["swagger"] != nil
        else { return bytes }
        return JSONWriter().bytes(data)
    }

    /// The request that fetches the description for `job` in `project`.
    static func call(project: Project, job: SpecChangeJob) throws -> Call {
        if let text = job.specURL {
            guard let url = URL(string: text) else { throw JobError.permanent("'\(text)' is not a URL") }
            return Call(url: url, label: text)
        }
        guard let source = project.settings.specSource else {
            throw JobError.permanent("project '\(project.slug)' has no spec source in its settings: set settings.specSource or upload the description")
        }
        let token = source.accessToken
        switch source.kind {
        case "url":
            guard let text = source.url, let url = URL(string: text) else { throw JobError.permanent("the project's spec source has no valid url") }
            return Call(url: url, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [], label: text)
        case "github":
            let ref = job.commit ?? source.ref ?? "HEAD"
            let base = (source.url ?? "https://raw.githubusercontent.com").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let repository = source.repository ?? ""
            let path = (source.path ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard let url = URL(string: "\(base)/\(repository)/\(ref)/\(path)") else { throw JobError.permanent("cannot form the GitHub URL of \(repository)/\(path)") }
            return Call(url: url, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [], label: "github:\(repository)@\(ref)/\(path)")
        case "gitlab":
            let ref = job.commit ?? source.ref ?? "HEAD"
            let base = (source.url ?? "https://gitlab.com").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let repository = source.repository ?? ""
            let path = source.path ?? ""
            let encode: (String) -> String = { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? $0 }
            guard let url = URL(string: "\(base)/api/v4/projects/\(encode(repository))/repository/files/\(encode(path))/raw?ref=\(encode(ref))") else {
                throw JobError.permanent("cannot form the GitLab URL of \(repository)/\(path)")
            }
            return Call(url: url, headers: token.map { [("PRIVATE-TOKEN", $0)] } ?? [], label: "gitlab:\(repository)@\(ref)/\(path)")
        case "apifox", "apidog":
            // Both tools export a project as OpenAPI with a POST to their open API
            // (`/v1/projects/{projectId}/export-openapi`, API version 2024-03-28, as their open
            // API documents publish it), authorised by a bearer access token.
            let base = (source.url ?? (source.kind == "apifox" ? "https://api.apifox.com" : "https://api.apidog.com"))
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let id = source.externalProjectID ?? ""
            guard let url = URL(string: "\(base)/v1/projects/\(id)/export-openapi") else { throw JobError.permanent("cannot form the \(source.kind) export URL") }
            var headers: [(String, String)] = [("Content-Type", "application/json")]
            if let token { headers.append(("Authorization", "Bearer \(token)")) }
            headers.append((source.kind == "apifox" ? "X-Apifox-Api-Version" : "X-Apidog-Api-Version", "2024-03-28"))
            let extensions = source.kind == "apifox" ? "includeApifoxExtensionProperties" : "includeApidogExtensionProperties"
            return Call(
                url: url, method: .POST, headers: headers,
                body: #"{"scope":{"type":"ALL"},"options":{""# + extensions + #"":false},"oasVersion":"3.1","exportFormat":"JSON"}"#,
                label: "\(source.kind):\(id)", unwrapsEnvelope: true)
        default:
            throw JobError.permanent("unknown spec source kind '\(source.kind)'")
        }
    }

    private func perform(_ call: Call, host: String) async throws -> [UInt8] {
        guard let scheme = call.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw JobError.permanent("only http and https sources can be fetched, not \(call.url)")
        }
        let addresses = try await AddressGuard.resolve(host)
        if !dependencies.configuration.allowPrivateNetworks {
            for address in addresses {
                if let reason = AddressGuard.refusal(for: address) {
                    throw JobError.permanent("\(host) resolves to \(address), a \(reason) address; the server does not fetch from private networks")
                }
            }
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(30)), decompression: .disabled)
        // Connect to the address that was checked, not to whatever a second lookup returns.
        configuration.dnsOverride = [host: addresses[0]]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            var request = HTTPClientRequest(url: call.url.absoluteString)
            request.method = call.method
            request.headers.add(name: "User-Agent", value: "assay/\(AssayVersion.current)")
            request.headers.add(name: "Accept", value: "application/json, application/yaml, text/yaml, */*;q=0.5")
            for (name, value) in call.headers { request.headers.add(name: name, value: value) }
            if let body = call.body { request.body = .bytes(ByteBuffer(string: body)) }
            let response = try await client.execute(request, timeout: .seconds(60))
            let status = Int(response.status.code)
            let limit = dependencies.configuration.maxSpecBody
            guard (200..<300).contains(status) else {
                _ = try? await response.body.collect(upTo: 64 << 10)
                let message = "fetching \(call.label) answered HTTP \(status)"
                // 4xx other than 408/429 will not change by retrying.
                throw (400..<500).contains(status) && status != 408 && status != 429 ? JobError.permanent(message) : JobError.transient(message)
            }
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: limit)
            } catch {
                throw JobError.permanent("\(call.label) is larger than \(limit) bytes")
            }
            try? await client.shutdown()
            return Array(body.readableBytesView)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
