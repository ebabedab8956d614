"""Bytes to clean Unicode: encoding detection, mojibake repair, binary refusal.

The order of preference follows what news files are in practice:

1. a byte order mark (UTF-8, UTF-16, UTF-32), or UTF-16 without one, which
   shows in its NUL bytes;
2. UTF-8: valid UTF-8 with non-ASCII bytes is almost never anything else,
   and a few stray Windows-1252 bytes in otherwise UTF-8 text are read as
   Windows-1252 where they stand;
3. the charset an HTML or XML file declares (ISO-8859-1 read as
   Windows-1252, as browsers do);
4. Windows-1252, a superset of the printable part of Latin-1: the encoding
   of Western text saved by Windows tools and of most old pages.

A statistical detector (charset_normalizer) is asked only when the
Windows-1252 (or declared) reading looks wrong, and its answer replaces it
only when that reading is much cleaner. Asked first, it reads short
Western texts as hp_roman8, cp850 or cp1250, whose output is garbage
("cafÚÆs ômenuö" for "café’s “menu”").

"Looks wrong" is measured on the decoded text, by the marks that a wrong
8-bit codec leaves: control characters, box drawing,
symbols inside words ("powiedzia³"), capitals inside lower-case words
("itÕs"), long runs of accented Latin letters (Cyrillic or Greek read as
Windows-1252: "Ïðåçèäåíò"), and words that mix alphabets ("cafй").
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from chorus.errors import InputError

if TYPE_CHECKING:  # ftfy (and wcwidth with it) costs 0.05 s to import; plain ASCII text never needs it
    import ftfy

_CONTROL_OK = {9, 10, 12, 13}  # tab, newline, form feed, carriage return
_UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
# What ftfy (6.x) would change in ASCII text, besides line breaks (normalised below anyway): an HTML
# entity as its unescape_html finds one ("&amp;", "&#39;"; not "AT&T" or "Merck & Co."), a terminal
# escape (ESC) or a control character it removes (its CONTROL_CHARS below 128). Its mojibake
# repairs, width and ligature fixes and NFC need characters beyond ASCII.
_FTFY_ASCII_WORK = re.compile(r"&#?[0-9A-Za-z]{1,24};|[\x00-\x08\x0b\x0e-\x1f\x7f]")
SNIFF_BYTES = 8192  # how much of a file is looked at to tell text from binary data, and a declared charset


def _as_latin1(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: the offending byte as the Latin-1 character of that value."""
    if not isinstance(exc, UnicodeDecodeError):  # registered for decoding only
        raise exc
    return exc.object[exc.start : exc.start + 1].decode("latin-1"), exc.start + 1


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: a stray byte in UTF-8 text as the Windows-1252 character."""
    if not isinstance(exc, UnicodeDecodeError):  # registered for decoding only
        raise exc
    return _western(exc.object[exc.start : exc.start + 1]), exc.start + 1


codecs.register_error("chorus-latin1", _as_latin1)
codecs.register_error("chorus-cp1252", _as_cp1252)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes mean an image, PDF, archive..."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _CONTROL_OK)
    return controls > 0.05 * max(len(head), 1)


def _has_controls(text: str) -> bool:
    return any(ord(ch) < 32 and ord(ch) not in _CONTROL_OK for ch in text[:SNIFF_BYTES])


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no byte order mark: ASCII characters leave a NUL beside every byte."""
    head = data[:SNIFF_BYTES]  # an even number of bytes
    if len(data) % 2 or len(head) < 4:
        return None
    evens, odds = head[0::2], head[1::2]
    for codec, zeros, others in (("utf-16-le", odds, evens), ("utf-16-be", evens, odds)):
        if zeros.count(0) >= 0.5 * len(zeros) and others.count(0) <= 0.02 * len(others):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return None if _has_controls(text) else text
    return None


# A valid UTF-8 sequence of two to four bytes.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """Invalid UTF-8, but most of its non-ASCII bytes form valid UTF-8 sequences."""
    valid = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    high = len(data.translate(None, bytes(range(0x80))))
    return valid > 0 and valid >= 0.75 * high


def _western(data: bytes) -> str:
    """Windows-1252; the five bytes it leaves undefined are read as Latin-1 (control characters)."""
    return data.decode("cp1252", errors="chorus-latin1")


_DECLARED_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_READ_AS_WESTERN = {"latin_1", "iso8859_1", "ascii", "cp1252"}


def _declared(data: bytes) -> str | None:
    """The text in the charset its HTML or XML head declares, if that decodes it."""
    found = _DECLARED_RE.search(data[:SNIFF_BYTES])
    if not found:
        return None
    try:
        codec = codecs.lookup((found.group(1) or found.group(2)).decode("ascii")).name.replace("-", "_")
    except LookupError:
        return None
    if codec in _READ_AS_WESTERN:
        return _western(data)
    if codec.startswith(("utf_16", "utf_32", "utf_8")):
        return None  # already ruled out by the byte order marks and the UTF-8 check
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):  # not this charset after all, or not a text codec
        return None


