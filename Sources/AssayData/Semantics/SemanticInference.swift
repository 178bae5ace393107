public import AssayCore

/// Infers what a schema property holds from its name and schema.
public enum SemanticInference {
    /// What a property named `propertyName` with (resolved) leaf schema `schema` holds, or
    /// `nil`.
    ///
    /// The name is split into words (camelCase, snake_case, kebab-case, acronyms), and the
    /// longest run of trailing words found in the vocabulary decides, so `billingAddressCity`
    /// is a city, `jobTitle` a job title rather than a title, and `emailVerified` nothing. A
    /// known `format` wins over the name (`format: email` is an email whatever the name); the
    /// schema's type must suit the kind (an integer `email` is not an email; an integer `id`
    /// is not a UUID).
    public static func infer(propertyName: String, schema: JSONValue) -> SemanticKind? {
        let constraints = SchemaConstraints(schema)
        let words = Self.words(propertyName)
        if let format = constraints.format, let kind = kind(format: format, words: words) {
            return kind.suits(constraints) ? kind : nil
        }
        guard let kind = kind(words: words, constraints: constraints) else { return nil }
        return kind.suits(constraints) ? kind : nil
    }

    /// The kind a `format` implies; `nil` for formats that say nothing about meaning
    /// (`int64`, `byte`, …).
    static func kind(format: String, words: [String]) -> SemanticKind? {
        switch format.lowercased() {
        case "email", "idn-email": return .email
        case "uuid": return .uuid
        case "date-time": return .timestamp
        case "date":
            return words.contains(where: { ["birth", "dob", "birthday", "born"].contains($0) }) ? .birthDate : .date
        case "time": return .time
        case "uri", "url", "iri":
            return words.contains(where: { imageWords.contains($0) }) ? .imageURL : .url
        case "hostname", "idn-hostname": return .domain
        case "ipv4": return .ipv4
        case "ipv6": return .ipv6
        case "password": return .password
        case "phone", "tel": return .phone
        case "iban": return .iban
        case "bic": return .bic
        case "country-code", "iso3166", "iso-3166": return .countryCode
        case "currency", "currency-code", "iso4217", "iso-4217": return .currency
        default: return nil
        }
    }

    private static let imageWords: Set<String> = ["image", "avatar", "photo", "picture", "thumbnail", "logo", "icon", "img"]

    static func kind(words: [String], constraints: SchemaConstraints) -> SemanticKind? {
        guard !words.isEmpty else { return nil }
        for length in stride(from: min(words.count, 4), through: 1, by: -1) {
            let key = words.suffix(length).joined()
            if let entry = vocabulary[key] { return entry }
            if blocked.contains(key) { return nil }
        }
        // A trailing `at`/`on` names a moment: `publishedAt`, `shippedOn`.
        if words.count >= 2, let last = words.last, last == "at" || last == "on" {
            return .timestamp
        }
        if words.count >= 2, words.last == "date" { return .date }
        return nil
    }

    /// Trailing words that look like a kind but are not (`fileName` is not a person's name).
    private static let blocked: Set<String> = [
        "filename", "pathname", "classname", "typename", "tablename", "fieldname", "keyname", "tagname",
        "eventname", "displayorder", "nameserver", "colorscheme",
    ]

    /// Trailing words (joined, lowercase) → kind.
    static let vocabulary: [String: SemanticKind] = {
        var table: [String: SemanticKind] = [:]
        func add(_ kind: SemanticKind, _ keys: String) {
            for key in keys.split(separator: " ") { table[String(key)] = kind }
        }
        add(.firstName, "firstname givenname forename fname")
        add(.lastName, "lastname surname familyname lname")
        add(.fullName, "name fullname displayname contactname personname customername authorname ownername recipientname holdername cardholdername accountholder")
        add(.username, "username login loginname handle nickname screenname")
        add(.email, "email mail emailaddress mailaddress")
        add(.phone, "phone phonenumber tel telephone telephonenumber mobile mobilephone mobilenumber cell cellphone fax faxnumber msisdn contactnumber")
        add(.gender, "gender sex")
        add(.age, "age")
        add(.birthDate, "birthdate dateofbirth dob birthday")
        add(.password, "password passwd pwd passphrase")
        add(.streetAddress, "street streetaddress address address1 addressline addressline1 line1 streetline")
        add(.streetName, "streetname")
        add(.buildingNumber, "housenumber buildingnumber streetnumber houseno")
        add(.city, "city town locality cityname municipality")
        add(.region, "state region province county prefecture stateprovince statename regionname")
        add(.regionCode, "statecode regioncode provincecode")
        add(.postalCode, "zip zipcode postalcode postcode plz cep postal")
        add(.country, "country countryname")
        add(.countryCode, "countrycode countryiso iso2 countryalpha2")
        add(.latitude, "lat latitude")
        add(.longitude, "lng lon long longitude")
        add(.timezone, "timezone tz timezoneid zoneid")
        add(.locale, "locale")
        add(.language, "language lang languagecode")
        add(.companyName, "company companyname organization organisation organizationname employer business businessname")
        add(.jobTitle, "jobtitle occupation profession jobposition")
        add(.productName, "productname product itemname")
        add(.sku, "sku productcode itemcode partnumber articlenumber")
        add(.currency, "currency currencycode ccy")
        add(.price, "price unitprice cost fee listprice saleprice retailprice msrp")
        add(.amount, "amount total subtotal balance tax discount grandtotal sum totalamount amountdue")
        add(.quantity, "quantity qty count stock inventory units")
        add(.percentage, "percent percentage pct")
        add(.rating, "rating stars score")
        add(.iban, "iban")
        add(.bic, "bic swift swiftcode bicswift")
        add(.creditCard, "creditcard cardnumber ccnumber creditcardnumber pan")
        add(.url, "url uri link website homepage href webpage weburl site")
        add(.imageURL, "image imageurl avatar avatarurl photo photourl picture pictureurl thumbnail thumbnailurl logo logourl icon iconurl img")
        add(.domain, "domain hostname host domainname")
        add(.ipv4, "ip ipaddress ipv4 ipv4address remoteip clientip")
        add(.ipv6, "ipv6 ipv6address")
        add(.uuid, "id uuid guid")
        add(.slug, "slug")
        add(.version, "version semver appversion")
        add(.status, "status")
        add(.timestamp, "timestamp datetime createdat updatedat deletedat modifiedat lastmodified lastlogin expiresat createdtime updatedtime")
        add(.date, "date day startdate enddate duedate")
        add(.time, "time")
        add(.year, "year")
        add(.title, "title subject headline heading")
        add(.description, "description desc summary bio about comment comments notes note body text content message details")
        add(.color, "color colour")
        add(.hexColor, "hexcolor colorhex colorcode hex")
        table["producttitle"] = .productName
        return table
    }()

    /// `billingAddressCity` → `billing address city`; `user_email` → `user email`;
    /// `HTTPStatus` → `http status`; `address_line1` → `address line1`.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(name)
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current.removeAll()
        }
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if character.isUppercase, let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // A capital starts a word after a lowercase letter or a digit, or ends an
                // acronym when a lowercase letter follows (`HTTPStatus`).
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    flush()
                }
            }
            current.append(character)
        }
        flush()
        return words
    }
}
