extension SuiteRoutes {
    /// The description of a plan's emitted suite: the zip download and the file list.
    static let openAPI = """
        paths:
          /api/v1/plans/{plan}/suite.zip:
            parameters:
              - $ref: "#/components/parameters/PlanID"
            get:
              operationId: downloadSuite
              tags: [specs]
              summary: Download the plan's pytest suite as a zip
              description: |
                The newest pytest package emitted from the plan, every file under one top
                directory named `<project>-plan-<version>-pytest/`: `pip install -r
                requirements.txt`, then `pytest` in it. Files are stored uncompressed with
                UTF-8 names.
              responses:
                "200":
                  description: The zip file.
                  headers:
                    Content-Disposition:
                      required: true
                      description: '`attachment; filename="<project>-plan-<version>-pytest.zip"`.'
                      schema:
                        type: string
                        pattern: '^attachment; filename="[a-z0-9-]+-plan-[0-9]+-pytest\\.zip"$'
                  content:
                    application/zip:
                      schema:
                        type: string
                        contentMediaType: application/zip
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404":
                  description: No such plan, or the plan has no emitted pytest suite.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
          /api/v1/plans/{plan}/files:
            parameters:
              - $ref: "#/components/parameters/PlanID"
            get:
              operationId: listSuiteFiles
              tags: [specs]
              summary: List the files of the plan's pytest suite
              description: The files of the suite `suite.zip` holds, sorted by path, with their sizes and digests.
              responses:
                "200":
                  description: Every file of the suite.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/SuiteFileList" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404":
                  description: No such plan, or the plan has no emitted pytest suite.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
        components:
          schemas:
            SuiteFileList:
              description: "Every SuiteFile, in one page (`nextCursor` is always null)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/SuiteFile" }
                nextCursor: { type: "null" }
            SuiteFile:
              type: object
              required: [path, size, sha256]
              properties:
                path: { type: string, description: "Relative to the package's top directory, `/`-separated." }
                size: { type: integer, minimum: 0, description: In bytes. }
                sha256: { type: string, pattern: "^[0-9a-f]{64}$" }
        """
}
