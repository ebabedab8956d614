"""The told-before index of definite descriptions: one map per article gives what re-reading the article's earlier sentences gave."""

from __future__ import annotations

from chorus.pipeline import build_story, load_documents
from chorus.references import context_of, first_told, told_description
from conftest import EXAMPLE


def _article_start(story, index: int) -> int:
    first = index
    while first > 0 and story.sentences[first - 1].doc_index == story.sentences[index].doc_index:
        first -= 1
    return first


def test_first_told_maps_each_stem_to_the_first_sentence_of_its_article_that_has_it():
    story = build_story(load_documents([EXAMPLE]), None, [])
    starts = {_article_start(story, i) for i in range(len(story.sentences))}
    assert len(starts) >= 2
    for first in starts:
        told = first_told(story, first)
        article = [s for s in story.sentences[first:] if s.doc_index == story.sentences[first].doc_index]
        assert set(told) == {x for s in article for x in s.stems}
        for x, at in told.items():
            assert x in story.sentences[at].stems
            assert all(x not in s.stems for s in article if s.index < at)


def test_the_kept_index_finds_what_the_sentence_by_sentence_reading_finds():
    story = build_story(load_documents([EXAMPLE]), None, [])
    context = context_of(story)
    found = [told_description(story, i) for i in range(len(story.sentences))]
    assert any(n.any for n in found)  # the example's descriptions lean on earlier sentences
    for i, needs in enumerate(found):
        assert told_description(story, i, lambda: context.first_told(i)) == needs
        for word in needs.words:  # told before: in an earlier sentence of the article
            earlier = story.sentences[_article_start(story, i) : i]
            assert any(word in s.stems for s in earlier)
