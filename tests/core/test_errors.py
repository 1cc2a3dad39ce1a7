"""One error type: every error a user can meet is a KmpError with its exit code,
its message in both languages, and the CLI maps them in one place."""

from __future__ import annotations

import pickle

import pytest
from typer.testing import CliRunner

from kmp_analysis import errors
from kmp_analysis.cli import app
from kmp_analysis.errors import (
    AllocationError,
    DaskUnavailable,
    KmpError,
    Problem,
    UnknownKecamatan,
    UsageError,
    ValidationFailed,
)

#: The documented exit code of every error class (DESIGN §9: 1 problems in the data
#: or a failed brief, 2 bad usage).
EXIT_CODES = {
    "KmpError": 1,
    "UsageError": 2,
    "ValidationFailed": 1,
    "UnknownName": 2,
    "UnknownKecamatan": 2,
    "UnknownKoperasi": 2,
    "UnknownVillage": 1,
    "AllocationError": 1,
    "DaskUnavailable": 1,
    "PdfUnavailable": 1,
    "PdfFailed": 1,
    "WarmKernelError": 1,
    "BriefTimeoutError": 1,
    "ReferenceMissing": 1,
}


def test_every_error_class_is_a_kmp_error_with_its_documented_exit_code():
    classes = {
        name: value
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, BaseException)
    }
    assert set(classes) == set(EXIT_CODES)
    for name, cls in classes.items():
        assert issubclass(cls, KmpError), name
        assert cls.exit_code == EXIT_CODES[name] or name == "ValidationFailed", name


def test_validation_failed_is_bad_usage_only_when_every_problem_is_an_option():
    option = Problem("--period", None, None, "period_bad", value="2026-13")
    in_file = Problem("data/koperasi.csv", 2, "kode_desa", "empty")
    assert ValidationFailed([option]).exit_code == 2
    assert ValidationFailed([option, in_file]).exit_code == 1
    assert ValidationFailed([in_file]).exit_code == 1


def test_an_error_speaks_both_languages_and_names_its_option():
    error = DaskUnavailable("dask_no_worker", address="tcp://x:1", timeout="10")
    assert str(error) == (
        "--scheduler: scheduler Dask di tcp://x:1 tidak punya worker (ditunggu 10 "
        "detik); jalankan 'dask worker tcp://x:1'"
    )
    assert error.text("en").startswith("--scheduler: the Dask scheduler at tcp://x:1")
    allocation = AllocationError("alokasi_k_negatif", k=-1).about("--pendamping")
    assert allocation.lines("en") == [
        "--pendamping: K=-1 must not be negative: the number of facilitators must be "
        "0 or more."
    ]


def test_several_unknown_kecamatan_are_one_error_with_a_line_each():
    error = UnknownKecamatan.several(
        [UnknownKecamatan("Tenggarang", ["Tenggarong"]), UnknownKecamatan("Xyz")]
    )
    assert error.lines() == [
        "--kecamatan: 'Tenggarang' tidak dikenal; maksud Anda: Tenggarong?",
        "--kecamatan: 'Xyz' tidak dikenal",
    ]
    assert isinstance(error, ValueError)
    assert error.exit_code == 2


