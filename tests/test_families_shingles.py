"""Source families' shingles: the fast path (segmenting's stems, quotation bounds by bisection)
gives the shingles of their definition, word by word."""

from __future__ import annotations

from dataclasses import replace

from chorus.align.families import LONG_QUOTE_WORDS, MIN_OWN_WORDS, SHINGLE, _quote_spans, _sentence_shingles
from chorus.pipeline import build_story, load_documents
from chorus.text import WORD_RE, is_content, stem
from conftest import EXAMPLE


def defined_shingles(text: str, variants: dict[str, str]) -> tuple[set[int], set[int]]:
    """The definition, one word at a time: every shingle with MIN_OWN_WORDS lower-case content words,
    and those with no word inside a short quotation."""
    spans = [(a, b) for a, b in _quote_spans(text) if len(WORD_RE.findall(text[a:b])) < LONG_QUOTE_WORDS]
    keys, quoted, wording = [], [], []
    for m in WORD_RE.finditer(text):
        word = m.group()
        keys.append(variants.get(stem(word), stem(word)))
        quoted.append(any(a <= m.start() < b for a, b in spans))
        wording.append(word[0].islower() and is_content(word))
    every, telling = set(), set()
    for p in range(len(keys) - SHINGLE + 1):
        if sum(wording[p : p + SHINGLE]) < MIN_OWN_WORDS:
            continue
        h = hash(tuple(keys[p : p + SHINGLE]))
        every.add(h)
        if not any(quoted[p : p + SHINGLE]):
            telling.add(h)
    return every, telling


QUOTED = [
    'The chief said "we will not let anyone back into the building tonight" and left the scene early.',
    "The mayor said ``we have evacuated the whole street'' and told reporters the families were safe now.",
    'Officials called it "a tragedy" and "an accident waiting to happen" at the old harbor warehouse.',
    '"Unclosed quotation runs on from here to the end of the sentence with enough words in it.',
]


def test_each_sentence_gets_the_shingles_of_the_definition():
    story = build_story(load_documents([EXAMPLE]), None, [])
    variants = story.vectors.variants
    assert len(story.sentences) > 20
    for sentence in story.sentences:
        assert _sentence_shingles(sentence, variants) == defined_shingles(sentence.text, variants)


def test_quotations_mark_the_shingles_they_touch():
    story = build_story(load_documents(["\n\n".join(QUOTED)]), None, [])
    checked = 0
    for sentence in story.sentences:
        every, telling = _sentence_shingles(sentence, {})
        assert (every, telling) == defined_shingles(sentence.text, {})
        checked += every != telling  # a quotation left some shingles out of the telling ones
    assert checked >= 3


def test_a_sentence_whose_tokens_are_not_its_text_is_read_from_its_text():
    story = build_story(load_documents(["\n\n".join(QUOTED)]), None, [])
    sentence = replace(story.sentences[0], stems=("x",), content=(True,))
    assert _sentence_shingles(sentence, {}) == defined_shingles(sentence.text, {})
