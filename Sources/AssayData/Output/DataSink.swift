#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `DataStream` to a file or to standard output, chunk by chunk.
public enum DataSink {
    /// Writes every chunk of `stream` with plain POSIX writes, never holding more than one
    /// chunk, and calls `progress` with the number of records written after each chunk.
    ///
    /// - Parameter path: the file to create or truncate (mode 0644 before the umask);
    ///   nil writes to standard output, which is left open.
    /// - Returns: the number of records written.
    /// - Throws: `DataError(.io)` naming the path when the file cannot be opened, written
    ///   or closed, or when the task is cancelled before the stream ends (the file is then
    ///   incomplete); the generator's own `DataError` when generation fails.
    public static func write(
        _ stream: DataStream,
        toPath path: String?,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws(DataError) -> Int {
        let target = path ?? "standard output"
        let descriptor: Int32
        if let path {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw DataError(.io, "cannot open \(path) for writing: \(errorText(errno))")
            }
        } else {
            descriptor = STDOUT_FILENO
        }
        var written = 0
        do throws(DataError) {
            for try await chunk in stream {
                let failure = writeAll(chunk.bytes, to: descriptor)
                if failure != 0 {
                    throw DataError(.io, "cannot write to \(target): \(errorText(failure))", details: ["\(written) records were written before the failure"])
                }
                written += chunk.recordCount
                progress(written)
            }
        } catch {
            if path != nil { close(descriptor) }
            throw error
        }
        if path != nil, close(descriptor) != 0 {
            throw DataError(.io, "cannot finish writing \(target): \(errorText(errno))")
        }
        if written < stream.count {
            throw DataError(.io, "writing to \(target) was cancelled after \(written) of \(stream.count) records; the output is incomplete")
        }
        return written
    }

    /// Writes all of `bytes`, resuming after short writes and interruptions; returns 0 or
    /// the `errno` of the failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            // Every pass either advances or fails; EINTR retries are bounded by signals.
            while offset < raw.count {
                let result = systemWrite(descriptor, base + offset, raw.count - offset)
                if result > 0 {
                    offset += result
                } else if result < 0, errno == EINTR {
                    continue
                } else {
                    return result == 0 ? EIO : errno
                }
            }
            return 0
        }
    }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// POSIX `write`, named apart from `DataSink.write`, which shadows it inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
