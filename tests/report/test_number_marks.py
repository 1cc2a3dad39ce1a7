"""One number format on every page a planner reads (issue 14, finding 6).

Renders, on the sample, what a planner reads — kecamatan briefs, the regency
summary, report cards, the explorer's tables and the text drawn on their figures —
and scans the visible text for a number written with the other language's decimal
mark: in Bahasa Indonesia no ``0.41`` (the decimal comma: ``0,41``), in English no
``0,41``.

What looks like a decimal but is not one is taken out first, deliberately and by
value rather than by shape (a shape would also hide a real ``19.99``): the area
codes of the data (kecamatan ``64.02.06``, desa ``64.02.06.2001``, the regency's
``64.02``), the package version of the provenance box, and the file hashes
(hexadecimal, never a mark). Months are written ``2026-10`` and carry no mark.
A thousands group (``1.234`` in Indonesian, ``1,234`` in English) has exactly three
digits after the mark, so the patterns ask for one or two: a decimal with three
digits would be ambiguous to a reader anyway, and no page writes one.
"""

from __future__ import annotations

import html
import re

import matplotlib.figure
import matplotlib.text
import pytest

from kmp_analysis import __version__
from kmp_analysis.report import charts
from kmp_analysis.report.brief import Brief
from kmp_analysis.report.explore import Explorer
from kmp_analysis.report.rapor import Rapor
from kmp_analysis.report.summary import Summary

#: A decimal with the wrong mark for the reader: one or two digits after it (three
#: are a thousands group), not inside a longer run of digits and marks.
WRONG_MARK = {
    "id": re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d])"),
    "en": re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d])"),
}

BRIEF_SECTIONS = (
    "header",
    "summary",
    "quality_box",
    "what_changed",
    "map",
    "quadrant",
    "table",
    "village_context",
    "recommendations",
    "training",
    "support",
    "bumdes",
    "provenance",
)
SUMMARY_SECTIONS = (
    "header",
    "headline",
    "what_changed",
    "village_context",
    "choropleth",
    "quadrant",
    "ranks",
    "pendamping",
    "training",
    "training_waves",
    "effects",
    "provenance",
)
CARD_SECTIONS = (
    "header",
    "standing",
    "indicator_table",
    "steps_list",
    "around",
    "actions_box",
    "legend",
)
#: Tenggarong (the notebook's default) and Tabang (figures to check, few reports).
KECAMATAN = ("64.02.06", "64.02.12")


def visible_text(markup: str) -> str:
    """What a reader sees of ``markup``: no styles, scripts, tags or data URLs."""
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r'src="data:[^"]*"', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def without_codes(text: str, evaluation) -> str:
    """``text`` without the area codes of the data and the package version."""
    coops = evaluation.cooperatives
    codes = set(coops["kode_desa"].astype(str)) | set(coops["kode_kec"].astype(str))
    codes |= {code[:5] for code in set(coops["kode_kec"].astype(str))}  # regency
    for code in sorted(codes, key=len, reverse=True):
        text = text.replace(code, " ")
    return text.replace(f"kmp-analysis {__version__}", " ")


def wrong_marks(text: str, lang: str) -> list[str]:
    return WRONG_MARK[lang].findall(text)


def figure_texts(fig: matplotlib.figure.Figure) -> str:
    """Every text a reader sees on ``fig``: titles, axis labels, the tick labels
    its formatters write (inside the axes' limits, on axes that are drawn), texts,
    annotations and legends."""
    fig.canvas.draw()
    texts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts.append(legend.get_title().get_text())
            texts += [t.get_text() for t in legend.get_texts()]
        if not ax.axison:
            continue
        texts += [ax.get_xlabel(), ax.get_ylabel()]
        for locs, labels, limits in (
            (ax.get_xticks(), ax.get_xticklabels(), ax.get_xlim()),
            (ax.get_yticks(), ax.get_yticklabels(), ax.get_ylim()),
        ):
            lo, hi = sorted(limits)
            texts += [
                t.get_text()
                for loc, t in zip(locs, labels, strict=True)
                if lo - 1e-9 <= loc <= hi + 1e-9
            ]
    return "\n".join(texts)


