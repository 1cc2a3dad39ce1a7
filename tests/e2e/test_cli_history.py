"""``kmp history`` and the period checks of every command (DESIGN §7b, §9)."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from kmp_analysis.cli import app
from kmp_analysis.history import HISTORY_COLUMNS, compute_history
from kmp_analysis.i18n import column_label


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_history_csv_parquet_and_workbook(runner, tmp_path, sample_dataset):
    csv, parquet, xlsx = (tmp_path / f"riwayat.{s}" for s in ("csv", "parquet", "xlsx"))
    for out in (csv, parquet, xlsx):
        result = runner.invoke(app, ["history", "--out", str(out)])
        assert result.exit_code == 0, result.output
    first, last = sample_dataset.first_month, sample_dataset.last_month
    assert f"({first} sampai {last})" in result.stdout

    from_csv = pd.read_csv(csv, dtype={"kode_kec": str})
    from_parquet = pd.read_parquet(parquet)
    assert list(from_csv.columns) == list(HISTORY_COLUMNS)
    assert list(from_parquet.columns) == list(HISTORY_COLUMNS)
    assert (
        len(from_parquet)
        == len(from_csv)
        == 237 * len(compute_history(sample_dataset).periods)
    )
    assert from_csv["kelas"].tolist() == from_parquet["kelas"].tolist()

    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert list(sheets) == ["riwayat", "perpindahan", "tanpa_gerak"]
    moves = sheets["perpindahan"]
    regency = moves[moves[column_label("nama_kec")] == "Seluruh kabupaten"]
    # against P-6 and against the first window: 4 classes each
    assert len(regency) == 8
    # every cooperative counted once per comparison that includes it
    hist = compute_history(sample_dataset)
    before = hist.previous(last)
    want = hist.matrix(last, before).to_numpy().sum()
    assert regency[column_label("jumlah")].iloc[:4].sum() == want
    spells = sheets["tanpa_gerak"]
    assert len(spells) == len(hist.dormant_spells(last))


def test_history_from_to(runner):
    result = runner.invoke(app, ["history", "--from", "2026-08", "--to", "2026-09"])
    assert result.exit_code == 0
    periods = pd.Series(result.stdout.splitlines()[1:]).str.split(",").str[1]
    assert sorted(periods.unique()) == ["2026-08", "2026-09"]


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", "--period", "2030-01"],
        ["evaluate", "--period", "2024-01"],
        ["history", "--to", "2030-01"],
        ["history", "--from", "2024-01"],
        ["history", "--from", "2026-09", "--to", "2026-08"],
        ["briefs", "--period", "2030-01", "--kecamatan", "Tabang"],
        ["briefs", "--period", "2024-01", "--rinci"],
    ],
)
def test_period_outside_the_data_is_bad_usage(runner, args, tmp_path, sample_dataset):
    """A typo in the period is refused (exit 2) with the months the data covers,
    never "every cooperative dormant"."""
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    if args[-1] != "2026-08":
        covered = f"{sample_dataset.first_month} sampai {sample_dataset.last_month}"
        assert covered in result.stderr
    assert not (tmp_path / "x.csv").exists()
