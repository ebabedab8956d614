"""What the pipeline costs to start: no heavy import for a word list, lazy imports."""

import subprocess
import sys

from chorus.text import STOP_WORDS


def test_the_shipped_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert STOP_WORDS == frozenset(ENGLISH_STOP_WORDS)


def test_the_pipeline_imports_no_scikit_learn():
    code = "import sys, chorus.pipeline; print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_pipeline_imports_none_of_the_numpy_submodules_scipy_would_pull_in():
    # scipy's array-API layer copies numpy's namespace; chorus.sparse keeps it from importing
    # numpy.f2py, numpy.testing (and importlib.metadata with it), numpy.ma ... (about 0.1 s).
    code = """
import sys, chorus.pipeline, numpy
from chorus.sparse import UNNEEDED_NUMPY_SUBMODULES
unwanted = ["numpy." + n for n in UNNEEDED_NUMPY_SUBMODULES - {"random"}]  # scipy.sparse imports numpy.random itself
loaded = [m for m in unwanted + ["importlib.metadata", "charset_normalizer"] if m in sys.modules]
print(loaded, "f2py" in numpy.__all__, "f2py" in dir(numpy), numpy.ma.masked_array([1]).sum())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # None of them imported, and numpy's namespace whole again afterwards.
    assert out.stdout.split() == ["[]", "True", "True", "1"]


def test_plain_ascii_articles_are_read_without_importing_ftfy():
    # ftfy and wcwidth cost 0.05 s to import; only text with something for ftfy to fix needs them.
    code = """
import sys, chorus
summary = chorus.summarize(["Crews fought a fire at the harbor warehouse on Monday, officials said today.",
                            "A fire at the harbor warehouse burned for hours on Monday, officials said."], words=30)
print(bool(summary.sentences), 'ftfy' in sys.modules)
chorus.summarize(["Crews fought a fire at the café on Monday, officials said today.",
                  "A fire at the café burned for hours on Monday, officials said."], words=30)
print('ftfy' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "True"]


def test_summarizing_imports_no_numpy_ma():
    # numpy.unique and numpy.median import numpy.ma to test for a masked array; chorus.sparse's
    # distinct_values and median_value do not. Three articles, so that the off-topic check (a median) runs.
    code = """
import sys, chorus
summary = chorus.summarize(["Crews fought a fire at the harbor warehouse on Monday, officials said today.",
                            "A fire at the harbor warehouse burned for hours on Monday, officials said.",
                            "Officials said the harbor warehouse fire on Monday was put out by evening."], words=30)
print(bool(summary.sentences), 'numpy.ma' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_distinct_values_are_numpy_unique():
    import numpy as np

    from chorus.sparse import distinct_values

    rng = np.random.default_rng(19)
    for values in [np.array([], dtype=int), np.array([3]), rng.integers(-5, 50, 400), rng.integers(0, 3, (7, 9))]:
        expected = np.unique(values)
        assert distinct_values(values).dtype == expected.dtype and np.array_equal(distinct_values(values), expected)


def test_median_value_is_numpy_median():
    import numpy as np

    from chorus.sparse import median_value

    rng = np.random.default_rng(19)
    for size in range(1, 40):
        for values in (rng.random(size), rng.integers(0, 4, size) / 3, -rng.random(size) * 1e6):
            assert median_value(values) == float(np.median(values))


def test_the_command_line_imports_neither_the_renderers_nor_numpy():
    # `chorus batch`'s parent process only reads lines and writes what its workers return: the
    # renderers (the claim readers, numpy, scipy: ~0.15 s) are imported by the commands that render.
    code = "import sys, chorus.cli; print(sorted({'chorus.render', 'numpy', 'scipy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_lines_format_choices_are_the_renderers():
    import chorus.cli
    import chorus.render

    assert chorus.cli.FORMATS == chorus.render.FORMATS
    assert chorus.cli.REPORT_FORMATS == chorus.render.REPORT_FORMATS


def test_the_command_lines_scorers_are_the_evaluations():
    import chorus.cli
    from chorus.evaluation import rouge_plan

    assert (chorus.cli.SCORERS, chorus.cli.DEFAULT_SCORER) == (rouge_plan.SCORERS, rouge_plan.DEFAULT_SCORER)


def test_reading_files_imports_neither_the_fetcher_nor_the_scorer(tmp_path):
    # A cold `chorus summarize` of files pays for neither sockets and threads nor ROUGE's tables.
    (tmp_path / "a.txt").write_text("One sentence of an article about a fire in the harbour.\n", encoding="utf-8")
    code = f"""import sys, chorus.cli
