/// What changed between two versions of an API, judged by Whereby's versioning policy:
/// removing endpoints or response data, changing request or response formats and changing
/// authentication break clients; adding endpoints, response data and parameters does not.
public struct APIDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case added, removed, changed
        }

        public enum Category: String, Sendable {
            case operation, type, member
        }

        public var kind: Kind
        public var category: Category
        /// What changed: `operation deleteMeeting (DELETE /meetings/{meetingId})`, `Meeting.roomUrl`.
        public var subject: String
        public var detail: String?
        public var isBreaking: Bool

        public var description: String {
            let mark = isBreaking ? "BREAKING " : "         "
            return "\(mark)\(kind.rawValue) \(subject)" + (detail.map { ": \($0)" } ?? "")
        }
    }

    public var changes: [Change] = []

    public var breaking: [Change] { changes.filter(\.isBreaking) }

    /// One line per kind of change, then one line per change, breaking ones marked.
    public var report: String {
        guard !changes.isEmpty else { return "no changes to operations or types\n" }
        func count(_ kind: Change.Kind, _ category: Change.Category) -> Int {
            changes.filter { $0.kind == kind && $0.category == category }.count
        }
        var text = "operations: \(count(.added, .operation)) added, \(count(.removed, .operation)) removed, \(count(.changed, .operation)) changed; "
        text += "types: \(count(.added, .type)) added, \(count(.removed, .type)) removed, \(changes.filter { $0.category == .member }.count) members changed; "
        text += "\(breaking.count) breaking change\(breaking.count == 1 ? "" : "s")\n"
        for change in changes { text += change.description + "\n" }
        return text
    }

    /// Compares two resolved models: operations by `operationId`, types by their Swift path.
    public init(old: APIModel, new: APIModel) {
        let emitterOld = SwiftEmitter(model: old)
        let emitterNew = SwiftEmitter(model: new)
        let oldOperations = Dictionary(old.operations.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        let newOperations = Dictionary(new.operations.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        func label(_ operation: OperationModel) -> String {
            "operation \(SwiftNaming.unescaped(operation.swiftName)) (\(operation.method.rawValue.uppercased()) \(operation.path))"
        }
        for operation in old.operations where newOperations[operation.operationID] == nil {
            changes.append(Change(kind: .removed, category: .operation, subject: label(operation), isBreaking: true))
        }
        for operation in new.operations {
            guard let previous = oldOperations[operation.operationID] else {
                changes.append(Change(kind: .added, category: .operation, subject: label(operation), isBreaking: false))
                continue
            }
            changes += Self.compare(previous, operation, emitterOld, emitterNew).map {
                Change(kind: .changed, category: .operation, subject: label(operation), detail: $0.detail, isBreaking: $0.breaking)
            }
        }

        let oldTypes = Self.declarations(old.types)
        let newTypes = Self.declarations(new.types)
        for (path, _) in oldTypes where newTypes[path] == nil {
            changes.append(Change(kind: .removed, category: .type, subject: "type \(path)", isBreaking: true))
        }
        for path in newTypes.keys.sorted() where oldTypes[path] == nil {
            changes.append(Change(kind: .added, category: .type, subject: "type \(path)", isBreaking: false))
        }
        for path in newTypes.keys.sorted() {
            guard let previous = oldTypes[path], let current = newTypes[path] else { continue }
            changes += Self.compare(previous, current, emitterOld, emitterNew)
        }
        changes.sort { ($0.isBreaking ? 0 : 1, $0.subject) < ($1.isBreaking ? 0 : 1, $1.subject) }
    }

    private static func declarations(_ types: [TypeDeclaration]) -> [String: TypeDeclaration] {
        var result: [String: TypeDeclaration] = [:]
        var pending = types
        while let declaration = pending.popLast() {
            result[declaration.path.description] = declaration
            pending += declaration.nested
        }
        return result
    }

    private static func compare(_ old: OperationModel, _ new: OperationModel, _ oldEmitter: SwiftEmitter, _ newEmitter: SwiftEmitter) -> [(detail: String, breaking: Bool)] {
        var found: [(String, Bool)] = []
        if old.method != new.method || old.path != new.path {
            found.append(("moved from \(old.method.rawValue.uppercased()) \(old.path)", true))
        }
        let oldParameters = Dictionary(old.parameters.map { ($0.location.rawValue + ":" + $0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for parameter in new.parameters {
            let key = parameter.location.rawValue + ":" + parameter.name
            guard let previous = oldParameters[key] else {
                found.append(("new \(parameter.isRequired ? "required" : "optional") \(parameter.location.rawValue) parameter '\(parameter.name)'", parameter.isRequired))
                continue
            }
            if oldEmitter.spell(previous.type) != newEmitter.spell(parameter.type) {
                found.append(("parameter '\(parameter.name)' is now \(newEmitter.spell(parameter.type)), was \(oldEmitter.spell(previous.type))", true))
            }
            found += parameter.wireChanges(from: previous).map { ("parameter '\(parameter.name)' \($0)", true) }
        }
        let newKeys = Set(new.parameters.map { $0.location.rawValue + ":" + $0.name })
        for parameter in old.parameters where !newKeys.contains(parameter.location.rawValue + ":" + parameter.name) {
            found.append(("parameter '\(parameter.name)' removed", true))
        }
        let bodyType = { (body: BodyModel?, emitter: SwiftEmitter) -> String in
            switch body?.content {
            case .single(_, let contentType, let type)?: "\(emitter.spell(type)) as \(contentType)"
            case .alternatives(let type, _)?: emitter.spell(type)
            case nil: "none"
            }
        }
        if bodyType(old.body, oldEmitter) != bodyType(new.body, newEmitter) {
            found.append(("request body is now \(bodyType(new.body, newEmitter)), was \(bodyType(old.body, oldEmitter))", true))
        }
        let result = { (success: SuccessModel, emitter: SwiftEmitter) -> String in
            switch success.result {
            case .none: "nothing"
            case .json(let type): emitter.spell(type)
            case .data: "Data"
            case .text: "String"
            }
        }
        if result(old.success, oldEmitter) != result(new.success, newEmitter) {
            found.append(("returns \(result(new.success, newEmitter)), was \(result(old.success, oldEmitter))", true))
        }
        if old.security != new.security {
            found.append(("authentication is now \(new.security), was \(old.security)", true))
        }
        return found
    }

    private static func compare(_ old: TypeDeclaration, _ new: TypeDeclaration, _ oldEmitter: SwiftEmitter, _ newEmitter: SwiftEmitter) -> [Change] {
        let subject = "type \(new.path)"
        switch (old.kind, new.kind) {
        case (.structure(let before), .structure(let after)):
            var changes: [Change] = []
            let previous = Dictionary(before.map { ($0.jsonName, $0) }, uniquingKeysWith: { first, _ in first })
            let names = Set(after.map(\.jsonName))
            for property in before where !names.contains(property.jsonName) {
                changes.append(Change(kind: .removed, category: .member, subject: "\(subject).\(property.jsonName)", isBreaking: true))
            }
            for property in after {
                guard let old = previous[property.jsonName] else {
                    // New response data is harmless; a new required field breaks requests.
                    let breaks = new.isUsedInRequests && property.presence == .required
                    changes.append(Change(kind: .added, category: .member, subject: "\(subject).\(property.jsonName)", isBreaking: breaks))
                    continue
                }
                if oldEmitter.spell(old.type) != newEmitter.spell(property.type) {
                    changes.append(Change(kind: .changed, category: .member, subject: "\(subject).\(property.jsonName)", detail: "now \(newEmitter.spell(property.type)), was \(oldEmitter.spell(old.type))", isBreaking: true))
                } else if old.presence != property.presence {
                    changes.append(Change(kind: .changed, category: .member, subject: "\(subject).\(property.jsonName)", detail: "now \(property.presence), was \(old.presence)", isBreaking: true))
                }
            }
            return changes
        case (.stringEnum(let before), .stringEnum(let after)), (.integerEnum(let before), .integerEnum(let after)):
            let added = Set(after.map(\.rawValue)).subtracting(before.map(\.rawValue))
            let removed = Set(before.map(\.rawValue)).subtracting(after.map(\.rawValue))
            return removed.sorted().map { Change(kind: .removed, category: .member, subject: "\(subject) value '\($0)'", isBreaking: true) }
                + added.sorted().map { Change(kind: .added, category: .member, subject: "\(subject) value '\($0)'", isBreaking: false) }
        case (.typeAlias(let before), .typeAlias(let after)):
            let (a, b) = (oldEmitter.spell(before), newEmitter.spell(after))
            return a == b ? [] : [Change(kind: .changed, category: .type, subject: subject, detail: "now \(b), was \(a)", isBreaking: true)]
        default:
            return old.kind == new.kind ? [] : [Change(kind: .changed, category: .type, subject: subject, detail: "a different kind of type", isBreaking: true)]
        }
    }
}
