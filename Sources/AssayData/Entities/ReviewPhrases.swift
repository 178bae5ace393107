/// The words of product reviews: titles by star rating, and body sentences by sentiment.
///
/// A `~` in a sentence stands for the product's noun in lowercase ("the yoga mat"). All
/// phrases are plain ASCII without quotes or backslashes.
enum ReviewPhrases {
    /// Titles for 1 to 5 stars (index 0 is one star).
    static let titles: [[[UInt8]]] = [
        ["Broke after a week", "Waste of money", "Do not buy", "Very poor quality", "Returned it", "Not worth it"],
        ["Disappointed", "Not as described", "Wouldn't buy again", "Below expectations", "Meh", "Could be much better"],
        ["It's okay", "Decent but not great", "Mixed feelings", "Average at best", "Fine for the price", "Some pros, some cons"],
        ["Very good overall", "Solid choice", "Great, with one small catch", "Happy with it", "Good value", "Does the job well"],
        [
            "Absolutely love it", "Exceeded my expectations", "Best purchase this year", "Worth every penny", "Highly recommend",
            "Perfect",
        ],
    ].map { $0.map { Array($0.utf8) } }

    /// Sentence tables for a sentiment: an opener naming the product, details, a closer.
    struct Tone: Sendable {
        let openers: [[UInt8]]
        let details: [[UInt8]]
        let closers: [[UInt8]]

        init(openers: [String], details: [String], closers: [String]) {
            self.openers = openers.map { Array($0.utf8) }
            self.details = details.map { Array($0.utf8) }
            self.closers = closers.map { Array($0.utf8) }
        }
    }

    /// The tone of a review with `rating` stars.
    static func tone(rating: Int) -> Tone {
        tones[toneIndex(rating: rating)]
    }

    /// Which of ``tones`` suits `rating` stars.
    static func toneIndex(rating: Int) -> Int {
        rating >= 4 ? 2 : rating == 3 ? 1 : 0
    }

    /// Negative, neutral and positive sentences.
    static let tones = [negative, neutral, positive]

    private static let positive = Tone(
        openers: [
            "I bought this ~ a month ago and use it every day.", "The ~ arrived quickly and was well packaged.",
            "This ~ looks even better in person.", "I was hesitant at first, but this ~ won me over.",
            "Got the ~ as a gift and ended up ordering one for myself.", "I have tried a few, and this ~ is the best so far.",
        ],
        details: [
            "The quality feels solid and the finish is excellent.", "It is sturdy, well made and easy to clean.",
            "Setup took two minutes.", "The color matches the photos exactly.", "It is lighter than I expected, which is a plus.",
            "Everything about it feels thoughtfully designed.",
        ],
        closers: [
            "Would definitely buy again.", "Highly recommended.", "Great value for money.", "Already recommended it to friends.",
        ]
    )

    private static let neutral = Tone(
        openers: [
            "The ~ is fine, nothing special.", "This ~ does what it says, mostly.", "I have mixed feelings about this ~.",
            "The ~ arrived a few days late but intact.",
        ],
        details: [
            "The quality is acceptable for the price.", "It works, but the finish could be better.",
            "It is a little smaller than I expected.", "The instructions were unclear.", "The color is slightly off from the photos.",
        ],
        closers: ["It is okay if you find it on sale.", "Not sure I would buy it again.", "Does the job, nothing more."]
    )

    private static let negative = Tone(
        openers: [
            "The ~ stopped working after a few uses.", "This ~ looks nothing like the photos.", "I regret ordering this ~.",
            "The ~ arrived damaged and customer service was slow to reply.",
        ],
        details: [
            "The materials feel cheap.", "Several parts were loose out of the box.", "It is much smaller than described.",
            "The smell did not go away after a week.", "It scratches far too easily.",
        ],
        closers: ["I am returning it.", "Save your money.", "Would not recommend."]
    )
}
