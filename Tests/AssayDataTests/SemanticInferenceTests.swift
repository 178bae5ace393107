import AssayCore
import Testing
@testable import AssayData

@Suite struct SemanticInferenceTests {
    private static let string: JSONValue = ["type": "string"]
    private static let integer: JSONValue = ["type": "integer"]
    private static let number: JSONValue = ["type": "number"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let nullableString: JSONValue = ["type": "string", "nullable": true]
    private static let stringOrNull: JSONValue = ["type": ["string", "null"]]

    static let cases: [(String, JSONValue, SemanticKind?)] = [
        ("firstName", string, .firstName), ("first_name", string, .firstName), ("given-name", string, .firstName),
        ("lastName", string, .lastName), ("surname", string, .lastName), ("family_name", string, .lastName),
        ("name", string, .fullName), ("fullName", string, .fullName), ("customerName", string, .fullName),
        ("displayName", stringOrNull, .fullName), ("userName", string, .username), ("username", string, .username),
        ("login", string, .username), ("email", string, .email), ("user_email", string, .email),
        ("EmailAddress", string, .email), ("contactEmail", nullableString, .email), ("phone", string, .phone),
        ("phoneNumber", string, .phone), ("tel", string, .phone), ("mobile", string, .phone),
        ("cell_phone", string, .phone), ("street", string, .streetAddress), ("addressLine1", string, .streetAddress),
        ("address_line1", string, .streetAddress), ("streetName", string, .streetName), ("houseNumber", string, .buildingNumber),
        ("city", string, .city), ("billingAddressCity", string, .city), ("shipping_city", string, .city),
        ("state", string, .region), ("province", string, .region), ("zip", string, .postalCode),
        ("zipCode", string, .postalCode), ("postcode", string, .postalCode), ("postal_code", string, .postalCode),
        ("country", string, .country), ("countryCode", string, .countryCode), ("currency", string, .currency),
        ("price", number, .price), ("unitPrice", number, .price), ("totalAmount", number, .amount),
        ("amount", integer, .amount), ("quantity", integer, .quantity), ("qty", integer, .quantity),
        ("discountPercent", number, .percentage), ("rating", number, .rating), ("age", integer, .age),
        ("company", string, .companyName), ("companyName", string, .companyName), ("jobTitle", string, .jobTitle),
        ("website", string, .url), ("avatarUrl", string, .imageURL), ("profile_image", string, .imageURL),
        ("domain", string, .domain), ("ipAddress", string, .ipv4), ("ipv6", string, .ipv6),
        ("id", string, .uuid), ("userId", string, .uuid), ("orderID", string, .uuid), ("sku", string, .sku),
        ("iban", string, .iban), ("bic", string, .bic), ("cardNumber", string, .creditCard),
        ("createdAt", string, .timestamp), ("updated_at", string, .timestamp), ("publishedAt", string, .timestamp),
        ("timestamp", integer, .timestamp), ("date", string, .date), ("dueDate", string, .date),
        ("birthDate", string, .birthDate), ("dob", string, .birthDate), ("date_of_birth", string, .birthDate),
        ("latitude", number, .latitude), ("lng", number, .longitude), ("color", string, .color),
        ("hexColor", string, .hexColor), ("title", string, .title), ("description", string, .description),
        ("bio", string, .description), ("productName", string, .productName), ("locale", string, .locale),
        ("language", string, .language), ("timezone", string, .timezone), ("version", string, .version),
        ("status", string, .status), ("password", string, .password), ("slug", string, .slug),
        ("gender", string, .gender),
        // Format decides whatever the name.
        ("contact", ["type": "string", "format": "email"], .email), ("ref", ["type": "string", "format": "uuid"], .uuid),
        ("when", ["type": "string", "format": "date-time"], .timestamp), ("born", ["type": "string", "format": "date"], .birthDate),
        ("homepage", ["type": "string", "format": "uri"], .url), ("logo", ["type": "string", "format": "uri"], .imageURL),
        ("server", ["type": "string", "format": "ipv4"], .ipv4), ("email", ["type": "string", "format": "uri"], .url),
        // Negatives.
        ("emailVerified", boolean, nil), ("email", integer, nil), ("email", boolean, nil), ("id", integer, nil),
        ("userId", integer, nil), ("fileName", string, nil), ("ethnicity", string, nil), ("isActive", boolean, nil),
        ("phone", integer, nil), ("city", boolean, nil), ("price", boolean, nil), ("age", string, .age),
        ("day", integer, nil), ("emailCount", integer, .quantity), ("foo", string, nil), ("", string, nil),
        ("capacity", string, nil), ("cityscape", string, nil),
    ]

    @Test func inferenceTable() {
        #expect(Self.cases.count >= 60)
        for (name, schema, expected) in Self.cases {
            #expect(SemanticInference.infer(propertyName: name, schema: schema) == expected, "\(name) \(schema)")
        }
    }

    @Test func wordSplitting() {
        #expect(SemanticInference.words("billingAddressCity") == ["billing", "address", "city"])
        #expect(SemanticInference.words("user_email") == ["user", "email"])
        #expect(SemanticInference.words("HTTPStatus") == ["http", "status"])
        #expect(SemanticInference.words("address-line1") == ["address", "line1"])
        #expect(SemanticInference.words("userID") == ["user", "id"])
    }

    @Test func schemaWithoutTypeStillInfers() {
        #expect(SemanticInference.infer(propertyName: "email", schema: [:]) == .email)
        #expect(SemanticInference.infer(propertyName: "price", schema: ["type": ["number", "null"]]) == .price)
    }
}
