"""A run with ``--lang en`` speaks English from start to end: the progress lines,
the reasons to rebuild, the notes and summary, and the messages of a mistake."""

from __future__ import annotations

import json
import re

import pytest
from builders import kmp
from typer.testing import CliRunner

from kmp_analysis.cli import app

#: Words of Bahasa Indonesia that the workbench's English never uses.
INDONESIAN = re.compile(
    r"\b(ditulis|dipakai|ulang|gagal|detik|tidak|berkas|galat|peringatan|masalah|"
    r"dikenal|maksud|harus|berformat|ditemukan|sesudah|dan|atau|yang|dengan)\b",
    re.IGNORECASE,
)


def indonesian(text: str) -> list[str]:
    return [line for line in text.splitlines() if INDONESIAN.search(line)]


def test_an_english_batch_prints_no_indonesian_sentence(tmp_path):
    done = kmp(
        *("briefs", "--lang", "en", "-k", "Sanga-Sanga", "--tanpa-ringkasan"),
        *("--format", "html", "--out", str(tmp_path), "--workers", "1", "--force"),
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout + done.stderr
    assert "1 briefs written, 0 reused, 0 failed" in printed
    assert re.search(r"\[1/1\] Sanga Sanga: ok \([\d.]+ s\) — reused 0", printed)
    assert indonesian(printed) == []
    manifest = json.loads(next(tmp_path.glob("briefs/*/manifest.json")).read_text())
    (brief,) = manifest["briefs"]
    assert brief["alasan_build"] == ["--force"]  # the reason, in the run's language
    assert brief["cache"] == "ditulis"  # the manifest keeps its words (data)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["briefs", "-k", "Tenggarang"], "did you mean: Tenggarong"),
        (["evaluate", "--period", "2026-13"], "must be in the form YYYY-MM"),
        (["briefs", "--format", "docx"], "'docx' is not known"),
        (["evaluate", "--out", "hasil.txt"], "--out must end in .csv or .xlsx"),
    ],
)
def test_mistakes_are_told_in_english(args, said):
    done = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert done.exit_code == 2
    assert said in done.stderr
    assert indonesian(done.stderr) == [], done.stderr
    assert "Traceback" not in done.output
