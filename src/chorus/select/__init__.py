"""Select stage: pluggable content-selection methods, one file each."""

from __future__ import annotations

from chorus.errors import ChorusError
from chorus.select.base import Summarizer
from chorus.select.centroid import Centroid
from chorus.select.concepts import Concepts
from chorus.select.klsum import KLSum
from chorus.select.lead import Lead
from chorus.select.lexrank import LexRank
from chorus.select.mmr import MMR
from chorus.select.textrank import TextRank

METHODS: dict[str, type[Summarizer]] = {
    cls.name: cls for cls in (Concepts, Centroid, LexRank, TextRank, MMR, KLSum, Lead)
}
DEFAULT_METHOD = "concepts"


def get_method(name: str | None = None) -> Summarizer:
    key = (name or DEFAULT_METHOD).lower()
    if key not in METHODS:
        raise ChorusError(f"unknown method {name!r}; choose from: {', '.join(METHODS)}")
    return METHODS[key]()


__all__ = ["DEFAULT_METHOD", "METHODS", "Summarizer", "get_method"]
