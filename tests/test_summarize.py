"""Summaries: budget, no repetition, citations, order, every method, the Python API."""

import pytest

import chorus
from chorus.errors import ChorusError
from chorus.select import METHODS
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def example_docs():
    return chorus.load_documents([EXAMPLE])


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("words", [15, 40, 100, 250])
def test_budget_is_never_exceeded_and_sentences_are_whole(example_docs, method, words):
    summary = chorus.summarize(example_docs, words=words, method=method)
    assert summary.words <= words
    assert summary.sentences, "a budget of 15+ words fits at least one sentence here"
    sources = {s.text for d in example_docs for s in chorus.pipeline.segment([d]).sentences}
    for sentence in summary.sentences:
        assert sentence.original_text in sources  # verbatim, never cut
        assert sentence.unedited() == sentence.original_text  # every change is a bracketed edit
        for edit in sentence.edits:
            assert sentence.text[edit.start] == "[" and "]" in sentence.text[edit.start : edit.end]


@pytest.mark.parametrize("method", sorted(METHODS))
def test_sentence_budget(example_docs, method):
    summary = chorus.summarize(example_docs, words=None, sentences=2, method=method)
    assert len(summary.sentences) == 2


def test_budget_fills_most_of_the_room(example_docs):
    summary = chorus.summarize(example_docs, words=100)
    assert summary.words >= 80


@pytest.mark.parametrize("method", sorted(set(METHODS) - {"lead"}))
def test_no_sentence_or_paraphrase_is_repeated(example_docs, method):
    summary = chorus.summarize(example_docs, words=250, method=method)
    texts = [s.text for s in summary.sentences]
    assert len(set(texts)) == len(texts)
    quote = [t for t in texts if "We will not let anyone back in" in t]
    assert len(quote) <= 1  # printed by four outlets, said once


def test_citations_name_every_outlet_that_carries_the_sentence(example_docs):
    summary = chorus.summarize(example_docs, words=250)
    by_text = {s.text: s for s in summary.sentences}
    names = [d.name for d in example_docs]
    # Four outlets quote the chief ("We will not let anyone back in until the
    # air is safe"), the Courier paraphrases her: whichever version is chosen
    # names at least four of them.
    chief = next(s for t, s in by_text.items() if "Okonkwo" in t and "safe" in t)
    assert len({names[d] for d in chief.doc_indexes}) >= 4
    for s in summary.sentences:
        assert s.origin.doc_index in s.doc_indexes
        assert s.support_count == len(s.doc_indexes) >= 1
        for c in s.support:
            assert c.text  # the supporting sentence itself


def test_a_sentence_found_in_one_article_cites_only_that_article(example_docs):
    story = chorus.pipeline.build_story(example_docs)
    from chorus.compose import supporting_sentences

    red_cross = next(s for s in story.sentences if "Red Cross" in s.text)
    support = supporting_sentences(story, red_cross)
    assert [c.doc_index for c in support] == [red_cross.doc_index]


def test_sentences_follow_their_articles_order(example_docs):
    summary = chorus.summarize(example_docs, words=250)
    for a, b in zip(summary.sentences, summary.sentences[1:]):
        if a.origin.doc_index == b.origin.doc_index:
            assert a.origin.position < b.origin.position


@pytest.mark.parametrize(
    "text, bare",
    [
        ("“The foreign minister extended an invitation, the movement accepted the invitation”.", True),
        ("``We will rebuild the bridge before winter.''", True),
        ('"We will rebuild the bridge before winter," the mayor said.', False),
        ('The mayor said: "We will rebuild the bridge before winter."', False),
        ('"We will rebuild," she said, "and before winter."', False),
        ("The bridge will be rebuilt before winter.", False),
    ],
)
def test_a_bare_quotation_is_told_from_an_attributed_one(text, bare):
    from chorus.text import is_bare_quotation

    assert is_bare_quotation(text) is bare


BRIDGE_QUOTE = "“The bridge will reopen to traffic on Monday once the repairs to its damaged cables are finished.”"


@pytest.mark.parametrize("method", sorted(set(METHODS) - {"lead"}))
def test_a_bare_quotation_never_stands_in_a_summary(method):
    """Outlets print the minister's words as a paragraph of their own, her name
    in the sentence before; out of that context the quote would be nobody's.
    (The lead baseline prints an article's opening as it runs, context and all.)"""
    articles = [
        f"Bridge to reopen\n\nTransport minister Ana Ruiz visited the Kessel bridge on Friday.\n\n{BRIDGE_QUOTE}\n\n"
        f"The bridge, which carries 40,000 vehicles a day, was closed after a barge struck it in {month}. "
        f"Engineers from {firm} replaced four of its cables over the past weeks."
        for month, firm in (("March", "Halden Works"), ("early March", "the city"), ("March", "a Dutch firm"))
    ]
    for words in (40, 100):
        summary = chorus.summarize(articles, words=words, method=method)
        assert summary.sentences
        assert all("reopen to traffic on Monday" not in s.text for s in summary.sentences)


def test_lavrov_example_summary(lavrov_dir):
    summary = chorus.summarize([lavrov_dir], words=100)
    assert 0 < summary.words <= 100
    texts = [s.text for s in summary.sentences]
    assert len(set(texts)) == len(texts)
    for furniture in ("Most Popular", "read more", "Click the alert", "LOG IN", "Texas", "Pileggi"):
        assert all(furniture not in t for t in texts)
    for s in summary.sentences:
        assert s.support_count >= 1
        assert not s.text.startswith("“")  # the quotes printed without their speaker stay out


