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
