"""``kmp form``: the XLSForm of the monthly report, built from the table definitions,
converts to a valid XForm with pyxform (the reference converter)."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from kmp_analysis import schema
from kmp_analysis.cli import app
from kmp_analysis.io import xlsform
from kmp_analysis.schema import TABLES

pyxform = pytest.importorskip("pyxform")
from pyxform.xls2xform import convert  # noqa: E402


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The form as `kmp form` writes it, and pyxform's XForm of it."""
    out = tmp_path_factory.mktemp("form") / "formulir.xlsx"
    result = CliRunner().invoke(app, ["form", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output, convert(xlsform=str(out))


def test_the_command_says_what_it_wrote(written):
    out, said, _ = written
    version = xlsform.form_version()
    assert said.strip() == (
        f"Formulir laporan bulanan (16 pertanyaan, versi {version}) ditulis ke "
        f"{out}: unggah ke ODK Central atau KoboToolbox."
    )


def test_pyxform_converts_it_without_warnings(written):
    _, _, result = written
    assert result.warnings == []
    xform = result.xform
    assert xform.startswith("<?xml")
    assert 'id="kmp_laporan_bulanan"' in xform
    assert f'version="{xlsform.form_version()}"' in xform
    # both languages, Indonesian first (the default)
    assert '<translation lang="Bahasa Indonesia (id)" default="true()">' in xform
    assert 'lang="English (en)"' in xform


def test_every_figure_of_the_report_is_a_question_with_the_validators_rules(written):
    out, _, result = written
    survey = pd.read_excel(out, sheet_name="survey", dtype=str).fillna("")
    by_name = survey.set_index("name")
    spec = TABLES["laporan_bulanan"]
    for col in spec.columns:
        assert col.name in by_name.index, col.name
        row = by_name.loc[col.name]
        if col.kind == "int":
            assert row["type"] == "integer"
        if col.kind == "money":
            assert row["type"] == "decimal"
        if col.kind in ("int", "money"):
            assert row["constraint"].startswith(". >= 0"), col.name
            assert "negatif" in row["constraint_message::Bahasa Indonesia (id)"]
        assert (row["required"] == "yes") == (col.required and col.kind != "id")
    assert by_name.loc["anggota_aktif", "constraint"] == (
        ". >= 0 and . <= ${anggota_terdaftar}"
    )
    # an empty pinjaman_beredar limits nothing (the reader does the same)
    assert by_name.loc["pinjaman_tunggak_30", "constraint"] == (
        ". >= 0 and (${pinjaman_beredar} = '' or . <= ${pinjaman_beredar})"
    )
    assert by_name.loc[
        "anggota_aktif", "constraint_message::Bahasa Indonesia (id)"
    ] == ("Tidak boleh negatif. Tidak boleh lebih dari anggota terdaftar.")
    assert by_name.loc["kode_desa", "choice_filter"] == "kecamatan=${kecamatan}"
    assert by_name.loc["unit_beroperasi", "type"] == "select_multiple unit"
    assert by_name.loc["foto_buku", "type"] == "image"
    bind = re.search(
        r'<bind nodeset="/data/grp_angka/anggota_aktif"[^>]*>', result.xform
    )
    rule = 'constraint=". &gt;= 0 and . &lt;=  /data/grp_angka/anggota_terdaftar "'
    assert bind and rule in bind.group(0)


def test_the_villages_cascade_from_the_kecamatan_and_name_the_cooperative(written):
    out, _, _ = written
    choices = pd.read_excel(out, sheet_name="choices", dtype=str).fillna("")
    desa = choices[choices["list_name"] == "desa"]
    kecamatan = choices[choices["list_name"] == "kecamatan"]
    assert (len(kecamatan), len(desa)) == (20, 237)
    assert set(desa["kecamatan"]) == set(kecamatan["name"])
    first = desa.iloc[0]
    assert (first["name"], first["koperasi_id"]) == ("64.02.01.2001", "KMP-6402012001")
    units = choices.loc[choices["list_name"] == "unit", "name"]
    assert tuple(units) == schema.UNITS


def test_the_version_changes_when_the_table_definition_changes(monkeypatch):
    before = xlsform.form_version()
    assert before == xlsform.form_version()  # a digest, not a clock
    spec = TABLES["laporan_bulanan"]
    loosened = dataclasses.replace(
        spec,
        columns=tuple(
            dataclasses.replace(c, required=False) if c.name == "omzet" else c
            for c in spec.columns
        ),
    )
    monkeypatch.setitem(TABLES, "laporan_bulanan", loosened)
    assert xlsform.form_version() != before
    survey = xlsform.build_form()["survey"].set_index("name")
    assert survey.loc["omzet", "required"] == ""


def test_english_as_default_language_and_a_wrong_suffix():
    sheets = xlsform.build_form("en")
    assert sheets["settings"]["default_language"].iloc[0] == "English (en)"
    result = CliRunner().invoke(app, ["form", "--out", "form.xls", "--lang", "en"])
    assert result.exit_code == 2
    assert "--out: must end in .xlsx" in result.output
