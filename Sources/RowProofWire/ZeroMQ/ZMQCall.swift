internal import CZeroMQ

/// Runs one libzmq call that reports failure as `-1`, reading `zmq_errno()` at once and throwing.
///
/// Every libzmq call with that convention goes through here.
@discardableResult
func zmqCall(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(WireError) -> Int32 {
    let result = body()
    if result == -1 {
        let code = zmq_errno()
        throw WireError(operation: operation(), reason: String(cString: zmq_strerror(code)), errno: code)
    }
    return result
}

/// `EAGAIN`, as libzmq reports "no message now" on a non-blocking receive or a timeout.
let zmqEAGAIN: Int32 = 11
/// `ETERM`: the context was terminated.
let zmqETERM: Int32 = 156_384_712 + 53  // ZMQ_HAUSNUMERO + 53
