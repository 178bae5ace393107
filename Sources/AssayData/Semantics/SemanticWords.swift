/// English word lists for the kinds a persona does not cover.
enum SemanticWords {
    static let jobTitles = [
        "Software Engineer", "Product Manager", "Data Analyst", "Account Executive", "Marketing Manager",
        "Sales Representative", "Customer Success Manager", "UX Designer", "Financial Analyst", "Accountant",
        "Operations Manager", "HR Specialist", "Project Manager", "Nurse", "Teacher", "Electrician",
        "Mechanical Engineer", "Research Scientist", "Office Manager", "Logistics Coordinator", "Architect",
        "Pharmacist", "Graphic Designer", "Legal Counsel", "Chief Technology Officer", "Support Engineer",
        "Quality Assurance Engineer", "Consultant", "Store Manager", "Chef",
    ]

    static let colors = [
        "red", "green", "blue", "yellow", "orange", "purple", "black", "white", "gray", "navy", "teal",
        "maroon", "olive", "silver", "gold", "beige", "turquoise", "coral", "indigo", "lavender",
    ]

    static let titles = [
        "Quarterly Report", "Welcome Aboard", "Release Notes", "Getting Started", "Weekly Update",
        "Project Kickoff", "Annual Review", "Service Outage Summary", "New Feature Announcement",
        "Customer Feedback Survey", "Team Offsite Agenda", "Budget Proposal", "Security Advisory",
        "Holiday Schedule", "Onboarding Checklist", "Roadmap Overview", "Product Launch Plan",
        "Meeting Minutes", "Travel Itinerary", "Maintenance Window",
    ]

    static let sentences = [
        "The package arrived on time and in perfect condition.",
        "Please review the attached document before the meeting.",
        "This release improves performance and fixes several bugs.",
        "Our team will contact you within two business days.",
        "The order was shipped from the central warehouse.",
        "Customers can now track deliveries in real time.",
        "The quality is excellent and the price is fair.",
        "All changes are saved automatically.",
        "Support is available around the clock.",
        "The new schedule starts next Monday.",
        "Payment was received and the invoice is attached.",
        "The room offers a great view of the old town.",
    ]

    static let productAdjectives = [
        "Ergonomic", "Compact", "Wireless", "Durable", "Lightweight", "Premium", "Classic", "Smart", "Portable",
        "Rustic", "Modern", "Handcrafted", "Recycled", "Deluxe", "Essential",
    ]
    static let productMaterials = [
        "Steel", "Wooden", "Cotton", "Leather", "Ceramic", "Bamboo", "Aluminum", "Glass", "Wool", "Granite",
    ]
    static let productNouns = [
        "Chair", "Desk Lamp", "Backpack", "Water Bottle", "Headphones", "Keyboard", "Coffee Mug", "Notebook",
        "Jacket", "Sneakers", "Table", "Watch", "Speaker", "Blanket", "Frying Pan", "Bicycle Helmet",
    ]

    static let slugWords = [
        "north", "wind", "blue", "river", "summit", "harbor", "maple", "stone", "bright", "cloud", "pixel",
        "green", "field", "urban", "nova", "atlas", "delta", "echo", "orbit", "prime",
    ]

    static let statuses = ["active", "pending", "inactive", "approved", "completed", "archived"]

    /// Card numbers the major networks publish for testing: Luhn-valid, never chargeable.
    static let testCardNumbers = [
        "4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444", "5105105105105100",
        "2223003122003222", "378282246310005", "371449635398431", "6011111111111117", "3566002020360505",
    ]

    static let alpha3: [String: String] = [
        "US": "USA", "DE": "DEU", "FR": "FRA", "JP": "JPN", "BR": "BRA", "GB": "GBR", "ES": "ESP", "IT": "ITA",
    ]
}
