import FactStore

/// Where a load sends its rows as each chunk of the file is checked, instead of keeping them
/// all: a load into a database copies them to the server while the next chunk is read. Rows
/// come in the file's order, each chunk's as a relation of the load's fields.
public protocol RowSink: AnyObject {
    /// The load's fields are decided and rows follow. Called again when the load starts over
    /// (a row further on did not fit the types guessed from the first chunk): the rows taken
    /// before are then to be forgotten.
    func start(_ fields: [Field]) throws(Diagnostic)
    /// The next rows, checked.
    func take(_ rows: Relation) throws(Diagnostic)
}
