import AssayCore
import AssayStore
import OrderedCollections
import Foundation
import Logging

/// Checks a project's settings before they are stored, so a bad one is a 400 naming the
/// field, not a job failing later.
enum ProjectSettingsValidation {
    static let stages: Set<String> = ["entry", "development", "staging", "production", "critical"]
    static let webhookSources: Set<String> = ["apifox", "apidog", "github", "gitlab", "generic"]

    static func check(_ settings: ProjectSettings) throws {
        guard stages.contains(settings.stage) else {
            throw field("settings.stage", "must be one of \(stages.sorted().joined(separator: ", ")), not '\(settings.stage)'")
        }
        if let target = settings.targetURL {
            try httpURL(target, field: "settings.targetURL")
        }
        for (source, secret) in settings.webhookSecrets {
            guard webhookSources.contains(source) else {
                throw field("settings.webhookSecrets", "has the unknown source '\(source)'; sources are \(webhookSources.sorted().joined(separator: ", "))")
            }
            guard !secret.isEmpty, secret.unicodeScalars.count <= 512 else {
                throw field("settings.webhookSecrets.\(source)", "must be 1 to 512 characters")
            }
        }
        guard settings.targetCredentials.count <= 32 else {
            throw field("settings.targetCredentials", "has more than 32 entries")
        }
        for (name, value) in settings.targetCredentials {
            guard name.hasPrefix("ASSAY_AUTH_"), name.count <= 128,
                name.utf8.allSatisfy({ (65...90).contains($0) || (48...57).contains($0) || $0 == 95 })
            else {
                throw field(
                    "settings.targetCredentials",
                    "has the name '\(name.prefix(128))'; names are the plan's credential variables (ASSAY_AUTH_ followed by A-Z, 0-9 and _)")
            }
            guard !value.isEmpty, value.unicodeScalars.count <= 4096 else {
                throw field("settings.targetCredentials.\(name)", "must be 1 to 4096 characters")
            }
        }
        if let source = settings.specSource {
            guard ProjectSettings.SpecSource.kinds.contains(source.kind) else {
                throw field("settings.specSource.kind", "must be one of \(ProjectSettings.SpecSource.kinds.sorted().joined(separator: ", ")), not '\(source.kind)'")
            }
            if let url = source.url { try httpURL(url, field: "settings.specSource.url") }
            switch source.kind {
            case "url":
                guard source.url != nil else { throw field("settings.specSource.url", "is required for a url source") }
            case "github", "gitlab":
                guard source.repository?.isEmpty == false else { throw field("settings.specSource.repository", "is required for a \(source.kind) source") }
                guard source.path?.isEmpty == false else { throw field("settings.specSource.path", "is required for a \(source.kind) source") }
            default:
                guard source.externalProjectID?.isEmpty == false else {
                    throw field("settings.specSource.externalProjectID", "is required for an \(source.kind) source")
                }
            }
        }
    }

    static func httpURL(_ text: String, field name: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
            throw field(name, "must be an absolute http or https URL, not '\(text)'")
        }
    }

    static func field(_ name: String, _ problem: String) -> APIError {
        APIError.invalidField("\(name) \(problem)", field: name)
    }
}
