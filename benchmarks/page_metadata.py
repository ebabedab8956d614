"""Outlets and dates, page by page: what each shared HTML page carries, and what chorus finds.

    python benchmarks/page_metadata.py [--pages ../shared/data/web-pages] [--all] [--json FILE]

For every page of ``../shared/data/web-pages/html`` it reads, with its own
plain parsing (lxml and ``json``, none of chorus's metadata code), what the
page declares:

- an **outlet**: ``og:site_name``, ``application-name``, a JSON-LD
  ``publisher`` (its ``name``) or a JSON-LD ``WebSite``/``Organization``'s name;
- a **date**: a publication ``<meta>`` (``article:published_time``,
  ``datePublished``, ``date``, ``pubdate``, ...), a JSON-LD ``datePublished``,
  a ``<time datetime>`` or an ``itemprop="datePublished"`` element;

then reads the page as ``chorus clean page.html`` does (no address: a saved
page) and prints the pages where the page carries one and chorus found none,
and those where chorus's date is not a day the page declares (``--all``
prints every page). The target (issue 16): no page in the first list.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import write_json  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared")) / "data" / "web-pages"
OUTLET_META = ("og:site_name", "application-name")
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)
_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _json_ld(tree) -> list[dict]:
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


def declared(html: str) -> dict[str, list[str]]:
    """The outlet names and publication dates the page declares, each where it says them."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html.encode("utf-8"))
    outlets, dates = [], []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if content and key in OUTLET_META:
            outlets.append(f"{key}={content}")
        if content and key in DATE_META:
            dates.append(f"{key}={content}")
    for item in _json_ld(tree):
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            outlets.append(f"ld publisher={publisher['name']}")
        if str(item.get("@type")) in ("WebSite", "Organization", "NewsMediaOrganization") and isinstance(
            item.get("name"), str
        ):
            outlets.append(f"ld {item['@type']}={item['name']}")
        if isinstance(item.get("datePublished"), str):
            dates.append(f"ld datePublished={item['datePublished']}")
    dates += [f"time={t.get('datetime')}" for t in tree.xpath("//time[@datetime]")]
    dates += [
        f"itemprop={(e.get('datetime') or e.text_content()).strip()}"
        for e in tree.xpath('//*[@itemprop="datePublished"]')
    ]
    return {"outlets": outlets, "dates": [d for d in dates if d.split("=", 1)[1]]}


def chorus_reads(html: str, name: str):
    from chorus.errors import InputError
    from chorus.ingest import RawDocument, prepare_documents

    try:
        (doc,) = prepare_documents([RawDocument(text=html, name=name, id=name, format="html")], [], english_only=False)
    except InputError:
        return None
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="the web-pages folder (default %(default)s)")
    parser.add_argument("--all", action="store_true", help="print every page, not only the misses")
    parser.add_argument("--json", type=Path, default=None, help="also write every page's findings here")
    args = parser.parse_args(argv)
    rows = []
    for path in sorted((args.pages / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        page = declared(html)
        doc = chorus_reads(html, f"{key}.html")
        outlet = doc.outlet if doc else None
        published = doc.published if doc else None
        days = {"-".join(m.groups()) for d in page["dates"] for m in [_DAY.search(d)] if m}
        rows.append(
            {
                "page": key,
                "declared": page,
                "outlet": outlet,
                "published": published,
                "outlet_missed": bool(page["outlets"]) and outlet is None,
                "date_missed": bool(page["dates"]) and published is None,
                "other_day": bool(published and days and published[:10] not in days),
            }
        )
    shown = rows if args.all else [r for r in rows if r["outlet_missed"] or r["date_missed"] or r["other_day"]]
    for r in shown:
        marks = [m for m in ("outlet_missed", "date_missed", "other_day") if r[m]]
        print(f"{r['page'][:12]} {' '.join(marks) or 'ok'}: chorus outlet {r['outlet']!r}, date {r['published']!r}")
        print(f"    page outlets {r['declared']['outlets'][:4]}; dates {r['declared']['dates'][:4]}")
    carries_outlet = sum(bool(r["declared"]["outlets"]) for r in rows)
    carries_date = sum(bool(r["declared"]["dates"]) for r in rows)
    print(
        f"\n{len(rows)} pages. Declare an outlet: {carries_outlet}, chorus finds none on "
        f"{sum(r['outlet_missed'] for r in rows)}; chorus finds one on {sum(r['outlet'] is not None for r in rows)}."
        f"\nDeclare a date: {carries_date}, chorus finds none on {sum(r['date_missed'] for r in rows)}; "
        f"chorus's date is not a declared day on {sum(r['other_day'] for r in rows)}; "
        f"chorus finds one on {sum(r['published'] is not None for r in rows)}."
    )
    write_json(args.json, args, {}, rows=rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
