"""Tables read the same inside JupyterLab as in the exported page (issue 14, finding
2): JupyterLab 4 right-aligns every cell of an output with a rule that outweighs
``table.kmp-table td``; the page's own rules must win there too. Checked in the
system Chromium on an output wrapped as JupyterLab wraps it, with JupyterLab's rule
as it ships (copied from its CSS)."""

from __future__ import annotations

import pytest

from kmp_analysis.report import style
from kmp_analysis.report.pdf import CHROMIUM_FLAGS, find_chromium

pytestmark = pytest.mark.e2e

#: JupyterLab 4.x, packages/rendermime/style/base.css.
JUPYTERLAB_RULE = """
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon tr {text-align: right;}
"""

TABLES = """
<table class="kmp-table"><tr><th>Desa</th><th>Kelas</th></tr>
<tr><td id="text">Muara Leka</td><td class="num" id="num">12</td></tr></table>
<table class="kmp-table kmp-matrix"><tr><td id="matrix">3</td></tr></table>
"""


def test_text_cells_are_left_and_numbers_right_inside_jupyterlab(tmp_path):
    browser = find_chromium()
    if browser is None:
        pytest.skip("no Chromium (apt-get install chromium, or set KMP_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    page_html = (
        f"<html><head><style>{JUPYTERLAB_RULE}</style></head><body>"
        '<div class="jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML">'
        f"{style.STYLE}{TABLES}</div></body></html>"
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=browser, args=list(CHROMIUM_FLAGS)
        )
        page = chromium.new_page()
        page.set_content(page_html)
        align = {
            cell: page.eval_on_selector(
                f"#{cell}", "e => getComputedStyle(e).textAlign"
            )
            for cell in ("text", "num", "matrix")
        }
        header = page.eval_on_selector("th", "e => getComputedStyle(e).textAlign")
        chromium.close()
    assert align == {"text": "left", "num": "right", "matrix": "right"}
    assert header == "left"
