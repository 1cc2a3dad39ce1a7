"""End to end: real notebooks executed with papermill on the shipped sample data."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import subprocess
from pathlib import Path

import nbformat
import papermill
import pytest
from builders import brief_notebook_with, kmp

from kmp_analysis.paths import (
    BRIEF_NOTEBOOK,
    NOTEBOOKS_DIR,
    RAPOR_NOTEBOOK,
    SUMMARY_NOTEBOOK,
)
from kmp_analysis.report import brief as brief_module
from kmp_analysis.report import explore, rapor, summary
from kmp_analysis.report.page import GUIDE_TAG
from kmp_analysis.report.params import NOTEBOOK_PARAMETERS

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def two_briefs(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("briefs")
    result = kmp(
        "briefs",
        "--kecamatan",
        "Sangasanga",
        "--kecamatan",
        "640206",
        "--out",
        str(out),
        "--workers",
        "2",
        "--no-progress",
    )
    return result, out / "briefs" / "2026-10"


def test_committed_notebooks_carry_no_outputs():
    notebooks = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{path.name} has outputs"
                assert cell.execution_count is None, f"{path.name} has counts"


def test_brief_notebook_has_a_parameters_cell_with_every_design_parameter():
    nb = nbformat.read(BRIEF_NOTEBOOK, as_version=4)
    (cell,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    for name in ("kecamatan", "data", "period", "lang", "config", "out_dir"):
        assert f"\n{name}: str = " in f"\n{cell.source}"


@pytest.mark.parametrize(
    "notebook", [BRIEF_NOTEBOOK, SUMMARY_NOTEBOOK, RAPOR_NOTEBOOK], ids=lambda p: p.stem
)
def test_each_notebook_opens_by_explaining_itself(notebook):
    """A planner opening the notebook first reads, in Bahasa Indonesia then in
    English, what it is for, which parameters to change (every one of them) and what
    Run All shows; the cell is tagged so that no reader's page shows it, and the
    parameters cell comes right after it."""
    nb = nbformat.read(notebook, as_version=4)
    opening, parameters = nb.cells[0], nb.cells[1]
    assert opening.cell_type == "markdown"
    assert opening.metadata["tags"] == [GUIDE_TAG]
    assert "parameters" in parameters.metadata["tags"]
    text = opening.source
    indonesian, english = text.split("*English*")
    assert "**Untuk apa.**" in indonesian and "**Run All**" in indonesian
    assert "**What it is for.**" in english and "**Run All**" in english
    for name in (f.name for f in dataclasses.fields(NOTEBOOK_PARAMETERS[notebook])):
        assert f"`{name}`" in indonesian and f"`{name}`" in english, name
    tagged = [c for c in nb.cells if GUIDE_TAG in c.metadata.get("tags", [])]
    assert tagged == [opening]


def test_two_briefs_are_written(two_briefs):
    result, run_dir = two_briefs
    assert result.returncode == 0, result.stderr
    assert "2 brief ditulis, 0 dipakai ulang, 0 gagal" in result.stdout
    for folder, name in (
        ("64.02.15-sanga-sanga", "Sanga Sanga"),
        ("64.02.06-tenggarong", "Tenggarong"),
    ):
        html = (run_dir / "kecamatan" / folder / "brief.html").read_text("utf-8")
        assert f"Kecamatan {name}" in html
        assert "data:image/png;base64" in html  # the map
        assert "DATA SINTETIS" in html
        # no code: not the source of any cell, no input areas, no tracebacks
        assert "from kmp_analysis" not in html
        assert "brief.summary()" not in html
        assert 'class="jp-InputArea' not in html
        assert 'class="highlight' not in html
        assert "Traceback" not in html
        # the notebook's opening is for the planner who runs it, not for the reader
        assert "Untuk apa" not in html and "Run All" not in html
        assert (run_dir / "kecamatan" / folder / "brief.ipynb").is_file()


def test_manifest_and_index(two_briefs):
    _, run_dir = two_briefs
    manifest = json.loads((run_dir / "manifest.json").read_text("utf-8"))
    assert manifest["summary"] == {"total": 2, "ok": 2, "gagal": 0}
    assert manifest["synthetic"] is True
    assert set(manifest["input_hashes"]) >= {"koperasi.csv", "laporan_bulanan.csv"}
    codes = [b["kode_kec"] for b in manifest["briefs"]]
    assert codes == ["64.02.06", "64.02.15"]  # by code, whatever the order asked
    for brief in manifest["briefs"]:
        assert brief["status"] == "ok"
        assert brief["error"] is None
        assert brief["duration_s"] > 0
        assert brief["parameters"]["kecamatan"] == brief["kode_kec"]
        assert brief["parameters"]["period"] == "2026-10"
    index = (run_dir / "index.html").read_text("utf-8")
    assert 'href="kecamatan/64.02.15-sanga-sanga/brief.html"' in index
    assert "Tenggarong" in index
    leftovers = [
        p.name for p in (run_dir / "kecamatan").iterdir() if p.name.startswith(".")
    ]
    assert leftovers == []


def test_brief_json_matches_the_evaluation(two_briefs, sample_evaluation):
    _, run_dir = two_briefs
    said = json.loads(
        (run_dir / "kecamatan" / "64.02.06-tenggarong" / "brief.json").read_text(
            "utf-8"
        )
    )
    coops = sample_evaluation.of_kecamatan("64.02.06")
    assert said["headline"]["n"] == len(coops)
    assert {c["koperasi_id"]: c["kelas"] for c in said["koperasi"]} == dict(
        zip(coops["koperasi_id"], coops["kelas"].astype(str), strict=True)
    )


def test_a_failing_brief_leaves_the_others_written(tmp_path):
    nb = brief_notebook_with(
        'assert brief.kode_kec != "64.02.12", "gagal sengaja untuk uji"'
    )
    broken = tmp_path / "brief_rusak.ipynb"
    nbformat.write(nb, broken)
    out = tmp_path / "out"
    result = kmp(
        "briefs",
        "-k",
        "Tabang",
        "-k",
        "Muara Wis",
        "--out",
        str(out),
        "--notebook",
        str(broken),
        "--no-progress",
    )
    assert result.returncode == 1
    assert "1 brief ditulis, 0 dipakai ulang, 1 gagal" in result.stdout
    assert "gagal sengaja untuk uji" in result.stderr
    assert "Traceback" not in result.stderr
    run_dir = out / "briefs" / "2026-10"
    assert (run_dir / "kecamatan" / "64.02.18-muara-wis" / "brief.html").is_file()
    assert not (run_dir / "kecamatan" / "64.02.12-tabang").exists()
    manifest = json.loads((run_dir / "manifest.json").read_text("utf-8"))
    status = {b["kode_kec"]: (b["status"], b["error"]) for b in manifest["briefs"]}
    assert status["64.02.18"] == ("ok", None)
    assert status["64.02.12"][0] == "gagal"
    assert "gagal sengaja untuk uji" in status["64.02.12"][1]
    assert "gagal" in (run_dir / "index.html").read_text("utf-8")


def test_unknown_kecamatan_is_a_usage_error_before_anything_runs(tmp_path):
    result = kmp(
        "briefs", "-k", "Tenggarongg", "-k", "Atlantis", "--out", str(tmp_path)
    )
    assert result.returncode == 2
    assert "'Tenggarongg' tidak dikenal; maksud Anda: Tenggarong" in result.stderr
    assert "'Atlantis' tidak dikenal" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_notebook_runs_unedited_with_its_defaults(tmp_path):
    """What a planner gets opening the notebook in JupyterLab and pressing Run All."""
    import papermill

    executed = tmp_path / "brief.ipynb"
    papermill.execute_notebook(
        str(BRIEF_NOTEBOOK), str(executed), kernel_name="python3", progress_bar=False
    )
    nb = nbformat.read(executed, as_version=4)
    html_outputs = [
        out["data"]["text/html"]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if "text/html" in out.get("data", {})
    ]
    assert any("Kecamatan Tenggarong" in h for h in html_outputs)
    errors = [
        o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert errors == []


@pytest.mark.parametrize("notebook", sorted(NOTEBOOK_PARAMETERS), ids=lambda p: p.stem)
def test_the_parameters_cell_is_its_dataclass_and_prepare_takes_the_same(notebook):
    """One contract per notebook: its parameters cell, the dataclass the batch
    fills and the ``prepare()`` it calls agree on names, types and defaults."""
    contract = NOTEBOOK_PARAMETERS[notebook]
    cell = papermill.inspect_notebook(str(notebook))
    fields = {f.name: f for f in dataclasses.fields(contract)}
    assert list(cell) == list(fields)
    for name, field in fields.items():
        assert cell[name]["inferred_type_name"] == field.type, name
        assert ast.literal_eval(cell[name]["default"]) == field.default, name
        assert cell[name]["help"], f"{name} has no comment to explain it"
    module = {
        "brief_kecamatan": brief_module,
        "ringkasan_kabupaten": summary,
        "rapor_koperasi": rapor,
    }.get(notebook.stem, explore)
    taken = inspect.signature(module.prepare).parameters
    assert set(taken) <= set(fields)
    assert set(fields) - set(taken) <= {"out_dir"}
    for name, parameter in taken.items():
        assert parameter.default == fields[name].default, name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_period_outside_the_data_is_a_message_in_the_notebook(tmp_path, lang):
    """A typo in the period (2030-01) stops the notebook with the months the data
    covers, in the notebook's language, not a traceback and never "all dormant"."""
    executed = tmp_path / "brief.ipynb"
    with pytest.raises(papermill.PapermillExecutionError):
        papermill.execute_notebook(
            str(BRIEF_NOTEBOOK),
            str(executed),
            parameters={"period": "2030-01", "lang": lang},
            kernel_name="python3",
            progress_bar=False,
        )
    nb = nbformat.read(executed, as_version=4)
    (error,) = [
        o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]
    shown = "\n".join(error["traceback"])
    assert "2030-01" in shown
    assert ("sampai" if lang == "id" else " to ") in shown
    assert "Traceback" not in shown and "File " not in shown


