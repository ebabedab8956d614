"""Fetch article pages from the web: ``chorus summarize https://...`` and URLs on the web page.

Each page is fetched with httpx under fixed bounds: only http and https,
a connect and read timeout and an overall deadline (a server that drips
bytes cannot hold a run), a byte cap on the streamed body (checked before
anything is decoded), and a limited number of redirects, each of which
must stay on http or https. Anything else is a clear one-line error for
that page; the other pages go on. Nothing else leaves the machine: the
page is decoded and extracted locally like a saved file.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from chorus.errors import InputError, skipped
from chorus.ingest.decode import decode, fix_text, looks_binary
from chorus.ingest.feeds import is_feed

# The same cap as a saved HTML page read from disk: its extracted text is
# checked against the article limit afterwards.
from chorus.ingest.read import (
    MAX_PAGE_BYTES,
    RawDocument,
    describe_size,
    is_url as is_url,  # where the web server and `chorus stories` look for it
)

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0  # between two bytes of the answer
DEADLINE_S = 60.0  # for the whole page, however slowly it comes
MAX_REDIRECTS = 5
PARALLEL_FETCHES = 4
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
USER_AGENT = "chorus/0.1 (offline news summarizer; fetches the pages its user names)"


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = MAX_PAGE_BYTES
    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    deadline: float = DEADLINE_S
    max_redirects: int = MAX_REDIRECTS
    # A server answering requests from others (the web page) must not be made
    # to fetch addresses inside its own network.
    refuse_private: bool = False


def _check_address(url: str, limits: FetchLimits, asked: str | None = None) -> None:
    """Refuse an address chorus may not fetch; a redirect's is named after the address asked for."""
    where = url if asked is None or asked == url else f"{asked}: redirected to {url}"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{where}: only http and https addresses can be fetched, not {parts.scheme or 'this'}://")
    if not parts.hostname:
        raise InputError(f"{where}: not a web address (no host)")
    if limits.refuse_private:
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        except OSError:
            raise InputError(f"{where}: the host {parts.hostname} was not found") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
                raise InputError(f"{where}: refusing to fetch an address inside the server's own network")


def _decode(data: bytes, content_type: str, url: str) -> str:
    charset = re.search(r"charset=\"?([\w.:-]+)", content_type, re.IGNORECASE)
    if charset:
        try:
            codecs.lookup(charset.group(1))
            return fix_text(data.decode(charset.group(1)))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown header charset: read the bytes as a saved file is read
    return decode(data, url)


def _kind(content_type: str, data: bytes, url: str) -> str:
    media = content_type.split(";")[0].strip().lower()
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "markdown" if media == "text/markdown" else "text"
    if not media and not looks_binary(data[:4096]):
        return "html" if re.search(rb"<html|<body|<!doctype html", data[:4096], re.IGNORECASE) else "text"
    raise InputError(f"{url}: not a web page but {media or 'binary data'}; chorus reads HTML and text")


def _page_id(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", parts.path).strip("-")[-60:]
    return f"{host}-{slug}" if slug else host


def fetch_page(url: str, limits: FetchLimits = FetchLimits(), client=None, feeds: bool = False) -> RawDocument:
    """The page at ``url`` as a raw article (HTML, or text when the server says so); with ``feeds``, also an
    RSS/Atom feed served as XML (its text, which the caller reads item by item: ``chorus.ingest.feeds``).

    Raises InputError, naming the URL, for every way the fetch can fail.
    """
    import httpx

    url = url.strip()
    started = time.monotonic()
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    own = client is None
    client = client or httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT})
    try:
        current = url
        for _ in range(limits.max_redirects + 1):
            _check_address(current, limits, url)
            with client.stream("GET", current) as response:
                if response.is_redirect:
                    target = response.headers.get("location")
                    if not target:
                        raise InputError(f"{url}: the server redirected without saying where")
                    current = urljoin(current, target)
                    continue
                if response.status_code >= 400:
                    raise InputError(
                        f"{url}: the server answered {response.status_code} {response.reason_phrase}".rstrip()
                    )
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                    raise InputError(
                        f"{url}: the page is {describe_size(int(declared))}; the limit is {describe_size(limits.max_bytes)}"
                    )
                content_type = response.headers.get("content-type", "")
                chunks, size = [], 0
                for chunk in response.iter_bytes():  # as the bytes arrive: the deadline is checked at each
                    size += len(chunk)
                    if size > limits.max_bytes:
                        raise InputError(
                            f"{url}: the page is larger than the limit of {describe_size(limits.max_bytes)}"
                        )
                    if time.monotonic() - started > limits.deadline:
                        raise InputError(f"{url}: the page took over {limits.deadline:g} s to arrive")
                    chunks.append(chunk)
                data = b"".join(chunks)
                final = str(response.url)
                break
        else:
            raise InputError(f"{url}: more than {limits.max_redirects} redirects")
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within the time limit") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: could not fetch the page ({type(exc).__name__}: {exc})") from None
    finally:
        if own:
            client.close()
    if not data.strip():
        raise InputError(f"{url}: the page is empty")
    try:
        kind = _kind(content_type, data, url)
    except InputError:
        text = _decode(data, content_type, url) if feeds and not looks_binary(data[:4096]) else ""
        if not is_feed(text):
            raise
        kind = "text"  # a feed: not a page to clean, its items are read by the caller
    return RawDocument(text=_decode(data, content_type, url), name=url, id=_page_id(final), format=kind, url=final)


def fetch_pages(
    urls: Iterable[str],
    warnings: list[str],
    limits: FetchLimits = FetchLimits(),
    fetch: Callable[[str, FetchLimits], RawDocument] = fetch_page,
) -> list[RawDocument]:
    """Every page that could be fetched, in the order given; each failure is a warning ("skipped ...")."""
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=max(1, min(PARALLEL_FETCHES, len(urls)))) as pool:
        outcomes = list(pool.map(lambda u: _attempt(fetch, u, limits), urls))
    pages = []
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            warnings.append(skipped(outcome))
        else:
            pages.append(outcome)
    return pages


def _attempt(
    fetch: Callable[[str, FetchLimits], RawDocument], url: str, limits: FetchLimits
) -> RawDocument | InputError:
    try:
        return fetch(url, limits)
    except InputError as exc:
        return exc
