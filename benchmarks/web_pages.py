"""Article bodies from real web pages: chorus by both routes, beside trafilatura, jusText and no cleaning.

    python benchmarks/web_pages.py [--pages ../shared/data/web-pages] [--json FILE]

``../shared/data/web-pages`` holds 83 saved pages, each as HTML and as the
plain text that flattening the page keeps, with the body a person marked
and the benchmark's own scorer (``score.py``: word 4-gram precision and
recall averaged over pages). Every system runs on every page in the same
run and is scored by that scorer:

- ``chorus text``: the flattened text, cleaned by chorus alone (one page at a
  time, as ``chorus clean page.txt`` does);
- ``chorus html``: the HTML page, as ``chorus clean page.html`` does;
- ``trafilatura``: ``trafilatura.extract`` with its defaults;
- ``jusText``: ``justext.justext`` with its English stop list, the paragraphs
  it does not call boilerplate;
- ``uncleaned``: the flattened text as it is.

Figures are given on the English pages (the ground truth's language by
py3langid) and on all pages, and on two fixed halves of the pages (by the
first hex digit of the page key): ``train`` may be used to fit or tune the
cleaner, ``held-out`` never is, and on the pages in other languages, which
chorus cleans as ``chorus clean`` does (``summarize`` skips them). A page
chorus cannot read counts as an empty prediction.

It also counts the pages whose outlet and publication date chorus finds by
each route (the HTML route without the page's address, as a saved page).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository, or wherever CHORUS_SHARED says (as the tests read it).
DEFAULT_PAGES = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared")) / "data" / "web-pages"
TRAIN_DIGITS = frozenset("01234567")  # page keys are hex hashes: the first digit halves them at random


def is_training_page(key: str) -> bool:
    return key[0] in TRAIN_DIGITS


def load_scorer(pages: Path):
    spec = importlib.util.spec_from_file_location("web_pages_score", pages / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pages(pages: Path) -> dict[str, dict[str, str]]:
    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    out = {}
    for key, item in sorted(truth.items()):
        html = gzip.decompress((pages / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        text = (pages / "text" / f"{key}.txt").read_text(encoding="utf-8")
        out[key] = {"html": html, "text": text, "truth": item["articleBody"], "url": item.get("url") or ""}
    return out


def english_keys(pages: dict[str, dict[str, str]]) -> set[str]:
    """The pages whose true body py3langid calls English (the model alone, so chorus's own changes cannot move the set)."""
    import py3langid

    return {k for k, p in pages.items() if py3langid.classify(p["truth"])[0] == "en"}


FOUND_METADATA: dict[str, dict[str, tuple[bool, bool]]] = {}  # route -> page -> (outlet found, date found)


def chorus_body(text: str, fmt: str, name: str) -> str:
    from chorus.errors import InputError
    from chorus.ingest import RawDocument, prepare_documents

    try:
        (doc,) = prepare_documents([RawDocument(text=text, name=name, id=name, format=fmt)], [], english_only=False)
    except InputError:
        return ""
    FOUND_METADATA.setdefault(fmt, {})[name] = (doc.outlet is not None, doc.published is not None)
    return doc.text


def chorus_text(page: dict[str, str], key: str) -> str:
    return chorus_body(page["text"], "text", f"{key}.txt")


def chorus_html(page: dict[str, str], key: str) -> str:
    return chorus_body(page["html"], "html", f"{key}.html")


def trafilatura_alone(page: dict[str, str], key: str) -> str:
    import trafilatura

    return trafilatura.extract(page["html"]) or ""


def justext_alone(page: dict[str, str], key: str) -> str:
    import justext

    paragraphs = justext.justext(page["html"].encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def uncleaned(page: dict[str, str], key: str) -> str:
    return page["text"]


SYSTEMS: dict[str, Callable[[dict[str, str], str], str]] = {
    "chorus text": chorus_text,
    "chorus html": chorus_html,
    "trafilatura": trafilatura_alone,
    "jusText": justext_alone,
    "uncleaned text": uncleaned,
}


def run(pages: dict[str, dict[str, str]], systems: list[str]) -> dict[str, dict[str, object]]:
    """Per system: its prediction per page and the CPU seconds it took."""
    out = {}
    for name in systems:
        started = time.process_time()
        predictions = {key: SYSTEMS[name](page, key) for key, page in pages.items()}
        out[name] = {"predictions": predictions, "cpu_s": time.process_time() - started}
    return out


def subsets(pages: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    english = english_keys(pages)
    return {
        "English": english,
        "English, train half": {k for k in english if is_training_page(k)},
        "English, held-out half": {k for k in english if not is_training_page(k)},
        "not English": set(pages) - english,
        "all pages": set(pages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="the web-pages folder (default %(default)s)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores and predictions here")
    args = parser.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system {unknown[0]!r}; the systems are: {', '.join(SYSTEMS)}")
    scorer = load_scorer(args.pages)
    pages = read_pages(args.pages)
    truth = {k: p["truth"] for k, p in pages.items()}
    results = run(pages, systems)
    groups = subsets(pages)
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for name in systems:
        predictions = results[name]["predictions"]
        scores[name] = {group: scorer.score({k: truth[k] for k in keys}, predictions) for group, keys in groups.items()}
    for group, keys in groups.items():
        print(f"\n{group} ({len(keys)} pages): F1 / precision / recall (± bootstrap sd of F1)\n")
        rows = [
            [name, f"{s['f1']:.3f} ± {s['f1_sd']:.3f}", f"{s['precision']:.3f}", f"{s['recall']:.3f}"]
            for name in systems
            for s in [scores[name][group]]
        ]
        print(markdown_table(["system", "F1", "precision", "recall"], rows))
    for route, found in sorted(FOUND_METADATA.items()):
        print(
            f"\nchorus {route}: outlet found on {sum(o for o, _ in found.values())} of {len(pages)} pages, "
            f"publication date on {sum(d for _, d in found.values())}"
        )
    print("CPU seconds over all pages: " + ", ".join(f"{n} {results[n]['cpu_s']:.1f}" for n in systems))
    info = machine()
    print(describe_machine(info))
    write_json(
        args.json,
        args,
        info,
        scores=scores,
        cpu_seconds={n: results[n]["cpu_s"] for n in systems},
        metadata_found=FOUND_METADATA,
        predictions={n: results[n]["predictions"] for n in systems},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
