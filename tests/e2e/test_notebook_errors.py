"""A planner's mistake in a notebook reads as a short message in the notebook's
language, naming the parameter as the notebook spells it, in a real kernel and in
a papermill run (issue 14, finding 1). Other exceptions keep their traceback."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.e2e

BRIEF = "from kmp_analysis.report.brief import prepare as brief\n"
SUMMARY = "from kmp_analysis.report.summary import prepare as summary\n"
EXPLORE = "from kmp_analysis.report.explore import prepare as explore\n"
RAPOR = "from kmp_analysis.report.rapor import prepare as rapor\n"

#: A call, and what the message must start with (or contain, after "…").
CASES = {
    "kecamatan": (
        BRIEF + 'brief("Tenggarang")',
        "kecamatan: 'Tenggarang' tidak dikenal; maksud Anda: Tenggarong",
    ),
    "kecamatan_en": (
        BRIEF + 'brief("Tenggarang", lang="en")',
        "kecamatan: 'Tenggarang' is not known; did you mean: Tenggarong",
    ),
    "explorer": (
        EXPLORE + 'explore("Tenggarang")',
        "kecamatan: 'Tenggarang' tidak dikenal; maksud Anda: Tenggarong",
    ),
    "period": (
        BRIEF + 'brief("Tenggarong", period="2026-13")',
        "period: periode '2026-13' harus berformat YYYY-MM",
    ),
    "period_after": (
        SUMMARY + 'summary(period="2030-01")',
        "period: periode 2030-01 sesudah bulan terakhir data",
    ),
    "data": (
        BRIEF + 'brief("Tenggarong", data="/tmp/kmp-tidak-ada")',
        "…/tmp/kmp-tidak-ada: data tidak ditemukan",
    ),
    "lang": (
        BRIEF + 'brief("Tenggarong", lang="jv")',
        "bahasa 'jv' tidak dikenal; pilihan: id, en",
    ),
    "koperasi": (
        RAPOR + 'rapor("KMP-1")',
        "koperasi_id: koperasi 'KMP-1' tidak ada di data",
    ),
}


@pytest.fixture(scope="module")
def outputs() -> dict[str, list]:
    """Every case in one real kernel (the way JupyterLab runs a cell), plus a bug
    that must keep its traceback."""
    cells = [nbformat.v4.new_code_cell(code) for code, _ in CASES.values()]
    cells.append(nbformat.v4.new_code_cell("def f():\n    return 1 / 0\nf()"))
    nb = nbformat.v4.new_notebook(cells=cells)
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=300).execute()
    names = [*CASES, "bug"]
    return {name: cell.outputs for name, cell in zip(names, nb.cells, strict=True)}


@pytest.mark.parametrize("case", list(CASES))
def test_a_mistake_is_a_short_message_not_a_traceback(outputs, case):
    (error,) = [o for o in outputs[case] if o.output_type == "error"]
    text = "\n".join(error.traceback)
    expected = CASES[case][1]
    if expected.startswith("…"):
        assert expected[1:] in text
    else:
        assert text.startswith(expected), text
    assert len(error.traceback) <= 3, text
    for trace in ("Traceback", 'File "', "site-packages", "--kecamatan", "--period"):
        assert trace not in text
    assert "{" not in text  # every placeholder filled


def test_a_bug_keeps_its_traceback(outputs):
    (error,) = [o for o in outputs["bug"] if o.output_type == "error"]
    assert error.ename == "ZeroDivisionError"
    assert len(error.traceback) > 3


def test_a_papermill_run_fails_with_the_same_message(tmp_path, sample_evaluation):
    """A brief whose kecamatan is wrong fails in the batch with the message the
    notebook shows (the batch checks names first; a hand-made job skips that)."""
    from kmp_analysis.batch import BriefJob, run_brief
    from kmp_analysis.paths import BRIEF_NOTEBOOK
    from kmp_analysis.report.params import BriefParameters

    saved = sample_evaluation.save(tmp_path / "evaluasi")
    params = BriefParameters(kecamatan="Tenggarang", evaluasi=str(saved))
    job = BriefJob(
        "64.02.06",
        "Tenggarong",
        tmp_path / "kecamatan" / "x",
        BRIEF_NOTEBOOK,
        params.for_papermill(),
        ("html",),
    )
    result = run_brief(job)
    assert not result.ok
    assert result.error.startswith(
        "UnknownKecamatan: kecamatan: 'Tenggarang' tidak dikenal; maksud Anda: "
        "Tenggarong"
    ), result.error
