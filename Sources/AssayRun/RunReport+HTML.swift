import AssayCore
public import AssayGen
import Foundation

extension RunReport {
    /// A self-contained HTML page (no script, no external resource): the summary, each
    /// finding with its request, response, curl and pytest reproduction, and every case.
    public func html(findings: [Finding], schemas: SchemaBundle?) -> String {
        let escape = Self.markupEscaped
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Assay run: \(escape(plan.title))</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1d1d1f}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}pre{background:#f5f5f7;padding:.75em;overflow:auto;font-size:13px;white-space:pre-wrap;word-break:break-all}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
            .high{color:#b00020}.medium{color:#a15c00}.low{color:#555}.passed{color:#1b7f3b}.failed{color:#b00020}.flaky{color:#a15c00}
            details{margin:.5em 0 1.5em}summary{cursor:pointer;font-weight:600}
            </style></head><body>
            <h1>Assay run: \(escape(plan.title)) \(escape(plan.version))</h1>
            <p>\(escape(summary)) against <code>\(escape(baseURL))</code>, started \(escape(ISO8601DateFormatter().string(from: started))).
            \(findings.count) finding\(findings.count == 1 ? "" : "s").</p>

            """
        if !findings.isEmpty {
            page += "<h2>Findings</h2>\n"
            for finding in findings {
                page += "<details open><summary><span class=\"\(finding.severity.rawValue)\">\(finding.severity.rawValue.uppercased())</span> "
                page += "\(escape(finding.check.rawValue)) on <code>\(escape(finding.operation))</code>"
                page += " (\(finding.caseIDs.count) case\(finding.caseIDs.count == 1 ? "" : "s")\(finding.flaky ? ", flaky" : ""))</summary>\n"
                page += "<p>\(escape(finding.check.summary))</p><pre>\(escape(finding.message))</pre>\n"
                page += "<p>Cases: \(finding.caseIDs.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))</p>\n"
                if let response = finding.response {
                    let headers = response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
                    page += "<p>Response</p><pre>\(response.status)\n\(escape(headers))\n\n\(escape(response.excerpt(2_000)))</pre>\n"
                }
                page += "<p>Reproduce with curl</p><pre>\(escape(finding.curl))</pre>\n"
                page += "<p>Reproduce with pytest</p><pre>\(escape(finding.pytest(schemas: schemas)))</pre></details>\n"
            }
        }
        page += "<h2>Cases</h2>\n<table><tr><th>case</th><th>kind</th><th>outcome</th><th>ms</th><th>failure</th></tr>\n"
        for result in results {
            page += "<tr><td><code>\(escape(result.caseID))</code></td><td>\(result.kind.rawValue)</td>"
            page += "<td class=\"\(result.outcome.rawValue)\">\(result.outcome.rawValue)</td><td>\(Int(result.milliseconds.rounded()))</td>"
            page += "<td>\(escape(result.failure.map { String($0.message.prefix(300)) } ?? ""))</td></tr>\n"
        }
        page += "</table>\n</body></html>\n"
        return page
    }
}
