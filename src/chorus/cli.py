"""The ``chorus`` command line."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Around imports: the garbage collector paused, then what they made frozen (gc.freeze: out of its view).

    Starting the command imports chorus and its libraries, some 55,000 objects the collector tracks, all
    of which live as long as the process. The collector's passes over them while they are made find
    nothing and cost about a tenth of a cold `chorus summarize` (0.05-0.06 CPU-s, BENCHMARKS.md,
    "Against sumy", round 11): this module's imports, and each command's own (the pipeline, the
    renderers), run inside this."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


with collector_paused():
    import argparse
    import errno
    import json
    import os
    import re
    import signal
    import sys
    import threading
    from collections.abc import Callable, Sequence

    import chorus
    from chorus.errors import ChorusError
    from chorus.types import (
        DEFAULT_GROUPING,
        DEFAULT_WORDS,
        DIGEST_WORDS,
        GROUPINGS,
        MIN_OUTLETS,
        SummaryOptions,
        typed_date,
    )
    from chorus.web.defaults import (
        KEPT_REPORT_BYTES,
        KEPT_REPORT_SECONDS,
        KEPT_REPORTS,
        MAX_ARTICLES,
        MIN_KEPT_REPORT_BYTES,
        MIN_WORKER_MEMORY_GIVEN,
        REQUEST_SECONDS,
        WORKER_MEMORY,
        WORKERS,
    )


NER_BACKENDS = ("rules", "spacy")  # chorus.analysis.entities.NER_BACKENDS, without importing it here
# chorus.render's FORMATS and REPORT_FORMATS (tests/test_cli.py checks they agree), without importing
# the renderers here: they import the claim readers and numpy, which `chorus batch`'s parent process
# never uses (it reads lines and writes what its workers return).
FORMATS = ("text", "markdown", "json", "html")
REPORT_FORMATS = ("markdown", "json", "html")
# chorus.evaluation.rouge_plan's SCORERS and DEFAULT_SCORER (tests/test_imports.py checks they agree): importing
# it for two names cost every command ~0.01 CPU-s (its stemmer's tables and the ROUGE options).
SCORERS = ("python", "perl")
DEFAULT_SCORER = "python"

EXIT_USER_ERROR = 1
EXIT_RECORDS_FAILED = 2  # `chorus batch` finished, but some records are error lines
EXIT_INTERRUPTED = 130
# What the commands about one story read (summarize, report, check, clean: the same readers), said once.
ARTICLES_HELP = "files, folders, RSS/Atom feeds, web pages (http://, https://), JSONL datasets, or - for stdin"
# Steps a progress display counts: reading, splitting, choosing; for a report,
# reading and splitting, then the five of chorus.analysis.report.build_report.
SUMMARY_STEPS = 3
REPORT_STEPS = 7


class UsageError(ChorusError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as ChorusError (one line, our exit code)."""

    def error(self, message: str) -> None:  # type: ignore[override]  # typeshed's returns NoReturn; this raises too
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def warn(message: str) -> None:
    print(f"chorus: warning: {message}", file=sys.stderr)


def _whole_number_from(value: str, least: int, bound: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"must be {bound}, not {number}")
    return number


def positive_int(value: str) -> int:
    return _whole_number_from(value, 1, "at least 1")


def whole_number(value: str) -> int:
    """0 or more."""
    return _whole_number_from(value, 0, "0 or more")


def positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return number


def _add_budget(parser: argparse.ArgumentParser, default_words: int = DEFAULT_WORDS) -> None:
    parser.add_argument("--words", type=positive_int, default=None, help=f"word budget (default {default_words})")
    parser.add_argument("--sentences", type=positive_int, default=None, help="sentence budget")


def _summary_options(args: argparse.Namespace) -> SummaryOptions:
    return SummaryOptions(words=args.words, sentences=args.sentences, query=args.query, method=args.method)


