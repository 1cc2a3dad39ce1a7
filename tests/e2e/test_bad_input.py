"""The bad-input corpus (issue 6): ``kmp validate`` on every case of tests/data/bad/.

Each case is a folder holding one kind of problem (or one Indonesian habit that must
be accepted) and ``expected.txt``: the exit code and the exact lines the planner
sees. The layout is described in tests/data/bad/README.md. Every case also checks
that no traceback is printed and that the input is not modified.

To rewrite every ``expected.txt`` from the current output (then review the diff)::

    KMP_BAD_REGEN=1 .venv/bin/python -m pytest tests/e2e/test_bad_input.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from builders import BAD_CORPUS
from typer.testing import CliRunner

from kmp_analysis.batch.cache import file_sha256
from kmp_analysis.cli import app

CORPUS = BAD_CORPUS
BASE = CORPUS / "_base"
CASES = sorted(
    p.name for p in CORPUS.iterdir() if p.is_dir() and (p / "expected.txt").is_file()
)
REGEN = bool(os.environ.get("KMP_BAD_REGEN"))


def _expand_repeat(source: Path, target: Path) -> None:
    """``X.repeat`` -> ``X``: ``*N line`` is N lines, ``{s*N}`` is s N times."""
    out: list[str] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\{(.+?)\*(\d+)\}", lambda m: m.group(1) * int(m.group(2)), line)
        match = re.fullmatch(r"\*(\d+) (.*)", line)
        out.extend([match.group(2)] * int(match.group(1)) if match else [line])
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def _overlay(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target``; ``X.delete`` removes X, ``X.repeat`` makes X."""
    for item in sorted(source.iterdir()):
        dest = target / item.name
        if item.name.endswith(".delete"):
            gone = target / item.name.removesuffix(".delete")
            shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
        elif item.name.endswith(".repeat"):
            _expand_repeat(item, target / item.name.removesuffix(".repeat"))
        elif item.is_dir():
            if dest.is_file():
                dest.unlink()
            shutil.copytree(item, dest, dirs_exist_ok=True)
        else:
            shutil.copyfile(item, dest)


def prepare(case: Path, tmp: Path) -> Path:
    """The case's input laid out under ``tmp``; returns the ``--data`` path."""
    singles = sorted(case.glob("input.*"))
    if singles:
        data = tmp / singles[0].name
        shutil.copyfile(singles[0], data)
    elif (case / "folder").is_dir():
        data = tmp / "data"
        shutil.copytree(case / "folder", data)
    else:
        data = tmp / "data"
        shutil.copytree(BASE, data)
        if (case / "input").is_dir():
            _overlay(case / "input", data)
    if (case / "data.txt").is_file():
        data = tmp / (case / "data.txt").read_text(encoding="utf-8").strip()
    return data


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root`` (or of ``root`` itself)."""
    if root.is_file():
        return {root.name: file_sha256(root)}
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): file_sha256(p)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def read_expected(case: Path) -> tuple[int, list[str]]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    exit_code = int(lines[0].removeprefix("# exit "))
    return exit_code, lines[1:]


def test_the_corpus_is_large_enough():
    rejected = [c for c in CASES if read_expected(CORPUS / c)[0] == 1]
    accepted = [c for c in CASES if read_expected(CORPUS / c)[0] == 0]
    assert len(rejected) >= 25
    assert len(accepted) >= 5


@pytest.mark.parametrize("name", CASES)
def test_bad_input_case(name, tmp_path):
    case = CORPUS / name
    data = prepare(case, tmp_path)
    args = ["validate", "--data", str(data)]
    if (case / "args.txt").is_file():
        args += (case / "args.txt").read_text(encoding="utf-8").split()
    watched = data if data.exists() else tmp_path
    before = snapshot(watched)

    result = CliRunner().invoke(app, args)

    output = result.output.replace(str(data), "{data}").splitlines()
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    assert snapshot(watched) == before  # reading never modifies the input
    if REGEN:  # written, not compared with itself: review the diff
        text = "\n".join([f"# exit {result.exit_code}", *output]) + "\n"
        (case / "expected.txt").write_text(text, encoding="utf-8")
        pytest.skip("expected.txt rewritten")
    exit_code, expected = read_expected(case)
    assert result.exit_code == exit_code, result.output
    assert output == expected
