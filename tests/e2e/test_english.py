"""A run with ``--lang en`` speaks English from start to end: the progress lines,
the reasons to rebuild, the notes and summary, and the messages of a mistake."""

from __future__ import annotations

import json
import re

from builders import kmp

#: Words of Bahasa Indonesia that the workbench's English never uses.
INDONESIAN = re.compile(
    r"\b(ditulis|dipakai|ulang|gagal|detik|tidak|berkas|galat|peringatan|masalah|"
    r"dikenal|maksud|harus|berformat|ditemukan|sesudah|dan|atau|yang|dengan)\b",
    re.IGNORECASE,
)


def indonesian(text: str) -> list[str]:
    return [line for line in text.splitlines() if INDONESIAN.search(line)]


def test_an_english_batch_prints_no_indonesian_sentence(tmp_path):
    args = ["briefs", "--lang", "en", "-k", "Sanga-Sanga", "--tanpa-ringkasan"]
    args += ["--format", "html,pdf", "--out", str(tmp_path), "--workers", "1"]
    first = kmp(*args)
    assert first.returncode == 0, first.stderr
    again = kmp(*args, "--force")  # rebuilt, with its reason
    assert again.returncode == 0, again.stderr
    printed = first.stdout + first.stderr + again.stdout + again.stderr
    assert "1 briefs written, 0 reused, 0 failed" in printed
    assert re.search(r"\[1/1\] Sanga Sanga: ok \([\d.]+ s\) — reused 0", printed)
    assert indonesian(printed) == []
    manifest = json.loads(next(tmp_path.glob("briefs/*/manifest.json")).read_text())
    (brief,) = manifest["briefs"]
    assert brief["alasan_build"] == ["--force"]
    assert brief["cache"] == "ditulis"  # the manifest keeps its words (data)


def test_mistakes_are_told_in_english():
    unknown = kmp("briefs", "--lang", "en", "-k", "Tenggarang")
    bad_period = kmp("evaluate", "--lang", "en", "--period", "2026-13")
    bad_format = kmp("briefs", "--lang", "en", "--format", "docx")
    assert (unknown.returncode, bad_period.returncode, bad_format.returncode) == (
        2,
        2,
        2,
    )
    assert "did you mean: Tenggarong" in unknown.stderr
    assert "must be in the form YYYY-MM" in bad_period.stderr
    for done in (unknown, bad_period, bad_format):
        assert indonesian(done.stderr) == [], done.stderr
        assert "Traceback" not in done.stderr
