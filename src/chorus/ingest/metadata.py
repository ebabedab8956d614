"""Who published an article, who wrote it, when, and where it lives.

Pages state this in several places, none of them reliable alone:

- **HTML**: schema.org JSON-LD (``publisher.name``, ``author``,
  ``datePublished``), Open Graph and other ``<meta>`` tags
  (``og:site_name``, ``article:published_time``, ``author``...), the
  ``<title>``'s suffix ("... - The New York Times"), and what trafilatura
  (with htmldate for the date) finds from all of these;
- **text**: the page's title line when it was kept, a masthead,
  "Published ..." and time-stamp lines, a "By ..." byline, a closing
  "... is a reporter at The Times of Israel", a copyright line, a wire
  dateline ("MARROWICK (WireNow) —");
- **DUC/TAC document ids**: ``APW19980601.0001`` names the wire and the day.

The outlet chosen is the candidate that agrees with the page's web address
(``The New York Times`` for nytimes.com, by its letters) when one does;
otherwise the most trusted plausible one; otherwise the address's domain.
Dates are written in ISO 8601, with the time and offset when the page gives
them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from chorus import lexicon
from chorus.text import words


@dataclass(frozen=True)
class PageMetadata:
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date or date-time

    def or_else(self, other: PageMetadata) -> PageMetadata:
        """These values, each missing one taken from ``other``."""
        return replace(self, **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


# --- dates ----------------------------------------------------------------------

# Each name of a month (the lexicon's, and their abbreviations) to its number.
MONTHS = {
    name.lower(): number
    for number, month in enumerate(lexicon.MONTHS, start=1)
    for name in (month, *(a for a in lexicon.MONTH_ABBREVIATIONS if month.lower().startswith(a.lower())))
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = (
    r"(?:(?:\s*(?:at|,|-|–|\|))?\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<zone>[A-Z]{2,4}|[+-]\d\d:?\d\d))?)?"
)
# "August 3, 2015", "Aug. 3 2015", "3 August 2015", "2015-08-03", "08/03/2015" (US order), each with an optional time.
_DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)" + _TIME),
    re.compile(r"(?<!\d)(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/" + _YEAR + r"(?!\d)" + _TIME),
]
# Time zones a page prints, with their UTC offsets (the US ones news sites use, GMT/UTC, central Europe, Israel).
ZONE_OFFSETS = {
    "UTC": "+00:00",
    "GMT": "+00:00",
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "IST": "+02:00",
    "IDT": "+03:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "ET": "-05:00",
    "PT": "-08:00",
}
EARLIEST_YEAR = 1900  # no news page is dated before; a smaller number is something else


def published_day(published: str | None) -> date | None:
    """The day of an ISO 8601 date or date-time, as printed (its local day); None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def iso_date(value: str | None) -> str | None:
    """A machine-readable date or date-time (ISO 8601 or close) as ISO 8601, or None.

    The time and offset are kept when given ("2019-11-19T11:51:32.556Z" is
    "2019-11-19T11:51:32+00:00"); a bare day stays a day.
    """
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):  # "20191119"
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    text = re.sub(
        r"(?<=\d)[Zz]$", "+00:00", text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text
    )
    text = re.sub(r"(\d\d:\d\d:\d\d)\.\d+", r"\1", text)  # milliseconds
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)  # +0000
    try:
        if len(text) == 10:
            parsed = date.fromisoformat(text)
            return parsed.isoformat() if parsed.year >= EARLIEST_YEAR else None
        moment = datetime.fromisoformat(text)
    except ValueError:
        return printed_date(value)
    if moment.year < EARLIEST_YEAR:
        return None
    if moment.time() == datetime.min.time() and moment.tzinfo is None:
        return moment.date().isoformat()  # midnight with no zone: a day written as a date-time
    return moment.isoformat()


def _from_match(found: re.Match[str]) -> str | None:
    parts = found.groupdict()
    month = parts["month"]
    month_number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        day = date(int(parts["year"]), month_number or 0, int(parts["day"]))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day.isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return day.isoformat()
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}:{int(parts.get('second') or 0):02d}"
    zone = parts.get("zone") or ""
    offset = ZONE_OFFSETS.get(zone.upper()) if zone[:1].isalpha() else (zone[:3] + ":" + zone[-2:] if zone else None)
    return stamp + (offset or "")


