import FactStore

/// The column types of an exported CSV or TSV file, kept beside it in `FILE.types` (one JSON
/// object: field name to type name), because text alone cannot say that `007` or `12` was a
/// string, or what type a column of nulls had. `.export` writes it when inference would not
/// give the types back; `.load` reads it when it is there; a `types (...)` clause wins.
public enum TypesSidecar {
    public static func path(for dataPath: String) -> String { dataPath + ".types" }

    /// The types a sidecar's text names. A type factsh does not know is an error at its line:
    /// a guess would load the data wrongly.
    public static func parse(_ text: String, sidecarPath: String) throws(DataProblem) -> [String: ValueType] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer -> Result<[String: ValueType], DataProblem> in
            var types: [String: ValueType] = [:]
            var reader = JSONReader(bytes: buffer)
            do throws(DataProblem) {
                try reader.forEachObject(inArray: false) { record throws(DataProblem) in
                    for (name, value) in record.fields {
                        guard case .string(let typeName) = value, let type = TypeInference.type(named: typeName) else {
                            throw DataProblem("'\(name)' in \(sidecarPath) names no type factsh knows (int, number, string, date, bool, quantity, duration)",
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

    /// The sidecar's text for a relation whose cells were written as `texts(column)`, or nil
    /// when reading the cells back would give every column its type anyway.
    public static func text(for relation: Relation, texts: (Int) -> [String]) -> String? {
        // (A column of nulls has no type to keep.)
        let lost = relation.fields.indices.contains { column in
            guard relation.fields[column].type != .null else { return false }
            var inference = TypeInference()
            for text in texts(column) where !text.isEmpty { inference.observe(text) }
            return inference.type != relation.fields[column].type
        }
        guard lost else { return nil }
        return "{" + relation.fields.filter { $0.type != .null }.map { jsonString($0.name) + ": " + jsonString($0.type.description) }.joined(separator: ", ") + "}\n"
    }

    private static func jsonString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20: quoted += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
