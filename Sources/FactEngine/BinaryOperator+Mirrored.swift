import FactSyntax

extension BinaryOperator {
    /// The operator with its sides swapped: `3 < x` is `x > 3`.
    var mirrored: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }
}
