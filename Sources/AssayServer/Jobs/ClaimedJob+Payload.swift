import AssayStore

extension ClaimedJob {
    /// The job's payload as `T`; a payload that does not decode is a permanent failure (no
    /// retry will make it decode), named as `what` in the job's error.
    func payload<T: Decodable>(_ type: T.Type, what: String) throws -> T {
        do {
            return try decodePayload(T.self)
        } catch {
            throw JobError.permanent("the job's payload is not \(what): \(error)")
        }
    }
}