def _read_clusters(args: argparse.Namespace, warnings: list[str]):
    from chorus.ingest import read_inputs

    clusters = read_inputs(args.articles, warnings)
    wanted = getattr(args, "cluster", None)
    if wanted is not None:
        clusters = [c for c in clusters if c.id == wanted]
        if not clusters:
            raise ChorusError(f"no cluster with id {wanted!r} in the input")
    return clusters


def cmd_summarize(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.pipeline import read_story, summarize_story
        from chorus.progress import Steps, wanted as progress_wanted
        from chorus.render import render, summary_to_dict
        from chorus.render.markdown import _escape

    options = _summary_options(args)
    budget = options.budget()  # a bad length is reported before the articles are read
    warnings: list[str] = []
    clusters = _read_clusters(args, warnings)
    if args.format == "html" and len(clusters) > 1:
        raise ChorusError("an HTML page shows one cluster; choose one with --cluster ID")
    outputs = []
    articles = sum(len(c.documents) for c in clusters)
    with Steps(SUMMARY_STEPS * len(clusters), progress_wanted(articles)) as step:
        for n, cluster in enumerate(clusters, start=1):
            where = f"cluster {n} of {len(clusters)}: " if len(clusters) > 1 else ""
            story = read_story(cluster.documents, options.query, stage=lambda name: step(where + name))
            step(f"{where}choosing the summary")
            summary = summarize_story(story, budget, options.method)
            for w in summary.warnings:
                warn(w if len(clusters) == 1 else f"cluster {cluster.id}: {w}")
            outputs.append((cluster.id, summary))
    for w in warnings:
        warn(w)
    if args.format == "json" and len(outputs) > 1:
        print(json.dumps([{"id": cid, **summary_to_dict(s)} for cid, s in outputs], ensure_ascii=False, indent=2))
        return 0
    for n, (cluster_id, summary) in enumerate(outputs):
        if len(outputs) > 1:
            heading = f"# Cluster {_escape(cluster_id)}" if args.format == "markdown" else f"== {cluster_id} =="
            print(("\n" if n else "") + heading)
        sys.stdout.write(render(summary, args.format))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.analysis.report import build_report
        from chorus.pipeline import read_story
        from chorus.progress import Steps, wanted as progress_wanted
        from chorus.render import render_report

    options = _summary_options(args)
    warnings: list[str] = []
    clusters = _read_clusters(args, warnings)
    if len(clusters) > 1:
        raise ChorusError("a report covers one story; choose a cluster of the dataset with --cluster ID")
    with Steps(REPORT_STEPS, progress_wanted(len(clusters[0].documents))) as step:
        story = read_story(clusters[0].documents, options.query, warnings, stage=step)
        report = build_report(story, options, ner=args.ner, stage=step)
    for w in report.warnings:
        warn(w)
    sys.stdout.write(render_report(report, args.format))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.pipeline import check
        from chorus.render import render_check

    warnings: list[str] = []
    clusters = _read_clusters(args, warnings)
    if len(clusters) > 1:
        raise ChorusError("a claim is checked against one story; choose a cluster of the dataset with --cluster ID")
    result = check(args.claim, clusters[0].documents, warnings)
    for w in warnings:
        warn(w)
    sys.stdout.write(render_check(result, args.format))
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.pipeline import load_documents

    warnings: list[str] = []
    clusters = _read_clusters(args, warnings)
    first = True
    for cluster in clusters:
        docs = load_documents(cluster.documents, warnings, english_only=False)
        for doc in docs:
            if not first:
                print()
            first = False
            if len(docs) > 1 or len(clusters) > 1:
                print(f"==> {doc.label} <==")
            if doc.title:
                print(doc.title)
            if doc.subtitle:
                print(doc.subtitle)
            if doc.title or doc.subtitle:
                print()
            print(doc.text)
            if args.removed and doc.removed:
                print("\n-- removed --")
                for line in doc.removed:
                    print(f"- {line.text}  [{line.reason}]")
    for w in warnings:
        warn(w)
    return 0


def cmd_methods(args: argparse.Namespace) -> int:
    from chorus.select import DEFAULT_METHOD, METHODS

    width = max(len(n) for n in METHODS)
    for name, cls in METHODS.items():
        mark = " (default)" if name == DEFAULT_METHOD else ""
        print(f"{name.ljust(width)}  {cls.description}{mark}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    if args.engine != "dask" and (args.scheduler or args.partition_size):
        raise UsageError("--scheduler and --partition-size need --engine dask")
    if args.engine == "dask" and args.output == "-":
        raise UsageError("--engine dask writes a folder of part files: give -o a folder or URL, not -")
    if args.force and (args.resume or args.engine == "dask"):
        raise UsageError(
            "--force replaces the output of the local engine; it goes with neither --resume nor --engine dask"
        )
    from chorus.parallel import default_jobs, start_worker_server

    in_process = args.engine != "dask" and (args.jobs or default_jobs()) == 1
    if args.engine != "dask" and not in_process:
        # The workers' imports (the fork server's, ~0.3 s) run beside this process's own below.
        start_worker_server()
    with collector_paused():
        from chorus.batch import BatchOptions, run_batch
        from chorus.progress import progress_reporter
        from chorus.select import get_method

        if in_process:
            import chorus.pipeline  # noqa: F401  (this process summarizes: imported with the collector paused)

    get_method(args.method)  # an unknown method is one error, not one per cluster
    _refuse_other_layout(args.dataset)
    options = BatchOptions(
        words=args.words,
        sentences=args.sentences,
        query=args.query,
        method=args.method,
        query_fields=_fields(args.query_field),
    )
    if args.scheduler and args.jobs:
        warn("--jobs is ignored with --scheduler: the cluster's workers do the work")
    progress = progress_reporter(args.quiet)
    # A job scheduler's or a shell's SIGTERM stops the run as Ctrl-C does: whole lines, counts printed.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        if args.engine == "dask":
            from chorus.distributed import DEFAULT_PARTITION_BYTES, run_dask_batch

            result = run_dask_batch(
                args.dataset,
                args.output,
                options,
                scheduler=args.scheduler,
                jobs=args.jobs,
                partition_bytes=args.partition_size or DEFAULT_PARTITION_BYTES,
                resume=args.resume,
                progress=progress,
            )
        else:
            result = run_batch(
                args.dataset,
                args.output,
                options,
                jobs=args.jobs,
                resume=args.resume,
                progress=progress,
                force=args.force,
            )
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    for message in result.warnings:
        warn(message)
    counts = f"{result.ok} ok, {result.failed} failed"
    if result.skipped:
        counts += f", {result.skipped} already done"
    where = f"{args.output} ({result.parts} parts)" if result.parts else args.output
    if result.interrupted:
        print(f"chorus: interrupted: {counts} -> {where}; rerun with --resume to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"chorus: {counts} -> {where} ({result.seconds:.1f} s)", file=sys.stderr)
    return EXIT_RECORDS_FAILED if result.failed else 0


def _refuse_other_layout(dataset: str) -> None:
    """batch streams JSONL (its resume and partitions count lines): other layouts are converted once."""
    from pathlib import Path

    from chorus.ingest.read import other_layout

    if dataset != "-" and other_layout(Path(dataset)) is not None:
        raise UsageError(
            f"{dataset} is a DUC/TAC folder or a Multi-News file; batch reads JSONL: "
            f"convert it once with `chorus convert {dataset} -o CLUSTERS.jsonl`, then batch CLUSTERS.jsonl"
        )


def cmd_convert(args: argparse.Namespace) -> int:
    import gzip
    from pathlib import Path

    from chorus.ingest.read import convert_dataset
    from chorus.text import counted

    def nothing(first_error: str | None) -> ChorusError:
        return ChorusError(
            f"{args.source} holds no cluster: `chorus convert` reads a DUC/TAC release, "
            "Multi-News .src/.tgt files or their JSONL rows, and JSONL clusters"
            + (f" ({first_error})" if first_error else "")
        )

    if args.output == "-":
        written, passed, first_error = convert_dataset(args.source, sys.stdout.write)
        if not written:
            raise nothing(first_error)
    else:
        out = Path(args.output)
        if out.exists() and not args.force:
            raise ChorusError(f"{out} exists; add --force to replace it")
        tmp = out.with_name(out.name + ".partial")
        opener = gzip.open if out.name.endswith(".gz") else open
        try:
            with opener(tmp, "wt", encoding="utf-8") as f:
                written, passed, first_error = convert_dataset(args.source, f.write)
            if not written:
                raise nothing(first_error)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        tmp.replace(out)
    if passed:
        warn(f"{passed} rows are not valid clusters; copied unchanged, so `chorus batch` reports each")
    print(f"chorus: {counted(written, 'cluster')} -> {args.output}", file=sys.stderr)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def byte_size(value: str) -> int:
    """'16MiB', '64MB', '1GB' or a number of bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)\s*", value.lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 16MiB or 64MB")
    unit = match.group(2).rstrip("b")
    scale = {
        "": 1,
        "k": 10**3,
        "m": 10**6,
        "g": 10**9,
        "t": 10**12,
        "ki": 2**10,
        "mi": 2**20,
        "gi": 2**30,
        "ti": 2**40,
    }[unit]
    size = int(float(match.group(1)) * scale)
    if size < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return size


def worker_memory_size(value: str) -> int:
    size = byte_size(value)
    if size < MIN_WORKER_MEMORY_GIVEN:
        raise argparse.ArgumentTypeError(
            f"must be at least {MIN_WORKER_MEMORY_GIVEN / 2**20:g} MiB: a worker takes about 0.3 GiB "
            "before its first job, and every request would fail"
        )
    return size


def kept_report_size(value: str) -> int:
    size = byte_size(value)
    if size < MIN_KEPT_REPORT_BYTES:
        raise argparse.ArgumentTypeError(
            f"must be at least {MIN_KEPT_REPORT_BYTES / 2**20:g} MiB to keep even one 50-article report "
            "(about 0.8 MB); --kept-reports 0 keeps none"
        )
    return size


def _fields(value: str | None) -> tuple[str, ...]:
    return tuple(f.strip() for f in value.split(",") if f.strip()) if value else ()


def cmd_evaluate(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.evaluation.evaluate import evaluate, render_evaluation
        from chorus.select import DEFAULT_METHOD, METHODS, get_method

    if args.method == "all":
        methods = list(METHODS)
    else:
        methods = [m.strip() for m in (args.method or DEFAULT_METHOD).split(",")]
        for m in methods:
            get_method(m)
    evaluation = evaluate(
        args.dataset,
        words=args.words,
        methods=methods,
        query_fields=_fields(args.query_field),
        peers=args.peers,
        jobs=args.jobs or 1,
        cluster_filter=args.clusters,
        scorer=args.scorer,
        jackknife=args.jackknife,
    )
    sys.stdout.write(render_evaluation(evaluation, args.format))
    return 0


def port_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 0 and 65535, not {number}")
    return number


WEB_MODULES = ("fastapi", "uvicorn", "python_multipart")


def cmd_serve(args: argparse.Namespace) -> int:
    from importlib.util import find_spec

    missing = [m for m in WEB_MODULES if find_spec(m) is None]
    if missing:
        raise ChorusError(
            f"chorus serve needs the web extra ({', '.join(missing)} not installed): pip install 'chorus[web]'"
        )
    from chorus.web.limits import Limits
    from chorus.web.server import serve

    defaults = Limits()
    try:
        limits = Limits(
            max_documents=args.max_articles or defaults.max_documents,
            seconds=args.timeout or defaults.seconds,
            workers=args.workers or defaults.workers,
            heavy_workers=min(defaults.heavy_workers, max((args.workers or defaults.workers) - 1, 1)),
            worker_memory_bytes=args.worker_memory,
            kept_reports=defaults.kept_reports if args.kept_reports is None else args.kept_reports,
            kept_report_bytes=args.kept_report_bytes or defaults.kept_report_bytes,
            kept_report_seconds=args.kept_report_seconds or defaults.kept_report_seconds,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    serve(args.host, args.port, limits, allow_hosts=args.allow_host or (), allow_origins=args.allow_origin or ())
    return 0


def iso_day(value: str) -> str:
    try:
        return typed_date(value, day_only=True)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_stories(args: argparse.Namespace) -> int:
    with collector_paused():
        from chorus.digest.command import run_stories

    return run_stories(args, warn)


class _VersionAction(argparse.Action):
    """``--version``: the installed version, read only when asked (reading it imports importlib.metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"chorus {chorus.__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="chorus", description="Summarize many outlets' articles about one story, with citations.")
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("summarize", help="one cited summary of articles about one story")
    p.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help=ARTICLES_HELP,
    )
    _add_budget(p)
    p.add_argument("--query", help="focus the summary on this question or topic")
    p.add_argument("--method", help="content selection method (`chorus methods` lists them)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--cluster", metavar="ID", help="summarize only this cluster of a dataset")
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("report", help="how the outlets' coverage of one story compares")
    p.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help=ARTICLES_HELP,
    )
    p.add_argument("--format", choices=REPORT_FORMATS, default="markdown")
    _add_budget(p)
    p.add_argument("--query", help="focus the report's summary on this question or topic")
    p.add_argument("--method", help="content selection method of the summary")
    p.add_argument(
        "--ner",
        choices=NER_BACKENDS,
        default="rules",
        help="how names are found: rules (default, no model) or spacy (pip install 'chorus[ner]')",
    )
    p.add_argument("--cluster", metavar="ID", help="report on this cluster of a dataset")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("check", help="which articles state a claim, which contradict it, which are silent")
    p.add_argument("claim", help="the claim: a sentence, in quotes")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help=ARTICLES_HELP)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--cluster", metavar="ID", help="check against this cluster of a dataset")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("clean", help="print the article text chorus keeps (title, then body)")
    p.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help=ARTICLES_HELP,
    )
    p.add_argument("--removed", action="store_true", help="also list the lines removed, with the reason")
    p.add_argument("--cluster", metavar="ID", help="only this cluster of a dataset")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser(
        "batch",
        help="summarize every cluster of a JSONL dataset into JSONL",
        epilog=f"exit status: 0 when every record was summarized, {EXIT_RECORDS_FAILED} when some are error "
        f"records, {EXIT_USER_ERROR} for a bad option or input, {EXIT_INTERRUPTED} when interrupted",
    )
    p.add_argument(
        "dataset",
        metavar="CLUSTERS.jsonl",
        help="JSONL (or .jsonl.gz) of clusters, or - for stdin; with --engine dask also a folder "
        "or glob of part files, local or any fsspec URL (s3://...)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.jsonl",
        help="output JSONL (.gz to compress), or - for stdout; with --engine dask a folder of part-NNNNN.jsonl "
        "(or FOLDER/part-*.jsonl.gz)",
    )
    _add_budget(p)
    p.add_argument("--method", help="content selection method")
    p.add_argument("--query", help="focus every summary on this question")
    p.add_argument("--query-field", metavar="FIELDS", help="dataset fields joined into each cluster's query")
    p.add_argument(
        "--jobs",
        type=positive_int,
        help="worker processes (default: all cores; with --engine dask and no --scheduler, "
        "the local cluster's workers)",
    )
    p.add_argument("--resume", action="store_true", help="keep OUT's finished records and do only the rest")
    p.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (without it, an existing OUT is refused)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool on this machine (default); dask: a Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler (tcp://host:8786, or a scheduler file); without it, "
        "--engine dask starts a cluster on this machine",
    )
    p.add_argument(
        "--partition-size",
        type=byte_size,
        metavar="SIZE",
        help="input bytes per Dask task and output part (default 16MiB; gzipped files are one part each)",
    )
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("evaluate", help="ROUGE-1.5.5 scores against a dataset's reference summaries")
    p.add_argument("dataset", metavar="CLUSTERS.jsonl", help='clusters with "summaries" (references)')
    p.add_argument(
        "--words",
        type=positive_int,
        default=DEFAULT_WORDS,
        help=f"summary length and ROUGE cut (default {DEFAULT_WORDS})",
    )
    p.add_argument("--method", help="a method, several separated by commas, or 'all' (default: the default method)")
    p.add_argument(
        "--query-field", metavar="FIELDS", help="dataset fields joined into the query, e.g. topic_title,topic_narrative"
    )
    p.add_argument(
        "--peers",
        metavar="PEERS.jsonl",
        action="append",
        help="other systems' summaries {id, summarizer, summary} to score alongside (repeatable)",
    )
    p.add_argument("--clusters", metavar="REGEX", help="only clusters whose id matches")
    p.add_argument("--jobs", type=positive_int, default=None, help="worker processes (default 1)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument(
        "--scorer",
        choices=SCORERS,
        default=DEFAULT_SCORER,
        help="ROUGE-1.5.5 in Python (default, same figures) or the Perl script (needs XML::Parser)",
    )
    p.add_argument(
        "--jackknife",
        action="store_true",
        help="average each system over the reference sets that leave one out, as NIST's tables do",
    )
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("convert", help="turn a DUC/TAC folder or Multi-News files into chorus JSONL")
    p.add_argument(
        "source",
        metavar="SOURCE",
        help="a DUC/TAC folder (topic folders of SGML articles, models/, topics file), "
        "Multi-News FILE.src (with FILE.tgt beside it) or Hugging Face rows as JSONL",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="chorus JSONL (.gz to compress), or -")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("serve", help="a local web page and JSON API for summarizing articles")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=port_number, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument(
        "--allow-host",
        action="append",
        metavar="NAME",
        help="also answer requests for this host name (repeatable; '*' any name). By default the "
        "server answers to localhost, 127.0.0.1, ::1 and the --host address only",
    )
    p.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="let pages of this origin (http://host:port) send requests (repeatable)",
    )
    p.add_argument(
        "--max-articles",
        type=positive_int,
        metavar="N",
        help=f"articles one request may hold (default {MAX_ARTICLES}); the page takes as many",
    )
    p.add_argument(
        "--workers", type=positive_int, help=f"worker processes computing summaries at once (default {WORKERS})"
    )
    p.add_argument(
        "--worker-memory",
        type=worker_memory_size,
        metavar="SIZE",
        help=f"address-space limit of each worker, e.g. 2GiB (default {WORKER_MEMORY / 2**30:g} GiB, "
        "less on a small machine)",
    )
    p.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help=f"time limit of one request (default {REQUEST_SECONDS:g})",
    )
    p.add_argument(
        "--kept-reports",
        type=whole_number,
        metavar="N",
        help=f"recent reports kept for the page's download without computing them again (default {KEPT_REPORTS}; "
        "0 keeps none: a download sends the articles again)",
    )
    p.add_argument(
        "--kept-report-bytes",
        type=kept_report_size,
        metavar="SIZE",
        help=f"memory the kept reports may take, compressed, e.g. 256MiB (default {KEPT_REPORT_BYTES / 2**20:g} MiB; "
        "a 50-article report takes about 0.8 MB); past it the oldest go",
    )
    p.add_argument(
        "--kept-report-seconds",
        type=positive_float,
        metavar="SECONDS",
        help=f"how long a report is kept after it was made (default {KEPT_REPORT_SECONDS:g})",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("stories", help="group a pile or stream of articles into stories, rank and summarize each")
    p.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="files, folders, RSS/Atom feeds, web pages and feeds (http://, https://), JSONL (one article or one cluster a line), or - for stdin",
    )
    p.add_argument(
        "--since", type=iso_day, metavar="DATE", help="leave out articles published before DATE (YYYY-MM-DD)"
    )
    p.add_argument(
        "--min-outlets",
        type=positive_int,
        metavar="N",
        help=f"show only stories with at least N independent outlets (default {MIN_OUTLETS})",
    )
    p.add_argument(
        "--grouping",
        choices=GROUPINGS,
        default=DEFAULT_GROUPING,
        help=f"what a story is (default {DEFAULT_GROUPING}): event, the articles about one happening and its follow-ups"
        " of the same days (a second earthquake or another round of talks on the same topic is another story); topic,"
        " the articles about one subject however far apart in time (articles months apart join if they say much alike)",
    )
    p.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text")
    p.add_argument("-o", "--output", metavar="OUT", help="write the digest to OUT instead of standard output")
    p.add_argument("--state", metavar="DIR", help="keep the stories in DIR: the next run's articles join them")
    p.add_argument("--reports", metavar="DIR", help="write each story's full report to DIR/<story id>.html")
    p.add_argument(
        "--words", type=positive_int, default=None, help=f"word budget of each story's summary (default {DIGEST_WORDS})"
    )
    p.add_argument("--method", help="content selection method of the summaries")
    p.add_argument(
        "--no-summaries", action="store_true", help="group only (independent outlets still counted by source family)"
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local (default) or dask: article features and story summaries on a Dask cluster",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler; without it, a cluster on this machine")
    p.add_argument(
        "--jobs", type=positive_int, help="with --engine dask and no --scheduler, the local cluster's workers"
    )
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("methods", help="list the content selection methods")
    p.set_defaults(func=cmd_methods)
    return parser