def find_dates(text: str) -> Iterator[tuple[int, str]]:
    """(position, ISO date) of each date printed in the text, in order."""
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _from_match(match)
            if value:
                found.append((match.start(), match.end(), value))
    found.sort()
    end = -1
    for start, stop, value in found:
        if start >= end:  # overlapping readings of one date: the first (longest pattern) wins
            yield start, value
            end = stop


def printed_date(text: str) -> str | None:
    """The first date printed in a line of text ("Published August 3, 2015 10:20 PM EDT"), as ISO 8601."""
    return next((value for _, value in find_dates(text)), None)


# --- outlets ----------------------------------------------------------------------

# Labels of a host name that say nothing about the outlet.
_HOST_NOISE = frozenset(
    "www www1 www2 m amp mobile edition news com co org net gov edu ac uk us br de in au ca fr it es ru jp kr cn info biz".split()
)
MAX_OUTLET_WORDS = 6  # longer "site names" are taglines or headlines
MAX_OUTLET_CHARS = 60
# A site's address used as its name ("vse-diety.com").
_SITE_ADDRESS = re.compile(
    r"(?:[a-z0-9-]+\.)+(?:com|org|net|info|ru|de|uk|fr|it|es|br|in|au|ca|jp|kr|cn|io|co)", re.IGNORECASE
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::?|--|·|•)\s+")


