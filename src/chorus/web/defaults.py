"""The defaults of `chorus serve` that its help states, here without imports so
that the CLI reads them without loading the web stack (FastAPI takes a second
to import). `chorus.web.limits.Limits` is built from them."""

REQUEST_SECONDS = 60.0  # per request, waiting for a worker included
# Articles one request may hold: a day's story from many outlets; `chorus serve --max-articles` raises it
# (the page draws a 100-article story's every tab in under 0.1 s, BENCHMARKS.md "The web page at scale").
MAX_ARTICLES = 50
WORKERS = 3  # worker processes: summaries and reports computed at once
WORKER_MEMORY = 4 * 2**30  # address space of one worker: a 50-article report fits in far less
MIN_WORKER_MEMORY = 1 * 2**30  # the least a small machine's share gives a worker when no limit is set
# The least `chorus serve --worker-memory` accepts: a worker holds about 0.31 GiB of address space with the
# pipeline loaded, before its first job (3 workers, measured 2026-12-03); under this every request would fail.
MIN_WORKER_MEMORY_GIVEN = 512 * 2**20
# The renderings of recent reports the page may download without computing them again (chorus.web.kept):
# the latest this many, within this many bytes compressed (the bound on the server's memory; a
# 50-article report keeps about 0.8 MB), each for this long.
KEPT_REPORTS = 64
KEPT_REPORT_BYTES = 64 * 2**20
KEPT_REPORT_SECONDS = 3600.0
MIN_KEPT_REPORT_BYTES = 2**20  # below this not even one 50-article report is kept
