"""The catalog: every key the code uses is there, in both languages, with the same
placeholders; calls give the placeholders their texts need."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import kmp_analysis
from kmp_analysis import i18n
from kmp_analysis.i18n import COLUMNS, LABELS, LANGS, MESSAGES, label, message

PACKAGE = Path(kmp_analysis.__file__).parent
TABLES = {"MESSAGES": MESSAGES, "LABELS": LABELS, "COLUMNS": COLUMNS}
TEMPLATE = {
    name: getattr(i18n, name)
    for name in ("TEMPLATE_UI", "TEMPLATE_KINDS", "TEMPLATE_ROWS", "TEMPLATE_GUIDE")
}
#: Error classes whose first argument is a message key, and the table it is in.
ERRORS = {
    "KmpError": MESSAGES,
    "UsageError": MESSAGES,
    "DaskUnavailable": MESSAGES,
    "PdfUnavailable": MESSAGES,
    "PdfFailed": MESSAGES,
    "WarmKernelError": MESSAGES,
    "BriefTimeoutError": MESSAGES,
    "ReferenceMissing": MESSAGES,
    "AllocationError": LABELS,
}
#: Keyword arguments of Problem/row_problems that are not message parameters.
NOT_PARAMS = {"severity", "last_row", "varies"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _message_key_attribute(node: ast.AST) -> bool:
    """``key = "…"`` in a class body: the message of an error class
    (:class:`kmp_analysis.errors.UnknownName` and its kind)."""
    return (
        isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["key"]
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def uses() -> list[tuple[str, int, dict, str, set[str] | None]]:
    """(file, line, table, key, keyword names or None when **params is passed) of
    every call with a literal key."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):  # class …: key = "unknown_kecamatan"
                rel = path.relative_to(PACKAGE.parent)
                found += [
                    (str(rel), item.lineno, MESSAGES, item.value.value, None)
                    for item in node.body
                    if _message_key_attribute(item)
                ]
                continue
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            position, table = {
                "message": (0, MESSAGES),
                "label": (0, LABELS),
                "column_label": (0, None),
                "Problem": (3, MESSAGES),
                "row_problems": (2, MESSAGES),
                "problems_at": (1, MESSAGES),  # RawTable.problems_at
                **{k: (0, v) for k, v in ERRORS.items()},
            }.get(name, (None, None))
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                continue
            passes_all = any(k.arg is None for k in node.keywords) or (
                (name, len(node.args) > 4) == ("row_problems", True)
                or (name, len(node.args) > 3) == ("problems_at", True)
            )
            keywords = None if passes_all else {k.arg for k in node.keywords}
            rel = path.relative_to(PACKAGE.parent)
            found.append((str(rel), node.lineno, table, arg.value, keywords))
    return found


USES = uses()


def test_the_code_uses_the_catalog():
    """The scan sees the calls (a scan that saw none would pass everything)."""
    assert len(USES) > 200
    assert {u[3] for u in USES} >= {"period_bad", "brief_title", "unknown_kecamatan"}


@pytest.mark.parametrize("table", list(TABLES), ids=str)
def test_every_text_in_both_languages_with_the_same_placeholders(table):
    for key, entry in TABLES[table].items():
        assert set(entry) == set(LANGS), key
        assert placeholders(entry["id"]) == placeholders(entry["en"]), key
        assert entry["id"].strip() and entry["en"].strip(), key


def test_the_template_texts_in_both_languages_with_the_same_placeholders():
    for name, texts in TEMPLATE.items():
        if set(texts) != set(LANGS):  # keyed by table first, then by language
            for table, by_lang in texts.items():
                assert set(by_lang) == set(LANGS), (name, table)
            continue
        assert set(texts["id"]) == set(texts["en"]), name
        for key, text in texts["id"].items():
            if isinstance(text, str):
                assert placeholders(text) == placeholders(texts["en"][key]), key
    for table, notes in i18n.TEMPLATE_NOTES.items():
        for column, pair in notes.items():
            assert len(pair) == 2 and all(pair), (table, column)


def test_every_key_the_code_uses_is_in_the_catalog():
    missing = []
    for file, line, table, key, _ in USES:
        known = (COLUMNS.keys() | LABELS.keys()) if table is None else table.keys()
        if key not in known:
            missing.append(f"{file}:{line}: {key}")
    assert missing == []


def test_every_call_gives_the_placeholders_its_text_needs():
    short = []
    for file, line, table, key, keywords in USES:
        if keywords is None or table is None or key not in table:
            continue
        needed = placeholders(table[key]["id"]) - keywords
        if needed:
            short.append(f"{file}:{line}: {key} lacks {sorted(needed)}")
    assert short == []


def test_a_gap_is_an_error_under_the_tests_and_the_key_otherwise(monkeypatch):
    with pytest.raises(KeyError):
        label("no_such_label")
    with pytest.raises(KeyError):
        message("period_bad", "en")  # the placeholder 'value' is missing
    monkeypatch.delenv("KMP_STRICT_I18N")
    assert label("no_such_label") == "no_such_label"
    assert message("period_bad", "en") == "period '{value}' must be in the form YYYY-MM"
    assert label("kecamatan", "jv") == label("kecamatan", "id")