def domain(url: str | None) -> str | None:
    """The host of a web address without "www." ("nytimes.com"); None for an IP address or localhost."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|amp)\.", "", host)
    # A numeric address or a local name says nothing about who published the page.
    if not host or host == "localhost" or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return None
    return host


def _host_labels(host: str | None) -> list[str]:
    return [label for label in (host or "").split(".") if label not in _HOST_NOISE and len(label) >= 2]


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _fits_label(name: str, label: str) -> bool:
    name_letters = _letters(name)
    if not name_letters:
        return False
    if label in name_letters or name_letters in label:
        return True
    first_letters = [_letters(w)[:1] for w in name.split() if _letters(w)]
    if len(label) >= 4 and label[0] in first_letters and _is_subsequence(label, name_letters):
        return True
    # A name's initials ("The Associated Press" and ap.org, "Wall Street Journal" and wsj.com).
    initials = "".join(first_letters)
    return len(label) >= 2 and label in (initials, initials.removeprefix("t"))


def fits_host(name: str, host: str | None) -> bool:
    """Does an outlet's name agree with the web address it was found at?

    By letters: "The New York Times" and nytimes.com (the host's label is a
    subsequence of the name's letters, starting where a word starts), "BBC
    News" and bbc.com, "LinkNaija" and linknaija.com, or by initials ("The
    Associated Press" and ap.org).
    """
    return any(_fits_label(name, label) for label in _host_labels(host))


def _fits_site(name: str, host: str | None) -> bool:
    """Does the name fit the site's own label (the last before the suffix: "ap" of hosted.ap.org)?

    A subdomain names a section or a service of the site ("Hosted" of
    hosted.ap.org), or a blog on a platform (linknaija.blogspot.com).
    """
    labels = _host_labels(host)
    return bool(labels) and _fits_label(name, labels[-1])


def plausible_outlet(name: str | None) -> str | None:
    """The name tidied ("LinkNaija | Nigeria's news platform" is "LinkNaija"), or None if it cannot be an outlet."""
    if not name or not isinstance(name, str):
        return None
    name = " ".join(name.split()).strip(" -|:·•")
    if re.match(r"https?://", name):
        return domain(name)
    name = _TITLE_SEPARATORS.split(name)[0]
    if not name or "@" in name or len(name) > MAX_OUTLET_CHARS or len(name.split()) > MAX_OUTLET_WORDS:
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    return name


def choose_outlet(candidates: Iterable[str | None], host: str | None) -> str | None:
    """The outlet among candidates in order of trust, checked against the page's host.

    The first candidate that fits the host wins; a lower-case one-word slug
    ("nj") gives way to the host itself ("nj.com"). With none fitting, the
    first plausible candidate, then the host.
    """
    names = [n for n in (plausible_outlet(c) for c in candidates) if n]
    # A name fitting the site's own label wins over one fitting only a subdomain's (sorted is stable).
    fitting = sorted((n for n in names if fits_host(n, host)), key=lambda n: not _fits_site(n, host))
    for name in fitting:
        if name.islower() and " " not in name and "." not in name and host:
            return host
        return name
    if not host:
        # With no address to check against, a lower-case name is a headline's tail ("... - weight loss in 14 days").
        return next((n for n in names if not n[:1].islower() or _SITE_ADDRESS.fullmatch(n)), None)
    return host


def headline_of_title(title: str | None) -> str | None:
    """A page title's headline, before the site's name ("Fire at the harbor | Marrowick Ledger")."""
    return _TITLE_SEPARATORS.split(" ".join(title.split()))[0] if title and title.strip() else None


def title_segments(title: str | None) -> list[str]:
    """The parts of a page title after the headline, last first ("News | Al Jazeera": Al Jazeera, News)."""
    if not title:
        return []
    parts = _TITLE_SEPARATORS.split(" ".join(title.split()))
    return list(reversed(parts[1:])) if len(parts) > 1 else []


# --- authors --------------------------------------------------------------------

_BY = re.compile(r"^\s*(?:by|written by|words by)\s*:?\s+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")
# Month names that are not also people's names ("Theresa May", "Laura June").
_TAIL_MONTHS = tuple(m.lower() for m in lexicon.MONTHS if m not in ("March", "May", "June", "August"))
# Words a byline runs into on a page ("Carrie Arnold November 15, 2019", "... wire services Published").
_BYLINE_TAIL = re.compile(
    r"(?:[\s,;]+(?:"
    + "|".join(_TAIL_MONTHS)
    + "|"
    + "|".join(lexicon.WEEKDAYS)
    + r"|published|updated|posted|\d[\d:.,]*))+\.?$",
    re.IGNORECASE,
)
MAX_BYLINE_WORDS = 12
# "By Tuesday, Gingrich's staff ...", "By January the fund ...": a time, not a writer (months that are
# also given names, "May", "June", are left to be names).
_NOT_BYLINE_OPENERS = frozenset(w.lower() for w in lexicon.WEEKDAYS) | frozenset(_TAIL_MONTHS)


def tidy_byline(value: Any) -> str | None:
    """Author names as printed, without "By", e-mail addresses or profile links."""
    if isinstance(value, list):
        names = [n for n in (tidy_byline(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return tidy_byline(value.get("name"))
    if not isinstance(value, str):
        return None
    text = _EMAIL.sub("", _BY.sub("", " ".join(value.split())))
    text = re.split(r"\s+(?:\||-|–|—)\s+", text)[0].strip(" ,;|-")
    text = _BYLINE_TAIL.sub("", text).strip(" ,;|-")
    if not text or re.match(r"https?://|www\.", text) or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    return text


_BYLINE_LAST_PART = re.compile(r"^(?P<names>.+?)\s*[,;]\s*(?P<last>[^,;]+)$")


def without_outlet(byline: str | None, outlet: str | None) -> str | None:
    """The byline without the outlet printed as its last name ("By Tomas Reyes, Northshore Radio News",
    which trafilatura reads as two authors; "By Nadia Flint, Ledger staff reporter"): the outlet is
    told apart, the byline names people."""
    found = _BYLINE_LAST_PART.match(byline) if byline and outlet else None
    if found is None or outlet is None:
        return byline
    last, name = (x.casefold().removeprefix("the ") for x in (found.group("last"), outlet))
    return found.group("names") if last == name else byline


# --- HTML -------------------------------------------------------------------------

# <meta> names and properties, most trusted first.
_META_DATE = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "pubdate",
    "pdate",
    "publish-date",
    "date",
    "article.published",
    "publication_date",
)
_META_AUTHOR = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator")
_META_OUTLET = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher")
_META_URL = ("og:url", "twitter:url")
_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.IGNORECASE)
MAX_JSON_LD_CHARS = 1_000_000  # a script block this long is not the page's metadata


def _json_ld_items(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _meta_values(tree: Any) -> dict[str, str]:
    """The first value of each <meta> name, property or itemprop, keyed in lower case."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for key in (meta.get("property"), meta.get("name"), meta.get("itemprop")):
            if key:
                values.setdefault(key.strip().lower(), content.strip())
    return values


def _page_lines(tree: Any) -> list[str]:
    """The text of the page's body, a line per text node."""
    body = tree.find(".//body")
    return [] if body is None else [t for t in (t.strip() for t in body.itertext()) if t]


# What a logo's text says when it names no outlet.
_GENERIC_LOGO_TEXT = re.compile(
    r"^(?:(?:site|main|header|footer|company)\s+)?(?:logo|home|homepage|home page|image|icon)$", re.IGNORECASE
)


def home_logo_name(tree: Any, host: str | None = None) -> str | None:
    """The name a page's logo gives, when the logo links to the site's home page.

    A site prints its name as the alternative text of the logo it links home
    with (``<a href="/"><img alt="The Space Review"></a>``); a logo of another
    site links elsewhere.
    """
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        parts = urlsplit(href)
        home = parts.path.rstrip("/") in ("", "/index.html", "/index.htm", "/index.php") and not parts.query
        if not home or not (not parts.netloc or (host and domain(href) == host)):
            continue
        for image in link.iter("img"):
            name = " ".join((image.get("alt") or image.get("title") or "").split())
            if name and not _GENERIC_LOGO_TEXT.match(name):
                return name
    return None


def html_metadata(tree: Any, extracted: Any = None, url: str | None = None) -> PageMetadata:
    """Metadata of a parsed HTML page (lxml tree), with trafilatura's findings (``extracted``) as fallbacks.

    ``url`` is where the page was fetched from, when known; it decides the
    host outlets are checked against, before the page's own canonical address.
    """
    meta = _meta_values(tree)
    items = list(_json_ld_items(tree))
    articles = [i for i in items if _ARTICLE_TYPES.search(str(i.get("@type", "")))] or items
    canonical = next((link.get("href") for link in tree.xpath('//link[@rel="canonical"]') if link.get("href")), None)
    page_url = url or next((meta[k] for k in _META_URL if meta.get(k, "").startswith("http")), None)
    page_url = page_url or (canonical if canonical and canonical.startswith("http") else None)
    page_url = page_url or getattr(extracted, "url", None)
    host = domain(page_url) or getattr(extracted, "hostname", None)

    published = next(
        (
            d
            for d in (iso_date(i.get("datePublished")) for i in articles if isinstance(i.get("datePublished"), str))
            if d
        ),
        None,
    ) or next((d for d in (iso_date(meta.get(k)) for k in _META_DATE) if d), None)
    for time_tag in tree.xpath("//time[@datetime]") if not published else ():
        published = iso_date(time_tag.get("datetime"))
        if published:
            break
    lines = _page_lines(tree)
    # A date the page prints near its top ("Published March 3, 2024"), read as in plain text: never a copyright year.
    published = published or iso_date(getattr(extracted, "date", None)) or text_metadata("\n".join(lines)).published

    byline = next((b for b in (tidy_byline(i.get("author")) for i in articles) if b), None)
    byline = byline or next(
        (b for b in (tidy_byline(meta.get(k)) for k in _META_AUTHOR if not (meta.get(k) or "").startswith("@")) if b),
        None,
    )
    byline = byline or tidy_byline(getattr(extracted, "author", None))

    publishers = [i["publisher"].get("name") for i in articles if isinstance(i.get("publisher"), dict)]
    title = tree.findtext(".//title")
    outlet = choose_outlet(
        [
            *publishers,
            meta.get("og:site_name"),
            *title_segments(title),
            *(meta.get(k) for k in _META_OUTLET[1:]),
            getattr(extracted, "sitename", None),
            home_logo_name(tree, host),
            copyright_holder(lines, host),
        ],
        host,
    )
    return PageMetadata(outlet=outlet, url=page_url, byline=without_outlet(byline, outlet), published=published)


# --- text -------------------------------------------------------------------------

_PUBLISHED_LINE = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|updated|last updated|date)\b\s*(?:on|:)?", re.IGNORECASE
)
_UPDATED_LINE = re.compile(r"^\s*(?:last\s+)?updated\b", re.IGNORECASE)
_BYLINE_LINE = re.compile(
    r"^\s*(?i:by)\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*)"
)
_BIO_LINE = re.compile(
    r"\b(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:reporter|correspondent|editor|writer|journalist|columnist|"
    r"producer|contributor|staff writer)\s+(?:for|at|with|of)\s+(?P<outlet>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,4})"
)
_COPYRIGHT_LINE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*(?P<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5})",
    re.IGNORECASE,
)
# The dash after it is any the wires type, "_" too: the AP's copy of the 1990s ("BERLIN (AP) _ Germany's ...").
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\((?P<outlet>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\)\s*[-—–_]")
# "By Nadia Flint, Ledger staff reporter", "By Troy L. Smith, Cleveland.com": the outlet after the names.
_BYLINE_OUTLET = re.compile(
    r",\s*(?P<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})(?:\s+(?:staff|senior|chief|political|business|"
    r"reporter|writer|correspondent|editor|columnist|contributor)\b.*)?$"
)
_NOT_OUTLETS = (
    frozenset(
        """home news menu opinion sections search sport sports business world local politics breaking live
    latest top stories subscribe advertisement video watch""".split()
    )
    | {m for m in MONTHS}
    | {day.lower() for day in lexicon.WEEKDAYS}
)
MAX_MASTHEAD_WORDS = 4
HEAD_LINES = 40  # where a page prints its title line, masthead, byline and time stamp
# A wire story's closing credit ("Reporting by Sam Adeyemi; editing by Claire Moss"): its writers
# when the page prints no byline at its top. Among the page's last lines only: inside a story the
# words may credit someone else's reporting. Not "Written by": a review's closing credits name a film's
# writers (DUC: "Written by Eleanor Perry, Lloyd Kramer and ...; Lloyd Kramer, director").
CREDIT_LINES = 8
_CREDIT_LINE = re.compile(
    r"^\s*(?i:reporting|reported)\s+(?i:by)\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*)"
)
_OUTLET_TAIL_NOISE = re.compile(r"\s+(?:All Rights Reserved|Inc|Ltd|LLC|Corp|Media|Group)\.?$", re.IGNORECASE)


def _mentioned_elsewhere(name: str, lines: list[str], where: str) -> bool:
    key = _letters(name)
    return any(key in _letters(line) for line in lines if line is not where)


def _is_masthead(line: str, lines: list[str]) -> bool:
    """A page's first line that names the outlet ("VALLEY COURIER", "Daily Roundup"): short, no
    sentence, no menu word, and named again further down ("Photo: Courier/...", "Follow Daily Roundup")."""
    tokens = line.split()
    if not 1 <= len(tokens) <= MAX_MASTHEAD_WORDS or line.lower() in _NOT_OUTLETS or line[-1:] in ".?!:":
        return False
    if not all(t[:1].isupper() or not t[:1].isalpha() for t in tokens):
        return False
    names = [t for t in (_letters(t) for t in tokens) if len(t) >= 4 and t not in _NOT_OUTLETS]
    return any(name in _letters(other) for other in lines[1:] for name in names)


def copyright_holder(lines: list[str], host: str | None = None) -> str | None:
    """The holder named by the page's last copyright line, if the page names it again or it fits the page's
    address (``host``: "The Associated Press" of hosted.ap.org).

    (A copyright holder is often a parent company or a photo agency: only one
    the page names elsewhere, or the site's own, is taken for the outlet.)
    """
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        # A page's text nodes split "© <a>vse-diety.com</a>, 2008" in three: a bare mark reads on.
        found = _COPYRIGHT_LINE.search(line if len(line.split()) > 1 else " ".join(lines[i : i + 3]))
        if found:
            name = _OUTLET_TAIL_NOISE.sub("", found.group("outlet")).rstrip(".")
            # A web address as the holder ("© vse-diety.com, 2008") is the site itself.
            own = _mentioned_elsewhere(name, lines, line) or _SITE_ADDRESS.fullmatch(name) or fits_host(name, host)
            return name if own else None
    return None


def _byline_line(line: str) -> re.Match[str] | None:
    """A "By ..." line that names people: not "By Tuesday, ..." (``_NOT_BYLINE_OPENERS``)."""
    found = _BYLINE_LINE.match(line)
    if found and found.group("names").split()[0].strip(",").lower() in _NOT_BYLINE_OPENERS:
        return None
    return found


def text_metadata(text: str, head_lines: int = HEAD_LINES) -> PageMetadata:
    """Metadata printed in a page's plain text (see the module's docstring for where).

    ``head_lines``: how many lines open the page (title, masthead, byline,
    time stamp); the caller that knows where the story begins says so.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    head = lines[: max(head_lines, 1)]
    published = None
    for line in head:
        # "Published ...", a byline with its date, or a line that is little more than a date.
        if (
            (_PUBLISHED_LINE.match(line) and not _UPDATED_LINE.match(line))
            or _byline_line(line)
            or len(words(line)) <= 12
        ):
            day = printed_date(line)
            if day:
                published = day
                break
    if published is None:
        published = next((d for d in (printed_date(ln) for ln in head if _UPDATED_LINE.match(ln)) if d), None)

    byline = None
    for line in head:
        found = _byline_line(line)
        if found:
            byline = tidy_byline(found.group("names"))
            if byline:
                break
    for line in [] if byline else lines[-CREDIT_LINES:]:
        found = _CREDIT_LINE.match(line)
        if found:
            byline = tidy_byline(found.group("names"))
            break

    candidates: list[str | None] = []
    if lines:
        first = title_segments(lines[0])
        # A page title kept as the first line: "Headline - Outlet", the headline printed again below it.
        if first and any(ln != lines[0] and lines[0].startswith(ln) for ln in head[1:] if len(ln) > 10):
            candidates.append(first[0])
        elif _is_masthead(lines[0], lines):
            candidates.append(lines[0].title() if lines[0].isupper() else lines[0])
    for line in head:
        found = _byline_line(line) and _BYLINE_OUTLET.search(line)
        if found and found.group("outlet").lower() not in _NOT_OUTLETS:
            candidates.append(found.group("outlet"))
            break
    for line in lines:
        found = _BIO_LINE.search(line) or (_WIRE_DATELINE.match(line) if line in head else None)
        if found:
            candidates.append(found.group("outlet").rstrip("."))
            break
    candidates.append(copyright_holder(lines))
    outlet = next((n for n in (plausible_outlet(c) for c in candidates) if n), None)
    return PageMetadata(outlet=outlet, byline=without_outlet(byline, outlet), published=published)


# --- DUC / TAC ---------------------------------------------------------------------

# The sources of the AQUAINT and AQUAINT-2 corpora DUC and TAC draw on, by the prefix of their document ids.
WIRE_OUTLETS = {
    "APW": "Associated Press",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
    "AFP": "Agence France-Presse",
    "AFE": "Agence France-Presse",
    "LTW": "Los Angeles Times-Washington Post",
    "CNA": "Central News Agency",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "WSJ": "Wall Street Journal",
    "AP": "Associated Press",
    "SJMN": "San Jose Mercury News",
    "FBIS": "Foreign Broadcast Information Service",
}
_WIRE_ID = re.compile(r"^(?P<source>[A-Z]{3})(?:_[A-Z]{3})?_?(?P<day>(?:19|20)\d{6})\.\d+$")


# The New York Times News Service carries its member and client papers' stories under its own ids
# (624 NYT documents in DUC 2006/2007: 92 end "Story Filed By Cox Newspapers", others "Visit the
# Star-Telegram's online services", "Duane D. Stanford writes for the Atlanta Journal-Constitution").
# Where the text names the paper, that paper is the outlet: two member papers' stories are two
# newsrooms, and one of them is no correction of the other.
SERVICE_WIRES = frozenset({"NYT"})
# Member papers the service's trailers name by a short form ("David Nyhan is a Globe columnist").
MEMBER_SHORT_NAMES = {
    "Star-Telegram": "Fort Worth Star-Telegram",
    "Globe": "Boston Globe",
    "P-I": "Seattle Post-Intelligencer",
    "American-Statesman": "Austin American-Statesman",
}
# Where a service story names its paper: its first paragraphs (a "By ... Knight Ridder Newspapers"
# byline) and its last ones (the writer's line, the filing line, a copyright line).
SERVICE_HEAD_PARAGRAPHS = 2
SERVICE_TAIL_PARAGRAPHS = 8
MAX_CREDIT_LINE_CHARS = 250  # a writer's line is one short paragraph, not a story's sentence quoting a writer
# A paper's name: capitalized words, dots only inside one ("N.Y."), no possessive ("the Globe's Focus section").
_PAPER_WORD = r"[A-Z][\w&-]*(?:\.[A-Z][\w&-]*)*"
_PAPER = rf"(?:[Tt]he\s+)?(?P<outlet>{_PAPER_WORD}(?:\s+(?:of\s+)?{_PAPER_WORD})*)"
_WRITER = r"^\(?(?:[A-Z][\w.'-]*\s+){1,4}"  # the line opens with the writer's name
_STAFF = r"(?:columnist|critic|editor|writer|reporter|correspondent)"
# In order of trust: the writer's own paper, then the paper or service that filed the story.
_SERVICE_CREDITS = [
    re.compile(_WRITER + r"(?:writes|write)\s+for\s+" + _PAPER),
    re.compile(_WRITER + r"(?:is|are)\s+(?:a|an|the)\s+" + _PAPER + r"\s+" + _STAFF + r"\b"),
    re.compile(
        _WRITER + r"(?:is|are)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?" + _STAFF + r"\s+(?:for|of|at)\s+" + _PAPER
    ),
    re.compile(_WRITER + r"covers\s+(?:[\w-]+\s+){1,4}?for\s+" + _PAPER),
    re.compile(_WRITER + r"is\s+a\s+member\s+of\s+" + _PAPER + r"\s+editorial\s+board"),
    re.compile(
        r"^\(?(?:This|The)\s+(?:article|story|column)\s+(?:is|was)\s+(?:excerpted|reprinted|adapted)\s+from\s+" + _PAPER
    ),
    re.compile(r"\bVisit\s+" + _PAPER + r"'s\s+online\s+services"),
    re.compile(r"^Story\s+Filed\s+By\s+" + _PAPER + r"\s*$"),
    re.compile(r"^Copyright\s+(?:19|20)\d\d\s+" + _PAPER + r"\s*$"),
    re.compile(r"\bc\.\s?(?:19|20)\d\d\s+" + _PAPER + r"\s*$"),
    re.compile(
        r"^By\s+[A-Z][A-Z.' -]+\s+(?P<outlet>[A-Z][a-z][\w&-]*(?:\s+[A-Z][\w&-]*)*)\s*$"
    ),  # "By KATE BEEM Knight Ridder Newspapers"
]


def service_member(text: str | None) -> str | None:
    """The paper a news service's story names as its own, if its first or last lines name one."""
    if not text:
        return None
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    edges = paragraphs[:SERVICE_HEAD_PARAGRAPHS] + paragraphs[SERVICE_HEAD_PARAGRAPHS:][-SERVICE_TAIL_PARAGRAPHS:]
    edges = [p for p in edges if len(p) <= MAX_CREDIT_LINE_CHARS]
    for pattern in _SERVICE_CREDITS:
        for paragraph in edges:
            found = pattern.search(paragraph)
            if found:
                name = found.group("outlet")
                name = MEMBER_SHORT_NAMES.get(name, name)
                return plausible_outlet(name.title() if name.isupper() else name)
    return None


def wire_metadata(doc_id: str | None, text: str | None = None) -> PageMetadata:
    """The wire and day of an AQUAINT document id (``APW19980601.0001``, ``NYT_ENG_20050101.0001``).

    A news service's story that names its paper (``text``) has that paper as its outlet.
    """
    found = _WIRE_ID.match(doc_id or "")
    if not found:
        return PageMetadata()
    source = found.group("source")
    outlet = WIRE_OUTLETS.get(source)
    member = service_member(text) if source in SERVICE_WIRES else None
    if member and outlet and not member.startswith(outlet):  # "a contributing writer for The New York Times Magazine"
        outlet = member
    return PageMetadata(outlet=outlet, published=iso_date(found.group("day")))


# --- order in time -----------------------------------------------------------------


def sort_key(published: str | None) -> tuple[int, str]:
    """Orders ISO dates and date-times in time (UTC when an offset is given); undated last."""
    if not published:
        return (1, "")
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return (1, "")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (0, moment.isoformat())


def time_order(published: list[str | None]) -> list[int]:
    """Indexes of the articles from the earliest to the latest; undated ones last, in their given order."""
    return sorted(range(len(published)), key=lambda i: sort_key(published[i]))


# --- labels -----------------------------------------------------------------------

# The names chorus makes: a file's, stdin's, a URL, a NIST document's, and an item of a file that holds
# several ("feed.xml#2", a feed's second item).
_FILE_NAME = re.compile(
    r"\.(?:txt|text|md|markdown|html?|xhtml)$|^stdin-\d+$|^https?://|:[A-Z_]+\d{6,}|\.\w+#\d+$", re.IGNORECASE
)
MAX_TITLE_LABEL_WORDS = 8
# An article with no given name, outlet or headline is named by its lede's opening words, in quotation
# marks (its own words, not a headline chorus made up); articles that open alike get more of them.
LEDE_LABEL_WORDS = MAX_TITLE_LABEL_WORDS
LEDE_LABEL_MAX_WORDS = 16
_QUOTATION_MARKS = "\"'“”‘’«»„"
_CUT_PUNCTUATION = ",;:—–-(["


def is_file_name(name: str | None) -> bool:
    """Is this name one chorus made from where the article came from (a file, stdin, a URL), not one a person gave?"""
    return bool(name and _FILE_NAME.search(name))


def short_title(title: str) -> str:
    tokens = title.split()
    if len(tokens) <= MAX_TITLE_LABEL_WORDS:
        return title
    return " ".join(tokens[:MAX_TITLE_LABEL_WORDS]).rstrip(_CUT_PUNCTUATION + " ") + "…"


def _single_quoted(text: str) -> str:
    """Double quotation marks made single, as inside the label's own double ones."""
    out, opened = [], False
    for c in text:
        if c == '"':
            c, opened = ("’" if opened else "‘"), not opened
        out.append({"“": "‘", "”": "’"}.get(c, c))
    return "".join(out)


def _lede_tokens(text: str | None) -> list[str]:
    return next((p for p in (text or "").split("\n\n") if p.strip()), "").split()


def _words_to_tell_apart(item: LabelSource, rivals: list[LabelSource]) -> int:
    """How many of its lede's words name ``item`` apart from the rivals its label clashes with: one past
    the longest opening it shares with a rival whose lede differs (a same lede cannot be told apart)."""
    tokens = _lede_tokens(item.lede)
    needed = LEDE_LABEL_WORDS
    for rival in rivals:
        other = _lede_tokens(rival.lede)
        if other == tokens:
            continue
        shared = next((k for k, (a, b) in enumerate(zip(tokens, other)) if a != b), min(len(tokens), len(other)))
        needed = max(needed, shared + 1)
    return min(needed, LEDE_LABEL_MAX_WORDS)


def lede_label(text: str | None, count: int = LEDE_LABEL_WORDS) -> str | None:
    """The first ``count`` words of the article's first paragraph, cut at a word, in quotation marks
    (“Russian Foreign Minister Sergei Lavrov and exiled…”); None when there is no text."""
    tokens = _lede_tokens(text)
    if not tokens:
        return None
    shown = " ".join(tokens[:count]).strip(_QUOTATION_MARKS + " ")
    shown = _single_quoted(shown)
    if len(tokens) > count:
        shown = shown.rstrip(_CUT_PUNCTUATION + _QUOTATION_MARKS + " ") + "…"
    return f"“{shown}”" if shown else None


@dataclass(frozen=True)
class LabelSource:
    """What a label can be made of, for one article."""

    id: str
    name: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    lede: str | None = None  # the article's text (its first paragraph names it when nothing else does)


def human_label(item: LabelSource, lede_words: int = LEDE_LABEL_WORDS) -> str:
    """A name a person gave, else the outlet, else the headline, else the lede's opening words, else the
    file name, else the id (a bare number, the article's place in the input, said as such: "article 3",
    not "[3] 3"). The file name is not lost: the renderers show it beside a label that is not it."""
    if item.name and not is_file_name(item.name):
        return item.name
    return (
        item.outlet
        or (short_title(item.title) if item.title else None)
        or lede_label(item.lede, lede_words)
        or item.name
        or place_label(item.id)
    )


def place_label(doc_id: str) -> str:
    """An article's id as a reader can take it: a bare number is its place in the input ("article 3")."""
    return f"article {doc_id}" if doc_id.isdigit() else doc_id


def _clashing(labels: list[str]) -> set[str]:
    return {label for label, n in Counter(labels).items() if n > 1}


def unique_labels(items: list[LabelSource]) -> list[str]:
    """Human labels, made distinct: articles named by ledes that open alike get more of their words;
    articles of one outlet get their day; then a number if that is not enough."""
    labels = [human_label(item) for item in items]
    clashing = _clashing(labels)
    labels = [
        human_label(item, _words_to_tell_apart(item, [o for o, other in zip(items, labels) if other == label]))
        if label in clashing
        else label
        for label, item in zip(labels, items)
    ]
    clashing = _clashing(labels)
    labels = [
        f"{label}, {item.published[:10]}" if label in clashing and item.published else label
        for label, item in zip(labels, items)
    ]
    clashing = _clashing(labels)
    seen: Counter[str] = Counter()
    numbered = []
    for label in labels:
        if label in clashing:
            seen[label] += 1
            label = f"{label} #{seen[label]}"
        numbered.append(label)
    return numbered
