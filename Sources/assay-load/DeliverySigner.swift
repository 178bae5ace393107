import ArgumentParser
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// Makes Standard Webhooks deliveries: unique ids, the current time, HMAC-SHA256 over
/// `id.timestamp.body`.
struct DeliverySigner: Sendable {
    let key: SymmetricKey
    let bodySize: Int

    init(secret: String, bodySize: Int) throws {
        if secret.hasPrefix("whsec_") {
            guard let bytes = Data(base64Encoded: String(secret.dropFirst(6))) else {
                throw ValidationError("--secret: whsec_ must be followed by base64")
            }
            key = SymmetricKey(data: bytes)
        } else {
            key = SymmetricKey(data: Data(secret.utf8))
        }
        self.bodySize = bodySize
    }

    /// `count` signed requests with the ids `<idPrefix>-<n>`.
    func requests(count: Int, target: LoadTarget, idPrefix: String) -> [LoadRequest] {
        let timestamp = String(Int(Date().timeIntervalSince1970))
        return (0..<count).map { index in
            let id = "\(idPrefix)-\(index)"
            var text = #"{"type":"spec.updated","data":{"n":\#(index),"pad":""}}"#
            if text.utf8.count < bodySize {
                text = #"{"type":"spec.updated","data":{"n":\#(index),"pad":"\#(String(repeating: "x", count: bodySize - text.utf8.count))"}}"#
            }
            let body = Array(text.utf8)
            var mac = HMAC<SHA256>(key: key)
            mac.update(data: Array("\(id).\(timestamp).".utf8))
            mac.update(data: body)
            let signature = Data(mac.finalize()).base64EncodedString()
            var headers = HTTPHeaders()
            headers.add(name: "Host", value: "\(target.host):\(target.port)")
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.count))
            headers.add(name: "webhook-id", value: id)
            headers.add(name: "webhook-timestamp", value: timestamp)
            headers.add(name: "webhook-signature", value: "v1,\(signature)")
            return LoadRequest(
                head: HTTPRequestHead(version: .http1_1, method: .POST, uri: target.path, headers: headers),
                body: ByteBuffer(bytes: body)
            )
        }
    }
}

/// One request, ready to write.
struct LoadRequest: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer
}
