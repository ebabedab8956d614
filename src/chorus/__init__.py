"""chorus: an offline multi-document news summarizer.

    >>> import chorus
    >>> summary = chorus.summarize([text_a, text_b, text_c], words=100)
    >>> for sentence in summary.sentences:
    ...     print(sentence.text, sentence.doc_indexes)

Importing chorus loads no model and touches no file or network; the pipeline
modules are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chorus.errors import ChorusError, InputError
from chorus.types import Budget, Citation, Document, Sentence, Story, Summary, SummarySentence

if TYPE_CHECKING:
    from chorus.analysis.report import Report, report
    from chorus.digest import StoryDigest, stories
    from chorus.pipeline import check, load_documents, summarize
    from chorus.render import render, render_check, render_report
    from chorus.select import METHODS

__all__ = [
    "__version__",
    "METHODS",
    "Budget",
    "ChorusError",
    "Citation",
    "Document",
    "InputError",
    "Report",
    "Sentence",
    "Story",
    "StoryDigest",
    "Summary",
    "SummarySentence",
    "check",
    "load_documents",
    "render",
    "render_check",
    "render_report",
    "report",
    "stories",
    "summarize",
]


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chorus")
    except PackageNotFoundError:  # a source tree that was never installed
        return "unknown"


# The one version of chorus (its package metadata), for --version, the web API and the Dask workers:
# ``chorus.__version__``, read on first use (importlib.metadata costs about 35 ms to import).
_version: str | None = None

_LAZY = {
    "summarize": "chorus.pipeline",
    "check": "chorus.pipeline",
    "load_documents": "chorus.pipeline",
    "render": "chorus.render",
    "render_check": "chorus.render",
    "render_report": "chorus.render",
    "report": "chorus.analysis.report",
    "Report": "chorus.analysis.report",
    "METHODS": "chorus.select",
    "stories": "chorus.digest",
    "StoryDigest": "chorus.digest",
}


def __getattr__(name: str) -> Any:
    global _version
    if name == "__version__":
        if _version is None:
            _version = _installed_version()
        return _version
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'chorus' has no attribute {name!r}")
