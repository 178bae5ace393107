import NIOConcurrencyHelpers

/// Wakes tasks that wait for work: ``wait(upTo:)`` returns when ``ring()`` is called, the time
/// is up or the task is cancelled.
///
/// A ring is also remembered until the next wait, so a ring between a worker's empty claim
/// and its wait is not lost.
final class Doorbell: Sendable {
    private enum Waiter {
        case preparing
        case fired
        case waiting(CheckedContinuation<Void, Never>)
    }

    private struct State {
        var pending = false
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Wakes every waiter (or the next one, if none waits).
    func ring() {
        let ids = state.withLockedValue { state -> [Int] in
            // Also remembered for a waiter that is about to wait: at worst one early wake.
            state.pending = true
            return Array(state.waiters.keys)
        }
        for id in ids {
            fire(id)
        }
    }

    /// Waits for a ring, at most `duration`.
    func wait(upTo duration: Duration) async {
        let id = state.withLockedValue { state -> Int? in
            if state.pending {
                state.pending = false
                return nil
            }
            state.nextID += 1
            state.waiters[state.nextID] = .preparing
            return state.nextID
        }
        guard let id else { return }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: duration)
            self?.fire(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if case .fired = state.waiters[id] {
                        state.waiters[id] = nil
                        return true
                    }
                    state.waiters[id] = .waiting(continuation)
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            fire(id)
        }
        timer.cancel()
    }

    private func fire(_ id: Int) {
        let continuation = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            switch state.waiters[id] {
            case .preparing:
                state.waiters[id] = .fired
                return nil
            case .waiting(let continuation):
                state.waiters[id] = nil
                return continuation
            case .fired, nil:
                return nil
            }
        }
        continuation?.resume()
    }
}
