"""ROUGE of two records of ``summaries_same.py``, setting by setting, and the clusters whose text moved.

``summaries_same.py --against`` says which summary records differ; a change that moves summaries
must also say whether ROUGE of the default method dropped. This scores the summaries the two
records already hold (no summarizing again) as ``chorus evaluate`` scores them (ROUGE-1.5.5 with
NIST's settings, recall, summaries cut to the setting's word budget) and lists each cluster whose
sentences' text differs with its ROUGE-2 recall before and after::

    CHORUS_SHARED=../shared nice python benchmarks/records_rouge.py /tmp/bench/same-before.json /tmp/bench/same-after.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chorus.evaluation.evaluate import load_references
from chorus.evaluation.rouge import nist_options, score
from summaries_same import SETTINGS, SHARED

METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")


def texts(record: dict[str, Any]) -> list[str]:
    return [s["text"] for s in record.get("sentences", [])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="a record of summaries_same.py --json, made before the change")
    parser.add_argument("after", help="one made after it")
    args = parser.parse_args()
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.before, args.after))
    print("| setting | clusters | text moved | " + " | ".join(f"{m} recall before → after" for m in METRICS) + " |")
    print("|---|---|---|" + "---|" * len(METRICS))
    moved_rows = []
    for name, dataset, words, _ in SETTINGS:
        if name not in before or name not in after:
            continue
        _, references = load_references(SHARED / "data" / dataset, None)
        systems = {
            tag: {cid: texts(record) for cid, record in sorted(records[name].items())}
            for tag, records in (("before", before), ("after", after))
        }
        options = nist_options(words)
        scored = score(systems, references, options=options)
        moved = [cid for cid in systems["before"] if systems["before"][cid] != systems["after"].get(cid)]
        cells = [f"{scored['before'][m].recall:.4f} → {scored['after'][m].recall:.4f}" for m in METRICS]
        print(f"| {name} | {len(systems['before'])} | {len(moved)} | " + " | ".join(cells) + " |")
        for cid in moved:
            one = score({tag: {cid: systems[tag][cid]} for tag in systems}, {cid: references[cid]}, options=options)
            moved_rows.append(
                f"| {name} | {cid} | {one['before']['ROUGE-2'].recall:.4f} → {one['after']['ROUGE-2'].recall:.4f} |"
            )
    if moved_rows:
        print("\n| setting | cluster | ROUGE-2 recall before → after |\n|---|---|---|")
        print("\n".join(moved_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
