/// A field of the form held by reference, so that the validator's hot loop
/// walks fields without copying the large `Field` struct (and retaining its
/// dozen references) for every answer of every dossier.
final class FieldPlan: Sendable {
    let field: Field
    // Copied out of `field`: reading a property through the class would copy the whole struct.
    let id: String
    let type: FieldType
    let relevant: Expression?
    let expression: Expression?
    let inner: [FieldPlan]
    let innerByID: [String: FieldPlan]
    /// Inner field id → position in `inner`.
    let innerIndex: [String: Int]

    init(_ field: Field) {
        self.field = field
        id = field.id; type = field.type; relevant = field.relevant; expression = field.expression
        inner = field.fields.map(FieldPlan.init)
        innerByID = Dictionary(inner.map { ($0.field.id, $0) }, uniquingKeysWith: { a, _ in a })
        innerIndex = Dictionary(inner.enumerated().map { ($1.field.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The form's fields by page and by id, built once per validator.
struct ValidationPlan: Sendable {
    let pages: [(relevant: Expression?, fields: [FieldPlan])]
    let byID: [String: FieldPlan]

    init(_ form: Form) {
        pages = form.pages.map { ($0.relevant, $0.fields.map(FieldPlan.init)) }
        byID = Dictionary(pages.flatMap { $0.fields }.map { ($0.field.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