def test_the_rapor_notebook_prints_one_a4_page(tmp_path):
    """A cooperative's card, run as a planner runs it in JupyterLab, exported as the
    batch exports pages and printed: one A4 page, its rapor.json written. The
    cooperative with the most text in its steps and its lines around it (desa,
    training, pendamping, financing, BUMDes, risks, figures to check) is the
    longest card of the sample."""
    from kmp_analysis.paths import RAPOR_NOTEBOOK
    from kmp_analysis.report.page import notebook_to_html
    from kmp_analysis.report.pdf import find_chromium, html_to_pdf, pdf_page_count
    from kmp_analysis.report.rapor_content import RaporContent

    if find_chromium() is None:
        pytest.skip("no Chromium")
    from kmp_analysis.evaluation import evaluate
    from kmp_analysis.io import read_dataset
    from kmp_analysis.paths import SAMPLE_DIR

    ev = evaluate(read_dataset(SAMPLE_DIR))

    def length(kid: str) -> int:
        card = RaporContent(ev, kid)
        return sum(len(line) for line in card.step_sentences() + card.around_lines())

    longest = max(ev.cooperatives["koperasi_id"], key=length)
    for kid, lang in ((longest, "id"), (longest, "en")):
        executed = tmp_path / f"{kid}-{lang}.ipynb"
        papermill.execute_notebook(
            str(RAPOR_NOTEBOOK),
            str(executed),
            parameters={"koperasi_id": kid, "lang": lang, "out_dir": str(tmp_path)},
            kernel_name="python3",
            progress_bar=False,
        )
        nb = nbformat.read(executed, as_version=4)
        page = tmp_path / f"{kid}-{lang}.html"
        page.write_text(notebook_to_html(nb, kid, lang), encoding="utf-8")
        pdf = html_to_pdf(page, tmp_path / f"{kid}-{lang}.pdf")
        assert pdf_page_count(pdf) == 1, f"{kid} ({lang})"
        data = json.loads((tmp_path / "rapor.json").read_text("utf-8"))
        assert data["koperasi_id"] == kid and data["langkah"]


