"""The word lists in one place (chorus.lexicon) and the regular expressions made of them."""

import re

from chorus import lexicon
from chorus.align import claims, values
from chorus.analysis import quotes


def test_alternation_prefers_the_longest_word_and_escapes_phrases():
    pattern = re.compile(lexicon.alternation(["say", "says", "according to", "a.m."]))
    assert pattern.match("says who").group() == "says"  # not cut short at "say"
    assert pattern.match("according to police").group() == "according to"
    assert pattern.match("a.m.").group() == "a.m." and not pattern.match("axmx")


def test_each_reader_of_speech_verbs_reads_the_lexicon():
    # A quotation's attribution takes the wider list; a day after a statement verb dates the telling.
    assert {"quipped", "tweeted"} <= lexicon.QUOTE_VERBS and lexicon.SPEECH_VERBS <= lexicon.QUOTE_VERBS
    assert not {"quipped", "tweeted"} & lexicon.SPEECH_VERBS
    assert re.search(quotes._VERBS, "quipped")
    assert values._STATEMENT_DAY.search("officials disclosed on Monday that the plant had closed")
    assert not values._STATEMENT_DAY.search("officials quipped on Monday that the plant had closed")


def test_numbers_in_words_are_read_from_the_lexicon():
    # One list for the figures align/values.py reads and the number words align/claims.py sets apart.
    assert lexicon.NUMBER_WORDS["dozen"] == 12 and lexicon.SCALE_WORDS["million"] == 1e6
    (seven,) = values.numbers_in("Seven people were hurt.")
    (dozen,) = values.numbers_in("a dozen homes burned")
    (raised,) = values.numbers_in("2.5 million dollars were raised")
    assert (seven.low, dozen.low, raised.low) == (7.0, 12.0, 2.5e6)
    assert claims._NUMBER_WORDS == set(lexicon.NUMBER_WORDS) | set(lexicon.SCALE_WORDS)
