"""The word lists of presswatch, each defined once: every other module imports from here.

calendar.py (months, weekdays, seasons), numbers.py (number words and scales), people.py
(honorifics, roles, groups, organisations, pronouns), speech.py (cue verbs, speech nouns).
tests/test_lexicons.py finds an entry written twice in one list, and a list written again outside.
"""
