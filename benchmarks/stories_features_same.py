"""Are this tree's article features those of another ``chorus`` package, and how fast is each?

The features of ``chorus stories`` (``chorus.digest.features.article_features``) of the articles of
``stories_scale.py`` (DUC 2006 and DUC 2007 update, repeated and perturbed to the size), made by this
tree and by the package in ``--baseline-src`` (e.g. the ``src`` of main, from ``git archive``), each in
its own process pinned to one core, the two alternated ``--repeats`` times: the CPU seconds of each, and
whether every article's key, terms, day and shown words are the same, in the same order (the grouping,
its decisions and the summaries read nothing else of an article's text). Each run's first 300 articles
are also made with their first 200 characters in capitals as the headline (a shouted headline).

    git archive main src | tar -x -C /tmp/main
    nice python benchmarks/stories_features_same.py ../shared/data --size 10000 --baseline-src /tmp/main/src
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SINGLE_THREAD, default_cpu, pin_to_one_core  # noqa: E402
from stories_scale import articles_of_size  # noqa: E402

SHOUTED_ARTICLES = 300
SHOUTED_CHARS = 200


def worker(data: Path, size: int, cpu: int) -> dict:
    pin_to_one_core(cpu)
    from chorus.digest.features import article_features

    articles = list(articles_of_size(data, size))
    digest = hashlib.sha256()
    started = time.process_time()
    made = [article_features(a["id"], a["title"], a["text"], a["date"]) for a in articles]
    cpu_s = time.process_time() - started
    made += [
        article_features(a["id"], a["text"][:SHOUTED_CHARS].upper(), a["text"], None)
        for a in articles[:SHOUTED_ARTICLES]
    ]
    for f in made:
        digest.update(json.dumps([f.key, list(f.terms.items()), f.day, list(f.surface.items())]).encode())
    return {"articles": size, "features_cpu_s": round(cpu_s, 1), "sha256": digest.hexdigest()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--baseline-src", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--cpu", type=int, default=default_cpu())
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.data, args.size, args.cpu)))
        return 0
    env = {**os.environ, **SINGLE_THREAD}
    systems = {"this tree": env, "baseline": {**env, "PYTHONPATH": str(args.baseline_src.resolve())}}
    command = [sys.executable, __file__, str(args.data), "--worker", "--size", str(args.size), "--cpu", str(args.cpu)]
    rows = []
    for run in range(1, args.repeats + 1):
        for system, system_env in systems.items():
            out = subprocess.run(
                command + ["--baseline-src", "-"], env=system_env, capture_output=True, text=True, check=True
            )
            rows.append({"system": system, "run": run, **json.loads(out.stdout), "load": round(os.getloadavg()[0], 1)})
            print(rows[-1], flush=True)
    print("| articles | features of | run | CPU s | load |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['system']} | {r['run']} | {r['features_cpu_s']} | {r['load']} |")
    same = len({r["sha256"] for r in rows}) == 1
    print(f"the same features in every run: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
