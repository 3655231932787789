import Foundation

/// Finds the overlay that belongs to a spec: `whereby.overlay.yaml` beside `whereby.json`.
public enum OverlayDiscovery {
    /// The extensions tried, in order, after `<spec name>.overlay`.
    public static let extensions = ["yaml", "yml", "json"]

    /// `name` in the spec's folder, when that file exists: `spec/whereby-codegen.yaml`.
    public static func sibling(of spec: String, named name: String) -> String? {
        let directory = (spec as NSString).deletingLastPathComponent
        let candidate = directory.isEmpty ? name : directory + "/" + name
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    public static func overlay(besideSpec spec: String) -> String? {
        let url = URL(fileURLWithPath: spec)
        let stem = url.deletingPathExtension().lastPathComponent
        let directory = (spec as NSString).deletingLastPathComponent
        for pathExtension in extensions {
            let name = "\(stem).overlay.\(pathExtension)"
            let candidate = directory.isEmpty ? name : directory + "/" + name
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}