# The most address space one chorus process gives itself, as a share of the
# computer's memory: work that needs more ends in one clear error, rather
# than in the kernel's OOM killer taking this and other programs down.
MEMORY_SHARE = 0.8


def memory_budget() -> int | None:
    try:
        return int(MEMORY_SHARE * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):  # not a POSIX system
        return None


def _limit_memory() -> tuple[int, int] | None:
    """Lower this process's address-space limit to the budget; the limits before, to restore."""
    budget = memory_budget()
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if budget is None or (soft != resource.RLIM_INFINITY and soft <= budget):
        return None
    if hard != resource.RLIM_INFINITY:
        budget = min(budget, hard)
    resource.setrlimit(resource.RLIMIT_AS, (budget, hard))
    return soft, hard


def _out_of_memory() -> str:
    budget = memory_budget()
    limit = f" ({budget / 2**30:.1f} GB, {MEMORY_SHARE:.0%} of this computer's memory)" if budget else ""
    return f"out of memory: the work needed more than chorus allows itself{limit}; give it fewer or shorter articles"


SHOWN_NAME_CHARS = 60  # of a file name too long to be one, the start shown


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    previous = _limit_memory()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USER_ERROR
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except ChorusError as exc:
        print(f"chorus: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except MemoryError:
        print(f"chorus: error: {_out_of_memory()}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        # A path longer than the system allows (an article's text given where a file is asked for):
        # pathlib's checks raise on it, wherever a path is looked at.
        if exc.errno != errno.ENAMETOOLONG:
            raise
        name = str(exc.filename or "")
        shown = name if len(name) <= SHOWN_NAME_CHARS else name[:SHOWN_NAME_CHARS] + "…"
        print(
            f"chorus: error: a file name of {len(name):,} characters is too long for this system: {shown}",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("chorus: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error
        return 0
    finally:
        if previous is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, previous)


if __name__ == "__main__":
    sys.exit(main())
