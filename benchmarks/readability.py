"""Readability of the default summary, judged by hand: does each sentence stand alone?

    python benchmarks/readability.py summaries -o /tmp/bench/readability-after.jsonl
    python benchmarks/readability.py sheet benchmarks/readability/summaries-before.jsonl \
        /tmp/bench/readability-after.jsonl [--part heldout] > /tmp/bench/sheet.md
    python benchmarks/readability.py score benchmarks/readability/summaries-before.jsonl \
        benchmarks/readability/summaries-after.jsonl [--json FILE]

The judged set (``JUDGED`` below, protocol in ``benchmarks/readability/PROTOCOL.md``)
is the default summary (``chorus summarize``: method ``concepts``, 100 words,
no query; the sixth part also with the topic's query) of DUC 2006 and DUC 2007
clusters and of the two example stories,
split into a development part (looked at while building) and a held-out part
(never looked at before the final run, reported apart).

- ``summaries`` summarizes every cluster of the set with this tree and writes
  one JSON line per summary: each sentence's text, the article's text it was
  taken from (``original_text``, when chorus edited it), and where it came from.
- ``sheet`` prints, for the summaries no judgment covers yet, what a judge
  reads: each sentence with its article's date and the sentences before it in
  that article; the judge writes the judgments into
  ``benchmarks/readability/judgments.jsonl`` by hand.
- ``score`` matches every summary of each file with its judgment (the same
  cluster and exactly the same sentences: a judgment is of a text, so two runs
  giving the same summary share it) and prints the share of sentences that
  stand alone and of summaries with no defect, per part.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from claims_score import DATASETS, SOURCES  # noqa: E402  (where the data and the examples live)

READABILITY = ROOT / "benchmarks" / "readability"
JUDGMENTS = READABILITY / "judgments.jsonl"
WORDS = 100  # the default budget of `chorus summarize`
CONTEXT_SENTENCES = 3  # sentences of the article shown before a summary sentence on the sheet

# The judged clusters. Development: looked at while building; held-out: only scored at the end.
DEV_DUC2006 = [f"D06{n:02d}" for n in range(1, 16)]  # prefixes; the letter after the number varies
HELDOUT_DUC2006 = [f"D06{n:02d}" for n in range(36, 51)]
DUC2007_TOPICS = ["D0703A", "D0706B", "D0711C", "D0716D", "D0721E", "D0726F", "D0727G", "D0736H", "D0740I", "D0743J"]
DEV_DUC2007 = [f"{t}-A" for t in DUC2007_TOPICS[:6]]
HELDOUT_DUC2007 = [f"{t}-{s}" for t in DUC2007_TOPICS[6:] for s in "AB"]
# A second held-out part, judged blind once (issue 18's second round): clusters in neither part above.
NEW_DUC2006 = [f"D06{n:02d}" for n in range(16, 36)]
NEW_DUC2007 = [f"{t}-C" for t in DUC2007_TOPICS[6:]]
# A third held-out part (issue 18's third round), judged blind once at the end of the round: the DUC
# 2007 update sets B and C of the six development topics, and every topic's 25 articles told as one
# cluster (sets A, B and C together, named by the topic: a cluster no part above summarizes).
FRESH_DUC2007 = [f"{t}-{s}" for t in DUC2007_TOPICS[:6] for s in "BC"]
FRESH_TOPICS = list(DUC2007_TOPICS)
# A fourth held-out part (issue 18's fourth round), judged blind once at the end of the round: every
# topic's sets A and B together and sets B and C together (20 articles each, named "D0703A-AB",
# "D0703A-BC"): clusters no part above summarizes.
PAIRED_SETS = ("AB", "BC")
PAIRED_DUC2007 = [f"{t}-{sets}" for t in DUC2007_TOPICS for sets in PAIRED_SETS]
# A fifth held-out part (issue 18's fifth round), judged blind once at the end of the round: every
# topic's sets A and C together (named "D0703A-AC"), and the later half of the articles (by date) of
# every fifth DUC 2006 cluster (named "D0603C-late"): clusters no part above summarizes.
FIFTH_SETS = "AC"
FIFTH_DUC2007 = [f"{t}-{FIFTH_SETS}" for t in DUC2007_TOPICS]
FIFTH_DUC2006 = [f"D06{n:02d}" for n in range(3, 51, 5)]  # prefixes, as above
LATE = "-late"  # the suffix naming a cluster's later half
# A sixth held-out part (issue 18's sixth round), judged blind once: the earlier half of the articles
# (by date) of the DUC 2006 clusters D0601, D0606, ... D0646 (named "D0601A-early"), generic, and the
# summaries focused by the topic's query (title and narrative, as `chorus evaluate --query-field`
# asks) of the whole DUC 2006 clusters D0604, D0609, ... D0649 (named "D0604D-query"), 100 words each:
# no part above summarizes these clusters, nor any cluster with its query.
SIXTH_EARLY_DUC2006 = [f"D06{n:02d}" for n in range(1, 51, 5)]  # prefixes, as above
SIXTH_QUERY_DUC2006 = [f"D06{n:02d}" for n in range(4, 51, 5)]
EARLY = "-early"  # the suffix naming a cluster's earlier half
QUERY = "-query"  # the suffix naming a cluster's summary focused by its topic
QUERY_FIELDS = ("topic_title", "topic_narrative")
# A seventh held-out part (issue 18's seventh round), judged blind once before any change and once at
# the end: the earlier half of the articles (by date) of the DUC 2006 clusters D0602, D0607, ... D0647
# and the later half of D0605, D0610, ... D0650, generic, 100 words: halves no part above summarizes
# (the fifth part took the later halves of D0603, D0608, ...; the sixth the earlier halves of D0601, ...).
SEVENTH_EARLY_DUC2006 = [f"D06{n:02d}" for n in range(2, 51, 5)]  # prefixes, as above
SEVENTH_LATE_DUC2006 = [f"D06{n:02d}" for n in range(5, 51, 5)]
# An eighth held-out part (issue 18's eighth round), judged blind once before any change and once at the
# end: the earlier half of the articles (by date) of the DUC 2006 clusters D0603, D0608, ... D0648 and
# the later half of D0604, D0609, ... D0649, generic, 100 words: halves no part above summarizes (the
# fifth part took the later halves of D0603, ...; the sixth the whole D0604, ... with their query).
EIGHTH_EARLY_DUC2006 = [f"D06{n:02d}" for n in range(3, 51, 5)]  # prefixes, as above
EIGHTH_LATE_DUC2006 = [f"D06{n:02d}" for n in range(4, 51, 5)]
# A ninth held-out part (issue 18's ninth round), judged blind once before any change and once at the
# end: the earlier half of the articles (by date) of the DUC 2006 clusters D0604, D0609, ... D0649 and
# the later half of D0601, D0606, ... D0646, generic, 100 words: halves no part above summarizes (the
# eighth part took the later halves of D0604, ...; the sixth the earlier halves of D0601, ...).
NINTH_EARLY_DUC2006 = [f"D06{n:02d}" for n in range(4, 51, 5)]  # prefixes, as above
NINTH_LATE_DUC2006 = [f"D06{n:02d}" for n in range(1, 51, 5)]
# A tenth held-out part (issue 18's tenth round, session s12), judged blind once before any change and
# once at the end: the earlier half of the articles (by date) of the DUC 2006 clusters D0605, D0610,
# ... D0650 and the later half of D0602, D0607, ... D0647, generic, 100 words: the last halves no part
# above summarizes (the seventh part took the later halves of D0605, ... and the earlier of D0602, ...).
TENTH_EARLY_DUC2006 = [f"D06{n:02d}" for n in range(5, 51, 5)]  # prefixes, as above
TENTH_LATE_DUC2006 = [f"D06{n:02d}" for n in range(2, 51, 5)]
# An eleventh held-out part (issue 18's eleventh round, session s13), judged blind once before any
# change: every other article by date (the 1st, 3rd, ... 25th: 13 of 25) of the DUC 2006 clusters
# D0601, D0606, ... D0646 and D0603, D0608, ... D0648, generic, 100 words. Every earlier and later
# half is taken; these spread over the whole story's time, so later articles can overtake earlier ones.
ALTERNATE = "-alternate"  # the suffix naming a cluster's every other article by date
ELEVENTH_DUC2006 = [f"D06{n:02d}" for n in (*range(1, 51, 5), *range(3, 51, 5))]  # prefixes, as above
# A twelfth held-out part (issue 18's twelfth round, session s14), judged blind once before any change and
# scored once at the end: every other article by date, as the eleventh, of the DUC 2006 clusters D0602,
# D0607, ... D0647 and D0604, D0609, ... D0649: 20 clusters no part above summarizes.
TWELFTH_DUC2006 = [f"D06{n:02d}" for n in (*range(2, 51, 5), *range(4, 51, 5))]  # prefixes, as above
# A thirteenth held-out part (issue 18's thirteenth round, session s15), judged blind once before any change
# and scored once at the end: every other article by date, as the eleventh, of the last ten DUC 2006
# clusters no alternate part took (D0605, D0610, ... D0650), generic, and the whole DUC 2006 clusters
# D0602, D0607, ... D0647 summarized with their topic's query (as the sixth part's D0604, D0609, ...):
# 20 summaries no part above makes.
THIRTEENTH_ALTERNATE_DUC2006 = [f"D06{n:02d}" for n in range(5, 51, 5)]  # prefixes, as above
THIRTEENTH_QUERY_DUC2006 = [f"D06{n:02d}" for n in range(2, 51, 5)]
# A fourteenth held-out part (issue 18's fourteenth round, session s16), judged blind once before any change
# and scored once at the end: the other articles by date (the 2nd, 4th, ... 24th: 12 of 25) of the clusters
# whose 1st, 3rd, ... 25th the eleventh part took (D0601, D0606, ... D0646 and D0603, D0608, ... D0648),
# generic, 100 words: 20 clusters no part above summarizes.
EVEN = "-even"  # the suffix naming a cluster's other articles by date (the 2nd, 4th, ...)
FOURTEENTH_DUC2006 = list(ELEVENTH_DUC2006)  # prefixes, as above
PARTS = (
    "dev",
    "heldout",
    "new",
    "fresh",
    "paired",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
)
EXAMPLES = list(SOURCES)

DEFECTS = ("unresolved", "stale", "redundant", "order", "garbled")


def judged_set() -> list[tuple[str, str]]:
    """(cluster id, part) for every judged summary, in a fixed order."""
    out: list[tuple[str, str]] = [(name, "dev") for name in EXAMPLES]
    with open(DATASETS[0], encoding="utf-8") as f:
        duc2006 = [json.loads(line)["id"] for line in f]
    for prefixes, part in ((DEV_DUC2006, "dev"), (HELDOUT_DUC2006, "heldout"), (NEW_DUC2006, "new")):
        out += [(c, part) for c in duc2006 if c[:5] in prefixes]
    out += (
        [(c, "dev") for c in DEV_DUC2007]
        + [(c, "heldout") for c in HELDOUT_DUC2007]
        + [(c, "new") for c in NEW_DUC2007]
    )
    out += [(c, "fresh") for c in FRESH_DUC2007] + [(t, "fresh") for t in FRESH_TOPICS]
    out += [(c, "paired") for c in PAIRED_DUC2007]
    out += [(c, "fifth") for c in FIFTH_DUC2007] + [(c + LATE, "fifth") for c in duc2006 if c[:5] in FIFTH_DUC2006]
    out += [(c + EARLY, "sixth") for c in duc2006 if c[:5] in SIXTH_EARLY_DUC2006]
    out += [(c + QUERY, "sixth") for c in duc2006 if c[:5] in SIXTH_QUERY_DUC2006]
    out += [(c + EARLY, "seventh") for c in duc2006 if c[:5] in SEVENTH_EARLY_DUC2006]
    out += [(c + LATE, "seventh") for c in duc2006 if c[:5] in SEVENTH_LATE_DUC2006]
    out += [(c + EARLY, "eighth") for c in duc2006 if c[:5] in EIGHTH_EARLY_DUC2006]
    out += [(c + LATE, "eighth") for c in duc2006 if c[:5] in EIGHTH_LATE_DUC2006]
    out += [(c + EARLY, "ninth") for c in duc2006 if c[:5] in NINTH_EARLY_DUC2006]
    out += [(c + LATE, "ninth") for c in duc2006 if c[:5] in NINTH_LATE_DUC2006]
    out += [(c + EARLY, "tenth") for c in duc2006 if c[:5] in TENTH_EARLY_DUC2006]
    out += [(c + LATE, "tenth") for c in duc2006 if c[:5] in TENTH_LATE_DUC2006]
    out += [(c + ALTERNATE, "eleventh") for c in duc2006 if c[:5] in ELEVENTH_DUC2006]
    out += [(c + ALTERNATE, "twelfth") for c in duc2006 if c[:5] in TWELFTH_DUC2006]
    out += [(c + ALTERNATE, "thirteenth") for c in duc2006 if c[:5] in THIRTEENTH_ALTERNATE_DUC2006]
    out += [(c + QUERY, "thirteenth") for c in duc2006 if c[:5] in THIRTEENTH_QUERY_DUC2006]
    out += [(c + EVEN, "fourteenth") for c in duc2006 if c[:5] in FOURTEENTH_DUC2006]
    return out


def query_of(name: str) -> str | None:
    """The topic's query of a cluster named with ``QUERY`` (joined as ``chorus batch`` joins it), else None."""
    if not name.endswith(QUERY):
        return None
    cluster_id = name.removesuffix(QUERY)
    with open(DATASETS[0], encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] == cluster_id:
                parts = [str(row[field]) for field in QUERY_FIELDS if row.get(field)]
                return ". ".join(p.strip().rstrip(".") for p in parts) or None
    raise SystemExit(f"no cluster {cluster_id}")


