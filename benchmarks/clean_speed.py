"""Speed of the ingest stage's cleaner and language check, against an earlier version, side by side.

    python benchmarks/clean_speed.py [--base 2936c06] [--clusters 20] [--repeats 3] [--json FILE]

The earlier version's ``clean.py`` and ``language.py`` are read from git
(``--base``, a commit) and imported beside the current ones, so both run
in the same process on the same input, interleaved, ``--repeats`` times;
the figure is the median CPU time (``time.process_time``) per 1,000 words.

Inputs: the first ``--clusters`` DUC 2006 clusters as the summarizer
cleans them (all 25 articles together), and the same articles dressed as
noisy pages (``noisy_pages.py``, furniture family A). Linearity: one noisy
page repeated 1, 4 and 16 times in one text, cleaned alone; the time per
word should not grow with the page.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cpu_timed, describe_machine, machine, markdown_table, write_json  # noqa: E402
from noisy_clusters import DEFAULT_DATA, build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASE = "2936c06"  # main before issue 16's cleaner


def file_at(base: str, path: str) -> str:
    """The text of the repository's file ``path`` as it was at commit ``base``."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{base}:{path}"], check=True, capture_output=True, text=True
    ).stdout


def load_old(base: str, name: str, folder: Path):
    """The module ``chorus.ingest.<name>`` as it was at commit ``base``."""
    source = file_at(base, f"src/chorus/ingest/{name}.py")
    path = folder / f"old_{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"old_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--base", default=DEFAULT_BASE, help="the earlier commit (default %(default)s)")
    parser.add_argument("--clusters", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--least",
        action="store_true",
        help="the least of the repeats instead of their median (steadier on a loaded machine)",
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    from chorus.ingest import clean as new_clean, language as new_language

    model_path = "src/chorus/ingest/line_model.json"
    base_has_model = (
        subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{args.base}:{model_path}"]).returncode == 0
    )
    with tempfile.TemporaryDirectory() as folder:
        if base_has_model:
            # The old cleaner runs with the line model code and weights of its own commit.
            (Path(folder) / "line_model.json").write_text(file_at(args.base, model_path), encoding="utf-8")
            new_line_model = sys.modules["chorus.ingest.line_model"]
            sys.modules["chorus.ingest.line_model"] = load_old(args.base, "line_model", Path(folder))
            try:
                old_clean = load_old(args.base, "clean", Path(folder))
                old_clean.default_model()  # read its weights while the folder is there
            finally:
                sys.modules["chorus.ingest.line_model"] = new_line_model
        else:  # a cleaner from before the line model (the default base)
            old_clean = load_old(args.base, "clean", Path(folder))
        old_language = load_old(args.base, "language", Path(folder))
    rows = [json.loads(line) for line in (args.data / "duc2006" / "clusters.jsonl").open(encoding="utf-8")]
    duc = [[d if isinstance(d, str) else d["text"] for d in r["documents"]] for r in rows[: args.clusters]]
    noisy = [c.texts for c in build(args.data, ["A"], {"tune"})[: args.clusters]]
    page = max((t for texts in noisy for t in texts), key=len)
    inputs = {
        "DUC clusters (25 articles)": duc,
        "noisy pages (clusters of 5)": noisy,
        **{f"one noisy page × {k}": [["\n\n".join([page] * k)]] for k in (1, 4, 16)},
    }
    new_clean.clean_texts(["warm up the line model: one sentence of text here, and another one."])
    new_language.detect_language(" ".join(duc[0]))
    old_language.detect_language("Un texte français pour charger le modèle de langue avant les mesures ici.")
    new_language.detect_language("Un texte français pour charger le modèle de langue avant les mesures ici.")
    table = []
    results = {}
    for label, clusters in inputs.items():
        n_words = sum(len(t.split()) for texts in clusters for t in texts)
        times = {"old clean": [], "new clean": [], "old language": [], "new language": []}
        for _ in range(args.repeats):
            times["old clean"].append(cpu_timed(lambda: [old_clean.clean_texts(c) for c in clusters])[1])
            times["new clean"].append(cpu_timed(lambda: [new_clean.clean_texts(c) for c in clusters])[1])
            times["old language"].append(
                cpu_timed(lambda: [old_language.detect_language(t) for c in clusters for t in c])[1]
            )
            times["new language"].append(
                cpu_timed(lambda: [new_language.detect_language(t) for c in clusters for t in c])[1]
            )
        pick = min if args.least else statistics.median
        per_k = {k: 1e6 * pick(v) / n_words for k, v in times.items()}  # seconds -> ms per 1,000 words
        results[label] = {"words": n_words, "ms_per_1000_words": per_k}
        table.append([label, f"{n_words:,}"] + [f"{per_k[k]:.2f}" for k in times])
    print(markdown_table(["input", "words", "old clean", "new clean", "old language", "new language"], table))
    print("CPU milliseconds per 1,000 words,", "least" if args.least else "median", "of", args.repeats)
    info = machine()
    print(describe_machine(info))
    write_json(args.json, args, info, results=results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
