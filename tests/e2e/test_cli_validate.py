"""``kmp validate`` and ``kmp evaluate`` (DESIGN §9) through typer's CliRunner.

With click >= 8.2 the runner keeps stdout and stderr apart (``result.stdout``,
``result.stderr``); ``result.output`` is both interleaved.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from builders import GOOD_CSV, csv_with, write_csv_folder
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.i18n import column_label

LAP = "laporan_bulanan"
EXPORT_COLUMNS = [
    "koperasi_id",
    "kode_desa",
    "kode_kec",
    "nama_kec",
    "kelas",
    "alasan",
    "berisiko",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def good(tmp_path):
    return write_csv_folder(tmp_path / "good")


@pytest.fixture
def bad(tmp_path):
    """Three problems: 'abc' omzet (row 2), negative omzet (row 3), bad npwp (row 3)."""
    changes = {
        LAP: csv_with(LAP, {(2, "omzet"): "abc", (3, "omzet"): "-5"}),
        "koperasi": csv_with("koperasi", {(3, "npwp"): "mungkin"}),
    }
    return write_csv_folder(tmp_path / "bad", changes)


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------------- validate


def test_validate_good_data_exits_0(runner, good):
    result = runner.invoke(app, ["validate", "--data", str(good)])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Data valid: {good} (")
    assert "koperasi 2" in result.stdout
    assert "laporan_bulanan 3" in result.stdout
    assert result.stderr == ""


def test_validate_bad_data_prints_one_line_per_problem_grouped_by_file(runner, bad):
    result = runner.invoke(app, ["validate", "--data", str(bad)])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"== berkas {bad / 'koperasi.csv'}: 1 galat",
        f"{bad / 'koperasi.csv'}:3:npwp: 'mungkin' harus 'ya' atau 'tidak'",
        f"== berkas {bad / LAP}.csv: 2 galat",
        f"{bad / LAP}.csv:2:omzet: 'abc' bukan angka",
        f"{bad / LAP}.csv:3:omzet: nilai negatif (-5) tidak boleh",
        "3 masalah di 2 berkas (3 galat, 0 peringatan); perbaiki lalu jalankan lagi.",
    ]


def test_validate_problem_lines_have_file_row_column(runner, bad):
    result = runner.invoke(app, ["validate", "--data", str(bad)])

    lines = result.stderr.splitlines()
    headers = [line for line in lines if line.startswith("== ")]
    problems = [line for line in lines[:-1] if not line.startswith("== ")]
    pattern = re.compile(rf"{re.escape(str(bad))}/\w+\.csv:\d+:\w+: \S.*")
    assert len(headers) == 2
    assert len(problems) == 3
    assert all(pattern.fullmatch(line) for line in problems), problems
    assert lines[-1].startswith("3 masalah di 2 berkas")


def test_validate_in_english(runner, bad):
    result = runner.invoke(app, ["validate", "--data", str(bad), "--lang", "en"])

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"== file {bad / 'koperasi.csv'}: 1 error(s)"
    assert lines[3] == f"{bad / LAP}.csv:2:omzet: 'abc' is not a number"
    assert lines[-1] == (
        "3 problem(s) in 2 file(s) (3 error(s), 0 warning(s)); fix them and run again."
    )
    for word in ("bukan", "masalah", "harus", "negatif", "berkas", "galat"):
        assert word not in result.stderr


def test_validate_collapses_a_problem_repeated_on_consecutive_rows(runner, tmp_path):
    rows = [f"K1,2026-{m:02d},100,30,abc,0,0,0,0,0,0,0" for m in range(1, 10)]
    rows.append("K2,2026-09,50,0,0,0,0,0,0,0,0,0")
    folder = write_csv_folder(tmp_path, {LAP: [GOOD_CSV[LAP][0], *rows]})

    result = runner.invoke(app, ["validate", "--data", str(folder)])

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"== berkas {folder / LAP}.csv: 9 galat",
        f"{folder / LAP}.csv:2-10:omzet: 'abc' bukan angka (9 baris)",
        "9 masalah di 1 berkas (9 galat, 0 peringatan); perbaiki lalu jalankan lagi.",
    ]


# ---------------------------------------------------------------------- warnings

GAP = csv_with(LAP, extra=["K1,2026-07,100,25,5000000,0,0,0,0,0,0,0"])  # no 2026-08


def test_validate_prints_warnings_and_exits_0(runner, tmp_path):
    folder = write_csv_folder(tmp_path, {LAP: GAP})

    result = runner.invoke(app, ["validate", "--data", str(folder)])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Data valid: {folder} (")
    assert result.stderr.splitlines() == [
        f"== berkas {folder / LAP}.csv: 1 peringatan",
        f"{folder / LAP}.csv:bulan: peringatan: K1 tidak punya laporan untuk 1 bulan "
        "sejak laporan pertamanya: 2026-08",
        "1 masalah di 1 berkas (0 galat, 1 peringatan); data tetap dapat dipakai "
        "(--strict menjadikan peringatan galat).",
    ]


def test_validate_strict_turns_warnings_into_errors(runner, tmp_path):
    folder = write_csv_folder(tmp_path, {LAP: GAP})

    result = runner.invoke(app, ["validate", "--data", str(folder), "--strict"])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"== berkas {folder / LAP}.csv: 1 galat"
    assert lines[1].startswith(f"{folder / LAP}.csv:bulan: K1 tidak punya laporan")
    assert "peringatan:" not in lines[1]
    assert lines[2].startswith("1 masalah di 1 berkas (1 galat, 0 peringatan)")


def test_evaluate_ignores_warnings_unless_strict(runner, tmp_path):
    folder = write_csv_folder(tmp_path, {LAP: GAP})

    relaxed = runner.invoke(app, ["evaluate", "--data", str(folder)])
    strict = runner.invoke(app, ["evaluate", "--data", str(folder), "--strict"])

    assert relaxed.exit_code == 0, relaxed.output
    assert relaxed.stderr == ""
    assert strict.exit_code == 1
    assert_no_traceback(strict)
    assert strict.stdout == ""
    assert "K1 tidak punya laporan" in strict.stderr


def test_briefs_strict_stops_before_any_brief(runner, tmp_path):
    folder = write_csv_folder(tmp_path, {LAP: GAP})
    out = tmp_path / "out"

    result = runner.invoke(
        app, ["briefs", "--data", str(folder), "--out", str(out), "--strict"]
    )

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert "K1 tidak punya laporan" in result.stderr
    assert not out.exists()


def test_validate_missing_path(runner, tmp_path):
    missing = tmp_path / "tidak-ada"

    result = runner.invoke(app, ["validate", "--data", str(missing)])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines() == [
        f"== berkas {missing}: 1 galat",
        f"{missing}: data tidak ditemukan (harus folder CSV atau file .xlsx)",
        "1 masalah di 1 berkas (1 galat, 0 peringatan); perbaiki lalu jalankan lagi.",
    ]


def test_validate_binary_file_exits_1_without_traceback(runner, good):
    (good / "rapat.csv").write_bytes(b"\x00\x01\x02PK\xff")

    result = runner.invoke(app, ["validate", "--data", str(good)])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[1].startswith(f"{good / 'rapat.csv'}: ")


def test_validate_unknown_language_is_bad_usage(runner, good):
    result = runner.invoke(app, ["validate", "--data", str(good), "--lang", "fr"])

    assert result.exit_code == 2


# ---------------------------------------------------------------------- evaluate


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_evaluate_writes_one_row_per_cooperative(runner, good, tmp_path, suffix):
    out = tmp_path / f"hasil{suffix}"

    result = runner.invoke(app, ["evaluate", "--data", str(good), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    assert result.stdout.startswith("2 koperasi, periode 2026-10")
    if suffix == ".csv":
        table = pd.read_csv(out, encoding="utf-8-sig", dtype={"kode_kec": str})
    else:
        # the workbook is for planners: labelled headers and values (issue 3)
        table = pd.read_excel(out, sheet_name="koperasi", dtype=str)
        labels = {column_label(c): c for c in EXPORT_COLUMNS}
        table = table.rename(columns=labels)
        words = {"Administratif": "administratif", "Tidak bergerak": "tidak_bergerak"}
        table["kelas"] = table["kelas"].map(words)
        table["berisiko"] = table["berisiko"].map({"ya": "True", "tidak": "False"})
    assert set(EXPORT_COLUMNS) <= set(table.columns)
    table = table.set_index("koperasi_id")
    assert sorted(table.index) == ["K1", "K2"]
    assert table.loc["K1", "kode_desa"] == "64.02.06.1001"
    assert table.loc["K2", "kode_desa"] == "64.02.12.2001"
    assert table.loc["K1", "kode_kec"] == "64.02.06"
    assert table.loc["K2", "kode_kec"] == "64.02.12"
    assert table.loc["K1", "nama_kec"] == "Tenggarong"
    assert table.loc["K2", "nama_kec"] == "Tabang"
    # K1 traded in 2 of 6 months (< 4): Administratif; K2 no omzet: Tidak bergerak
    assert table.loc["K1", "kelas"] == "administratif"
    assert table.loc["K2", "kelas"] == "tidak_bergerak"
    reason = "bulan_transaksi" if suffix == ".csv" else column_label("bulan_transaksi")
    assert reason in table.loc["K1", "alasan"]
    # both boards have 1 pengurus (< 5): pengurus_lengkap is false, so at risk
    assert [str(v).lower() for v in table["berisiko"]] == ["true", "true"]


def test_evaluate_without_out_prints_csv(runner, good):
    result = runner.invoke(app, ["evaluate", "--data", str(good)])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert set(EXPORT_COLUMNS) <= set(lines[0].split(","))
    assert len(lines) == 3


def test_evaluate_other_suffix_is_bad_usage(runner, good, tmp_path):
    out = tmp_path / "hasil.txt"

    result = runner.invoke(app, ["evaluate", "--data", str(good), "--out", str(out)])

    assert result.exit_code == 2
    assert "--out" in result.stderr
    assert not out.exists()


def test_evaluate_bad_period_is_bad_usage(runner, good):
    """A --period that is no month: the command was used wrongly (exit 2), the data
    itself is fine."""
    result = runner.invoke(
        app, ["evaluate", "--data", str(good), "--period", "2026-13"]
    )

    assert result.exit_code == 2
    assert_no_traceback(result)
    first = result.stderr.splitlines()[0]
    assert first.startswith("--period: ")
    assert "2026-13" in first


def test_evaluate_bad_data_exits_1_and_writes_nothing(runner, bad, tmp_path):
    out = tmp_path / "hasil.csv"

    result = runner.invoke(app, ["evaluate", "--data", str(bad), "--out", str(out)])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert len(result.stderr.splitlines()) == 6  # 2 file headers, 3 lines, summary
    assert not out.exists()


def test_evaluate_bad_config_exits_1(runner, good, tmp_path):
    config = tmp_path / "ambang.yaml"
    config.write_text("thresholds:\n  aktif_partisipasii: 0.3\n")

    result = runner.invoke(
        app, ["evaluate", "--data", str(good), "--config", str(config)]
    )

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert result.stderr.splitlines()[1].startswith(
        f"{config}:thresholds.aktif_partisipasii: "
    )


def test_evaluate_config_changes_the_class(runner, good, tmp_path):
    # K1: trades in 2 months, partisipasi 55/200 = 0.275, 1 unit operating; with
    # aktif_bulan_transaksi lowered to 2 it is Aktif instead of Administratif
    config = tmp_path / "ambang.yaml"
    config.write_text("thresholds:\n  aktif_bulan_transaksi: 2\n")
    out = tmp_path / "hasil.csv"

    result = runner.invoke(
        app,
        ["evaluate", "--data", str(good), "--config", str(config), "--out", str(out)],
    )

    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig").set_index("koperasi_id")
    assert table.loc["K1", "kelas"] == "aktif"
    assert table.loc["K2", "kelas"] == "tidak_bergerak"


# ------------------------------------------ one error among many warnings (issue 11)


@pytest.fixture
def sample_with_one_error(tmp_path):
    """The shipped sample, with 'abc' as the omzet of the first report row."""
    import shutil

    from kmp_analysis.paths import SAMPLE_DIR

    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE_DIR, folder)
    lap = pd.read_csv(folder / f"{LAP}.csv", dtype=str, keep_default_na=False)
    lap.loc[0, "omzet"] = "abc"
    lap.to_csv(folder / f"{LAP}.csv", index=False)
    return folder


def test_validate_prints_the_error_before_the_warnings_summarised(
    runner, sample_with_one_error
):
    from kmp_analysis.errors import ValidationFailed, count
    from kmp_analysis.io import read_dataset

    folder = sample_with_one_error
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(folder)
    warnings = caught.value.warnings
    n_warnings = count(warnings)[1]
    assert n_warnings > 10  # the sample has many: the point of the summary

    result = runner.invoke(app, ["validate", "--data", str(folder)])

    assert result.exit_code == 1
    assert_no_traceback(result)
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        f"== berkas {folder / LAP}.csv: 1 galat",
        f"{folder / LAP}.csv:2:omzet: 'abc' bukan angka",
        f"== peringatan menurut jenis ({n_warnings})",
    ]
    kinds = [line for line in lines if line.startswith("  ")]
    assert len(kinds) == len({p.code for p in warnings})
    counted = [int(line.split(" × ")[0].replace(".", "")) for line in kinds]
    assert sum(counted) == n_warnings
    assert counted == sorted(counted, reverse=True)
    assert all(line.count(", ") <= 2 for line in kinds)  # three examples at most
    assert lines[-2] == f"{n_warnings} peringatan; semua dengan --rinci"
    assert lines[-1].startswith(f"{n_warnings + 1} masalah di 2 berkas (1 galat, ")
    assert len(lines) == 3 + len(kinds) + 2


def test_validate_rinci_prints_every_warning(runner, sample_with_one_error):
    from kmp_analysis.errors import ValidationFailed
    from kmp_analysis.io import read_dataset

    folder = sample_with_one_error
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(folder)
    every = [p.render("en") for p in caught.value.warnings]

    for flag in ("--rinci", "--detail"):
        result = runner.invoke(
            app, ["validate", "--data", str(folder), flag, "--lang", "en"]
        )
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[1] == f"{folder / LAP}.csv:2:omzet: 'abc' is not a number"
        shown = [line for line in lines if ": warning: " in line]
        assert shown == every
        assert not any(line.startswith("== warnings by kind") for line in lines)


def test_validate_warns_of_a_figure_far_from_its_history_at_its_cell(runner, tmp_path):
    """K1 sells 10-12 million a month, then reports 480 million: 'perlu dicek'."""
    months = ["K1,2026-0{m},100,25,{omzet},2000000,1500000,0,0,0,3,0"]
    history = [
        months[0].format(m=m, omzet=o)
        for m, o in [(5, 12000000), (6, 11000000), (7, 12000000), (8, 13000000)]
    ]
    rows = csv_with(LAP, {(3, "omzet"): "480000000"}, extra=history)
    folder = write_csv_folder(tmp_path, {LAP: rows})
    config = tmp_path / "ambang.yaml"
    config.write_text("konsistensi:\n  rasio: 50\n")

    result = runner.invoke(app, ["validate", "--data", str(folder)])
    relaxed = runner.invoke(
        app, ["validate", "--data", str(folder), "--config", str(config)]
    )

    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        f"{folder / LAP}.csv:3:omzet: peringatan: omzet Oktober 2026: "
        "Rp 480.000.000, 40× median 5 bulan sebelumnya (Rp 12.000.000); perlu dicek"
    )
    assert relaxed.exit_code == 0 and relaxed.stderr == ""
