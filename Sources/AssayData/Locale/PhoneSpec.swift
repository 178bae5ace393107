/// How a locale's phone numbers look.
struct PhoneSpec: Sendable {
    /// How a national number is grouped.
    enum Style: Sendable {
        case northAmerican, german, french, japanese, brazilian, british, spanish, italian
    }

    /// Country calling code, without `+`.
    let callingCode: String
    let style: Style
    /// Digits of a landline's national significant number (area code included).
    let landlineLength: Int
    /// Mobile prefixes of the national significant number; `*` stands for the city's area code.
    let mobilePrefixes: String
    let mobileLength: Int
    /// Share of people given a mobile number rather than a landline.
    let mobileShare: Double
}
