internal import COpenSSL

/// Drains OpenSSL's thread-local error queue into one readable line.
func openSSLErrorQueue() -> String {
    var messages: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return messages.isEmpty ? "no OpenSSL error reported" : messages.joined(separator: "; ")
}

/// Runs one OpenSSL call that reports success as `1` and throws with the error queue otherwise.
///
/// Every OpenSSL call with that convention goes through here, so the error queue is read
/// immediately after the failing call, on the same thread.
func openSSLCall(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(CryptoError) {
    let result = body()
    guard result == 1 else {
        throw CryptoError(operation: operation(), reason: openSSLErrorQueue())
    }
}