# Alphabets whose letters never share a word with each other's. Scripts
# written without spaces (Chinese, Japanese) are left out: their "words" are
# whole phrases that may hold Latin letters.
_ALPHABETS = frozenset("LATIN GREEK CYRILLIC ARMENIAN HEBREW ARABIC GEORGIAN THAI".split())
_LONG_ACCENTED_RUN = 4
_WORD_RE = re.compile(r"\S*[^\x00-\x7f]\S*")
_IMPOSSIBLE_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_IN_WORDS = "’‘'·"  # punctuation that does stand between letters (it’s, l·l)


def _alphabet(ch: str) -> str | None:
    name = unicodedata.name(ch, "").split(" ", 1)[0]
    return name if name in _ALPHABETS else None


def _odd_in_word(word: str) -> set[int]:
    """Positions in one word of characters that a wrong 8-bit codec leaves."""
    odd: set[int] = set()
    run: list[int] = []
    for i, ch in enumerate(word):
        accented_latin = ord(ch) > 0x7F and ch.isalpha() and _alphabet(ch) == "LATIN"
        if accented_latin:
            run.append(i)
        else:
            run = []
        if len(run) >= _LONG_ACCENTED_RUN:
            odd.update(run)
        if ord(ch) <= 0x7F:
            continue
        category = unicodedata.category(ch)
        between_letters = 0 < i < len(word) - 1 and bool(_alphabet(word[i - 1]) and _alphabet(word[i + 1]))
        punctuation = (category[0] in "PS" or category == "No") and category != "Pd" and ch not in _IN_WORDS
        if (
            0x2500 <= ord(ch) <= 0x259F  # box drawing and blocks (DOS code pages)
            or (between_letters and punctuation)  # "powiedzia³"
            or (ch.isupper() and i > 0 and word[i - 1].islower())
        ):
            odd.add(i)
    for letters in _LETTERS_RE.finditer(word):
        if len({a for a in map(_alphabet, letters.group()) if a}) > 1:  # "cafй"
            odd.update(i for i in range(*letters.span()) if ord(word[i]) > 0x7F)
    return odd


def _oddity(text: str) -> float:
    """Share of the non-ASCII characters that look like a wrong codec's output (0 to 1).

    Characters no text holds (controls, unassigned code points) make it 1.
    """
    if _IMPOSSIBLE_RE.search(text):
        return 1.0
    non_ascii = odd = 0
    for match in _WORD_RE.finditer(text):
        word = match.group()
        non_ascii += sum(ord(ch) > 0x7F for ch in word)
        odd += len(_odd_in_word(word))
    return min(1.0, odd / non_ascii) if non_ascii else 0.0


# The detector's reading replaces the preferred one only when the preferred
# one is clearly wrong and the detector's clearly better.
_CLEARLY_WRONG = 0.1
_CLEARLY_BETTER = 4


def _legacy(data: bytes) -> str:
    """Text in an 8-bit or East Asian legacy encoding."""
    declared = _declared(data)
    preferred = declared if declared is not None else _western(data)
    score = _oddity(preferred)
    if score < _CLEARLY_WRONG:
        return preferred
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8 (18 ms to import)

    readings = [str(m) for m in from_bytes(data)]
    if declared is not None:
        readings.insert(0, _western(data))
    scored = [(_oddity(r), k, r) for k, r in enumerate(readings)]
    if scored:
        best_score, _, best = min(scored)
        if best_score * _CLEARLY_BETTER <= score:
            return best
    return preferred


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` (any encoding) and repair mojibake; raise InputError if unusable."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                marked = fix_text(data.decode(codec))
            except UnicodeDecodeError:
                raise InputError(f"{name} is not valid {codec.upper()} text") from None
            if not marked.strip():
                raise InputError(f"{name} is empty")  # a byte order mark and blanks: no text
            return marked
    text = _utf16_without_bom(data)
    if text is not None:
        return fix_text(text)
    if looks_binary(data):
        raise InputError(f"{name} is a binary file, not text or HTML")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        if not data.strip():
            raise InputError(f"{name} is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="chorus-cp1252") if _mostly_utf8(data) else _legacy(data)
    return fix_text(text)


@lru_cache(maxsize=1)
def _ftfy_config() -> ftfy.TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(uncurl_quotes=False)  # quotes are part of what outlets printed


def fix_text(text: str) -> str:
    """Repair mojibake ("â€™" for "’") and normalise line breaks.

    ASCII text that holds none of what ftfy would change there (``_FTFY_ASCII_WORK``) is returned
    as ftfy would return it without calling it: most news text, and no import of ftfy."""
    if not (text.isascii() and _FTFY_ASCII_WORK.search(text) is None):
        import ftfy

        text = ftfy.fix_text(text, config=_ftfy_config())
    return text.replace("\r\n", "\n").replace("\r", "\n")
