"""Number words (English): cardinals, number phrases, vague numbers and scales, as times and claims
read them. Values are what the words count (ints, 0.5 for "half a", floats for the scales)."""
from __future__ import annotations

SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen")  # the index is the value
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# zero to nineteen and the tens; compounds ("twenty-one") are read by their users
CARDINALS = {**{w: i for i, w in enumerate(SMALL_NUMBERS)}, **TENS}
ARTICLES = {"a": 1, "an": 1}  # "a day", "an hour"
# counts written as phrases ("a couple of days", "a dozen", "a hundred", "half a year")
NUMBER_PHRASES = {"a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
                  "half a": 0.5, "a half": 0.5}
# more hundreds and thousands written out, as quantities are stated ("one hundred", "a thousand")
HUNDREDS_AND_THOUSANDS = {"one hundred": 100, "a thousand": 1000, "one thousand": 1000}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "dozens of", "hundreds of", "a number of")
# the multipliers after a figure ("3.5 million", "$5bn")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "bn": 1e9}

# Figures of speech with a number word in them (English generally, not one article's wording): the
# number is rhetoric, not a count anyone could check. Each is a regex over the text, case-insensitive.
FIGURES_OF_SPEECH = (
    # hyperbole of gratitude, regret and repetition: "a million thanks", "a thousand apologies",
    # "a hundred times" ("I have told you a thousand times") -- a round big number with "a"/"one"
    r"\b(?:a|one)\s+(?:hundred|thousand|million|billion|zillion)\s+(?:thanks|apologies|pardons|times|kisses)\b",
    r"\bthanks\s+a\s+(?:million|bunch|thousand)\b",  # "thanks a million"
    r"\bone\s+of\s+a\s+kind\b",  # unique, not a count
    r"\bone\s+in\s+a\s+(?:million|billion|thousand|hundred)\b",  # "a chance in a million": rare
    r"\bat\s+the\s+end\s+of\s+the\s+day\b",  # "in the end", not a time of day
    # certainty, not a share: "a hundred percent sure", "110 per cent committed"
    r"\b(?:a\s+|one\s+)?(?:hundred|100|110|a\s+hundred\s+and\s+ten)\s*(?:%|percent|per\s+cent)\s+"
    r"(?:sure|certain|confident|committed|behind|right|convinced|honest)\b",
    r"\b(?:give|giving|gave|given)\s+(?:a\s+)?(?:100|110|hundred|a\s+hundred(?:\s+and\s+ten)?)\s*(?:%|percent|per\s+cent)\b",
    r"\b(?:a|one)\s+million\s+(?:miles\s+away|years)\b",  # "feels a million miles away", "never in a million years"
    r"\bworth\s+a\s+thousand\s+words\b",  # a picture is worth a thousand words
    r"\b(?:twenty-four|24)\s*/\s*(?:seven|7)\b",  # "24/7": all the time
)