@pytest.mark.parametrize(
    "error",
    [
        UnknownKecamatan.several([UnknownKecamatan("a", ["b"]), UnknownKecamatan("c")]),
        DaskUnavailable("dask_unreachable", address="tcp://x:1", reason="refused"),
        ValidationFailed([Problem("f.csv", 2, "omzet", "not_a_number", value="x")]),
        AllocationError("alokasi_k_negatif", k=-1).about("--pendamping"),
    ],
)
def test_an_error_crosses_a_process_boundary_whole(error):
    """Errors travel back from worker processes and Dask workers pickled."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert again.lines("id") == error.lines("id")
    assert again.lines("en") == error.lines("en")
    assert again.exit_code == error.exit_code


def test_the_cli_turns_any_kmp_error_into_its_lines_and_exit_code(monkeypatch):
    def refuse(*args, **kwargs):
        raise UsageError("lang_unknown", value="jv", choices="id, en")

    monkeypatch.setattr("kmp_analysis.io.read_dataset", refuse)
    result = CliRunner().invoke(app, ["validate", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == "language 'jv' is not known; choices: id, en\n"
    assert "Traceback" not in result.output


# ------------------------------------------------- warnings summarised by kind


def _gap(i: int, file: str = "d/laporan_bulanan.csv") -> Problem:
    return Problem(
        file,
        None,
        "bulan",
        "months_not_reported",
        severity=errors.WARNING,
        koperasi_id=f"K{i}",
        n=1,
        months="2026-08",
    )


def _late(row: int, last_row: int | None = None) -> Problem:
    return Problem(
        "d/rapat.csv",
        row,
        "tanggal",
        "date_after_data",
        severity=errors.WARNING,
        last_row=last_row,
        value="2027-01-01",
        last="2026-10",
    )


def test_errors_come_first_and_in_full_before_warnings_by_kind():
    bad = [
        Problem("d/koperasi.csv", 3, "npwp", "bad_yesno", value="mungkin"),
        Problem("d/laporan_bulanan.csv", 9, "omzet", "not_a_number", value="abc"),
    ]
    warnings = [_gap(i) for i in range(12)] + [_late(5), _late(8, 10)]
    lines = errors.summarise_problems([*warnings[:6], bad[0], *warnings[6:], bad[1]])

    assert lines == [
        "== berkas d/koperasi.csv: 1 galat",
        "d/koperasi.csv:3:npwp: 'mungkin' harus 'ya' atau 'tidak'",
        "== berkas d/laporan_bulanan.csv: 1 galat",
        "d/laporan_bulanan.csv:9:omzet: 'abc' bukan angka",
        "== peringatan menurut jenis (16)",
        "  12 × koperasi dengan bulan tanpa laporan; mis. laporan_bulanan.csv:bulan "
        "(K0), laporan_bulanan.csv:bulan (K1), laporan_bulanan.csv:bulan (K2)",
        "  4 × tanggal sesudah bulan terakhir data; mis. rapat.csv:5:tanggal, "
        "rapat.csv:8-10:tanggal",
        "16 peringatan; semua dengan --rinci",
        "18 masalah di 3 berkas (2 galat, 16 peringatan); perbaiki lalu jalankan lagi.",
    ]


def test_kinds_are_ordered_by_rows_and_count_rows_not_lines():
    """One warning over 20 rows outweighs twelve warnings of one row each."""
    lines = errors.summarise_problems([_gap(i) for i in range(12)] + [_late(2, 21)])
    assert lines[1].startswith("  20 × tanggal sesudah")
    assert lines[2].startswith("  12 × koperasi dengan bulan tanpa laporan")


def test_detail_lists_every_warning_after_the_errors():
    bad = Problem("d/laporan_bulanan.csv", 9, "omzet", "not_a_number", value="abc")
    warnings = [_gap(i) for i in range(12)]
    lines = errors.summarise_problems([*warnings, bad], "en", detail=True)

    assert lines[:2] == [
        "== file d/laporan_bulanan.csv: 1 error(s)",
        "d/laporan_bulanan.csv:9:omzet: 'abc' is not a number",
    ]
    assert lines[2] == "== file d/laporan_bulanan.csv: 12 warning(s)"
    assert [line.split(": ")[0] for line in lines[3:15]] == [
        "d/laporan_bulanan.csv:bulan"
    ] * 12
    assert [line.split("warning: ")[1][:3] for line in lines[3:15]] == [
        f"K{i} " for i in range(10)
    ] + ["K10", "K11"]
    assert len(lines) == 16 and lines[-1].startswith("13 problem(s)")


def test_a_few_warnings_are_shown_in_full_without_a_summary():
    few = [_gap(i) for i in range(errors.WARNING_LINES_IN_FULL)]
    assert errors.summarise_problems(few) == errors.report_lines(few)
    more = [*few, _gap(99)]
    assert errors.summarise_problems(more)[0] == "== peringatan menurut jenis (11)"


def test_a_kind_without_a_title_is_named_by_its_first_message():
    odd = [
        Problem("d/x.csv", r, "c", "not_a_number", severity=errors.WARNING, value="?")
        for r in range(2, 40, 2)  # not consecutive: 19 lines
    ]
    lines = errors.summarise_problems(odd)
    assert lines[1] == "  19 × '?' bukan angka; mis. x.csv:2:c, x.csv:4:c, x.csv:6:c"


def test_validation_failed_reads_as_the_summary_and_in_full_on_request():
    problems = [_gap(i) for i in range(12)]
    failed = ValidationFailed(problems)
    assert failed.lines() == errors.summarise_problems(problems)
    assert failed.summary("id", detail=True) == errors.summarise_problems(
        problems, detail=True
    )
    assert str(failed).startswith("== peringatan menurut jenis (12)")


def _warning_codes() -> set[str]:
    """Message codes the package raises as warnings (calls with severity=WARNING)."""
    import ast
    from pathlib import Path

    import kmp_analysis

    found = set()
    for path in Path(kmp_analysis.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"Problem": 3, "row_problems": 2, "problems_at": 1}.get(name)
            warns = any(
                k.arg == "severity" and getattr(k.value, "id", "") == "WARNING"
                for k in node.keywords
            )
            if position is None or not warns or len(node.args) <= position:
                continue
            code = node.args[position]
            if isinstance(code, ast.Constant):
                found.add(code.value)
    return found


def test_every_kind_of_warning_has_a_name_for_the_summary():
    from kmp_analysis.i18n import MESSAGES

    codes = _warning_codes()
    assert {"months_not_reported", "never_reported", "column_unknown"} <= codes
    assert sorted(c for c in codes if f"kind_{c}" not in MESSAGES) == []


def test_a_notebook_names_its_parameters_and_speaks_its_language():
    from kmp_analysis.errors import said_in

    with pytest.raises(UnknownKecamatan) as caught, said_in("en"):
        raise UnknownKecamatan("Tenggarang", ["Tenggarong"])
    assert str(caught.value) == (
        "kecamatan: 'Tenggarang' is not known; did you mean: Tenggarong?"
    )
    assert caught.value._render_traceback_() == [str(caught.value)]
    # outside a notebook the command's option is named
    assert caught.value.lines("id")[0].startswith("--kecamatan: 'Tenggarang'")
    with pytest.raises(KmpError) as caught, said_in("jv"):
        raise UsageError("period_differs", period="2026-09", evaluated="2026-10")
    assert caught.value.lang == "id" and "{" not in str(caught.value)