# --------------------------------------------------------------- the patterns


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("id", "indeks 0.41 dan 19.9%", ["0.41", "19.9"]),
        ("id", "indeks 0,41; 1.234 koperasi; Rp 1.370.834", []),
        ("id", "akhir kalimat 0.5.", ["0.5"]),
        ("en", "index 0,41 and 19,9%", ["0,41", "19,9"]),
        ("en", "index 0.41; 1,234 cooperatives; Rp 1,370,834", []),
        ("en", "Tabang, Sebulu and 3 others", []),
    ],
)
def test_the_patterns_find_the_wrong_mark_and_only_it(lang, text, found):
    assert wrong_marks(text, lang) == found


def test_codes_and_the_version_are_taken_out(sample_evaluation):
    code = str(sample_evaluation.cooperatives["kode_desa"].iloc[0])
    text = f"desa {code}, kecamatan {code[:8]}, kmp-analysis {__version__}"
    assert wrong_marks(text, "id") != []  # they would be found otherwise
    assert wrong_marks(without_codes(text, sample_evaluation), "id") == []


# --------------------------------------------------------------- the pages


@pytest.fixture(scope="module", params=["id", "en"])
def lang(request) -> str:
    return request.param


def _check(text: str, lang: str, evaluation) -> None:
    found = wrong_marks(without_codes(text, evaluation), lang)
    assert found == [], f"{len(found)} numbers with the wrong mark: {found[:20]}"


@pytest.mark.parametrize("kode_kec", KECAMATAN)
def test_a_brief_writes_numbers_the_readers_way(sample_evaluation, lang, kode_kec):
    brief = Brief(sample_evaluation, kode_kec, lang=lang)
    page = "\n".join(getattr(brief, name)().data for name in BRIEF_SECTIONS)
    _check(visible_text(page), lang, sample_evaluation)


def test_the_summary_writes_numbers_the_readers_way(sample_evaluation, lang):
    summary = Summary(sample_evaluation, lang=lang)
    page = "\n".join(getattr(summary, name)().data for name in SUMMARY_SECTIONS)
    _check(visible_text(page), lang, sample_evaluation)


def test_report_cards_write_numbers_the_readers_way(sample_evaluation, lang):
    coops = sample_evaluation.cooperatives
    ids = coops.loc[coops["kode_kec"].isin(KECAMATAN), "koperasi_id"]
    pages = []
    for kid in ids:
        card = Rapor(sample_evaluation, kid, lang=lang)
        pages += [getattr(card, name)().data for name in CARD_SECTIONS]
    _check(visible_text("\n".join(pages)), lang, sample_evaluation)


def test_the_explorer_writes_numbers_the_readers_way(sample_dataset, lang):
    explorer = Explorer(sample_dataset, kecamatan="Tenggarong", lang=lang)
    explorer.set_thresholds(aktif_partisipasi=0.25, berdampak_kemandirian=1.1)
    page = explorer.header().data + explorer.render_html()
    _check(visible_text(page), lang, explorer.evaluation)


def test_the_figures_write_numbers_the_readers_way(sample_evaluation, lang):
    summary = Summary(sample_evaluation, lang=lang)
    coops = sample_evaluation.cooperatives
    means = (coops["indeks_output"].mean(), coops["indeks_outcome"].mean())
    figures = [
        summary.choropleth_figure(),
        summary.quadrant_figure(),
        *summary.rank_figures(),
        charts.cooperative_quadrant(
            coops,
            KECAMATAN[0],
            lang=lang,
            regency_mean=means,
        ),
    ]
    text = "\n".join(figure_texts(fig) for fig in figures)
    _check(text, lang, sample_evaluation)
