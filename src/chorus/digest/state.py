"""``--state DIR``: the stories kept between runs, so that tomorrow's articles join today's stories.

One JSON file, ``DIR/stories-state.json`` (``"schema": "chorus.digest-state/1"``):
every article (its cleaned document, its terms, its story and the decision
that put it there) and every story's summary with the articles it was made
from. A run loads it, groups the new articles into the kept stories or new
ones, summarizes only the stories that got an article, and writes the file
again (to a temporary name, then moved into place, so a crash leaves the
old state whole). Only the grouping's weights are made again, from the kept
terms: they depend on the whole collection.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from chorus.align.values import printed
from chorus.digest.features import ArticleFeatures
from chorus.digest.grouping import TOPIC, Decision, GroupingSettings, StoryGrouper
from chorus.digest.inputs import Article
from chorus.errors import ChorusError
from chorus.ingest.read import MAX_INPUT_BYTES, describe_size
from chorus.types import Budget, Citation, Contradiction, Document, Sentence, Summary, SummarySentence

STATE_FILE = "stories-state.json"
SCHEMA = "chorus.digest-state/1"
# A state grows with every run; it is read whole, so it has a limit of its own.
MAX_STATE_BYTES = 16 * MAX_INPUT_BYTES
_DOCUMENT_FIELDS = ("id", "text", "title", "subtitle", "name", "outlet", "url", "byline", "published", "shown_as")


class StateError(ChorusError):
    pass


def summary_to_state(summary: Summary) -> dict[str, Any]:
    return {
        "method": summary.method,
        "budget": {"words": summary.budget.words, "sentences": summary.budget.sentences},
        "warnings": summary.warnings,
        "sentences": [
            {
                "text": s.text,
                "origin": [s.origin.doc_index, s.origin.position, s.origin.paragraph],
                "support": [asdict(c) for c in s.support],
                "contradictions": [asdict(c) for c in s.contradictions],  # an update keeps its "update"
                "independent_sources": s.independent_sources,
            }
            for s in summary.sentences
        ],
    }


def summary_from_state(data: dict[str, Any], documents: list[Document]) -> Summary:
    """A kept summary, whole enough to be rendered again (its sentences' tokens are not kept)."""

    def citation(c: dict[str, Any]) -> Citation:
        return Citation(c["doc_index"], c["position"], c["similarity"], c["text"], tuple(c["positions"]))

    def contradiction(c: dict[str, Any]) -> Contradiction:
        # As a reader quotes them (align.values.printed), as compose.cite makes them now: a state kept
        # before that kept "More than 1,500", and every rendering of the story would say it so.
        values = tuple((kind, printed(summary_value), printed(value)) for kind, summary_value, value in c["values"])
        return Contradiction(
            c["doc_index"], c["position"], c["text"], values, tuple(c["positions"]), c.get("update", "")
        )

    sentences = []
    for s in data["sentences"]:
        doc_index, position, paragraph = s["origin"]
        origin = Sentence(-1, doc_index, position, paragraph, s["text"], (), (), ())
        sentences.append(
            SummarySentence(
                s["text"],
                origin,
                tuple(citation(c) for c in s["support"]),
                tuple(contradiction(c) for c in s["contradictions"]),
                s["independent_sources"],
            )
        )
    budget = Budget(**data["budget"])
    return Summary(sentences, documents, data["method"], budget, None, list(data["warnings"]))


def story_to_state(story) -> dict[str, Any]:
    """A story as kept: its articles (keys, in time order) and what its summary gave."""
    return {
        "members": [a.key for a in story.articles],
        "independent_outlets": story.independent_outlets,
        "summary": summary_to_state(story.summary) if story.summary is not None else None,
        "summary_error": story.summary_error,
        "report": story.report,
    }


def outcome_from_state(story, kept: dict[str, Any]) -> None:
    """Give ``story`` (whose articles are those kept) its kept summary, report and independent outlets."""
    from chorus.digest.results import labelled

    story.independent_outlets = int(kept["independent_outlets"])
    story.summary_error, story.report = kept.get("summary_error"), kept.get("report")
    if kept.get("summary") is not None:
        story.summary = summary_from_state(kept["summary"], labelled(story.documents))


def _features_to_state(features: ArticleFeatures) -> dict[str, Any]:
    return {"terms": {t: round(w, 3) for t, w in features.terms.items()}, "day": features.day}


class StoryState:
    """The stories of earlier runs, as kept in ``DIR``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / STATE_FILE
        self.articles: list[Article] = []
        self.features: list[ArticleFeatures] = []
        self.story_of: list[int] = []
        self.decisions: list[Decision] = []
        self.stories: dict[str, dict[str, Any]] = {}  # story id -> {"members": [keys], "outcome": {...}}
        self.settings: dict[str, Any] | None = None

    @classmethod
    def load(cls, folder: str | Path) -> StoryState:
        state = cls(folder)
        if state.folder.exists() and not state.folder.is_dir():
            raise StateError(f"--state {folder} is a file; give a folder")
        if not state.path.exists():
            return state
        size = state.path.stat().st_size
        if size > MAX_STATE_BYTES:
            raise StateError(
                f"{state.path} is {describe_size(size)}; the limit for a state is {describe_size(MAX_STATE_BYTES)}"
            )
        try:
            data = json.loads(state.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise StateError(f"cannot read the stories state {state.path}: {exc}") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise StateError(f"{state.path} is not a chorus stories state ({SCHEMA})")
        try:
            state.settings = data["settings"]
            for item in data["articles"]:
                document = Document(**{k: item["document"].get(k) for k in _DOCUMENT_FIELDS})
                state.articles.append(Article(item["key"], document))
                surface = item.get("surface") or {}
                state.features.append(ArticleFeatures(item["key"], item["terms"], item["day"], surface))
                state.story_of.append(int(item["story"]))
                state.decisions.append(
                    Decision(
                        **{
                            **item["decision"],
                            "shared_terms": tuple(item["decision"]["shared_terms"]),
                            "closest_other": tuple(item["decision"]["closest_other"])
                            if item["decision"]["closest_other"]
                            else None,
                        }
                    )
                )
            state.stories = data["stories"]
        except (KeyError, TypeError, ValueError) as exc:
            raise StateError(f"{state.path} is damaged ({exc.__class__.__name__}: {exc})") from None
        return state

    def grouper(self, settings: GroupingSettings) -> StoryGrouper:
        """A grouper that goes on from the kept stories."""
        current = settings.effective()
        kept = self.settings
        if kept is not None and "grouping" not in kept:  # a folder from before the groupings grouped by topic
            kept = {"grouping": TOPIC, **kept}
        if kept is not None and kept != current:
            if kept.get("grouping") != current["grouping"]:
                raise StateError(
                    f"{self.path} was made with the {kept.get('grouping')} grouping (--grouping {kept.get('grouping')});"
                    " give that, or use a new --state folder for this one"
                )
            raise StateError(f"{self.path} was made with other grouping settings; use a new --state folder for these")
        grouper = StoryGrouper(settings)
        if self.articles:
            grouper.restore(self.features, self.story_of, self.decisions)
        return grouper

    def save(
        self,
        grouper: StoryGrouper,
        articles: dict[str, Article],
        stories: dict[str, dict[str, Any]],
        features: dict[str, ArticleFeatures],
    ) -> None:
        """Write the state: every article of ``grouper`` (``articles`` and ``features`` by key) and ``stories``."""
        items = []
        for index, key in enumerate(grouper.keys):
            article = articles[key]
            decision = asdict(grouper.decisions[index])
            items.append(
                {
                    "key": key,
                    "document": {k: getattr(article.document, k) for k in _DOCUMENT_FIELDS},
                    **_features_to_state(features[key]),
                    "story": grouper.story_of[index],
                    "decision": decision,
                }
            )
        data = {
            "schema": SCHEMA,
            "settings": grouper.settings.effective(),
            "articles": items,
            "stories": stories,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{STATE_FILE}.tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as exc:
            raise StateError(f"cannot write the stories state to {self.folder}: {exc.strerror or exc}") from None