from chorus.ingest import read_inputs
clusters = read_inputs([{str(tmp_path / "a.txt")!r}], [])
print(len(clusters[0].documents), sorted({{'chorus.ingest.fetch', 'chorus.evaluation.rouge_plan'}} & set(sys.modules)))"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1 []"


def test_the_version_is_read_only_when_asked():
    code = "import sys, chorus.cli; chorus.cli.build_parser(); print('importlib.metadata' in sys.modules, chorus.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, version = out.stdout.split()
    assert imported == "False" and version


def test_the_command_collects_garbage_after_its_imports_as_before_them():
    # chorus.cli pauses the collector while it imports (a cold start's passes find nothing) and
    # freezes what the imports made; the collector is then as it was before: on, or left off.
    code = """
import gc, sys
gc.disable() if sys.argv[1] == "off" else None
import chorus.cli
print(gc.isenabled(), gc.get_freeze_count() > 0)
frozen = gc.get_freeze_count()
with chorus.cli.collector_paused():  # a command's own imports, the same way
    paused = not gc.isenabled()
    import chorus.pipeline
print(gc.isenabled(), gc.get_freeze_count() > frozen, paused)
"""
    states = [
        subprocess.run([sys.executable, "-c", code, state], capture_output=True, text=True, check=True).stdout.split()
        for state in ("on", "off")
    ]
    assert states == [["True", "True", "True", "True", "True"], ["False", "True", "False", "True", "True"]]


def test_summarizing_solves_without_importing_scipy_optimize():
    # The solver is highspy (0.01 s to import), not scipy.optimize's copy of HiGHS (0.3 s, 28 MB).
    code = """
import sys, chorus
summary = chorus.summarize(["Crews fought a fire at the harbor warehouse on Monday, officials said today.",
                            "A fire at the harbor warehouse burned for hours on Monday, officials said."], words=30)
print(bool(summary.sentences), 'highspy' in sys.modules, 'scipy.optimize' in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"]


def test_sentences_carry_how_each_token_was_written():
    from chorus.segment import segment
    from chorus.types import Document

    story = segment([Document(id="1", text="NATO said Meshaal met the U.S. envoy in Doha on Monday.")])
    sentence = story.sentences[0]
    assert len(sentence.capitalised) == len(sentence.all_caps) == len(sentence.tokens)
    written = dict(zip(sentence.tokens, zip(sentence.capitalised, sentence.all_caps)))
    assert written["nato"] == (True, True)
    assert written["meshaal"] == (True, False)
    assert written["said"] == (False, False)
    assert sentence.content == tuple(t not in STOP_WORDS for t in sentence.tokens)


def test_name_variants_by_group_are_the_variants_of_every_pair():
    # Grouping names by first letter and length must find what comparing every pair finds.
    from itertools import combinations

    from rapidfuzz import fuzz

    from chorus.represent import VARIANT_MIN_RATIO, name_variants
    from chorus.segment import segment
    from chorus.text import stem
    from chorus.types import Document

    names = [
        "Meshaal",
        "Meshaal",
        "Meshal",
        "Mashaal",
        "Mesgaal",
        "Sergey",
        "Sergey",
        "Sergei",
        "Austria",
        "Australia",
        "Iran",
        "Iraq",
        "Brahimi",
        "Ibrahimi",
        "Lavrov",
        "Lavrova",
        "Kerry",
        "Kerri",
        "Kerrie",
    ]
    text = " ".join(f"Then {name} spoke again." for name in names)
    variants = name_variants(segment([Document(id="1", text=text)]))

    counts = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    ordered = sorted(counts, key=lambda n: (-counts[n], names.index(n)))
    group = {n: n for n in ordered}
    for a, b in combinations(ordered, 2):
        if (
            a[0] == b[0]
            and abs(len(a) - len(b)) <= 1
            and len(a) >= 5
            and len(b) >= 5
            and fuzz.ratio(a.lower(), b.lower()) >= VARIANT_MIN_RATIO
        ):
            ra, rb = group[a], group[b]
            keep, drop = sorted((ra, rb), key=ordered.index)
            group = {n: keep if g == drop else g for n, g in group.items()}
    expected = {stem(n): stem(g) for n, g in group.items() if stem(n) != stem(g)}
    assert variants == expected
    assert variants[stem("Meshal")] == variants[stem("Mashaal")] == stem("Meshaal")
    assert stem("Australia") not in variants and stem("Iraq") not in variants
