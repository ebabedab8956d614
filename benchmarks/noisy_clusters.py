"""Noisy clusters: DUC articles dressed as web pages, cleaned as a cluster and one by one.

    python benchmarks/noisy_clusters.py [--data ../shared/data] [--families A,B] [--json FILE]

Each cluster is 5 articles of one DUC topic (DUC 2006's 50 topics and DUC
2007's 30 update sets; the 5 drawn with a seed per cluster), each made into
a page by ``noisy_pages.py``: an outlet, a layout, a header, a footer and
furniture **interleaved** between every few paragraphs. The cluster's pages
are cleaned as ``chorus summarize`` cleans them (together, one call of
``prepare_documents``) and one page at a time, and scored:

- **reporting words kept**: the words of the article's paragraphs that are
  in the cleaned body (the headline and DUC's wire residue are not counted;
  a paragraph moved to the standfirst counts as lost: it is not summarised);
- **furniture lines removed**: furniture lines shown neither in the body nor
  as title or standfirst;
- clusters in which cleaning together kept fewer reporting words than
  cleaning alone.

Parts: ``tune`` is DUC 2006 D0601–D0625, which the cleaner may be tuned or
trained on (with family A's furniture); ``held-out`` is D0626–D0650 and DUC
2007, never used for either. Family ``B``'s furniture shares no wording with
A's and is never used for tuning.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402
from noisy_pages import HEADLINE, NEUTRAL, REPORTING, Line, PageMaker, render_page  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared")) / "data"
PAGES_PER_CLUSTER = 5
TUNE_LAST_TOPIC = "D0625"
WRAPPED_SHARE = 0.1  # pages set in a hard-wrapped column


@dataclass
class NoisyCluster:
    id: str
    part: str
    family: str
    pages: list[list[Line]]
    texts: list[str]


def read_rows(data: Path) -> list[tuple[str, dict]]:
    rows = []
    for name in ("duc2006", "duc2007-update"):
        path = data / name / "clusters.jsonl"
        with path.open(encoding="utf-8") as f:
            rows += [(name, json.loads(line)) for line in f if line.strip()]
    return rows


def part_of(dataset: str, cluster_id: str) -> str:
    return "tune" if dataset == "duc2006" and cluster_id[:5] <= TUNE_LAST_TOPIC else "held-out"


def chosen_documents(row: dict) -> list[int]:
    """The indexes of the cluster's documents dressed as its pages (drawn with the cluster's id as seed)."""
    rng = random.Random(row["id"])
    return sorted(rng.sample(range(len(row["documents"])), min(PAGES_PER_CLUSTER, len(row["documents"]))))


def build(data: Path, families: list[str], parts: set[str] | None = None) -> list[NoisyCluster]:
    rows = read_rows(data)
    headlines = [h for _, r in rows for h in (r.get("doc_headlines") or []) if h and len(h.split()) >= 4]
    clusters = []
    for dataset, row in rows:
        part = part_of(dataset, row["id"])
        if parts is not None and part not in parts:
            continue
        docs = [d if isinstance(d, str) else d["text"] for d in row["documents"]]
        titles = list(row.get("doc_headlines") or [None] * len(docs))
        chosen = chosen_documents(row)
        own = {titles[i] for i in chosen}
        others = [h for h in headlines if h not in own]
        for family in families:
            maker = PageMaker(
                family, others, seed=zlib.crc32(f"{row['id']}/{family}".encode())
            )  # not hash(): salted per process
            pages, texts = [], []
            for i in chosen:
                paragraphs = [p.strip() for p in docs[i].split("\n\n") if p.strip()]
                lines, separator = maker.page(paragraphs, titles[i])
                pages.append(lines)
                texts.append(render_page(lines, separator, wrap=maker.rng.random() < WRAPPED_SHARE))
            clusters.append(NoisyCluster(row["id"], part, family, pages, texts))
    return clusters


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass
class PageScore:
    reporting_words: int = 0
    reporting_kept: int = 0
    furniture_lines: int = 0
    furniture_removed: int = 0
    kept_kinds: Counter | None = None


def score_page(lines: list[Line], doc) -> PageScore:
    body = [_normal(p) for p in doc.paragraphs] if doc is not None else []
    body_set = set(body)
    shown = body_set | ({_normal(doc.title)} if doc is not None and doc.title else set())
    shown |= {_normal(doc.subtitle)} if doc is not None and doc.subtitle else set()
    s = PageScore(kept_kinds=Counter())
    for line in lines:
        text = _normal(line.text)
        if line.kind == REPORTING:
            s.reporting_words += len(text.split())
            if text in body_set or any(text in p for p in body):
                s.reporting_kept += len(text.split())
        elif line.kind not in (HEADLINE, NEUTRAL):
            s.furniture_lines += 1
            kept = text in shown or (len(text) > 30 and any(text in p for p in body))
            s.furniture_removed += not kept
            if kept:
                s.kept_kinds[line.kind] += 1
    return s


def clean(texts: list[str], names: list[str]):
    """The documents chorus keeps of these pages, by name (None for a page it dropped)."""
    from chorus.errors import InputError
    from chorus.ingest import RawDocument, prepare_documents

    raw = [RawDocument(text=t, name=n, id=n, format="text") for t, n in zip(texts, names)]
    try:
        docs = prepare_documents(raw, [])
    except InputError:
        return {n: None for n in names}
    by_id = {d.id: d for d in docs}
    return {n: by_id.get(n) for n in names}


def run(clusters: list[NoisyCluster]) -> list[dict]:
    results = []
    for c in clusters:
        names = [f"{c.id}-{c.family}-{i}" for i in range(len(c.texts))]
        together = clean(c.texts, names)
        alone = {}
        for text, name in zip(c.texts, names):
            alone.update(clean([text], [name]))
        for name, lines in zip(names, c.pages):
            results.append(
                {
                    "cluster": c.id,
                    "part": c.part,
                    "family": c.family,
                    "page": name,
                    "together": score_page(lines, together[name]),
                    "alone": score_page(lines, alone[name]),
                }
            )
    return results


def summarize(results: list[dict]) -> list[dict]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in results:
        groups.setdefault((r["part"], r["family"]), []).append(r)
    rows = []
    for (part, family), items in sorted(groups.items()):

        def total(mode: str, field: str) -> int:
            return sum(getattr(x[mode], field) for x in items)

        per_cluster: dict[str, list[int]] = {}
        for x in items:
            counts = per_cluster.setdefault(x["cluster"], [0, 0])
            counts[0] += x["together"].reporting_kept
            counts[1] += x["alone"].reporting_kept
        kinds: Counter = Counter()
        for x in items:
            kinds.update(x["together"].kept_kinds)
        rows.append(
            {
                "part": part,
                "family": family,
                "clusters": len(per_cluster),
                "pages": len(items),
                "reporting_words": total("together", "reporting_words"),
                "kept_together": total("together", "reporting_kept") / max(1, total("together", "reporting_words")),
                "kept_alone": total("alone", "reporting_kept") / max(1, total("alone", "reporting_words")),
                "worst_page_together": min(
                    x["together"].reporting_kept / x["together"].reporting_words
                    for x in items
                    if x["together"].reporting_words
                ),
                "clusters_worse_together": sum(t < a for t, a in per_cluster.values()),
                "furniture_lines": total("together", "furniture_lines"),
                "removed_together": total("together", "furniture_removed")
                / max(1, total("together", "furniture_lines")),
                "removed_alone": total("alone", "furniture_removed") / max(1, total("alone", "furniture_lines")),
                "furniture_kept_by_kind": dict(kinds.most_common()),
            }
        )
    return rows


SCORE_COLUMNS = (
    "clusters",
    "reporting words",
    "kept together",
    "kept alone",
    "worst page together",
    "clusters worse together",
    "furniture lines",
    "removed together",
    "removed alone",
)


def score_cells(r: dict) -> list[str]:
    """A row of ``summarize``'s, as the cells of SCORE_COLUMNS."""
    return [
        str(r["clusters"]),
        f"{r['reporting_words']:,}",
        f"{100 * r['kept_together']:.2f}%",
        f"{100 * r['kept_alone']:.2f}%",
        f"{100 * r['worst_page_together']:.1f}%",
        str(r["clusters_worse_together"]),
        f"{r['furniture_lines']:,}",
        f"{100 * r['removed_together']:.2f}%",
        f"{100 * r['removed_alone']:.2f}%",
    ]


def report(rows: list[dict], first: dict[str, str], args: argparse.Namespace, started: float) -> None:
    """Print ``summarize``'s rows (``first``: the leading columns and the row's fields they show), what each
    kept by kind and the CPU time since ``started``; write them to ``args.json``."""
    print(markdown_table([*first, *SCORE_COLUMNS], [[r[f] for f in first.values()] + score_cells(r) for r in rows]))
    for r in rows:
        label = ", ".join(str(r[f]) for f in first.values())
        print(f"{label}: furniture kept together, by kind: {r['furniture_kept_by_kind']}")
    info = machine()
    print(f"CPU {time.process_time() - started:.0f} s; {describe_machine(info)}")
    write_json(args.json, args, info, rows=rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default %(default)s)")
    parser.add_argument("--families", default="A,B", help="furniture families (default %(default)s)")
    parser.add_argument("--parts", default="tune,held-out", help="parts to run (default %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    families = [f.strip() for f in args.families.split(",") if f.strip()]
    started = time.process_time()
    clusters = build(args.data, families, {p.strip() for p in args.parts.split(",")})
    report(summarize(run(clusters)), {"part": "part", "furniture": "family"}, args, started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
