import FactStore

/// The column types of an exported CSV or TSV file, kept beside it in `FILE.types` (one JSON
/// object: field name to type name), because text alone cannot say that `007` or `12` was a
/// string, or what type a column of nulls had. `.export` writes it when inference would not
/// give the types back; `.load` reads it when it is there; a `types (...)` clause wins.
public enum TypesSidecar {
    public static func path(for dataPath: String) -> String { dataPath + ".types" }

    /// The types a sidecar's text names. A type factsh does not know is an error at its line:
    /// a guess would load the data wrongly.
    public static func parse(_ text: String, sidecarPath: String) throws(Diagnostic) -> [String: ValueType] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer -> Result<[String: ValueType], Diagnostic> in
            var types: [String: ValueType] = [:]
            var reader = JSONReader(bytes: buffer)
            do throws(Diagnostic) {
                try reader.forEachObject(inArray: false) { record throws(Diagnostic) in
                    for (name, value) in record.fields {
                        guard case .string(let typeName) = value, let type = TypeInference.type(named: typeName) else {
                            throw Diagnostic(
                                .typesSidecar,
                                "'\(name)' in \(sidecarPath) names no type factsh knows (int, number, string, date, bool, quantity, duration)",
                                line: record.line, column: 1)
                        }
                        types[name] = type
                    }
                }
            } catch {
                return .failure(error)
            }
            return .success(types)
        }.get()
    }

    /// Whether reading a relation's cells back from their text (`texts(column)`) would give
    /// some column another type than it has — then a sidecar must keep the types.
    public static func isNeeded(for relation: Relation, texts: (Int) -> [String]) -> Bool {
        // (A column of nulls has no type to keep.)
        relation.fields.indices.contains { column in
            guard relation.fields[column].type != .null else { return false }
            var inference = TypeInference()
            for text in texts(column) where !text.isEmpty { inference.observe(text) }
            return inference.type != relation.fields[column].type
        }
    }
}
