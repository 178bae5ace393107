import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// The one HTTP client through which Assay fetches anything: spec URLs and external `$ref`s.
///
/// It enforces a ``FetchPolicy``: http and https only; every address of the host checked by
/// ``AddressGuard`` and the connection pinned to a checked address; connect and total
/// timeouts; a body size cap enforced while streaming; redirects followed by hand, at most
/// ``FetchPolicy/maxRedirects`` of them and never to another host or down to plain http.
public struct SpecFetcher: Sendable {
    public let policy: FetchPolicy

    /// Creates a fetcher with a policy.
    public init(policy: FetchPolicy) {
        self.policy = policy
    }

    /// Fetches `url` and returns the body and the final URL (after same-host redirects).
    public func fetch(_ url: URL) async throws(LoadError) -> (body: [UInt8], finalURL: URL) {
        var current = url
        for _ in 0...policy.maxRedirects {
            let outcome = try await fetchOnce(current)
            switch outcome {
            case .body(let bytes): return (bytes, current)
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw LoadError(.fetchFailed, "redirect to an invalid location \(location)", source: current.absoluteString)
                }
                guard next.host?.lowercased() == current.host?.lowercased(), next.port == current.port else {
                    throw LoadError(
                        .fetchFailed,
                        "redirect to another host (\(next.host ?? "?")) refused: only same-host redirects are followed",
                        source: current.absoluteString
                    )
                }
                if current.scheme?.lowercased() == "https", next.scheme?.lowercased() != "https" {
                    throw LoadError(.fetchFailed, "redirect from https to \(next.scheme ?? "?") refused", source: current.absoluteString)
                }
                current = next
            }
        }
        throw LoadError(.fetchFailed, "more than \(policy.maxRedirects) redirects", source: url.absoluteString)
    }

    private enum Outcome {
        case body([UInt8])
        case redirect(String)
    }

    private func fetchOnce(_ url: URL) async throws(LoadError) -> Outcome {
        let source = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw LoadError(.fetchFailed, "only http and https URLs can be fetched", source: source)
        }
        guard let host = url.host, !host.isEmpty else {
            throw LoadError(.fetchFailed, "the URL has no host", source: source)
        }
        let addresses: [String]
        do {
            addresses = try await AddressGuard.resolve(host)
        } catch {
            throw error.attributed(to: source)
        }
        if !policy.allowPrivateAddresses {
            for address in addresses {
                if let reason = AddressGuard.refusal(for: address) {
                    throw LoadError(
                        .blockedAddress,
                        "\(host) resolves to \(address), a \(reason) address; refused to prevent server-side request forgery (use --allow-private to allow it)",
                        source: source
                    )
                }
            }
        }

        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Int64(policy.connectTimeoutSeconds * 1000)),
                read: .milliseconds(Int64(policy.requestTimeoutSeconds * 1000))
            ),
            decompression: .disabled
        )
        // Connect to the address that was checked, not to whatever a second lookup returns.
        configuration.dnsOverride = [host: addresses[0]]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let outcome = try await perform(url, client: client, source: source)
            try? await client.shutdown()
            return outcome
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func perform(_ url: URL, client: HTTPClient, source: String) async throws(LoadError) -> Outcome {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json, application/yaml, application/x-yaml, text/yaml, */*;q=0.5")
        request.headers.add(name: "User-Agent", value: "assay/\(AssayVersion.current)")
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.requestTimeoutSeconds * 1000)))
            if (300..<400).contains(Int(response.status.code)) {
                guard let location = response.headers.first(name: "Location") else {
                    throw LoadError(.fetchFailed, "HTTP \(response.status.code) without a Location header", source: source)
                }
                return .redirect(location)
            }
            guard (200..<300).contains(Int(response.status.code)) else {
                throw LoadError(.fetchFailed, "HTTP \(response.status.code) \(response.status.reasonPhrase)", source: source)
            }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > policy.maxBytes {
                throw LoadError(.tooLarge, "the response is \(length) bytes, over the limit of \(policy.maxBytes) bytes", source: source)
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                if body.count + chunk.readableBytes > policy.maxBytes {
                    throw LoadError(.tooLarge, "the response is over the limit of \(policy.maxBytes) bytes", source: source)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return .body(body)
        } catch let error as LoadError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw LoadError(.fetchFailed, "timed out (\(error))", source: source)
        } catch {
            throw LoadError(.fetchFailed, "request failed: \(error)", source: source)
        }
    }
}
