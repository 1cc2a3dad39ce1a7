"""``kmp effects`` (DESIGN §9, issue 15): the JSON contract, the workbook, the
sentences a planner reads, and the exits."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.i18n import column_label
from kmp_analysis.paths import SAMPLE_DIR

EFFORTS = ("pelatihan", "pendampingan", "pembiayaan")
OUTCOMES = ("partisipasi", "bulan_berusaha", "omzet_per_anggota")


@pytest.fixture(scope="module")
def fast_config(tmp_path_factory):
    config = tmp_path_factory.mktemp("config") / "efek.yaml"
    config.write_text("efek:\n  bootstrap: 99\n", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def written(fast_config, tmp_path_factory):
    folder = tmp_path_factory.mktemp("efek")
    runner = CliRunner()
    runs = {}
    for name in ("efek.json", "efek.xlsx"):
        out = folder / name
        args = ["effects", "--out", str(out), "--config", str(fast_config)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        runs[name] = (result, out)
    return runs


def test_json_is_keyed_by_effort_then_outcome(written):
    _, out = written["efek.json"]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == list(EFFORTS)
    for effort in EFFORTS:
        assert list(data[effort]) == list(OUTCOMES)
    training = data["pelatihan"]["partisipasi"]
    assert training["status"] == "ada"
    lo, hi = training["ci"]
    assert lo < training["att"] < hi
    assert 0 <= training["pre_trend_p"] <= 1
    assert training["n_treated"] > 0 and training["n_control"] > 0
    months = [row["e"] for row in training["event_study"]]
    assert months == sorted(months) and -6 in months and 0 in months
    assert all(row["lo"] <= row["att"] <= row["hi"] for row in training["event_study"])
    # the shipped sample disburses to 17 cooperatives: under the minimum of 20
    assert data["pembiayaan"]["partisipasi"] == {
        "status": "data_belum_cukup",
        "n_treated": 17,
        "n_control": data["pembiayaan"]["partisipasi"]["n_control"],
    }


def test_the_planner_reads_one_sentence_per_effort(written):
    result, out = written["efek.json"]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Pelatihan dasar: partisipasi naik sekitar")
    assert "anggota lagi bertransaksi" in lines[0]
    assert lines[1].startswith("Pendampingan: ")
    assert lines[2] == (
        "Pembiayaan Himbara: data belum cukup. Baru 17 koperasi yang sudah menerima "
        "pembiayaan dengan laporan sebelum dan sesudahnya; perlu paling sedikit 20."
    )
    assert lines[3].endswith(str(out))


def test_workbook_has_the_same_with_indonesian_headers(written):
    _, out = written["efek.xlsx"]
    data = json.loads(written["efek.json"][1].read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["efek", "studi_peristiwa"]
    rows = list(book["efek"].values)
    header = rows[0]
    assert header[:3] == (
        column_label("upaya"),
        column_label("hasil"),
        column_label("status"),
    )
    assert len(rows) == 1 + len(EFFORTS) * len(OUTCOMES)
    att = header.index(column_label("efek_att"))
    assert rows[1][att] == pytest.approx(data["pelatihan"]["partisipasi"]["att"])
    events = list(book["studi_peristiwa"].values)
    n_events = sum(
        len(entry.get("event_study", []))
        for by_outcome in data.values()
        for entry in by_outcome.values()
    )
    assert len(events) == 1 + n_events


def test_data_without_the_support_tables(tmp_path, fast_config):
    for file in SAMPLE_DIR.iterdir():
        if file.stem not in EFFORTS:
            shutil.copy(file, tmp_path / file.name)
    result = CliRunner().invoke(
        app, ["effects", "--data", str(tmp_path), "--config", str(fast_config)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for effort in EFFORTS:
        for outcome in OUTCOMES:
            assert data[effort][outcome]["status"] == "belum_ada_data"


def test_exits(tmp_path):
    runner = CliRunner()
    wrong = runner.invoke(app, ["effects", "--out", str(tmp_path / "efek.csv")])
    assert wrong.exit_code == 2
    assert "--out harus berakhiran .json atau .xlsx" in wrong.output
    bad = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, bad)
    text = (bad / "pembiayaan.csv").read_text(encoding="utf-8").splitlines()
    head, first = text[0], text[1].split(",")
    first[head.split(",").index("jumlah")] = "0"
    (bad / "pembiayaan.csv").write_text(
        "\n".join([head, ",".join(first), *text[2:]]) + "\n", encoding="utf-8"
    )
    invalid = runner.invoke(app, ["effects", "--data", str(bad)])
    assert invalid.exit_code == 1
    assert "pembiayaan.csv:2:jumlah" in invalid.output
    assert "Traceback" not in invalid.output
