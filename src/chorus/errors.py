"""Errors caused by what the user gave us, as opposed to bugs.

The CLI prints a ``ChorusError`` as one line and exits non-zero; anything
else is a bug and keeps its traceback.
"""


class ChorusError(Exception):
    """A problem with the user's input or options, explained in one line."""


class InputError(ChorusError):
    """An article, folder or dataset that cannot be read or used."""
