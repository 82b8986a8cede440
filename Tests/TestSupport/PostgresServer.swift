import Foundation

/// A throwaway PostgreSQL 15 server for the tests: `initdb` and `pg_ctl` on a fresh data
/// directory in a temporary folder, listening on a unix socket in that folder only. Started once
/// per test process (the first test that asks) and stopped when the process exits; each test
/// takes a database of its own, so tests stay independent and can run in parallel.
///
/// PostgreSQL refuses to run as root: then the server runs as the `postgres` user that the
/// Debian package creates, and the folder belongs to it.
public final class PostgresServer: Sendable {
    public static let binaries = "/usr/lib/postgresql/15/bin"
    /// The folder holding the data directory, the socket and the log.
    public let directory: String
    private let counter = Counter()

    /// The one server of this test process, or the reason it could not start.
    public static let shared: Result<PostgresServer, StartFailure> = {
        do {
            let server = try PostgresServer()
            atexit { if case .success(let server) = PostgresServer.shared { server.discard() } }
            return .success(server)
        } catch let failure as StartFailure {
            return .failure(failure)
        } catch {
            return .failure(StartFailure(message: "\(error)"))
        }
    }()

    public struct StartFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A server of the caller's own, for a test that stops it; the caller stops it at the end.
    public static func startOwn() throws -> PostgresServer { try PostgresServer() }

    private init() throws {
        let base = "/tmp/factsh-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        directory = base + "/pg"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(base, 0o755)
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else { throw StartFailure(message: "running as root, and there is no 'postgres' user to run the server") }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        try Self.run(["\(Self.binaries)/initdb", "-D", directory + "/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"])
        // Everyone is trusted but `secret`, who must give a password: the bad-password test.
        let hba = directory + "/data/pg_hba.conf"
        let rules = try String(contentsOfFile: hba, encoding: .utf8)
        try ("local all \(Self.passwordUser) scram-sha-256\n" + rules).write(toFile: hba, atomically: false, encoding: .utf8)
        try restart()
        try psql("CREATE ROLE \(Self.passwordUser) LOGIN PASSWORD '\(Self.password)'")
    }

    /// A role that logs in only with `password`.
    public static let passwordUser = "secret"
    public static let password = "right-horse-battery"

    /// A connection URI for the server's database `name` (or its `postgres` database).
    public func uri(database: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(directory)&user=postgres"
    }

    /// A fresh, empty database of its own for one test; returns its connection URI.
    public func createDatabase() throws -> String {
        let name = "t_\(getpid())_\(counter.next())"
        try psql("CREATE DATABASE \(name)")
        return uri(database: name)
    }

    /// Runs SQL through psql as a person at the server would; what it printed.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try Self.run(["\(Self.binaries)/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", uri(database: database), "-c", sql], asServerUser: false)
    }

    /// Stops the server at once (the tests' data is thrown away).
    public func stop() {
        _ = try? Self.run(["\(Self.binaries)/pg_ctl", "-D", directory + "/data", "-m", "immediate", "stop"])
    }

    /// Stops the server and removes its folder.
    public func discard() {
        stop()
        try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent)
    }

    /// Starts it again after `stop`, on the same socket.
    public func restart() throws {
        try Self.run(["\(Self.binaries)/pg_ctl", "-D", directory + "/data", "-o", "-c listen_addresses='' -k \(directory) -c fsync=off", "-l", directory + "/log", "-w", "start"])
    }

    /// Runs a command and waits for it, its output in a file. Not through Foundation's
    /// `Process`: it learns of a child's end from a descriptor the child holds, which the server
    /// that `pg_ctl` leaves running inherits, so it would wait for the server to stop.
    @discardableResult
    private static func run(_ arguments: [String], asServerUser: Bool = true) throws -> String {
        let command = (asServerUser && getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + arguments
        let outputPath = "/tmp/factsh-pg-output-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(outputPath) }
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system("cd /tmp && " + quoted + " > " + outputPath + " 2>&1 < /dev/null")
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw StartFailure(message: "\(arguments.joined(separator: " ")) failed: \(text)") }
        return text
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
