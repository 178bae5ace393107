import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The SSRF guard: resolves a host and says whether each address may be contacted.
///
/// Refused unless private addresses are allowed: loopback, RFC 1918 and other private
/// ranges, carrier-grade NAT, link-local (cloud metadata lives at 169.254.169.254),
/// unspecified, multicast, reserved and documentation ranges, IPv6 unique-local and
/// link-local, and IPv4-mapped or NAT64/6to4 IPv6 addresses (which reach IPv4 hosts
/// through an IPv6 literal). Every address a name resolves to must pass, so a DNS answer
/// mixing a public and a private address is refused too; the client then connects to
/// the checked address only (``SpecFetcher`` pins it), which closes the DNS-rebinding gap.
public enum AddressGuard {
    /// Why an address is refused, or `nil` when it is public.
    public static func refusal(for address: String) -> String? {
        if let v4 = parseIPv4(address) { return refusal(ipv4: v4) }
        if let v6 = parseIPv6(address) { return refusal(ipv6: v6) }
        return "not an IP address"
    }

    static func refusal(ipv4 bytes: [UInt8]) -> String? {
        let (a, b) = (bytes[0], bytes[1])
        switch a {
        case 0: return "unspecified or 'this network' (0.0.0.0/8)"
        case 10: return "private (10.0.0.0/8)"
        case 127: return "loopback (127.0.0.0/8)"
        case 100 where (64...127).contains(b): return "carrier-grade NAT (100.64.0.0/10)"
        case 169 where b == 254: return "link-local (169.254.0.0/16)"
        case 172 where (16...31).contains(b): return "private (172.16.0.0/12)"
        case 192 where b == 168: return "private (192.168.0.0/16)"
        case 192 where b == 0 && bytes[2] == 0: return "IETF protocol assignments (192.0.0.0/24)"
        case 192 where b == 0 && bytes[2] == 2: return "documentation (192.0.2.0/24)"
        case 198 where b == 18 || b == 19: return "benchmarking (198.18.0.0/15)"
        case 198 where b == 51 && bytes[2] == 100: return "documentation (198.51.100.0/24)"
        case 203 where b == 0 && bytes[2] == 113: return "documentation (203.0.113.0/24)"
        case 224...239: return "multicast (224.0.0.0/4)"
        case 240...255: return "reserved or broadcast (240.0.0.0/4)"
        default: return nil
        }
    }

    static func refusal(ipv6 bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 == 0 }) { return "unspecified (::)" }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "loopback (::1)" }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return "IPv4-mapped IPv6 (::ffff:0:0/96)"
        }
        if bytes[0..<12].allSatisfy({ $0 == 0 }) { return "IPv4-compatible IPv6 (::/96)" }
        if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B { return "NAT64 (64:ff9b::/96)" }
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return "6to4 (2002::/16)" }
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 { return "documentation (2001:db8::/32)" }
        if bytes[0] & 0xFE == 0xFC { return "unique local (fc00::/7)" }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "link-local (fe80::/10)" }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return "site-local (fec0::/10)" }
        if bytes[0] == 0xFF { return "multicast (ff00::/8)" }
        return nil
    }

    static func parseIPv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func parseIPv6(_ text: String) -> [UInt8]? {
        var trimmed = text
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") { trimmed = String(trimmed.dropFirst().dropLast()) }
        if let percent = trimmed.firstIndex(of: "%") { trimmed = String(trimmed[..<percent]) }
        var address = in6_addr()
        guard inet_pton(AF_INET6, trimmed, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// Resolves `host` with the system resolver; numeric forms (`127.1`, `0x7f000001`, `[::1]`) resolve too.
    public static func resolve(_ host: String) async throws(LoadError) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let result: Result<[String], LoadError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: getaddrinfoAddresses(bare))
            }
        }
        return try result.get()
    }

    private static func getaddrinfoAddresses(_ host: String) -> Result<[String], LoadError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc) || canImport(Musl)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            let reason = String(cString: gai_strerror(status))
            return .failure(LoadError(.fetchFailed, "cannot resolve host \(host): \(reason)"))
        }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let address = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(address) { addresses.append(address) }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(LoadError(.fetchFailed, "host \(host) resolves to no address")) : .success(addresses)
    }
}
