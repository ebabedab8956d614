"""What recent reports' downloads are made of, kept so that the page's download is the report on screen, at once.

A report's analysis runs in a worker process that is gone (or busy with the
next job) once the answer is sent, and the Report object does not pickle (its
story context holds closures), so it cannot come back to the server. What
comes back is cheap to make while the report is at hand: its Markdown
rendering and the pieces of its HTML page (the page data as the page embeds
it, its heading), made in the worker beside the JSON (on 50 DUC 2006 articles
about 0.02 s each after a 3 s analysis, 0.44 MB and 1.7 MB of text) and
compressed there. The HTML page itself (2.3 MB, which took 0.15-0.19 s to
render from the Report) is put together from them on download
(chorus.web.jobs.download): most JSON answers are never downloaded. The
server keeps the parts under an opaque, unguessable id (the report holds the
user's articles), bounded by count, by bytes and by age, so that its memory
stays bounded however many reports are asked for; ``GET /api/report/{id}``
serves them without analysing anything."""

from __future__ import annotations

import secrets
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Fast compression: the renderings are repetitive text (HTML ~8x smaller); done in the worker.
COMPRESSION_LEVEL = 1
ID_BYTES = 16  # secrets.token_urlsafe: 22 characters, not guessable
# What one kept report costs beyond its compressed bytes (the entry, its id, the dict's slot), counted
# against the byte bound so that many tiny reports are bounded too.
ENTRY_OVERHEAD_BYTES = 1024


def pack(parts: Mapping[str, str]) -> dict[str, bytes]:
    """A report's parts compressed, to cross the pipe and to be kept."""
    return {name: zlib.compress(text.encode("utf-8"), COMPRESSION_LEVEL) for name, text in parts.items()}


@dataclass
class _Kept:
    parts: dict[str, bytes]
    size: int
    expires: float


class KeptReports:
    """At most ``max_reports`` reports and ``max_bytes`` (compressed, with ENTRY_OVERHEAD_BYTES each),
    each for ``seconds`` after it was made; past a bound the oldest go first."""

    def __init__(
        self, max_reports: int, max_bytes: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_reports = max_reports
        self.max_bytes = max_bytes
        self.seconds = seconds
        self._clock = clock
        self._kept: OrderedDict[str, _Kept] = OrderedDict()  # oldest first
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._kept)

    def keep(self, parts: dict[str, bytes]) -> str | None:
        """Keep a report's packed parts; its id, or None when it alone is over the bounds."""
        size = sum(len(data) for data in parts.values()) + ENTRY_OVERHEAD_BYTES
        if self.max_reports < 1 or size > self.max_bytes:
            return None
        self._expire()
        while self._kept and (len(self._kept) >= self.max_reports or self.bytes + size > self.max_bytes):
            self._drop(next(iter(self._kept)))
        report_id = secrets.token_urlsafe(ID_BYTES)
        self._kept[report_id] = _Kept(parts, size, self._clock() + self.seconds)
        self.bytes += size
        return report_id

    def parts(self, report_id: str) -> dict[str, str] | None:
        """The report's parts, or None once it is no longer kept."""
        self._expire()
        kept = self._kept.get(report_id)
        if kept is None:
            return None
        return {name: zlib.decompress(data).decode("utf-8") for name, data in kept.parts.items()}

    def _expire(self) -> None:
        now = self._clock()
        while self._kept:
            oldest = next(iter(self._kept))
            if self._kept[oldest].expires > now:
                return
            self._drop(oldest)

    def _drop(self, report_id: str) -> None:
        self.bytes -= self._kept.pop(report_id).size
