import Crypto
import Foundation
import HTTPTypes

/// A hex HMAC of the raw body in one header, optionally prefixed by the algorithm's name:
/// GitHub's `X-Hub-Signature-256: sha256=<hex>`, and the schemes assumed for ApiFox
/// (`X-Apifox-Signature`, HMAC-SHA256) and Apidog (`X-Apidog-Signature`, HMAC-SHA1).
struct HexHMACVerifier: WebhookVerifier {
    enum Algorithm: Sendable {
        case sha256
        case sha1

        var byteCount: Int {
            switch self {
            case .sha256: 32
            case .sha1: 20
            }
        }
    }

    /// The header the signature is in.
    let header: HTTPField.Name
    /// What may precede the hex digits (`sha256=`), matched without regard to case.
    let prefix: String
    let algorithm: Algorithm

    func verify(headers: HTTPFields, body: [UInt8], secret: String, now: Date) throws(APIError) {
        let name = header.rawName
        guard let value = headers[header] else { throw .signatureMissing(name) }
        var text = Substring(value).trimmingCharacters(in: .whitespaces)[...]
        if text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        guard let signature = Self.bytes(hex: text), signature.count == algorithm.byteCount else {
            throw .signatureMismatch(name, "must be \(prefix)<\(algorithm.byteCount * 2) hex digits>")
        }
        let key = SymmetricKey(data: Array(secret.utf8))
        let valid =
            switch algorithm {
            case .sha256: HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: body, using: key)
            case .sha1: HMAC<Insecure.SHA1>.isValidAuthenticationCode(signature, authenticating: body, using: key)
            }
        guard valid else { throw .signatureMismatch(name) }
    }

    /// The bytes of an even number of hex digits; `nil` for anything else.
    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0, digits.count <= 256 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
