"""An executed notebook as the page a planner reads.

Readers of a brief are not programmers: the HTML shows only what the cells display,
as a small self-contained page (no script, font or style from the network, so it
opens offline and prints on A4). Warnings and log lines that a library prints to
stderr are dropped; an error output is kept out too (a failed brief is reported in
the manifest, not rendered). A cell tagged :data:`GUIDE_TAG` (the opening that tells
a planner in JupyterLab what the notebook is for and which parameters to change) is
for the notebook's user, not for the reader, and is left out as well.
"""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING

from kmp_analysis.report import style

if TYPE_CHECKING:
    # nbformat costs ~1.3 s to import (jsonschema's format checkers): only for types
    import nbformat

#: The tag of a notebook's cells written for whoever runs it (what it is for, which
#: parameters to change), never shown in the page a reader gets.
GUIDE_TAG = "kmp-petunjuk"


def strip_for_readers(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without stderr streams, error outputs, empty code cells and
    the cells tagged :data:`GUIDE_TAG`."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if GUIDE_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "code":
            cell.outputs = [
                out
                for out in cell.get("outputs", [])
                if not (out.output_type == "stream" and out.get("name") == "stderr")
                and out.output_type != "error"
            ]
            if not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    return nb


def _render_output(output: nbformat.NotebookNode) -> str:
    """One output as HTML; text/html from our own package is trusted as written."""
    if output.output_type == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    data = output.get("data", {})
    if "text/html" in data:
        return str(data["text/html"])
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return (
                f'<figure><img alt="" src="data:{mime};base64,'
                f'{str(data[mime]).strip()}"></figure>'
            )
    if "text/markdown" in data:
        return _markdown(str(data["text/markdown"]))
    return ""  # a bare repr (text/plain) is never shown to a reader


def _markdown(text: str) -> str:
    import mistune

    return str(mistune.html(text))


def notebook_to_html(nb: nbformat.NotebookNode, title: str, lang: str = "id") -> str:
    """The reader's HTML page of an executed notebook, titled ``title``."""
    parts = []
    for cell in strip_for_readers(nb).cells:
        if cell.cell_type == "markdown":
            parts.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            parts.extend(_render_output(output) for output in cell.outputs)
    body = "\n".join(p for p in parts if p)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{style.PAGE_STYLE}</style></head>"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )
