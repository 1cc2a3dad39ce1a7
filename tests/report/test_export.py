"""The evaluation workbook: seven sheets a planner can read (issue 3)."""

from __future__ import annotations

import copy

import openpyxl
import pandas as pd
import pytest

from kmp_analysis.i18n import COLUMNS, column_label
from kmp_analysis.report.tables import present
from kmp_analysis.report.workbook import SHEETS, workbook_tables, write_workbook


@pytest.fixture(scope="module")
def tables(sample_evaluation):
    return workbook_tables(sample_evaluation)


@pytest.fixture(scope="module")
def workbook(tables, tmp_path_factory):
    target = tmp_path_factory.mktemp("wb") / "evaluasi.xlsx"
    write_workbook(tables, target, "id")
    return openpyxl.load_workbook(target)


def headers(ws) -> list[str]:
    return [c.value for c in next(ws.iter_rows(max_row=1))]


def test_seven_sheets_in_order(workbook):
    assert workbook.sheetnames == list(SHEETS)


def test_every_header_is_labelled_in_both_languages(tables, workbook):
    for sheet, frame in tables.items():
        assert headers(workbook[sheet]) == [column_label(c, "id") for c in frame]
        english = [column_label(c, "en") for c in frame]
        assert list(present(frame, "en").columns) == english


def test_rows_match_the_tables(tables, workbook):
    for sheet, frame in tables.items():
        assert workbook[sheet].max_row == len(frame) + 1, sheet


def test_number_formats(workbook):
    ws = workbook["koperasi"]
    by_header = {h: i + 1 for i, h in enumerate(headers(ws))}
    assert ws.cell(2, by_header[COLUMNS["partisipasi"]["id"]]).number_format == "0%"
    assert (
        ws.cell(2, by_header[COLUMNS["indeks_outcome"]["id"]]).number_format == "0.00"
    )
    money = by_header[COLUMNS["omzet_per_anggota"]["id"]]
    assert ws.cell(2, money).number_format == "#,##0"
    kec = workbook["kecamatan"]
    share = {h: i + 1 for i, h in enumerate(headers(kec))}["% aktif"]
    assert kec.cell(2, share).number_format == "0%"
    income = by_header[COLUMNS["jumlah_pendapatan_usaha"]["id"]]
    assert ws.cell(2, income).number_format == "#,##0"  # no format before
    workers = by_header[COLUMNS["tenaga_kerja"]["id"]]
    assert ws.cell(2, workers).number_format == "#,##0"  # was "0"
    assert ws.freeze_panes == "A2"


#: The display formats of the workbook: Excel writes each with the reader's marks.
DISPLAY_FORMATS = {"0%", "0.0%", "0.00", "#,##0", "#,##0.0"}


def test_every_number_stays_a_number_with_a_display_format(tables, workbook):
    for sheet, frame in tables.items():
        ws = workbook[sheet]
        for position, column in enumerate(frame.columns, start=1):
            values = frame[column]
            if pd.api.types.is_bool_dtype(values) or not (
                pd.api.types.is_numeric_dtype(values) and values.notna().any()
            ):
                continue
            row = int(values.reset_index(drop=True).notna().to_numpy().argmax()) + 2
            cell = ws.cell(row, position)
            assert isinstance(cell.value, int | float), (sheet, column, cell.value)
            assert cell.number_format in DISPLAY_FORMATS, (
                sheet,
                column,
                cell.number_format,
            )


def test_codes_become_words(workbook):
    ws = workbook["koperasi"]
    by_header = {h: i + 1 for i, h in enumerate(headers(ws))}
    classes = {ws.cell(r, by_header["Kelas"]).value for r in range(2, ws.max_row + 1)}
    assert classes == {"Tidak bergerak", "Administratif", "Aktif", "Berdampak"}
    risk = {ws.cell(r, by_header["Berisiko"]).value for r in range(2, ws.max_row + 1)}
    assert risk == {"ya", "tidak"}


def test_text_that_looks_like_a_formula_is_neutralised(tables, tmp_path):
    coops = tables["koperasi"].copy()
    coops.loc[0, "nama_koperasi"] = '=HYPERLINK("http://x","klik")'
    target = write_workbook({"koperasi": coops}, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(target)["koperasi"]
    by_header = {h: i + 1 for i, h in enumerate(headers(ws))}
    cell = ws.cell(2, by_header["Nama koperasi"])
    assert cell.value == '\'=HYPERLINK("http://x","klik")'
    assert cell.data_type == "s"


def test_a_saved_evaluation_recommends_the_same(tables, tmp_path, sample_evaluation):
    from kmp_analysis.evaluation import Evaluation

    folder = sample_evaluation.save(tmp_path)
    loaded = workbook_tables(Evaluation.load(folder))
    for name in ("didukung", "pelatihan", "bumdes", "pendamping"):
        pd.testing.assert_frame_equal(loaded[name], tables[name], check_dtype=False)


def test_an_evaluation_without_inputs_cannot_recommend(sample_evaluation, tmp_path):
    from kmp_analysis.evaluation import Evaluation

    ev = copy.copy(sample_evaluation)
    ev.tables = None
    with pytest.raises(ValueError, match="input tables"):
        workbook_tables(Evaluation.load(ev.save(tmp_path)))
