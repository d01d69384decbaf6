/// Phase two of loading: with every field known, resolve and type-check each
/// expression, find calculate cycles and contradictory bounds, and check the
/// references of checks. Resolved trees are written back into the form.
struct FormSemantics {
    let diag: Diagnostics
    var table = FieldTable()

    init(diag: Diagnostics) { self.diag = diag }

    static func valueType(_ f: Field) -> StaticType {
        switch f.type {
        case .text, .choice: return .string
        case .integer, .decimal: return .number
        case .date: return .date
        case .multichoice: return .list(.string)
        case .boolean: return .boolean
        case .repeat: return .list(.item)
        case .note: return .null
        case .calculate: return .any
        }
    }

    mutating func run(_ form: inout Form) {
        form.buildIndex()
        for (slot, f) in form.topLevelFields.enumerated() {
            table.entries[f.id] = .init(type: f.type, repeatID: nil, valueType: Self.valueType(f), slot: slot)
            for (n, inner) in f.fields.enumerated() {
                table.entries[inner.id] = .init(type: inner.type, repeatID: f.id, valueType: Self.valueType(inner), slot: n)
            }
        }
        // Calculates first, so their inferred types serve the other expressions.
        for p in form.pages.indices {
            for i in form.pages[p].fields.indices {
                inferCalculate(&form.pages[p].fields[i], repeatID: nil)
                for j in form.pages[p].fields[i].fields.indices {
                    inferCalculate(&form.pages[p].fields[i].fields[j], repeatID: form.pages[p].fields[i].id)
                }
            }
        }
        findCalculateCycles(form)
        for p in form.pages.indices {
            resolve(&form.pages[p].relevant, site: ExpressionSite(), boolean: true)
            for i in form.pages[p].fields.indices {
                check(&form.pages[p].fields[i], repeatID: nil)
                let rid = form.pages[p].fields[i].id
                for j in form.pages[p].fields[i].fields.indices { check(&form.pages[p].fields[i].fields[j], repeatID: rid) }
            }
        }
        for c in form.checks.indices {
            var e: Expression? = form.checks[c].rule
            resolve(&e, site: ExpressionSite(), boolean: true)
            if let e { form.checks[c].rule = e }
            for (k, id) in form.checks[c].fields.enumerated() where table.entries[id] == nil {
                diag.add(join(join(form.checks[c].jsonPath, "fields"), k), "unknown field '\(id)'")
            }
        }
        if var proc = form.procedure {
            if case .expression(let e, let note) = proc.fee {
                var x: Expression? = e
                let t = resolve(&x, site: ExpressionSite(), boolean: false)
                if !t.fits(.number) { diag.add(e.jsonPath, "the fee must be a number, this expression gives \(t)") }
                if let x { proc.fee = .expression(x, note: note) }
                if let note { lintFeeNote(note) }
            }
            for d in proc.documents.indices { resolveRequirement(&proc.documents[d].required, site: ExpressionSite()) }
            form.procedure = proc
        }
    }

    /// The fee note is printed on the citizen's receipt: an internal field id
    /// there ("trường muc_le_phi_qua_han") means nothing to them. Only ids with
    /// an underscore count, so a plain word that happens to be an id is fine.
    private func lintFeeNote(_ note: LocalizedText) {
        for (language, text) in note.translations {
            let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
            if let id = words.first(where: { $0.contains("_") && table.entries[String($0)] != nil }) {
                diag.add("procedure.fee.note", "the \(language) note names the field id '\(id)': the citizen reads this note, say it in words")
            }
        }
    }

    @discardableResult
    private mutating func resolve(_ e: inout Expression?, site: ExpressionSite, boolean: Bool) -> StaticType {
        guard let expr = e else { return .any }
        let (root, type, problems) = ExpressionChecker.check(expr.root, table: table, site: site)
        for p in problems { diag.add(expr.jsonPath, "col \(p.column): \(p.message)") }
        if boolean, problems.isEmpty, !type.fits(.boolean) {
            diag.add(expr.jsonPath, "col 1: this must be a true/false condition, but it gives \(type)")
        }
        e = Expression(source: expr.source, jsonPath: expr.jsonPath, root: root)
        return type
    }

    private mutating func resolveRequirement(_ r: inout Requirement, site: ExpressionSite) {
        if case .when(let e) = r {
            var x: Expression? = e
            resolve(&x, site: site, boolean: true)
            if let x { r = .when(x) }
        }
    }

