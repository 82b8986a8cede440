import PostgresStore
import Testing

/// Telling a connection from a path, and never showing a password.
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("postgresql:///newsroom", true),
        ("postgres://ana@db.example/newsroom", true),
        ("dbname=newsroom host=/tmp", true),
        ("host=db.example", true),
        ("newsroom.factsh", false),
        ("/tmp/dbname.factsh", false)
    ])
    func tellsConnectionsFromPaths(text: String, isConnection: Bool) {
        #expect(ConnectionString.isConnection(text) == isConnection)
    }

    @Test(arguments: [
        ("postgresql://ana:s3cret@db.example:5432/newsroom", "postgresql://ana@db.example:5432/newsroom"),
        ("postgresql://ana@db/x?password=s3cret&sslmode=require", "postgresql://ana@db/x?sslmode=require"),
        ("postgres:///x?host=/tmp&password=s3cret", "postgres:///x?host=/tmp"),
        ("dbname=x password=s3cret host=/tmp", "dbname=x host=/tmp"),
        ("dbname=x password='s3 cret' host=/tmp", "dbname=x host=/tmp"),
        ("postgresql:///x", "postgresql:///x")
    ])
    func removesThePassword(text: String, shown: String) {
        #expect(ConnectionString.redacted(text) == shown)
    }

    @Test func historyKeepsNoPassword() {
        #expect(ConnectionString.redactedWords(".open postgresql://ana:s3cret@db/x") == ".open postgresql://ana@db/x")
        #expect(ConnectionString.redactedWords(".open dbname=x password=s3cret") == ".open dbname=x")
        #expect(ConnectionString.redactedWords("swaps count") == "swaps count")
    }
}
