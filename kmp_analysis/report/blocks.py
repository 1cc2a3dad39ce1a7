"""Pieces of notebook output shared by the brief and the regency summary.

Everything returns an :class:`IPython.display.HTML` object, so the same call shows in
JupyterLab and survives the export to a self-contained HTML file: figures are
embedded PNGs with alt text, tables are escaped HTML with labelled headers, and no
output ever shows a Python object's repr.
"""

from __future__ import annotations

import base64
import html
import io
import numbers
import subprocess
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from kmp_analysis import __version__
from kmp_analysis.errors import Problem, summarise_problems
from kmp_analysis.i18n import fmt_int, fmt_num, label
from kmp_analysis.paths import PROJ_ROOT, display_path
from kmp_analysis.report.tables import present

if TYPE_CHECKING:
    from kmp_analysis.evaluation import Evaluation


def png_base64(fig: Figure, dpi: float | None = None, tight: bool = False) -> str:
    """``fig`` as a PNG, base64-encoded for a ``data:`` URL (no file, no link);
    ``dpi`` None saves at matplotlib's setting, ``tight`` crops to what is drawn."""
    options: dict[str, Any] = {"format": "png"}
    if dpi is not None:
        options["dpi"] = dpi
    if tight:
        options["bbox_inches"] = "tight"
    buffer = io.BytesIO()
    fig.savefig(buffer, **options)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_html(fig: Figure, alt: str, dpi: int = 110, css: str = "") -> HTML:
    """``fig`` as an embedded PNG with ``alt`` text; ``css``: more classes of the
    ``<figure>`` (e.g. ``kmp-map`` for its own print size)."""
    data = png_base64(fig, dpi, tight=True)
    classes = f"kmp-figure {css}".strip()
    return HTML(
        f'<figure class="{classes}"><img alt="{html.escape(alt, quote=True)}" '
        f'src="data:image/png;base64,{data}"></figure>'
    )


def svg_html(svg: str, css: str = "") -> str:
    """An inline SVG chart (it carries its own title and aria-label) as a figure."""
    classes = f"kmp-figure kmp-svg {css}".strip()
    return f'<figure class="{classes}">{svg}</figure>'


def escape_value(value: object) -> str:
    """A value from the data as HTML text: escaped, "–" when missing."""
    return html.escape("–" if value is None or pd.isna(value) else str(value))


def heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{html.escape(text)}</h{level}>"


def table_html(
    frame: pd.DataFrame, lang: str = "id", title: str | None = None, empty: str = ""
) -> HTML:
    """A table with labelled headers and words for codes; every cell escaped, and
    every number still a number written the reader's way (thousands separator,
    decimal mark; at most two decimals)."""
    head = heading(title, 3) if title else ""
    if frame.empty:
        return HTML(f'{head}<p class="kmp-empty">{html.escape(empty)}</p>')
    shown = present(frame, lang)
    for column in range(shown.shape[1]):
        values = shown.iloc[:, column]
        shown.isetitem(
            column, values.map(lambda v: _number_text(v, lang)).astype(object)
        )
    body = shown.to_html(
        index=False, escape=True, classes="kmp-table", border=0, na_rep="–"
    )
    return HTML(head + body)


def _number_text(value: object, lang: str) -> object:
    """A number (not a yes/no) as the reader writes it; anything else as it is."""
    if isinstance(value, numbers.Number) and not isinstance(value, bool | np.bool_):
        return fmt_num(value, lang, 2)
    return value


