"""Where the work of ``chorus stories`` runs: here, or on the Dask cluster of ``chorus batch --engine dask``.

Two parts of the work are independent per item and go to the engine: each
article's cleaning and features (what the grouping's candidate generation
is made of), and each story's summary (and report). The grouping itself
is one ordered pass over compact vectors and stays in this process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from chorus.digest.features import ArticleFeatures, document_features
from chorus.digest.inputs import Article, KeyedRaw, Rejected, prepare_article
from chorus.digest.results import StoryOutcome, StoryWork, summarize_story_work

PreparedArticle = tuple[Article, ArticleFeatures] | Rejected
CHUNK_ARTICLES = 200  # articles per Dask task: about a second of one core, so task overhead stays small


def prepare_chunk(items: Sequence[KeyedRaw], since: str | None = None) -> list[PreparedArticle]:
    """Clean each article and make its features, or say why it cannot be used; in input order."""
    out: list[PreparedArticle] = []
    for item in items:
        result = prepare_article(item, since)
        out.append(result if isinstance(result, Rejected) else (result, document_features(result.key, result.document)))
    return out


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class LocalEngine:
    name = "local"
    warnings: tuple[str, ...] = ()

    def prepare(self, items: Sequence[KeyedRaw], since: str | None = None) -> list[PreparedArticle]:
        return prepare_chunk(items, since)

    def summarize(self, works: list[StoryWork]) -> Iterator[StoryOutcome]:
        return map(summarize_story_work, works)

    def close(self) -> None:
        pass


class DaskEngine:
    """The same work as ``LocalEngine``, as Dask tasks on the cluster at ``scheduler`` or on a new local one."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int | None = None) -> None:
        from chorus.distributed import check_workers, connect_cluster, import_dask

        distributed = import_dask()
        self.client, self._cluster = connect_cluster(distributed, scheduler, jobs)
        self.warnings = tuple(check_workers(self.client))  # workers running another chorus: said in the digest

    def prepare(self, items: Sequence[KeyedRaw], since: str | None = None) -> list[PreparedArticle]:
        chunks = list(_chunks(items, CHUNK_ARTICLES))
        futures = self.client.map(prepare_chunk, chunks, since=since, pure=False)
        return [result for chunk in self.client.gather(futures) for result in chunk]

    def summarize(self, works: list[StoryWork]) -> Iterator[StoryOutcome]:
        futures = self.client.map(summarize_story_work, works, pure=False)
        for future in futures:  # in order, each as soon as it is done
            yield future.result()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", scheduler: str | None = None, jobs: int | None = None) -> LocalEngine | DaskEngine:
    return DaskEngine(scheduler, jobs) if name == "dask" else LocalEngine()
