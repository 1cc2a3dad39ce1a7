"""Executed notebook -> HTML a planner reads: no code, no prompts, no stderr.

Readers of a brief are not programmers: the HTML shows only what the cells display.
Warnings and log lines that a library prints to stderr are dropped; an error output
is kept out too (a failed brief is reported in the manifest, not rendered).
"""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING

import nbformat
from nbconvert import HTMLExporter

from kmp_analysis.classify import CLASSES
from kmp_analysis.i18n import label

if TYPE_CHECKING:
    from kmp_analysis.batch import BatchReport


def strip_for_readers(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without stderr streams, error outputs and empty code cells."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
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


def notebook_to_html(nb: nbformat.NotebookNode, title: str) -> str:
    """The reader's HTML of an executed notebook, titled ``title``."""
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(
        strip_for_readers(nb), resources={"metadata": {"name": title}}
    )
    return body


_INDEX_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;
 color:#222}
table{border-collapse:collapse;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right}
th{background:#f3f3f3}
td.name,th.name{text-align:left}
.gagal{color:#b30000;font-weight:600}
.notice{border:2px solid #b30000;background:#fff0f0;color:#7a0000;padding:.5em .8em;
 font-weight:600;max-width:60em}
"""


def index_html(report: BatchReport, synthetic: bool, lang: str = "id") -> str:
    """The run's front page: every brief with its headline figures and status."""
    title = label("index_title", lang, period=report.period)
    head = [
        label("kecamatan", lang),
        label("headline_koperasi", lang),
        *(label(c, lang) for c in CLASSES),
        label("headline_berisiko", lang),
        label("status", lang),
        label("duration", lang),
    ]
    rows = []
    for r in report.results:
        h = r.headline
        name = html.escape(f"{r.nama_kec} ({r.kode_kec})")
        if r.status == "ok":
            link = html.escape(f"{r.folder}/brief.html", quote=True)
            name_cell = f'<a href="{link}">{name}</a>'
            status = html.escape(label("status_ok", lang))
        else:
            name_cell = name
            status = (
                f'<span class="gagal" title="{html.escape(r.error or "", quote=True)}">'
                f"{html.escape(label('status_failed', lang))}</span>"
            )
        counts = "".join(f"<td>{h['kelas'][c]}</td>" for c in CLASSES)
        rows.append(
            f'<tr><td class="name">{name_cell}</td><td>{h["n"]}</td>{counts}'
            f"<td>{h['berisiko']}</td><td>{status}</td><td>{r.duration_s:.1f}</td></tr>"
        )
    name_attr = ' class="name"'
    header = "".join(
        f"<th{name_attr if i == 0 else ''}>{html.escape(h)}</th>"
        for i, h in enumerate(head)
    )
    notice = (
        f'<p class="notice">{html.escape(label("synthetic_notice", lang))}</p>'
        if synthetic
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_INDEX_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{notice}"
        f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>\n"
    )
