"""The judged *contradicts* of the claims that ``chorus check`` now shows as updates, for rejudging.

    python benchmarks/contradicts_updates.py [--split all|dev|...] [--every]

For every claim of the split (``claims_score.read_claims``) with an article judged *contradicts*
(or *updates*, once rejudged), the claim is checked as ``claims_score.py`` checks it and each such
article the rule of updates (``chorus.align.updates.updates_of``) calls an update is printed with
what a judge needs to read it by the rule (benchmarks/claims/PROTOCOL.md, "Updates and conflicts"):
the claim, the article's sentence and its differing values, each article's outlet and day. Kept-aside
splits are never read (``--split all`` leaves them out, as ``claims_score.py`` does). With ``--every``,
every judged *contradicts* (and *updates*) is printed, whatever chorus finds, so that a rejudging by
the rule reads them all, not only those the engine calls updates.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from claims_score import check_judged_claim, load_cluster, read_claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="all")
    parser.add_argument("--every", action="store_true", help="every judged contradicts, not only those found updates")
    args = parser.parse_args()

    from chorus.align import CONTRADICTS, aligner_of
    from chorus.align.updates import UPDATES, updates_of
    from chorus.pipeline import build_story

    by_cluster = defaultdict(list)
    for c in read_claims(args.split):
        if any(j["verdict"] in (CONTRADICTS, UPDATES) for j in c["articles"].values()):
            by_cluster[c["cluster"]].append(c)
    for cluster, claims in sorted(by_cluster.items()):
        story = build_story(load_cluster(cluster))
        aligner = aligner_of(story)
        ids = [d.id for d in story.documents]
        for c in claims:
            source = ids.index(c["source"]) if c["source"] in ids else None
            result = check_judged_claim(story, aligner, c)
            updated = updates_of(result)
            found = {ids[v.doc_index]: v for v in result.articles}
            for doc, judged in sorted(c["articles"].items()):
                if doc not in found or judged["verdict"] not in (CONTRADICTS, UPDATES):
                    continue
                verdict = found[doc]
                got = UPDATES if ids.index(doc) in updated else verdict.verdict
                if got != UPDATES and judged["verdict"] != UPDATES and not args.every:
                    continue
                d = story.documents[ids.index(doc)]
                s = story.documents[source] if source is not None else None
                print(
                    f"{c['id']} ({cluster}, {c.get('split', 'dev')}) {doc}: judged {judged['verdict']}"
                    f"{' (unsure)' if judged.get('unsure') else ''}, found {got}"
                )
                print(f"    claim ({c['source']}, {s.outlet if s else '?'}, {s.published if s else '?'}): {c['text']}")
                if verdict.evidence is not None:
                    text = " | ".join(story.sentences[i].text for i in verdict.evidence.sentences)
                    print(f"    article ({d.outlet}, {d.published}): {text}")
                    print(f"    values: {[(x.claim, x.article) for x in verdict.evidence.differences]}")
                print(f"    judged: {judged.get('values')} | {judged.get('evidence', [''])[0][:200]}")
                print(f"    judged ({d.outlet}, {d.published}) note: {c.get('note', '')[:200]}")
                judged_states = [x for x, j in c["articles"].items() if j["verdict"] == "states" and x in ids]
                print(
                    f"    judged states: {[(x, story.documents[ids.index(x)].outlet, story.documents[ids.index(x)].published) for x in judged_states]}"
                )
                stating = [ids[v.doc_index] for v in result.articles if v.verdict == "states"]
                print(
                    f"    stating: {[(x, story.documents[ids.index(x)].outlet, story.documents[ids.index(x)].published) for x in stating]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
