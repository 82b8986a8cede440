import FactStore
import Foundation
import TestSupport
import Testing

@testable import FactShell

@Suite struct SessionFileTests {
    @Test func saveThenOpenGivesBackEveryRelationAndOrigin() throws {
        let directory = temporaryDirectory()
        FileManagerShim.write("id,when,q,ok,note\n1,2025-01-02,≥3,true,\"a, b\"\n2,,~4,false,\n", to: "\(directory)/data.csv")
        let (session, output) = makeSession()
        session.run(".load \(directory)/data.csv\nlet total = swaps sum released\nadd extra d = 2 days, n = 1.5\n.save \(directory)/s.factsh")
        #expect(output.diagnostics == "")
        let (reopened, reopenedOutput) = try expectRoundTrip(session, through: "\(directory)/s.factsh")
        #expect(reopened.environment.bindingNames == ["total"])
        reopened.run("mentions where event = \"release\" and qualifier = \"exact\" sum value\n.why")
        #expect(reopenedOutput.results.contains("“Both sides confirmed that [303] soldiers"))
    }

    @Test func otherToolsReadTheFile() throws {
        let directory = temporaryDirectory()
        let (session, _) = makeSession()
        session.run(".save \(directory)/s.db")
        let text = try SQLiteTool.run("\(directory)/s.db", "select sum(released) from swaps; select killed, killed_qualifier from attacks;")
        #expect(text == "1000\n12.0|at_least\n")
    }

