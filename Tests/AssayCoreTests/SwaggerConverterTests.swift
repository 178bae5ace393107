import Testing
@testable import AssayCore
@Test func placeholderConverter() { #expect(1 == 1) }
