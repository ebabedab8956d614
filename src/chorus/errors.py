"""Errors caused by what the user gave us, as opposed to bugs.

The CLI prints a ``ChorusError`` as one line and exits non-zero; anything
else is a bug and keeps its traceback.
"""


class ChorusError(Exception):
    """A problem with the user's input or options, explained in one line."""


class InputError(ChorusError):
    """An article, folder or dataset that cannot be read or used."""


# The warning for an article left out while the others go on: its problem follows, as the error says it
# ("skipped: notes.txt is a binary file, not text or HTML").
SKIPPED = "skipped: "


def skipped(problem: object) -> str:
    """The warning that an article was left out, and why."""
    return f"{SKIPPED}{problem}"


def why_skipped(warning: str) -> str:
    """The problem a skip warning names (``skipped``'s, or a warning of the form "skipped WHAT: WHY")."""
    return warning.removeprefix(SKIPPED).removeprefix("skipped ")
