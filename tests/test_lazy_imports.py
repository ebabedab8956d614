"""Start-up stays light: the HTML extractor and the language model load only when an input needs them."""

import subprocess
import sys

from conftest import EXAMPLE

HEAVY_FOR_HTML = ("trafilatura", "htmldate", "justext")


def modules_loaded_by(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_text_articles_are_cleaned_without_the_html_extractor_or_the_language_model():
    files = sorted(str(p) for p in EXAMPLE.glob("*.txt"))
    loaded = modules_loaded_by(
        "import chorus.cli\nfrom pathlib import Path\nfrom chorus.pipeline import load_documents\n"
        f"docs = load_documents([Path(f) for f in {files!r}])\nassert len(docs) == {len(files)}"
    )
    assert not loaded & {*HEAVY_FOR_HTML, "py3langid"}


def test_an_html_page_loads_the_extractor():
    loaded = modules_loaded_by(
        "from chorus.ingest.html import extract_html\n"
        "extract_html('<html><body><article><p>' + 'The council voted to close the bridge for repairs. ' * 5"
        " + '</p></article></body></html>', 'p.html')"
    )
    assert "trafilatura" in loaded
