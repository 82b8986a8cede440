import CLibpq

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection to a PostgreSQL server through libpq, with just what factsh needs: statements
/// with their values as parameters, rows streamed one at a time, `COPY ... FROM STDIN`, and
/// cancelling a running statement on the server. The one file that imports libpq: no C type
/// leaves it, and every error is one line without the connection's password.
package final class PostgresConnection {
    package typealias Failure = PostgresFailure

    private var handle: OpaquePointer?
    /// The connection string as it may be shown.
    package let displayName: String

    /// Connects, or fails with libpq's reason on one line. Dates are asked for in ISO form and
    /// text in UTF-8, whatever the server's defaults.
    package init(_ connection: String) throws(Failure) {
        displayName = ConnectionString.redacted(connection)
        handle = PQconnectdb(connection)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let reason = handle.map { Self.oneLine(String(cString: PQerrorMessage($0))) } ?? "out of memory"
            PQfinish(handle)
            handle = nil
            throw Failure(message: "cannot connect to '\(displayName)': \(reason)")
        }
        PQsetClientEncoding(handle, "UTF8")
        try execute("SET DateStyle = ISO")
        try execute("SET extra_float_digits = 1")
        // The server's notices and warnings ("table does not exist, skipping", "terminating
        // connection due to immediate shutdown") would go to stderr raw; errors say what matters.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// Runs one statement with `parameters` as `$1`, `$2`, ... (never spliced into the text)
    /// and returns its rows as text, for small results: the catalogue, counts, plans.
    @discardableResult
    package func execute(_ sql: String, _ parameters: [String?] = []) throws(Failure) -> [[String?]] {
        let result = withParameters(parameters) { values, lengths in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, lengths, nil, 0)
        }
        defer { PQclear(result) }
        try check(result)
        return (0..<PQntuples(result)).map { row in (0..<PQnfields(result)).map { Self.text(result, row, $0) } }
    }

    /// Runs a query and hands each row to `row` as it arrives (libpq's single-row mode), so a
    /// large result is never held twice. While it waits it asks `isCancelled`, and when that
    /// turns true it cancels the statement on the server (PQcancel) and fails with "interrupted".
    package func stream(
        _ sql: String, _ parameters: [String?] = [], isCancelled: () -> Bool,
        row: ([String?]) throws(Failure) -> Void
    ) throws(Failure) {
        let sent = withParameters(parameters) { values, lengths in
            PQsendQueryParams(handle, sql, Int32(parameters.count), nil, values, lengths, nil, 0)
        }
        guard sent == 1 else { throw connectionFailure() }
        PQsetSingleRowMode(handle)
        var failure: Failure?
        var cancelled = false
        var cells: [String?] = []
        while true {
            // Wait for the server in short steps, so Ctrl-C is noticed while it works.
            while PQisBusy(handle) == 1 {
                if !cancelled, isCancelled() {
                    cancelled = true
                    cancel()
                }
                var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 100)
                guard PQconsumeInput(handle) == 1 else { throw connectionFailure() }
            }
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE where failure == nil:
                cells.removeAll(keepingCapacity: true)
                for column in 0..<PQnfields(result) { cells.append(Self.text(result, 0, column)) }
                do { try row(cells) } catch {
                    // Stop the statement; the rest of its results are read and dropped below.
                    failure = error
                    cancel()
                }
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK: break
            default:
                if failure == nil {
                    failure = cancelled ? Failure(message: "interrupted") : resultFailure(result)
                }
            }
        }
        if let failure { throw failure }
        guard PQstatus(handle) == CONNECTION_OK else { throw connectionFailure() }
    }

    /// `COPY ... FROM STDIN` with the data `fill` writes, a chunk at a time, into one buffer
    /// reused for every chunk; `fill` returns false after the last one. Returns the rows
    /// copied. A failed copy adds nothing, and its error says which line of the data it was
    /// at. When `isCancelled` turns true between chunks the copy is abandoned ("interrupted").
    @discardableResult
    package func copy(_ sql: String, isCancelled: () -> Bool = { false }, fill: (inout [UInt8]) -> Bool) throws(Failure) -> Int {
        try beginCopy(sql)
        var chunk: [UInt8] = []
        var more = true
        while more {
            if isCancelled() {
                _ = try? endCopy(abandoning: "interrupted")
                throw Failure(message: "interrupted")
            }
            chunk.removeAll(keepingCapacity: true)
            more = fill(&chunk)
            do { try putCopyData(chunk) } catch { break }
        }
        return try endCopy()
    }

    /// Starts `COPY ... FROM STDIN`: the data follows with `putCopyData`, and `endCopy` ends it.
    package func beginCopy(_ sql: String) throws(Failure) {
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            try check(start)
            throw Failure(message: "the server did not start the copy")
        }
    }

    /// Sends rows of a copy in `COPY`'s text format. libpq returns once they are in the
    /// socket's buffer, so the server reads them while the caller prepares the next.
    package func putCopyData(_ bytes: [UInt8]) throws(Failure) {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(handle, $0, Int32(buffer.count)) }
            } ?? 1
        }
        // The server's reason, when it has one, comes with `endCopy`.
        guard sent == 1 else { throw connectionFailure() }
    }

    /// Ends a copy: returns the rows the server added, or, when `abandoning` gives a reason,
    /// has the server throw the copy away and fails with that reason.
    @discardableResult
    package func endCopy(abandoning reason: String? = nil) throws(Failure) -> Int {
        PQputCopyEnd(handle, reason)
        var failure: Failure? = reason.map { Failure(message: $0) }
        var count = 0
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                count = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = resultFailure(result)
            }
        }
        if let failure { throw failure }
        return count
    }

    /// True while the server is reachable as far as libpq knows.
    package var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Asks the server to stop the statement this connection is running.
    private func cancel() {
        guard let token = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(token) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(token, &buffer, Int32(buffer.count))
    }

    private func check(_ result: OpaquePointer?) throws(Failure) {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return
        default: throw result == nil ? connectionFailure() : resultFailure(result)
        }
    }

    /// The server's message, its primary text only (the detail and context are for the line).
    /// An error without an SQLSTATE is libpq's own: the connection is gone.
    private func resultFailure(_ result: OpaquePointer?) -> Failure {
        guard PQstatus(handle) == CONNECTION_OK, PQresultErrorField(result, Int32(UInt8(ascii: "C"))) != nil,
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M")))
        else {
            return connectionFailure()
        }
        var failure = Failure(message: Self.oneLine(String(cString: primary)))
        if let context = PQresultErrorField(result, Int32(UInt8(ascii: "W"))) {
            // "COPY t, line 3, column a: ..."
            let text = String(cString: context)
            if let range = text.firstRange(of: ", line ") {
                failure.copyLine = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
        }
        return failure
    }

    private func connectionFailure() -> Failure {
        // libpq may say the same thing twice, once per attempt to read.
        var reasons: [String] = []
        for reason in Self.oneLine(String(cString: PQerrorMessage(handle))).split(separator: "; ").map(String.init) where !reasons.contains(reason) {
            reasons.append(reason)
        }
        let reason = reasons.joined(separator: "; ")
        return Failure(message: "the connection to '\(displayName)' was lost (\(reason)); .open reconnects", lostConnection: true)
    }

    /// libpq's messages end in a newline and may span lines: one line, without the
    /// `ERROR:` or `FATAL:` prefix a line of factsh already says in its own way.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    private static func text(_ result: OpaquePointer?, _ row: Int32, _ column: Int32) -> String? {
        guard PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column) else { return nil }
        return String(cString: value)
    }

    /// Passes parameters to libpq as C strings, null for SQL NULL.
    private func withParameters<Result>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?], [Int32]) -> Result) -> Result {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } }, parameters.map { Int32($0?.utf8.count ?? 0) })
    }
}
