"""The reader's page of an executed notebook: what the cells show, nothing else."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kmp_analysis.report.page import GUIDE_TAG, notebook_to_html, strip_for_readers


def executed() -> nbformat.NotebookNode:
    """An executed notebook: an opening for its user, a parameters cell, a heading
    for readers, a figure, a warning on stderr and an opening's code cell."""
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell(
            "# Untuk apa buku kerja ini\n\nUbah `kecamatan` lalu Run All.",
            metadata={"tags": [GUIDE_TAG]},
        ),
        new_code_cell(
            'kecamatan: str = "Tenggarong"', metadata={"tags": ["parameters"]}
        ),
        new_markdown_cell("## Peta desa"),
        new_code_cell(
            "brief.map()",
            outputs=[
                new_output("stream", name="stderr", text="UserWarning: proj\n"),
                new_output("display_data", data={"image/png": "iVBORw0KGgo="}),
            ],
        ),
        new_code_cell(
            "print('petunjuk')",
            metadata={"tags": ["tidak-ada-hubungan", GUIDE_TAG]},
            outputs=[new_output("stream", name="stdout", text="cara memakai\n")],
        ),
    ]
    return nbformat.from_dict(nb)


def test_the_opening_for_the_notebooks_user_is_not_in_the_readers_page():
    nb = executed()
    kept = strip_for_readers(nb)
    assert [c.source for c in kept.cells] == ["## Peta desa", "brief.map()"]
    assert [o.output_type for o in kept.cells[1].outputs] == ["display_data"]
    assert len(nb.cells) == 5  # the notebook itself is left as it was
    page = notebook_to_html(nb, "Tenggarong")
    assert "Peta desa</h2>" in page
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in page
    for hidden in ("Untuk apa", "Run All", "cara memakai", "UserWarning", "kecamatan:"):
        assert hidden not in page, hidden