    @Test func failuresLeaveNothingBehindAndChangeNothing() {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".save /nonexistent-dir/s.db")
        #expect(output.diagnostics.contains("cannot save to '/nonexistent-dir/s.db'"))
        FileManagerShim.write("not a database", to: "\(directory)/junk.db")
        session.run(".open \(directory)/junk.db\n.open \(directory)/missing.db")
        #expect(output.diagnostics.contains("cannot open '\(directory)/junk.db' as a factsh session"))
        #expect(output.diagnostics.contains("missing.db"))
        #expect(session.environment.catalog["swaps"]?.rowCount == 3, "a failed open keeps the session")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory)) == ["junk.db"])
    }

    // Files written or edited by another program: each structural problem is an error that
    // names the table, row and column, or a value read correctly; a failed .open keeps the facts.

    @Test func aTableWithoutOriginColumnsOpensWithoutOrigins() throws {
        let path = try savedDemo(
            """
            CREATE TABLE t2 AS SELECT date, released, who FROM swaps; DROP TABLE swaps; ALTER TABLE t2 RENAME TO swaps;
            """)
        let (session, output) = makeSession(demo: false)
        session.run(".open \(path)")
        #expect(output.diagnostics == "")
        let swaps = try #require(session.environment.relation(named: "swaps"))
        #expect(swaps.rowCount == 3)
        #expect((0..<3).allSatisfy { swaps.origins[$0] == nil })
        #expect(session.environment.relation(named: "attacks")?.origins[0] != nil)
    }

    @Test(arguments: [
        (
            "UPDATE attacks SET killed = 'dozens' WHERE rowid = 1",
            "table 'attacks' (of 'attacks'): row 1, column 'killed': the text \"dozens\" where a quantity's number belongs"
        ),
        (
            "UPDATE attacks SET killed_qualifier = 'bogus'",
            "table 'attacks' (of 'attacks'): row 1, column 'killed_qualifier': the text \"bogus\" where a qualifier (exact, at_least"
        ),
        ("UPDATE attacks SET killed_upper = 'x'", "row 1, column 'killed_upper': the text \"x\" where a range's upper end belongs"),
        (
            "UPDATE factsh_fields SET type = 'blob' WHERE name = 'who'",
            "table 'factsh_fields', row 3: the type of field 'who' of 'swaps' is the text \"blob\", not one of null, int"
        ),
        ("UPDATE swaps SET released = 'many' WHERE rowid = 2", "table 'swaps' (of 'swaps'): row 2, column 'released': the text \"many\" where an int belongs"),
        ("UPDATE swaps SET date = '2025-13-01' WHERE rowid = 3", "row 3, column 'date': the text \"2025-13-01\" where a date written YYYY-MM-DD belongs"),
        ("UPDATE swaps SET who = x'00ff'", "row 1, column 'who': a blob where a string belongs"),
        ("UPDATE swaps SET who = CAST(x'ff' AS TEXT)", "row 1, column 'who': text that is not valid UTF-8 where a string belongs"),
        ("UPDATE attacks SET drones = 1e999", "row 1, column 'drones': the real inf where an int belongs"),
        ("ALTER TABLE swaps DROP COLUMN who", "table 'swaps' (of 'swaps'): there is no column 'who' for field 'who'"),
        ("ALTER TABLE attacks DROP COLUMN killed_upper", "there is no column 'killed_upper' for field 'killed'"),
        ("DROP TABLE claims", "table 'claims' (of 'claims'): there is no such table"),
        ("UPDATE swaps SET factsh_origin_line = 'x'", "row 1: the origin the text \"demo/founding-facts.fq\", the text \"x\" is not a source and a line"),
        ("UPDATE factsh_relations SET kind = 'table' WHERE name = 'swaps'", "table 'factsh_relations', row 1: the kind of 'swaps' is the text \"table\""),
        (
            "INSERT INTO factsh_fields SELECT relation, 9, name, type, table_name, column_name FROM factsh_fields WHERE name = 'who'",
            "'swaps' has two fields named 'who'"
        ),
        ("ALTER TABLE factsh_fields DROP COLUMN type", "table 'factsh_fields' has no column 'type'"),
        ("DROP TABLE factsh_relations", "it has no table 'factsh_relations'")
    ])
    func editedFilesAreRefusedByName(edit: String, message: String) throws {
        let path = try savedDemo(edit)
        let (session, output) = makeSession()
        session.run("let kept = 1")
        let before = session.environment.allNames
        session.run(".open \(path)")
        #expect(output.diagnostics.contains("cannot open '\(path)' as a factsh session: "), "\(output.diagnostics)")
        #expect(output.diagnostics.contains(message), "\(output.diagnostics)")
        #expect(session.environment.allNames == before, "a failed open keeps the session")
        #expect(session.environment.relation(named: "swaps")?.rowCount == 3)
    }

    @Test func editedValuesThatStillMeanAValueAreRead() throws {
        let path = try savedDemo(
            """
            UPDATE attacks SET killed_qualifier = NULL WHERE rowid = 1;
            CREATE TABLE c2 AS SELECT date, claimant, subject, value, unit FROM claims; DROP TABLE claims; ALTER TABLE c2 RENAME TO claims;
            UPDATE claims SET value = 7.0, subject = 12;
            """)
        let (session, output) = makeSession(demo: false)
        session.run(".open \(path)")
        #expect(output.diagnostics == "")
        #expect(session.environment.relation(named: "attacks")?.columns[3][0] == .quantity(Quantity(12)))
        let claims = try #require(session.environment.relation(named: "claims"))
        #expect(claims.column(named: "value")?[0] == .int(7))
        #expect(claims.column(named: "subject")?[0] == .string("12"))
    }

    @Test(arguments: [
        "SELECT '2025-05-23' AS date, x AS released, 'a' AS who FROM n",
        "SELECT '2025-05-23' AS date, x AS released, 'a' AS who FROM n WHERE x < 0"
    ])
    func aViewThatNeverEndsIsStopped(select: String) throws {
        let path = try savedDemo(
            """
            DROP TABLE swaps; CREATE VIEW swaps AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) \(select);
            """)
        let (session, output) = makeSession()
        let start = ContinuousClock.now
        session.run(".open \(path)")
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(output.diagnostics.contains("table 'swaps' (of 'swaps'): reading it took more work than a file of its size can need"), "\(output.diagnostics)")
        #expect(session.environment.relation(named: "swaps")?.rowCount == 3)
    }

    @Test func aViewThatEndsIsRead() throws {
        let path = try savedDemo(
            """
            CREATE TABLE s2 AS SELECT * FROM swaps; DROP TABLE swaps; CREATE VIEW swaps AS SELECT * FROM s2 ORDER BY released;
            """)
        let (session, output) = makeSession(demo: false)
        session.run(".open \(path)\nswaps sum released")
        #expect(output.diagnostics == "")
        #expect(output.results.hasSuffix("1000\n"))
    }

    @Test func openRefusesWhatIsNotAFile() throws {
        let directory = temporaryDirectory()
        #expect(mkfifo("\(directory)/fifo", 0o600) == 0)
        let (session, output) = makeSession()
        for (path, reason) in [
            ("\(directory)/fifo", "it is a FIFO (named pipe), not a file"), ("/dev/zero", "it is a device, not a file"),
            (directory, "it is a directory")
        ] {
            #expect(!session.run(".open \(path)"))
            #expect(output.diagnostics.contains("cannot open '\(path)' as a factsh session: \(reason)"), "\(output.diagnostics)")
        }
        #expect(session.environment.relation(named: "swaps")?.rowCount == 3)
    }

    @Test func nulBytesInValuesRoundTrip() throws {
        let directory = temporaryDirectory()
        FileManagerShim.write(#"[{"a":"x\u0000y","b":1}]"#, to: "\(directory)/nul.json")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/nul.json")
        #expect(output.diagnostics == "")
        #expect(session.environment.relation(named: "nul")?.column(named: "a")?[0] == .string("x\u{0}y"))
        let (reopened, _) = try expectRoundTrip(session, through: "\(directory)/s.factsh")
        #expect(reopened.environment.relation(named: "nul")?.column(named: "a")?[0] == .string("x\u{0}y"))
        #expect(try SQLiteTool.run("\(directory)/s.factsh", "select length(cast(a as blob)) from nul;") == "3\n")
    }

    @Test func namesSQLCannotHoldAreMappedAndRoundTrip() throws {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(
            """
            add t a = 1, A = 2, rowid = 3, `sqlite_x` = 4
            add T n = 5
            add q k = at least 3, k_qualifier = "x", factsh_origin_source = 1, factsh_origin_line = 2
            add factsh_relations x = 1
            add sqlite_master x = 2
            """)
        #expect(output.diagnostics == "")
        try expectRoundTrip(session, through: "\(directory)/s.factsh")
        let columns = try SQLiteTool.run(
            "\(directory)/s.factsh",
            "select relation, name, table_name, column_name from factsh_fields where relation in ('t', 'T', 'q', 'factsh_relations', 'sqlite_master') order by relation, position;")
        #expect(
            columns == """
                T|n|T_2|n
                factsh_relations|x|factsh_relations_2|x
                q|k|q|k
                q|k_qualifier|q|k_qualifier_2
                q|factsh_origin_source|q|factsh_origin_source_2
                q|factsh_origin_line|q|factsh_origin_line_2
                sqlite_master|x|_sqlite_master|x
                t|a|t|a
                t|A|t|A_2
                t|rowid|t|rowid_2
                t|sqlite_x|t|_sqlite_x

                """)
    }

    @Test func moreFieldsThanSQLiteHasColumnsRoundTrip() throws {
        let directory = temporaryDirectory()
        let header = (0..<2_500).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<2_500).map { $0 % 3 == 0 ? "≥\($0)" : "\($0)" }.joined(separator: ",")
        FileManagerShim.write("\(header)\n\(row)\n\(row)\n", to: "\(directory)/wide.csv")
        let (session, output) = makeSession(demo: false)
        session.run(".load \(directory)/wide.csv")
        #expect(output.diagnostics == "")
        #expect(session.environment.relation(named: "wide")?.fields.count == 2_500)
        try expectRoundTrip(session, through: "\(directory)/s.factsh")
        #expect(try SQLiteTool.run("\(directory)/s.factsh", "select count(*) from wide_part2; select count(*) from wide_part3;") == "2\n2\n")
    }

    @Test func filesSavedBeforeNamesWereMappedStillOpen() throws {
        let path = try savedDemo(
            """
            ALTER TABLE factsh_relations DROP COLUMN table_name; ALTER TABLE factsh_fields DROP COLUMN table_name;
            ALTER TABLE factsh_fields DROP COLUMN column_name;
            """)
        let (session, output) = makeSession(demo: false)
        session.run(".open \(path)\nattacks show killed")
        #expect(output.diagnostics == "")
        #expect(output.results.contains("≥12"))
    }

    // What .save may replace.

    @Test func saveReplacesASessionFileButAnyOtherFileOnlyWhenTold() throws {
        let directory = temporaryDirectory()
        let (session, output) = makeSession()
        session.run(".save \(directory)/s.factsh\n.save \(directory)/s.factsh")
        #expect(output.diagnostics == "", "a session file is replaced")
        FileManagerShim.write("notes", to: "\(directory)/notes.txt")
        session.run(".save \(directory)/notes.txt")
        #expect(output.diagnostics.contains("cannot save to '\(directory)/notes.txt': it is not a factsh session file; to replace it, use .save \(directory)/notes.txt replace"))
        #expect(FileManagerShim.read("\(directory)/notes.txt") == "notes")
        #expect(session.run(".save \(directory)/notes.txt replace"))
        #expect(try SQLiteTool.run("\(directory)/notes.txt", "select count(*) from swaps;") == "3\n")
        session.run(".save \(directory)/s.factsh again")
        #expect(output.diagnostics.contains("usage: .save PATH|URI [replace]"))
    }

    @Test func saveRefusesLinksDirectoriesFIFOsAndDevices() throws {
        let directory = temporaryDirectory()
        FileManagerShim.write("keep", to: "\(directory)/target.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/link", withDestinationPath: "\(directory)/target.txt")
        try FileManagerShim.createDirectory("\(directory)/folder")
        #expect(mkfifo("\(directory)/fifo", 0o600) == 0)
        let (session, output) = makeSession()
        for (path, reason) in [
            ("\(directory)/link", "it is a symbolic link to '\(directory)/target.txt'; save to the file itself"),
            ("\(directory)/folder", "it is a directory"),
            ("\(directory)/fifo", "it is a FIFO (named pipe), not a file"),
            ("/dev/null", "it is a device, not a file")
        ] {
            #expect(!session.run(".save \(path) replace"))
            #expect(output.diagnostics.contains("cannot save to '\(path)': \(reason)"), "\(output.diagnostics)")
        }
        #expect(FileManagerShim.read("\(directory)/target.txt") == "keep")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/link") == "\(directory)/target.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["fifo", "folder", "link", "target.txt"])
    }

    @Test func saveRemovesWhatAKilledSaveLeft() throws {
        let directory = temporaryDirectory()
        let dead = Int32.max - 1
        for name in ["s.factsh.tmp-\(dead)", "s.factsh.tmp-\(dead)-journal", "s.factsh.tmp-1", "other.tmp-\(dead)"] {
            FileManagerShim.write("partial", to: "\(directory)/\(name)")
        }
        let (session, output) = makeSession()
        session.run(".save \(directory)/s.factsh")
        #expect(output.diagnostics == "")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["other.tmp-\(dead)", "s.factsh", "s.factsh.tmp-1"],
            "a running process's (pid 1) and another file's temporaries stay")
    }

    /// The demo session saved, then edited with the sqlite3 tool.
    func savedDemo(_ edit: String) throws -> String {
        let path = "\(temporaryDirectory())/s.factsh"
        let (session, output) = makeSession()
        session.run(".save \(path)")
        #expect(output.diagnostics == "")
        _ = try SQLiteTool.run(path, edit)
        return path
    }

    /// Saves the session, opens the file in a new one and expects the same relations, rows and origins.
    @discardableResult
    func expectRoundTrip(_ session: Session, through path: String) throws -> (Session, CapturedOutput) {
        let (reopened, output) = makeSession(demo: false)
        session.run(".save \(path)")
        reopened.run(".open \(path)")
        #expect(output.diagnostics == "")
        let saved = session.environment
        let restored = reopened.environment
        #expect(restored.catalog.names == saved.catalog.names)
        #expect(restored.bindingNames == saved.bindingNames)
        for name in saved.allNames {
            let a = try #require(saved.relation(named: name))
            let b = try #require(restored.relation(named: name))
            #expect(a.fields == b.fields, "\(name)")
            #expect(a.rowCount == b.rowCount, "\(name)")
            for row in 0..<a.rowCount {
                #expect(a.row(row) == b.row(row), "\(name) row \(row)")
                #expect(a.origins[row] == b.origins[row], "\(name) row \(row)")
            }
        }
        return (reopened, output)
    }
}