def test_horowitz_quote_is_cited_to_the_three_outlets_that_print_it(lavrov_dir):
    docs = chorus.load_documents([lavrov_dir])
    story = chorus.pipeline.build_story(docs)
    from chorus.compose import supporting_sentences

    quote = next(s for s in story.sentences if s.text.startswith("“Internally these diplomatic successes"))
    cited = {docs[c.doc_index].id[:3] for c in supporting_sentences(story, quote)}
    assert cited == {"002", "003", "004"}


def test_api_accepts_texts_paths_and_dicts():
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    from_texts = chorus.summarize(texts, words=60)
    from_dicts = chorus.summarize([{"text": t, "name": f"n{i}"} for i, t in enumerate(texts)], words=60)
    from_paths = chorus.summarize(sorted(EXAMPLE.glob("*.txt")), words=60)
    assert from_texts.text == from_dicts.text == from_paths.text
    assert {d.name for d in from_paths.documents} == {p.name for p in EXAMPLE.glob("*.txt")}


def test_api_query_is_recorded_and_can_change_the_summary(example_docs):
    plain = chorus.summarize(example_docs, words=40, method="mmr")
    focused = chorus.summarize(example_docs, words=40, method="mmr", query="Red Cross shelters overnight")
    assert focused.query == "Red Cross shelters overnight"
    assert any("Red Cross" in s.text or "shelter" in s.text for s in focused.sentences)
    assert plain.text != focused.text


def test_api_rejects_bad_arguments(example_docs):
    with pytest.raises(ChorusError, match="unknown method"):
        chorus.summarize(example_docs, method="nope")
    with pytest.raises(ChorusError, match="at least 1"):
        chorus.summarize(example_docs, words=0)
    with pytest.raises(ChorusError, match="word or a sentence limit"):
        chorus.summarize(example_docs, words=None)
    with pytest.raises(ChorusError):
        chorus.summarize([42])


def test_import_has_no_side_effects():
    import subprocess
    import sys

    code = (
        "import sys, chorus; print(sorted(m for m in sys.modules if m.startswith(('sklearn','trafilatura','nupunkt'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]" and out.stderr == ""


def test_a_short_generic_sentence_is_not_a_paraphrase_of_longer_ones_on_its_topic():
    from chorus.pipeline import build_story, load_documents
    from chorus.represent import is_paraphrase

    articles = [
        "Israel approved new tenders for homes in Jewish settlements in the West Bank on Monday. "
        "The other tenders were for several Jewish settlements in the West Bank.",
        "Palestinian leaders said the decision to build hundreds of homes in Jewish settlements in the occupied "
        "West Bank would wreck the peace talks, and they asked Washington to intervene before Friday's meeting. "
        "Israel approved new tenders for homes in Jewish settlements in the West Bank, officials said.",
    ]
    story = build_story(load_documents(articles))
    by_text = {s.text: s for s in story.sentences}
    generic = by_text["The other tenders were for several Jewish settlements in the West Bank."]
    long_one = next(s for s in story.sentences if s.text.startswith("Palestinian leaders"))
    lead, echo = [s for s in story.sentences if s.text.startswith("Israel approved")]
    assert not is_paraphrase(story.vectors, long_one, generic)  # four shared topic words, another claim
    assert is_paraphrase(story.vectors, lead, echo) and is_paraphrase(story.vectors, echo, lead)


def test_a_string_naming_a_folder_is_refused_with_how_to_read_it(tmp_path):
    # A string is an article's text; one that names an existing folder or file was surely
    # meant as a path and would otherwise be summarized as a 30-character "article".
    with pytest.raises(ChorusError, match=r"pathlib\.Path"):
        chorus.summarize([str(EXAMPLE)])
    (tmp_path / "a.txt").write_text("Text.")
    with pytest.raises(ChorusError, match="names a file or folder"):
        chorus.load_documents([str(tmp_path / "a.txt")])
    # An ordinary one-line text is still an article.
    assert chorus.load_documents(["The fire broke out on Monday night near the harbor."])[0].text


def test_a_note_to_readers_is_found_as_its_pattern_finds_it():
    """``stands_alone`` looks for a hint before the case-blind search for a note to readers: the
    answer must be the search's on every text, case variants outside ASCII ("maİl") included."""
    import random

    from chorus.select.base import READER_NOTE, _reader_note

    pieces = ["@", "(AT)", "(at)", "e-mail to", "EMAİL TO", "email\tto", "maıl to", "www.", "WWW.", "https://"]
    pieces += ["fax", "FAX", "555-123-4567", "5-5", "man", "the ", "K", "ſ", "İ", "ı", "(", "-", ":", "/", " ", "."]
    rng = random.Random(19)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5000)]
    found = [READER_NOTE.search(text) is not None for text in texts]
    assert [_reader_note(text) for text in texts] == found
    assert 0 < sum(found) < len(texts)  # both answers are among the texts


OFF_TOPIC = {
    "id": "tennis",
    "name": "tennis.txt",
    "text": "Maria Ostrava won the final of the Lakeside Open on Sunday, beating the defending champion in "
    "three sets. The 19-year-old served eleven aces and broke serve five times. Her coach said the win "
    "would lift her into the top twenty of the world rankings. The tournament draws 40,000 spectators "
    "each year to its clay courts beside the lake.",
}


def test_an_article_about_another_story_is_warned_of_and_the_story_s_own_are_not():
    summary = chorus.summarize([EXAMPLE, OFF_TOPIC])
    warned = [w for w in summary.warnings if "shares few words with the other articles" in w]
    assert warned == ["tennis.txt shares few words with the other articles: it may be about another story"]
    assert not any("shares few words" in w for w in chorus.summarize([EXAMPLE]).warnings)
    two = chorus.summarize([dict(OFF_TOPIC), {"id": "fire", "text": (EXAMPLE / "04-wirenow.txt").read_text()}])
    assert not any("shares few words" in w for w in two.warnings)  # of two, which is the odd one is not known