    private mutating func inferCalculate(_ f: inout Field, repeatID: String?) {
        guard f.type == .calculate else { return }
        let t = resolve(&f.expression, site: ExpressionSite(repeatID: repeatID), boolean: false)
        table.entries[f.id]?.valueType = t
    }

    private mutating func check(_ f: inout Field, repeatID: String?) {
        let site = ExpressionSite(repeatID: repeatID)
        let own = Self.valueType(f)
        let dotSite = ExpressionSite(repeatID: repeatID, dotType: own == .any ? table.entries[f.id]?.valueType : own)
        resolve(&f.relevant, site: site, boolean: true)
        resolveRequirement(&f.required, site: site)
        resolve(&f.constraint, site: dotSite, boolean: true)
        resolve(&f.warning, site: dotSite, boolean: true)
        resolve(&f.filter, site: ExpressionSite(repeatID: repeatID, allowsOption: true), boolean: true)
        if f.type == .note, f.required.isSet { diag.add(join(f.jsonPath, "required"), "a note takes no answer, so it cannot be required") }
        if case .expression(let e)? = f.defaultValue {
            var x: Expression? = e
            let t = resolve(&x, site: site, boolean: false)
            if !t.fits(own) { diag.add(e.jsonPath, "col 1: the default gives \(t), but the field holds \(own)") }
            if let x { f.defaultValue = .expression(x) }
        } else if case .literal(let v)? = f.defaultValue, !literalFits(v, f) {
            diag.add(join(f.jsonPath, "default"), "the default \(v.serialized()) is not a valid answer for a \(f.type.rawValue) field")
        }
        for key in ["min", "max"] {
            var b = key == "min" ? f.min : f.max
            if case .expression(let e)? = b {
                var x: Expression? = e
                let t = resolve(&x, site: site, boolean: false)
                let want: StaticType = f.type == .date ? .date : .number
                if !t.fits(want) { diag.add(e.jsonPath, "col 1: '\(key)' must give \(want), this gives \(t)") }
                if let x { b = .expression(x) }
                if key == "min" { f.min = b } else { f.max = b }
            }
        }
        switch (f.min, f.max) {
        case (.number(let a)?, .number(let b)?) where a > b:
            diag.add(join(f.jsonPath, "min"), "min (\(formatNumber(a))) is above max (\(formatNumber(b)))")
        case (.date(let a)?, .date(let b)?) where a > b:
            diag.add(join(f.jsonPath, "min"), "min (\(a.iso)) is after max (\(b.iso))")
        default: break
        }
    }

    private func literalFits(_ v: JSONValue, _ f: Field) -> Bool {
        switch (f.type, v) {
        case (.text, .string), (.boolean, .bool), (.decimal, .int), (.decimal, .double): return true
        case (.integer, _): return v.intValue != nil
        case (.date, .string(let s)): return s == "today" || CalendarDate.parseISO(s, precision: f.precision) != nil
        case (.choice, .string(let s)): return f.options.isEmpty || f.option(s) != nil
        case (.multichoice, .array(let a)): return a.allSatisfy { $0.stringValue.map { f.options.isEmpty || f.option($0) != nil } ?? false }
        default: return false
        }
    }

    /// Calculates that depend on each other in a loop can never be computed.
    private func findCalculateCycles(_ form: Form) {
        var deps: [String: [String]] = [:]
        var paths: [String: String] = [:]
        for f in form.allFields where f.type == .calculate {
            paths[f.id] = f.jsonPath
            var out: [String] = []
            f.expression?.root.forEachReference { r, _ in
                switch r {
                case .field(let id, _), .sibling(let id, _), .column(_, let id, _, _): out.append(id)
                case .name(let parts): out.append(parts[0])
                default: break
                }
            }
            deps[f.id] = out.filter { table.entries[$0]?.type == .calculate }
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var reported = Set<String>()
        func visit(_ id: String) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(stack.drop(while: { $0 != id })) + [id]
                let key = Set(cycle).sorted().joined(separator: ",")
                if reported.insert(key).inserted {
                    diag.add(join(paths[id] ?? "", "expression"), "calculate fields form a cycle: \(cycle.joined(separator: " → "))")
                }
                return
            }
            state[id] = 1; stack.append(id)
            for d in deps[id] ?? [] { visit(d) }
            stack.removeLast(); state[id] = 2
        }
        for id in deps.keys.sorted() { visit(id) }
    }
}

extension Requirement {
    var isSet: Bool { if case .no = self { return false } else { return true } }
}
