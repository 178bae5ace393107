@testable import AssayServer
import AssayCore
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import OrderedCollections
import Testing

/// The requests the spec-change job makes for each kind of source, and the export envelope.
struct SpecSourceFetcherTests {
    @Test(arguments: ["apifox", "apidog"])
    func designToolExportsUseTheirPublishedOpenAPIExport(kind: String) async throws {
        try await TestDatabase.with(.sqlite) { store in
            let settings = ProjectSettings(
                specSource: .init(kind: kind, externalProjectID: "4242", accessToken: "tok"))
            let project = try await ProjectRepository(store: store).create(slug: "p-\(kind)", name: "P", settings: settings)
            let call = try SpecSourceFetcher.call(project: project, job: SpecChangeJob(projectID: project.id, trigger: kind))
            #expect(call.url.absoluteString == "https://api.\(kind).com/v1/projects/4242/export-openapi")
            #expect(call.method == .POST)
            let headers = Dictionary(call.headers, uniquingKeysWith: { a, _ in a })
            #expect(headers["Authorization"] == "Bearer tok")
            #expect(headers[kind == "apifox" ? "X-Apifox-Api-Version" : "X-Apidog-Api-Version"] == "2024-03-28")
            let body = try #require(try JSONValue.parse(Array((call.body ?? "").utf8)).objectValue)
            #expect(body["oasVersion"] == "3.1")
            #expect(body["exportFormat"] == "JSON")
            let option = kind == "apifox" ? "includeApifoxExtensionProperties" : "includeApidogExtensionProperties"
            #expect(body["options"]?.objectValue?[option] == .bool(false))
            #expect(call.unwrapsEnvelope)
        }
    }

    @Test func anExportEnvelopeIsUnwrappedAndADocumentKeptAsItIs() throws {
        let document = #"{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{}}"#
        let wrapped = #"{"success":true,"data":"# + document + "}"
        let unwrapped = try JSONValue.parse(SpecSourceFetcher.unwrapped(Array(wrapped.utf8)))
        #expect(unwrapped == (try JSONValue.parse(Array(document.utf8))))
        #expect(SpecSourceFetcher.unwrapped(Array(document.utf8)) == Array(document.utf8))
        let other = #"{"data":{"not":"a document"}}"#
        #expect(SpecSourceFetcher.unwrapped(Array(other.utf8)) == Array(other.utf8))
        #expect(SpecSourceFetcher.unwrapped(Array("openapi: 3.1.0\n".utf8)) == Array("openapi: 3.1.0\n".utf8))
    }
}