def load_documents_of(name: str):
    """The cluster's articles as ``chorus summarize`` reads them (dates from the DUC ids included)."""
    from chorus.ingest.read import parse_dataset_line
    from chorus.pipeline import load_documents

    if name in SOURCES:
        return load_documents([SOURCES[name]])
    if name in FRESH_TOPICS:  # a DUC 2007 topic's three update sets as one cluster
        return [d for s in "ABC" for d in load_documents_of(f"{name}-{s}")]
    if name.endswith(QUERY):  # the whole cluster, summarized with its topic's query
        return load_documents_of(name.removesuffix(QUERY))
    if name.endswith(ALTERNATE):  # every other article of a cluster by date, the first included
        docs = load_documents_of(name.removesuffix(ALTERNATE))
        return sorted(docs, key=lambda d: (d.published or "", d.id))[::2]
    if name.endswith(EVEN):  # the other articles of a cluster by date, the second included
        docs = load_documents_of(name.removesuffix(EVEN))
        return sorted(docs, key=lambda d: (d.published or "", d.id))[1::2]
    if name.endswith((LATE, EARLY)):  # the later or the earlier half of a cluster's articles, by date
        docs = sorted(
            load_documents_of(name.removesuffix(LATE).removesuffix(EARLY)), key=lambda d: (d.published or "", d.id)
        )
        return docs[len(docs) // 2 :] if name.endswith(LATE) else docs[: len(docs) // 2]
    if name in PAIRED_DUC2007 or name in FIFTH_DUC2007:  # two update sets of a DUC 2007 topic as one cluster
        topic, sets = name.rsplit("-", 1)
        return [d for s in sets for d in load_documents_of(f"{topic}-{s}")]
    for dataset in DATASETS:
        with open(dataset, "rb") as f:
            for number, line in enumerate(f, 1):
                if f'"id": "{name}"'.encode() in line[:200]:
                    cluster = parse_dataset_line(line, f"{dataset} line {number}", number)
                    return load_documents(cluster.documents)
    raise SystemExit(f"no cluster {name}")


def summarize_set(args: argparse.Namespace) -> None:
    from chorus.pipeline import build_story, make_budget, summarize_story

    out = []
    for name, part in judged_set():
        if args.part and part != args.part:
            continue
        docs = load_documents_of(name)
        story = build_story(docs, query_of(name))
        summary = summarize_story(story, make_budget(args.words), args.method)
        sentences = []
        for s in summary.sentences:
            origin = s.origin
            doc = story.documents[origin.doc_index]
            item = {"text": s.text, "doc": doc.id, "published": doc.published, "position": origin.position}
            if s.text != origin.text:
                item["original_text"] = origin.text
            sentences.append(item)
        row = {"id": name, "part": part, "sentences": sentences}
        if story.query:
            row["query"] = story.query
        out.append(row)
        print(f"{name}: {len(sentences)} sentences", file=sys.stderr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# Quotation marks as wire copy types them and as chorus prints them (``compose.TYPESET_QUOTES``, issue
# 18's eleventh round) are one text to judge: the words are the same.
_QUOTE_FORMS = str.maketrans({"“": "``", "”": "''", "‘": "`", "’": "'"})


def judged_text(text: str) -> str:
    """The text a judgment is of: ``…'' and “…” read alike (``typeset_quotes`` undone)."""
    return text.translate(_QUOTE_FORMS).replace("''", '"').replace("``", '"').replace("`", "'")


def key(row: dict) -> tuple:
    return (row["id"], tuple(judged_text(s["text"]) for s in row["sentences"]))


def sheet(args: argparse.Namespace) -> None:
    """What to judge: the summaries no judgment covers, each sentence with its article context.

    Summaries of several files (before and after a change) are shown once each, mixed in an
    order fixed by their text, without saying which file they come from: the judge does not
    know which version wrote what."""
    import hashlib

    from chorus.pipeline import build_story

    judged = {key(j) for j in read_jsonl(JUDGMENTS)}
    todo: dict[tuple, dict] = {}
    for path in args.summaries:
        for row in read_jsonl(path):
            if key(row) not in judged and (not args.part or row["part"] == args.part):
                todo.setdefault(key(row), row)
    stories = {}
    for row in sorted(todo.values(), key=lambda r: hashlib.sha256(repr(key(r)).encode()).hexdigest()):
        story = stories.get(row["id"]) or stories.setdefault(row["id"], build_story(load_documents_of(row["id"])))
        print(f"## {row['id']} ({row['part']})\n")
        if row.get("query"):
            print(f"query: {row['query']}\n")
        for n, s in enumerate(row["sentences"], 1):
            doc = next(d for d in range(len(story.documents)) if story.documents[d].id == s["doc"])
            before = [
                x.text
                for x in story.sentences_of(doc)
                if s["position"] - CONTEXT_SENTENCES <= x.position < s["position"]
            ]
            print(f"{n}. **{s['text']}**  \n   ({s['doc']}, {s['published']}, sentence {s['position']})")
            if "original_text" in s:
                print(f"   original: {s['original_text']}")
            for b in before:
                print(f"   > {b}")
            print()


def score(args: argparse.Namespace) -> None:
    judgments = {key(j): j for j in read_jsonl(JUDGMENTS)}
    results = {}
    rows_out = []
    for path in args.summaries:
        rows = [r for r in read_jsonl(path) if args.part in (None, r["part"])]
        missing = [r["id"] for r in rows if key(r) not in judgments]
        if missing:
            raise SystemExit(f"{path}: {len(missing)} summaries not judged yet: {', '.join(missing)}")
        present = {r["part"] for r in rows}
        for part in (args.part,) if args.part else (*(p for p in PARTS if p in present), "all"):
            chosen = [judgments[key(r)] for r in rows if part == "all" or r["part"] == part]
            labels = [s["defects"] for j in chosen for s in j["sentences"]]
            alone = sum(not d for d in labels)
            clean = sum(all(not s["defects"] for s in j["sentences"]) for j in chosen)
            kinds = Counter(d for ds in labels for d in ds)
            results[(str(path), part)] = {
                "summaries": len(chosen),
                "sentences": len(labels),
                "stand_alone": alone / max(len(labels), 1),
                "no_defect": clean / max(len(chosen), 1),
                "defects": dict(kinds),
            }
            r = results[(str(path), part)]
            rows_out.append(
                [
                    Path(path).name,
                    part,
                    str(r["summaries"]),
                    str(r["sentences"]),
                    f"{r['stand_alone']:.1%}",
                    f"{r['no_defect']:.1%}",
                ]
                + [str(kinds.get(d, 0)) for d in DEFECTS]
            )
    from common import markdown_table

    print(
        markdown_table(
            ["summaries of", "part", "summaries", "sentences", "stand alone", "no defect", *DEFECTS], rows_out
        )
    )
    if args.json:
        args.json.write_text(json.dumps({f"{p} {part}": r for (p, part), r in results.items()}, indent=2) + "\n")


def detector(args: argparse.Namespace) -> None:
    """How often the reference detector fires on judged summary sentences: on those judged
    *unresolved* (hits) and on those judged standing alone (false alarms), per part. Two rules:
    what the summary leans on now (``StoryContext.needs``: any leaning) and the rule of issue 18's
    eighth round, second shift (``references.untold_description``), counted only when no earlier
    sentence of the summary carries the description's words (what a reader of the summary lacks)."""
    from chorus import references
    from chorus.pipeline import build_story
    from chorus.references import context_of, untold_description
    from chorus.text import WORD_RE, stem

    # "now" is the detector as shipped: without the new rule, which is off (references.UNTOLD_DESCRIPTIONS_LEAN);
    # the rule itself is counted apart below. Were it switched on, "now" would include it: it is read, never set here.
    if references.UNTOLD_DESCRIPTIONS_LEAN:
        print(
            "note: references.UNTOLD_DESCRIPTIONS_LEAN is on, so 'now' includes the rule counted apart", file=sys.stderr
        )

    judgments = {key(j): j for j in read_jsonl(JUDGMENTS)}
    rows: dict[tuple, dict] = {}
    for path in args.summaries:
        for row in read_jsonl(path):
            if key(row) in judgments and (not args.part or row["part"] == args.part):
                rows.setdefault(key(row), row)
    counts: Counter = Counter()
    shown = []
    stories: dict[str, object] = {}
    for row in sorted(rows.values(), key=lambda r: r["id"]):
        name = row["id"]
        story = stories.get(name)
        if story is None:
            story = stories[name] = build_story(load_documents_of(name), query_of(name))
        where = {(story.documents[s.doc_index].id, s.position): s.index for s in story.sentences}
        context = context_of(story)
        told: set[str] = set()
        for s, judged in zip(row["sentences"], judgments[key(row)]["sentences"]):
            index = where[(s["doc"], s["position"])]
            kind = "unresolved" if "unresolved" in judged["defects"] else "alone" if not judged["defects"] else "other"
            now = context.needs(index).any
            new = untold_description(story, index)
            fires = new is not None and not told.intersection(new[1])
            for part in (row["part"], "all"):
                counts[(part, kind, "sentences")] += 1
                counts[(part, kind, "now")] += now
                counts[(part, kind, "new")] += fires
                counts[(part, kind, "new, not now")] += fires and not now
            if fires and args.show:
                assert new is not None
                note = judged.get("note", "")
                seen = "seen now" if now else "new"
                shown.append(f"{kind}\t{seen}\t{name}\t'the {' '.join(new[0])}'\t{s['text'][:100]}\t{note}")
            told.update(stem(w) for w in WORD_RE.findall(s["text"]))
    from common import markdown_table

    parts = [p for p in (*PARTS, "all") if counts[(p, "alone", "sentences")] + counts[(p, "unresolved", "sentences")]]
    out = []
    for part in parts:
        line = [part, str(counts[(part, "unresolved", "sentences")]), str(counts[(part, "alone", "sentences")])]
        for rule in ("now", "new", "new, not now"):
            line += [str(counts[(part, "unresolved", rule)]), str(counts[(part, "alone", rule)])]
        out.append(line)
    print(
        markdown_table(
            ["part", "unresolved", "stand alone"]
            + [f"{rule}: {what}" for rule in ("now", "new", "new, not now") for what in ("hits", "false alarms")],
            out,
        )
    )
    for line in shown:
        print(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("summaries", help="summarize the judged set with this tree")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--words", type=int, default=WORDS)
    p.add_argument("--method", default=None)
    p.add_argument("--part", choices=PARTS, help="summarize only this part")
    p.set_defaults(run=summarize_set)
    p = sub.add_parser("sheet", help="print what is left to judge, with each sentence's context")
    p.add_argument("summaries", type=Path, nargs="+")
    p.add_argument("--part", choices=PARTS)
    p.set_defaults(run=sheet)
    p = sub.add_parser("score", help="the share of sentences that stand alone and of summaries with no defect")
    p.add_argument("summaries", type=Path, nargs="+")
    p.add_argument("--part", choices=PARTS, help="score only this part")
    p.add_argument("--json", type=Path)
    p.set_defaults(run=score)
    p = sub.add_parser("detector", help="how often the reference detector fires on judged sentences")
    p.add_argument("summaries", type=Path, nargs="+")
    p.add_argument("--part", choices=PARTS)
    p.add_argument("--show", action="store_true", help="print every sentence the new rule fires on")
    p.set_defaults(run=detector)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