COOKBOOK = NOTEBOOKS_DIR / "analisis_sendiri.ipynb"


def test_the_cookbook_has_a_commented_parameters_cell():
    cell = papermill.inspect_notebook(str(COOKBOOK))
    assert list(cell) == [
        "data",
        "period",
        "kecamatan",
        "desa",
        "periode_banding",
        "kolom_peta",
        "file_excel",
    ]
    for name, parameter in cell.items():
        assert parameter["inferred_type_name"] == "str", name
        assert parameter["help"], f"{name} has no comment to explain it"
    nb = nbformat.read(COOKBOOK, as_version=4)
    assert nb.cells[0].metadata["tags"] == [GUIDE_TAG]
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert all(len(source.splitlines()) <= 15 for source in code)
    assert "import kmp_analysis as kmp" in "\n".join(code)
    assert "from kmp_analysis" not in "\n".join(code)  # the public face only


def test_the_cookbook_runs_and_answers_its_questions(tmp_path, sample_evaluation):
    """Run All on the sample, as a planner would, with the Excel file in tmp_path:
    every answer is the evaluation's own."""
    import openpyxl

    executed = tmp_path / "analisis_sendiri.ipynb"
    workbook = tmp_path / "hasil.xlsx"
    papermill.execute_notebook(
        str(COOKBOOK),
        str(executed),
        parameters={"file_excel": str(workbook)},
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(executed, as_version=4)
    cells = {c.id: c for c in nb.cells}
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []

    def printed(cell_id: str) -> str:
        return "".join(
            o.text for o in cells[cell_id].outputs if o.output_type == "stream"
        )

    ev = sample_evaluation
    assert printed("baca").startswith(f"{len(ev.cooperatives)} koperasi, periode")
    tenggarong = ev.of_kecamatan("64.02.06")
    at_risk = tenggarong[tenggarong["berisiko"]]
    assert f"{len(at_risk)} dari {len(tenggarong)} koperasi di Tenggarong" in printed(
        "berisiko"
    )
    since = ev.history.previous(ev.period)
    moves = ev.history.pairs(ev.period, since=since)["gerak"]
    assert (
        f"{int((moves != 'tetap').sum())} koperasi berpindah kelas sejak {since}"
        in (printed("pindah"))
    )
    assert "1 koperasi di desa Maluhu" in printed("desa")
    counts = cells["banding"].outputs[0]["data"]["text/plain"]
    assert since in counts and ev.period in counts
    assert "image/png" in cells["peta"].outputs[-1]["data"]
    assert str(workbook) in printed("excel")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["berisiko", "desa"]
    assert book["berisiko"].max_row == 1 + len(at_risk)
    assert book["berisiko"]["A1"].value == "ID koperasi"
