"""The story report's wording, in one place: its title, each section's name, the
sentence that explains it and what it says when it is empty.

The Markdown report (`report_markdown.py`) reads it here; the story viewer
(`story.js`), which draws both `chorus report --format html` and the page of
`chorus serve`, gets it as JSON written into the script (`story_script`), so
the formats cannot drift apart. What only one format shows (the page's
legends and pointing hints, the Markdown's table columns) stays with it.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

REPORT_TITLE = "Story report"

# In the viewer's tab order; `tab` is the short name on its tab, `title` the
# section's name (the Markdown report's heading, the viewer's section label).
SECTIONS: dict[str, dict[str, Any]] = {
    "summary": {
        "tab": "Summary",
        "title": "Summary",
        "empty": "No sentence fits the budget.",
    },
    "facts": {
        "tab": "Facts",
        "title": "Facts and their support",
        "lead": "Sentences of different outlets that state the same claim are one fact, most-reported first. "
        "Copies of one story count as one source; a fact only one source reports rests on it alone.",
        "several": "Reported by several independent sources",
        "several_empty": "No fact is reported by more than one independent source.",
        "single": "Reported by one source only",
        "single_empty": "Every fact is reported by more than one independent source.",
    },
    "conflicts": {
        "tab": "Conflicts",
        "title": "Conflicts",
        "lead": "Outlets giving one fact with a different number, date, day, year, rank or age: "
        "one entry per disputed fact, each value with the outlets that give it.",
        "empty": "No outlet gives a fact with another number, date, day, year, rank or age.",
        # Counts that rose over the days of the articles: listed apart, not as disputes.
        "updates": "Updated over the days, earliest first (a count that changed, not a dispute)",
    },
    "quotes": {
        "tab": "Quotes",
        "title": "Quotes",
        "lead": "Every quotation of four words or more, who said it, and the outlets that print it.",
        "empty": "No article quotes anyone directly.",
    },
    "entities": {
        "tab": "Names",
        "title": "People, places, organizations",
        "lead": "People, places and organizations, with every spelling the outlets use "
        "and how often each outlet names them.",
        "empty": "No name was found.",
        # One heading per kind of chorus.analysis.entities.KINDS, in that order.
        "kinds": {"person": "People", "place": "Places", "organization": "Organizations", "other": "Other names"},
    },
    "reuse": {
        "tab": "Copying",
        "title": "Text reuse",
        "lead": "Passages one article shares word for word, or nearly, with another, grouped by pair of articles, "
        "and which one copied when that can be told.",
        "empty": "No article shares a passage of its own prose, or a long quotation, with another.",
    },
    "timeline": {
        "tab": "Timeline",
        "title": "Timeline",
        "lead": "The articles by the time they were published, as their pages say, and each fact at the time "
        "the first outlet reporting it was published.",
        "empty": "No article says when it was published, so they cannot be put in time.",
    },
    "coverage": {
        "tab": "Coverage",
        "title": "Coverage",
        "lead": "How much of the story each outlet covers: the facts it reports, those it shares with other outlets, "
        "and those only it reports.",
    },
}

# How a citation names an article that gives another value (``Contradiction.update``; the check's
# verdicts too): a dispute "says" it; a count the rule calls an update (chorus.align.updates, the
# report's "Updated over the days") was given on an earlier or a later day, or revised by its outlet.
OTHER_VALUE: dict[str, str] = {
    "": "says",
    "earlier": "earlier said",
    "later": "later said",
    "revised": "in an update says",
}


def other_value(name: str, values: str, update: str = "") -> str:
    """ "2 says 1,500" (a dispute), "1 earlier said 7,085" (an update): the one wording of every format."""
    return f"{name} {OTHER_VALUE[update]} {values}"


REPORT_WORDING: dict[str, Any] = {"title": REPORT_TITLE, "sections": SECTIONS, "other_value": OTHER_VALUE}

# story.js holds this token where its wording goes (`const WORDING = ...;`).
_WORDING_SLOT = "/*chorus:wording*/null"


def viewer_wording() -> dict[str, Any]:
    """What the viewer is told: the report's wording, and each selection method in plain words (its
    summary says how the sentences were picked in those, the method's own name in a tooltip, as the
    page's Method menu does)."""
    from chorus.select import METHODS  # already loaded wherever a report is drawn

    return {**REPORT_WORDING, "methods": {name: method.plain for name, method in METHODS.items()}}


def chosen_by(method: str) -> str:
    """How a summary's sentences were picked, in its method's plain words (``Summarizer.plain``, the
    one source the Method menu and the page's summary read): "chosen: the most facts in the fewest
    words", as the page says it (story.js). A method chorus does not know is named as it is."""
    from chorus.select import METHODS

    found = METHODS.get(method)
    if found is None:
        return f"method {method}"
    return f"chosen: {found.plain[0].lower()}{found.plain[1:]}"


def story_script() -> str:
    """The story viewer's code with the report's wording written in."""
    code = (files("chorus.render") / "story.js").read_text(encoding="utf-8")
    if code.count(_WORDING_SLOT) != 1:
        raise RuntimeError(f"story.js must hold {_WORDING_SLOT} exactly once")
    # ASCII JSON with '<' escaped: safe inside the report's inline <script>.
    wording = json.dumps(viewer_wording(), ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    return code.replace(_WORDING_SLOT, wording)
