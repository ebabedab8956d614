"""The machinery the fresh noisy-cluster sets share (``noisy_fresh.py`` C, ``noisy_fresh_d.py`` D ... ``noisy_fresh_i.py`` I).

Each set has its own templates, its own choice of DUC documents and its own
way of setting furniture between paragraphs (its ``page``); what they share
is here: filling a template from a page's context with the set's random
generator (``TemplatePageMaker``), the shape every page has (a head, the
article's paragraphs with furniture in some gaps, a foot of optional pieces:
``interleave``, ``optional``), building the clusters from the DUC rows
(``build_fresh``: other topics' headlines and ledes as teasers, one seeded
maker per cluster) and the command line that scores a set or shows its
pages (``score_set``). Moving this here changed no page of C or D: both sets
are byte-identical to what their scripts built before (and G and H to theirs
when their loops moved to ``interleave``, session s14).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from noisy_clusters import DEFAULT_DATA, NoisyCluster, read_rows, report, run, summarize  # noqa: E402
from noisy_pages import NEUTRAL, REPORTING, Line, article_names, is_wire_residue, render_page  # noqa: E402


class TemplatePageMaker:
    """A family's page maker: its templates, other topics' headlines and ledes, one seeded generator.

    A subclass gives ``templates``, ``values`` (the fields a template may use, drawn in a fixed order so that
    a seed always gives the same page) and ``page``."""

    templates: dict[str, list[str]] = {}

    def __init__(self, headlines: list[str], ledes: list[str], seed: int) -> None:
        self.headlines = headlines
        self.ledes = ledes  # first sentences of other topics' articles: teasers
        self.rng = random.Random(seed)

    def values(self, ctx: dict[str, object]) -> dict[str, object]:
        raise NotImplementedError

    def fill(self, template: str, ctx: dict[str, object]) -> str:
        return template.format(**self.values(ctx))

    def pick(self, key: str, kind: str, ctx: dict[str, object], low: int = 1, high: int = 1) -> list[Line]:
        """Between ``low`` and ``high`` lines of kind ``kind``, each a template of ``key`` filled."""
        count = self.rng.randint(low, high)
        return [Line(self.fill(self.rng.choice(self.templates[key]), ctx), kind) for _ in range(count)]

    def page_context(self, paragraphs: list[str], authors: list[str]) -> dict[str, object]:
        """What a page's templates name: the article's people, an outlet of the family's ``outlets`` and a
        byline of ``authors``, drawn in that order."""
        people, _ = article_names(paragraphs)
        return {
            "people": people,
            "outlet": self.rng.choice(self.templates["outlets"]),
            "author": self.rng.choice(authors),
        }

    def page(self, paragraphs: list[str], headline: str | None) -> tuple[list[Line], str, bool]:
        """The page's lines, the separator its layout joins them with, and whether it is hard-wrapped."""
        raise NotImplementedError

    def interleave(
        self,
        paragraphs: list[str],
        gap: Callable[[int], list[Line]],
        before: Callable[[int], list[Line]] | None = None,
    ) -> list[Line]:
        """The article's paragraphs as lines (``paragraph_line``), with ``gap(i)``'s furniture after paragraph
        ``i`` but the last and ``before(i)``'s above it; both are called in the page's order, so that the set's
        generator is drawn the same way whatever the furniture."""
        lines: list[Line] = []
        last = len(paragraphs) - 1
        for i, paragraph in enumerate(paragraphs):
            if before is not None:
                lines += before(i)
            lines.append(paragraph_line(paragraph))
            if i == last:
                break
            lines += gap(i)
        return lines

    def optional(self, ctx: dict[str, object], pieces: Sequence[tuple[str, str, float, int, int]]) -> list[list[Line]]:
        """For each ``(key, kind, share, low, high)`` in order, with chance ``share``, ``pick``'s lines."""
        return [
            self.pick(key, kind, ctx, low, high) for key, kind, share, low, high in pieces if self.rng.random() < share
        ]


def paragraph_line(paragraph: str) -> Line:
    """A paragraph of the DUC article: reporting, or wire residue the benchmark scores neither way."""
    return Line(paragraph, NEUTRAL if is_wire_residue(paragraph) else REPORTING)


def first_sentence(text: str) -> str:
    from chorus.segment import split_sentences, strip_dateline

    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    sentences = split_sentences(strip_dateline(paragraphs[0])) if paragraphs else []
    return sentences[0] if sentences else ""


