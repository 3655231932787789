#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the overlay that belongs to a spec: `whereby.overlay.yaml` beside `whereby.json`.
public enum OverlayDiscovery {
    /// The extensions tried, in order, after `<spec name>.overlay`.
    public static let extensions = ["yaml", "yml", "json"]

    /// `name` in the spec's folder, when that file exists: `spec/whereby-codegen.yaml`.
    public static func sibling(of spec: String, named name: String) -> String? {
        let candidate = path(name, besideFile: spec)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    public static func overlay(besideSpec spec: String) -> String? {
        let url = URL(fileURLWithPath: spec)
        let stem = url.deletingPathExtension().lastPathComponent
        for pathExtension in extensions {
            let candidate = path("\(stem).overlay.\(pathExtension)", besideFile: spec)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `name` in the folder of `file`, written the way `file` is: `spec/whereby.json` →
    /// `spec/name`, `whereby.json` → `name`, `/whereby.json` → `/name`.
    static func path(_ name: String, besideFile file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return name }
        return String(file[...slash]) + name
    }
}
