"""The word lists chorus reads text with, as data, in one place: the calendar's names, the titles
before a person's name, the verbs that report speech, and the cue votes of the rule-based
name finder. Every module that needs one imports it from here."""

from __future__ import annotations

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Names of months and days: capitalised, but not names of people or places.
MONTHS_AND_DAYS = frozenset(w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS))

# Words before a person's name that say what the person is ("Foreign Minister", "Dr.").
PERSON_TITLES = frozenset(
    """president minister secretary chief leader premier chancellor senator sen rep representative
    governor gov mayor king queen prince princess sheikh emir ambassador envoy spokesman
    spokeswoman spokesperson director chairman chairwoman ceo mr mrs ms dr prof professor judge
    commander captain capt lieutenant lt sergeant sgt colonel col general gen admiral adm pope bishop
    archbishop rabbi cardinal imam ayatollah deputy vice former officer inspector detective
    superintendent coach pastor reverend rev lord lady sir dame attorney fm pm""".split()
)
# Verbs that report speech: a name beside one is a person's.
SPEECH_VERBS = frozenset(
    """said says told tells added adds explained declared stated responded replied noted wrote
    insisted warned argued announced claimed confirmed urged stressed""".split()
)

# The votes of the rule-based name finder's cues (analysis/entities.py; the internal and
# contextual evidence of Mikheev, Moens & Grover 1999), one strength per kind of cue:
VOTE_HEAD = 3  # the name's own head word or title decides: "... University", "Gulf of ...", "President ..."
VOTE_CONTEXT = 2  # a word beside it says what it is: "the utility X", "X, a company spokesman", an acronym
VOTE_HINT = 1  # a weaker hint, for or against: "in X", "X, who", "X said"; "X, which", "the X said"
VOTE_TIE = 0.5  # tips a tie only: "X officials", two or three bare capitalised words