def transition_matrix(matrix: pd.DataFrame, since: str, lang: str = "id") -> str:
    """Class then (rows) × class now (columns) counts as a titled table; the
    diagonal (stayed) in bold, empty cells as ·."""
    from kmp_analysis.classify import CLASSES

    head = "".join(f"<th>{html.escape(label(c, lang))}</th>" for c in CLASSES)
    rows = []
    for a in CLASSES:
        cells = []
        for b in CLASSES:
            n = int(matrix.at[a, b])
            shown = fmt_int(n, lang) if n else "·"
            cells.append(f"<td><b>{shown}</b></td>" if a == b else f"<td>{shown}</td>")
        name = html.escape(label(a, lang))
        rows.append(f"<tr><th>{name}</th>{''.join(cells)}</tr>")
    return (
        heading(label("change_matrix_title", lang, since=since), 3)
        + f'<table class="kmp-table kmp-matrix"><tr><th></th>{head}</tr>'
        + "".join(rows)
        + "</table>"
    )


def synthetic_notice(lang: str = "id") -> str:
    return (
        f'<div class="kmp-notice">{html.escape(label("synthetic_notice", lang))}</div>'
    )


#: Lines of the folded full list of a dataset's problems shown in a notebook.
MAX_PROBLEM_LINES = 500


def problems_html(problems: list[Problem], lang: str = "id") -> str:
    """A dataset's problems in JupyterLab, as ``kmp validate`` prints them: errors
    first, warnings summarised by kind; the full list folded (``<details>``) below,
    cut at :data:`MAX_PROBLEM_LINES` lines. Files inside the project are named
    relative to it, others by their name (:func:`~kmp_analysis.paths.display_path`).
    Empty where there is nothing to say."""
    if not problems:
        return ""
    problems = [p.in_file(display_path(p.file)) for p in problems]
    short = summarise_problems(problems, lang)
    full = summarise_problems(problems, lang, detail=True)
    pre = '<pre style="white-space:pre-wrap">'
    parts = [
        '<div class="kmp-problems">',
        heading(label("data_warnings_heading", lang), 3),
        f"{pre}{html.escape(chr(10).join(short))}</pre>",
    ]
    if full != short:
        shown = full[:MAX_PROBLEM_LINES]
        if len(full) > len(shown):
            shown.append(label("data_warnings_cut", lang, n=len(full) - len(shown)))
        title = label("data_warnings_all", lang, n=len(full))
        parts.append(
            f"<details><summary>{html.escape(title)}</summary>"
            f"{pre}{html.escape(chr(10).join(shown))}</pre></details>"
        )
    parts.append("</div>")
    return "".join(parts)


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """The commit of the workbench's own code, where it runs from a git checkout."""
    if not (PROJ_ROOT / ".git").exists():
        return None
    try:
        result = subprocess.run(
            ["git", "-C", str(PROJ_ROOT), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def provenance_html(
    evaluation: Evaluation,
    parameters: dict[str, Any],
    lang: str = "id",
    extra: dict[str, str] | None = None,
) -> HTML:
    """Method and provenance: data files and their hashes, parameters, versions.

    The data (and any path among the parameters) is named relative to the project,
    or by its own name outside it (:func:`~kmp_analysis.paths.display_path`): a
    page shows where the data is in the project, not a machine's folders; the
    files' hashes say which data it was."""
    rows = [
        (label("prov_source", lang), display_path(evaluation.source)),
        (
            label("prov_period", lang),
            f"{evaluation.period} ({', '.join(evaluation.window)})",
        ),
        (
            label("prov_files", lang),
            "; ".join(
                f"{n} sha256 {h[:16]}" for n, h in evaluation.file_hashes.items()
            ),
        ),
        (
            label("prov_parameters", lang),
            "; ".join(
                f"{k}={display_path(v) if isinstance(v, str) else v}"
                for k, v in parameters.items()
                if v not in ("", None)
            ),
        ),
        (label("prov_version", lang), f"kmp-analysis {__version__}"),
        (label("prov_commit", lang), git_commit() or label("prov_no_commit", lang)),
        *(extra or {}).items(),
    ]
    body = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>"
        for k, v in rows
    )
    method = html.escape(label("prov_method", lang))
    return HTML(
        heading(label("section_method", lang))
        + f'<div class="kmp-provenance"><p>{method}</p><table>{body}</table></div>'
    )
