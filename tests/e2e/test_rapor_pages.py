"""Every report card of the sample fits on one A4 page (issue 13).

The 237 cards are printed as one document, each card starting a new page: 237
pages means no card runs onto a second one. The card's parts are the ones the
notebook shows, in its order (checked against the notebook's cells).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from kmp_analysis.paths import RAPOR_NOTEBOOK
from kmp_analysis.report import style
from kmp_analysis.report.pdf import find_chromium, html_to_pdf, pdf_page_count
from kmp_analysis.report.rapor import Rapor

pytestmark = pytest.mark.e2e


def _parts_in_notebook() -> list[str]:
    """The Rapor methods the notebook calls, in its order."""
    nb = nbformat.read(RAPOR_NOTEBOOK, as_version=4)
    calls = []
    for cell in nb.cells:
        calls += re.findall(r"rapor\.(\w+)\(\)", cell.source)
    return [c for c in calls if c != "save_json"]


def test_every_card_prints_on_one_page(sample_evaluation, tmp_path):
    if find_chromium() is None:
        pytest.skip("no Chromium")
    parts = _parts_in_notebook()
    assert parts[0] == "header" and "steps_list" in parts
    ids = list(sample_evaluation.cooperatives["koperasi_id"])
    cards = []
    for kid in ids:
        card = Rapor(sample_evaluation, kid)
        body = "".join(getattr(card, part)().data for part in parts)
        cards.append(f'<section style="break-after:page">{body}</section>')
    page = tmp_path / "semua.html"
    page.write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        f"<style>{style.PAGE_STYLE}</style></head><body><main>"
        + "".join(cards)
        + "</main></body></html>",
        encoding="utf-8",
    )
    pdf = html_to_pdf(page, tmp_path / "semua.pdf", timeout=300)
    assert pdf_page_count(pdf) == len(ids) == 237