def document_text(document: object) -> str:
    return document if isinstance(document, str) else str(document["text"])  # type: ignore[index]


def build_fresh(
    data: Path,
    family: str,
    maker: Callable[[list[str], list[str], int], TemplatePageMaker],
    choose: Callable[[dict], list[int]],
    ledes_from: slice,
    seed: str,
    datasets: Sequence[str] | None = None,
    prepare: Callable[[TemplatePageMaker, dict, list[int]], None] | None = None,
) -> list[NoisyCluster]:
    """One ``family`` cluster per DUC row of ``datasets`` (all if None) whose ``choose`` gives documents: those
    documents dressed as pages by ``maker(headlines, ledes, crc32(seed.format(id=row id)))``, where the
    headlines are all other documents' of four words or more and the ledes the first sentences of the
    ``ledes_from`` documents of every other topic; ``prepare(maker, row, chosen)``, if given, gives the maker
    what else it needs of the row before it makes the pages."""
    rows = read_rows(data)
    headlines = [h for _, r in rows for h in (r.get("doc_headlines") or []) if h and len(h.split()) >= 4]
    firsts = [(r["id"][:5], [first_sentence(document_text(d)) for d in r["documents"][ledes_from]]) for _, r in rows]
    clusters = []
    for dataset, row in rows:
        if datasets is not None and dataset not in datasets:
            continue
        docs = [document_text(d) for d in row["documents"]]
        chosen = choose(row)
        if not chosen:
            continue
        titles = list(row.get("doc_headlines") or [None] * len(docs))
        own = {titles[i] for i in chosen}
        topic = row["id"][:5]
        ledes = [s for other, sentences in firsts if other != topic for s in sentences if s]
        page_maker = maker(
            [h for h in headlines if h not in own], ledes, zlib.crc32(seed.format(id=row["id"]).encode())
        )
        if prepare is not None:
            prepare(page_maker, row, chosen)
        pages, texts = [], []
        for i in chosen:
            paragraphs = [p.strip() for p in docs[i].split("\n\n") if p.strip()]
            lines, separator, wrap = page_maker.page(paragraphs, titles[i])
            pages.append(lines)
            texts.append(render_page(lines, separator, wrap=wrap))
        clusters.append(NoisyCluster(row["id"], dataset, family, pages, texts))
    return clusters


def score_set(argv: list[str] | None, build_set: Callable[[Path], list[NoisyCluster]], description: str | None) -> int:
    """The command line of a fresh set: build it with ``build_set``, show its pages or score them."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default %(default)s)")
    parser.add_argument("--show", type=int, default=0, help="print the first N pages' text and stop")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    started = time.process_time()
    clusters = build_set(args.data)
    if args.show:
        for text in [t for c in clusters for t in c.texts][: args.show]:
            print(text + "\n" + "=" * 72)
        return 0
    report(summarize(run(clusters)), {"set": "part"}, args, started)
    return 0


def template_ngrams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """A template's word n-grams, its {placeholders} left out."""
    words = re.findall(r"[a-z0-9']+", re.sub(r"\{[a-z0-9_]+\}", " ", text.lower()))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def shared_with_generators(templates: dict[str, list[str]], generators: Sequence[str]) -> int:
    """Print every word 4-gram a set's templates share with the string literals of the other sets'
    generators (files beside this one); return how many: a fresh set must share none."""
    here = Path(__file__).resolve().parent
    others: set[tuple[str, ...]] = set()
    for name in generators:
        for literal in re.findall(r'"([^"\n]{8,})"', (here / name).read_text(encoding="utf-8")):
            others |= template_ngrams(literal)
    shared = sorted({g for texts in templates.values() for t in texts for g in template_ngrams(t)} & others)
    for gram in shared:
        print(" ".join(gram))
    return len(shared)


def fresh_set_main(
    argv: list[str] | None,
    build_set: Callable[[Path], list[NoisyCluster]],
    description: str | None,
    templates: dict[str, list[str]],
    generators: Sequence[str],
) -> int:
    """A fresh set's command: ``--overlap`` checks its templates against the other generators (exit 1 if
    any 4-gram is shared), anything else is ``score_set``'s."""
    if "--overlap" in (sys.argv[1:] if argv is None else argv):
        return 1 if shared_with_generators(templates, generators) else 0
    return score_set(argv, build_set, description)
