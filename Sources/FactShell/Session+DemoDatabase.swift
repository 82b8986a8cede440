import FactStore
import PostgresStore

/// `--demo` together with `--db`: the demo's facts go into the database, so that everyone
/// using it sees them, as a load would put them there.
extension Session {
    /// Loads the demo in memory, as without a database, then writes its relations to the
    /// database in one transaction. A database that already holds any of them is left as it
    /// is, with an error: loading the demo again would count every fact in it twice.
    func loadDemoIntoDatabase() -> Bool {
        guard let database else { return loadDemoInMemory() }
        let attached = environment
        self.database = nil
        var scratch = Environment()
        scratch.readOnly = attached.readOnly
        environment = scratch
        let loaded = loadDemoInMemory()
        let demo = environment
        environment = attached
        self.database = database
        guard loaded else { return false }
        let present = demo.catalog.names.filter { attached.catalog[$0] != nil || attached.bindings[$0] != nil }
        guard present.isEmpty else {
            report(
                Diagnostic(
                    .demoAlreadyInDatabase,
                    "\(database.displayName) already holds the demo's relations \(present.map { "'\($0)'" }.joined(separator: ", ")): --demo loads them only into a database without them, so no fact is counted twice"
                ))
            return false
        }
        var change = PostgresDatabase.Change()
        change.additions = demo.catalog.names.compactMap { name in demo.catalog[name].map { (name, $0) } }
        do throws(PostgresFailure) {
            try database.apply(change)
            try synchronize()
        } catch {
            report(Diagnostic(.serverError, "the demo was not loaded into \(database.displayName): \(error.message)"))
            return false
        }
        for name in demo.bindingNames where environment.bindings[name] == nil {
            if let relation = demo.bindings[name] { environment.bind(name, relation) }
        }
        return true
    }
}
