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
    "UnknownKecamatan": 2,
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
