"""Load on `chorus serve`: many light summaries from concurrent clients, heavy reports mixed in.

    nice python benchmarks/web_load.py [--requests 1000] [--clients 50] [--heavy 4] [--json out.json]

The server is the real command (`chorus serve --port 0`, default settings)
on 127.0.0.1. ``--clients`` threads send ``--requests`` light requests in
all, a 5-article summary of examples/harbor-fire each, one after another on
a kept-alive connection; a client told 503 waits the Retry-After it is given
and sends again (the latency counts from the first attempt). Meanwhile
``--heavy`` heavy reports are sent, half at the start and half when half the
light requests are answered: 50 articles of ~180 KB each (DUC 2006 articles
joined; ~9 MB a request), far more than the time limit allows, as the user
who found the issue sent. What is measured: that every light request is
answered, their latency (p50, p95, max, and p95 of those answered while a
report ran), what became of the reports, and the server's memory (the
resident size of the server and all its processes, and their proportional size, which counts
the pages forked workers share once, sampled every 0.2 s).
Wall-clock times: on a shared machine they include the others' load,
reported beside them.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-fire"
# ../shared beside the repository, or wherever CHORUS_SHARED says (as the tests read it).
SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DUC2006 = SHARED / "data" / "duc2006" / "clusters.jsonl"
HEAVY_ARTICLES = 50
HEAVY_ARTICLE_BYTES = 180_000
SAMPLE_SECONDS = 0.2


def light_body() -> bytes:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    return json.dumps({"documents": texts, "words": 100}).encode()


def heavy_body(dataset: Path) -> bytes:
    from scaling import pooled_articles

    pool = itertools.cycle(a.text for a in pooled_articles(dataset, 2006))
    articles = []
    for _ in range(HEAVY_ARTICLES):
        parts, size = [], 0
        while size < HEAVY_ARTICLE_BYTES:
            text = next(pool)
            parts.append(text)
            size += len(text.encode())
        articles.append("\n\n".join(parts))
    return json.dumps({"documents": articles}).encode()


def start_server(extra: Sequence[str], memory_bytes: int | None = None, source: Path | None = None):
    """`chorus serve` (from ``source``, another checkout's src/, if given), its address space capped if asked."""
    import resource

    def cap() -> None:
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    env = {**os.environ, "PYTHONPATH": str(source)} if source else None
    process = subprocess.Popen(
        [sys.executable, "-m", "chorus.cli", "serve", "--port", "0", *extra],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        preexec_fn=cap,
        env=env,
    )
    line = process.stderr.readline()
    if not line.startswith("chorus: serving on "):
        raise SystemExit(f"the server did not start: {line}")
    host, port = line.split()[3].removeprefix("http://").rstrip("/").rsplit(":", 1)
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()  # drain its log
    deadline = time.monotonic() + 60
    while True:
        try:
            connection = http.client.HTTPConnection(host, int(port), timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("the server never answered /healthz")
        time.sleep(0.1)
    return process, host, int(port)


class MemoryWatch:
    """Resident memory of the server and all its processes, sampled on a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._root = psutil.Process(pid)
        # (time, total resident bytes, largest process's resident bytes, total proportional bytes)
        self.samples: list[tuple[float, int, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def measure(self) -> tuple[int, int, int]:
        """Resident bytes of all the processes, of the largest, and their proportional set size
        (PSS): a page the forked workers share with the fork server counts once, split among
        them, where the resident sizes count it in each (the machine's memory they really take)."""
        import psutil

        sizes, shares = [], []
        for process in [self._root, *self._root.children(recursive=True)]:
            try:
                memory = process.memory_full_info()
            except psutil.NoSuchProcess:
                continue
            sizes.append(memory.rss)
            shares.append(getattr(memory, "pss", memory.rss))
        return sum(sizes), max(sizes, default=0), sum(shares)

    def _run(self) -> None:
        while not self._stop.is_set():
            total, largest, proportional = self.measure()
            self.samples.append((time.monotonic(), total, largest, proportional))
            self._stop.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class Load:
    def __init__(self, host: str, port: int, requests: int) -> None:
        self.host, self.port = host, port
        self.remaining = iter(range(requests))
        self.lock = threading.Lock()
        self.light: list[dict[str, Any]] = []
        self.heavy: list[dict[str, Any]] = []
        self.half = threading.Event()
        self.requests = requests

    def post(self, connection: http.client.HTTPConnection | None, body: bytes, path: str, timeout: float):
        if connection is None:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request("POST", path, body=body, headers={"content-type": "application/json"})
            response = connection.getresponse()
            response.read()
            return connection, response.status, response.getheader("retry-after")
        except (OSError, http.client.HTTPException):
            connection.close()
            return None, None, None

    def light_client(self, body: bytes) -> None:
        connection = None
        while True:
            with self.lock:
                number = next(self.remaining, None)
            if number is None:
                return
            started, attempts, refused = time.monotonic(), 0, 0
            while True:
                attempts += 1
                connection, status, retry_after = self.post(connection, body, "/api/summarize", 600)
                if status == 503:
                    refused += 1
                    time.sleep(float(retry_after or 1))
                    continue
                if status is None and attempts < 3:  # the connection dropped: try once more on a new one
                    continue
                break
            with self.lock:
                self.light.append(
                    {
                        "status": status,
                        "started": started,
                        "ended": time.monotonic(),
                        "attempts": attempts,
                        "refused": refused,
                    }
                )
                if len(self.light) * 2 >= self.requests:
                    self.half.set()

    def heavy_client(self, body: bytes, wait_for_half: bool) -> None:
        if wait_for_half:
            self.half.wait()
        started = time.monotonic()
        _, status, _ = self.post(None, body, "/api/report", 600)
        with self.lock:
            self.heavy.append({"status": status, "started": started, "ended": time.monotonic()})


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000, help="light summaries in all (default 1000)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent light clients (default 50)")
    parser.add_argument("--heavy", type=int, default=4, help="heavy reports mixed in (default 4)")
    parser.add_argument("--dataset", type=Path, default=DUC2006, help="where the heavy reports' articles come from")
    parser.add_argument(
        "--serve-option",
        action="append",
        default=[],
        metavar="OPTION",
        help="passed to chorus serve, e.g. --serve-option=--workers=2",
    )
    parser.add_argument(
        "--server-memory-gb",
        type=float,
        help="address-space cap of the whole server (a safety net when measuring an old version)",
    )
    parser.add_argument(
        "--chorus-src", type=Path, help="run the server from this src/ folder (another checkout), to compare versions"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    light, heavy = light_body(), heavy_body(args.dataset)
    cap = int(args.server_memory_gb * 2**30) if args.server_memory_gb else None
    server, host, port = start_server(args.serve_option, cap, args.chorus_src)
    try:
        watch = MemoryWatch(server.pid)
        time.sleep(1.0)
        idle_total, _, idle_proportional = watch.measure()
        load = Load(host, port, args.requests)
        threads = [threading.Thread(target=load.light_client, args=(light,)) for _ in range(args.clients)]
        threads += [
            threading.Thread(target=load.heavy_client, args=(heavy, n >= (args.heavy + 1) // 2))
            for n in range(args.heavy)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        time.sleep(1.0)
        end_total, _, end_proportional = watch.measure()
        watch.stop()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

    answered = [r for r in load.light if r["status"] == 200]
    latencies = [r["ended"] - r["started"] for r in answered]
    heavy_spans = [(h["started"], h["ended"]) for h in load.heavy]
    during = [
        r["ended"] - r["started"] for r in answered if any(s < r["ended"] and r["started"] < e for s, e in heavy_spans)
    ]
    statuses: dict[str, int] = {}
    for r in load.light:
        statuses[str(r["status"])] = statuses.get(str(r["status"]), 0) + 1
    peak_total = max(total for _, total, _, _ in watch.samples)
    peak_process = max(largest for _, _, largest, _ in watch.samples)
    peak_proportional = max(proportional for *_, proportional in watch.samples)
    results = {
        "light_answered": len(answered),
        "light_requests": args.requests,
        "light_statuses": statuses,
        "light_refused_503": sum(r["refused"] for r in load.light),
        "latency_p50_s": percentile(latencies, 0.5),
        "latency_p95_s": percentile(latencies, 0.95),
        "latency_max_s": max(latencies, default=float("nan")),
        "latency_p95_during_reports_s": percentile(during, 0.95),
        "answered_during_reports": len(during),
        "heavy": [{"status": h["status"], "seconds": h["ended"] - h["started"]} for h in load.heavy],
        "seconds": elapsed,
        "rss_idle_mb": idle_total / 2**20,
        "rss_peak_mb": peak_total / 2**20,
        "rss_peak_one_process_mb": peak_process / 2**20,
        "rss_end_mb": end_total / 2**20,
        "pss_idle_mb": idle_proportional / 2**20,
        "pss_peak_mb": peak_proportional / 2**20,
        "pss_end_mb": end_proportional / 2**20,
        "heavy_request_mb": len(heavy) / 2**20,
    }
    info = machine()
    print(
        f"{args.requests} light summaries from {args.clients} clients, {args.heavy} heavy reports "
        f"({results['heavy_request_mb']:.1f} MB each) on 127.0.0.1; {describe_machine(info)}\n"
    )
    print(
        markdown_table(
            ["measure", "value"],
            [
                ["light requests answered 200", f"{len(answered)} of {args.requests} ({statuses})"],
                ["503 busy answers (each retried after Retry-After)", str(results["light_refused_503"])],
                [
                    "light latency p50 / p95 / max",
                    f"{results['latency_p50_s']:.2f} / {results['latency_p95_s']:.2f} / "
                    f"{results['latency_max_s']:.2f} s",
                ],
                [
                    "light latency p95 while a report ran",
                    f"{results['latency_p95_during_reports_s']:.2f} s ({len(during)} requests)",
                ],
                ["heavy reports", ", ".join(f"{h['status']} after {h['seconds']:.0f} s" for h in results["heavy"])],
                [
                    "server RSS idle / peak / after",
                    f"{results['rss_idle_mb']:.0f} / {results['rss_peak_mb']:.0f} / {results['rss_end_mb']:.0f} MB",
                ],
                [
                    "server PSS idle / peak / after (shared pages counted once)",
                    f"{results['pss_idle_mb']:.0f} / {results['pss_peak_mb']:.0f} / {results['pss_end_mb']:.0f} MB",
                ],
                ["largest single process at its peak", f"{results['rss_peak_one_process_mb']:.0f} MB"],
                ["whole run", f"{elapsed:.0f} s"],
            ],
        )
    )
    write_json(args.json, args, info, **results)
    return 0 if len(answered) == args.requests else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
