"""``chorus stories``: the command's options to ``chorus.digest.stories`` and the digest to its output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from chorus.digest.results import DigestOptions
from chorus.errors import ChorusError
from chorus.text import counted


def write_output(text: str, output: str | None) -> None:
    """To standard output, or to OUT (a temporary name first, so a failed run leaves no half digest)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    path = Path(output)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise ChorusError(f"cannot write {output}: {exc.strerror or exc}") from None


def digest_options(args: argparse.Namespace) -> DigestOptions:
    """The command's options as the digest reads them (an option not given keeps the digest's default)."""
    given = {"since": args.since, "min_outlets": args.min_outlets, "words": args.words, "method": args.method}
    return DigestOptions(**{k: v for k, v in given.items() if v is not None}, summaries=not args.no_summaries)


def run_stories(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    from chorus.digest import stories
    from chorus.render.stories import render_stories
    from chorus.select import get_method

    if args.method:
        get_method(args.method)  # an unknown method is one error, not one per story
    if args.engine != "dask" and (args.scheduler or args.jobs):
        raise ChorusError("--scheduler and --jobs need --engine dask")
    from chorus.digest.inputs import is_url

    items = [a if a == "-" or is_url(a) else Path(a) for a in args.articles]  # on the command line, names only
    digest = stories(
        items,
        digest_options(args),
        reports=args.reports,
        state=args.state,
        engine=args.engine,
        scheduler=args.scheduler,
        jobs=args.jobs,
        grouping=args.grouping,
    )
    write_output(render_stories(digest, args.format), args.output)
    for w in digest.warnings:
        warn(w)
    for r in digest.rejected:
        warn(f"not in any story: {r.told}")
    stories_count = len(digest.stories) + len(digest.hidden)
    print(
        f"chorus: {counted(digest.articles_in, 'article')} in -> {counted(stories_count, 'story', 'stories')}, "
        f"{len(digest.rejected)} not usable" + (f" -> {args.output}" if args.output else ""),
        file=sys.stderr,
    )
    return 0
