"""The word lists in one place (chorus.lexicon) and the regular expressions made of them."""

import re

from chorus import lexicon
from chorus.align import values
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
