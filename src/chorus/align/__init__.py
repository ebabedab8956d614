"""Claim alignment: which articles state a claim, which contradict it, and how many independent sources they are.

The pipeline-level engine behind the summary's citations, the report's facts,
conflicts, coverage and quotes, and ``chorus check``::

    aligner = aligner_of(story)            # once per represented story
    result = aligner.check("About 1,200 people were evacuated.")
    for verdict in result.articles:        # one per document
        print(verdict.doc_index, verdict.verdict, verdict.evidence)
"""

from chorus.align.claims import (
    CONTRADICTS,
    SILENT,
    STATES,
    VERDICTS,
    Aligner,
    ArticleVerdict,
    Claim,
    ClaimCheck,
    Difference,
    Evidence,
    aligner_of,
)
from chorus.align.families import Family, Rewrite, SourceFamilies

__all__ = [
    "CONTRADICTS",
    "SILENT",
    "STATES",
    "VERDICTS",
    "Aligner",
    "ArticleVerdict",
    "Claim",
    "ClaimCheck",
    "Difference",
    "Evidence",
    "Family",
    "Rewrite",
    "SourceFamilies",
    "aligner_of",
]
