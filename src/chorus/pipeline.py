"""The summarization pipeline: ingest -> segment -> represent -> select -> compose."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from chorus.align import ClaimCheck, aligner_of
from chorus.compose import compose
from chorus.errors import ChorusError, InputError
from chorus.ingest import RawDocument, prepare_documents
from chorus.ingest.metadata import place_label
from chorus.ingest.read import document_from_json, is_dataset_path, read_article_files, read_folder
from chorus.represent import represent, similarity_to_the_others
from chorus.segment import segment, split_sentences
from chorus.select import Summarizer, get_method
from chorus.sparse import median_value
from chorus.text import counted, words as text_words
from chorus.types import DEFAULT_WORDS, MAX_CLAIM_CHARS, Budget, Document, Story, Summary, SummaryOptions

DocumentLike = str | os.PathLike | Document | RawDocument | dict

# An article whose likeness to the rest (``represent.similarity_to_the_others``) is under this share
# of the story's median likeness is likely about another story: the reader is warned, since its
# sentences may still be chosen. A share, not a cosine: one event's articles are far more alike
# (the harbor-fire example: 0.40-0.59) than a DUC topic's (down to 0.05). Chosen on DUC 2006's odd
# topics as the highest share that warns of none of their articles (benchmarks/off_topic.py;
# BENCHMARKS.md, "Ninth session").
OFF_TOPIC_SHARE = 0.25
OFF_TOPIC_MIN_ARTICLES = 3  # of two articles, which is the odd one is not known


def to_raw_documents(documents: Iterable[DocumentLike], warnings: list[str]) -> list[RawDocument | Document]:
    """Accept texts, HTML strings, paths (files or folders), dicts and Documents."""
    out: list[RawDocument | Document] = []
    for i, item in enumerate(documents):
        if isinstance(item, (Document, RawDocument)):
            out.append(item)
        elif isinstance(item, os.PathLike):
            path = Path(item)
            if not path.is_dir() and is_dataset_path(path.name):
                # One story's articles are asked for; a dataset holds a cluster a line (the CLI reads it so).
                raise InputError(
                    f"{path} is read as a dataset of clusters, not as one article: summarize them with "
                    "`chorus batch`, or give the articles of one story"
                )
            # A file that holds several articles (a feed, NIST SGML) gives them all, as in a folder.
            out.extend(read_folder(path, warnings) if path.is_dir() else read_article_files(path))
        elif isinstance(item, (str, dict)):
            if isinstance(item, str) and _names_a_path(item):
                raise InputError(
                    f"document {i + 1} is the text {item.strip()!r}, which names a file or folder: "
                    "give pathlib.Path(...) to read it (a string is taken as the article's text)"
                )
            raw = document_from_json(item, i, "documents")
            raw.id = raw.id or str(i + 1)
            out.append(raw)
        else:
            raise InputError(f"document {i + 1} is a {type(item).__name__}; give text, a path or a Document")
    return out


def _names_a_path(text: str) -> bool:
    """A one-line string that is an existing file or folder: surely meant as a path, not as an article."""
    candidate = text.strip()
    if not candidate or "\n" in candidate or len(candidate) > 4096:
        return False
    try:
        return Path(candidate).expanduser().exists()
    except (OSError, ValueError):
        return False


def load_documents(
    documents: Iterable[DocumentLike], warnings: list[str] | None = None, english_only: bool = True
) -> list[Document]:
    """Read, extract and clean articles into Documents (ingest stage); ``english_only`` as in ``prepare_documents``."""
    warnings = warnings if warnings is not None else []
    items = to_raw_documents(documents, warnings)
    ready = [d for d in items if isinstance(d, Document)]
    raw = [d for d in items if isinstance(d, RawDocument)]
    if raw and ready:
        raise InputError("give either raw articles or cleaned Documents, not both")
    return ready if ready else prepare_documents(raw, warnings, english_only)


def build_story(
    documents: list[Document],
    query: str | None = None,
    warnings: list[str] | None = None,
    *,
    splitter: Callable[[str], list[str]] = split_sentences,
) -> Story:
    """Segment and represent cleaned documents (``splitter``: how a paragraph is cut into sentences)."""
    story = segment(documents, query, splitter)
    story.warnings.extend(warnings or [])
    if not story.sentences:
        raise InputError("the articles contain no sentence to summarize")
    if len(documents) == 1:
        story.warnings.append("only one article: the summary cannot show what several outlets corroborate")
    represent(story)
    for d in off_topic_articles(story):
        doc = documents[d]
        story.warnings.append(
            f"{doc.name or place_label(doc.id)} shares few words with the other articles: it may be about another story"
        )
    return story


def off_topic_articles(story: Story) -> list[int]:
    """The articles of a story of ``OFF_TOPIC_MIN_ARTICLES`` or more that are likely about another story."""
    if len(story.documents) < OFF_TOPIC_MIN_ARTICLES:
        return []
    similarity = similarity_to_the_others(story)
    typical = median_value(similarity)
    return [d for d, x in enumerate(similarity) if x < OFF_TOPIC_SHARE * typical]


def read_story(
    documents: Iterable[DocumentLike],
    query: str | None = None,
    warnings: list[str] | None = None,
    *,
    stage: Callable[[str], object] | None = None,
) -> Story:
    """The one reading every consumer shares (CLI, batch, web, report, check): ingest
    (``load_documents``), then segment and represent (``build_story``).

    ``stage`` is told the name of each step as it starts (a progress display, a deadline)."""
    warnings = warnings if warnings is not None else []
    documents = list(documents)
    if stage is not None:
        stage(f"reading {len(documents)} articles")
    docs = load_documents(documents, warnings)
    if stage is not None:
        stage("splitting into sentences")
    return build_story(docs, query, warnings)


def make_budget(words: int | None = DEFAULT_WORDS, sentences: int | None = None) -> Budget:
    try:
        return Budget(words=words, sentences=sentences)
    except ValueError as exc:
        raise ChorusError(str(exc)) from None


def summarize_story(story: Story, budget: Budget, method: str | Summarizer | None = None) -> Summary:
    """The summary of ``story`` in ``budget`` by ``method``: a method's name (None: the default) or
    one already made, with its own settings (``Concepts(max_concepts=600)``)."""
    summarizer = method if isinstance(method, Summarizer) else get_method(method)
    chosen = summarizer(story, budget)
    summary = compose(story, chosen, budget, summarizer.name)
    if not summary.sentences and budget.words is not None:
        # Sentences are never cut, and an empty summary would read as a story with nothing in it.
        raise ChorusError(
            f"no sentence of these articles that could stand in a summary fits in "
            f"{counted(budget.words, 'word')}; raise the word budget"
        )
    return summary


def summarize_as_asked(story: Story, options: SummaryOptions) -> Summary:
    """The summary ``options`` ask for, of a story read with their query (``read_story(documents, options.query)``)."""
    return summarize_story(story, options.budget(), options.method)


def summarize(
    documents: Sequence[DocumentLike],
    words: int | None = DEFAULT_WORDS,
    query: str | None = None,
    method: str | None = None,
    *,
    sentences: int | None = None,
) -> Summary:
    """Summarize articles about one story into one cited summary.

    Args:
        documents: the articles: raw text or HTML strings, ``pathlib.Path``
            objects (files or folders), dicts with a ``"text"`` key, or
            already-cleaned ``Document`` objects.
        words: the most words the summary may have (whole sentences only);
            ``None`` for no word limit.
        query: an optional question or topic to focus the summary on.
        method: a content-selection method (see ``chorus.METHODS``);
            ``None`` for the default.
        sentences: the most sentences the summary may have.

    Returns:
        A ``Summary``: its sentences, each with the documents that support it.

    Raises:
        ChorusError: for unusable input (nothing readable, not English...).
    """
    budget = make_budget(words, sentences)
    return summarize_story(read_story(documents, query), budget, method)


def check(claim: str, documents: Sequence[DocumentLike], warnings: list[str] | None = None) -> ClaimCheck:
    """Which articles state a claim, which contradict it, and which are silent on it.

    Args:
        claim: the claim, a sentence ("About 1,200 people were evacuated.").
        documents: the articles, as for ``chorus.summarize``.
        warnings: a list that receives what the reading warns of (an article left out as not
            English, unreadable or given twice), as ``chorus summarize`` prints them.

    Returns:
        A ``chorus.align.ClaimCheck``: for each article its ``verdict``
        (``"states"``, ``"contradicts"`` or ``"silent"``), the sentence(s)
        behind it and the values it gives differently, and how many
        independent sources the articles that state it are;
        ``chorus.render.render_check`` lays it out.

    Raises:
        ChorusError: for an empty or overlong claim, or unusable articles.
    """
    claim = " ".join((claim or "").split())
    if not claim:
        raise InputError("the claim is empty; give the sentence to check")
    if not text_words(claim):
        raise InputError(f"the claim has no words to check ({claim!r}); give the sentence to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise InputError(f"the claim is {len(claim):,} characters; a claim is at most {MAX_CLAIM_CHARS:,}")
    return aligner_of(read_story(documents, warnings=warnings)).check(claim)
