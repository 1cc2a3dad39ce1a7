"""What changed, in the kecamatan brief and the regency summary (issue 11)."""

from __future__ import annotations

import copy
import dataclasses

import pandas as pd
import pytest

from kmp_analysis.classify import CLASSES
from kmp_analysis.report.brief_content import BriefContent
from kmp_analysis.report.summary_content import SummaryContent

KEC = "64.02.06"  # Tenggarong


@pytest.fixture(scope="module")
def brief(sample_evaluation) -> BriefContent:
    return BriefContent(sample_evaluation, KEC)


def test_brief_transitions_agree_with_the_history(brief, sample_evaluation):
    hist, period = sample_evaluation.history, sample_evaluation.period
    change = brief.change()
    since = change["sejak"]
    assert since == hist.previous(period)
    matrix = change["matriks"]
    # the diagonal is "tetap", above it "naik", below it "turun"
    values = matrix.to_numpy()
    up = sum(values[i, j] for i in range(4) for j in range(4) if j > i)
    down = sum(values[i, j] for i in range(4) for j in range(4) if j < i)
    assert change["gerak"] == {
        "naik": up,
        "tetap": int(values.trace()),
        "turun": down,
    }
    # its cooperatives that existed at since, each once
    first = hist.first_window.reindex(brief.cooperatives["koperasi_id"])
    assert values.sum() == int((first <= since).sum())
    # the column sums are the kecamatan's classes now (of those counted)
    now = brief.cooperatives.set_index("koperasi_id")["kelas"].astype(str)
    counted = now[(first <= since).to_numpy()]
    assert matrix.sum(axis=0).to_dict() == {
        c: int((counted == c).sum()) for c in CLASSES
    }


def test_brief_sentences_quote_the_regency(brief, sample_evaluation):
    hist, period = sample_evaluation.history, sample_evaluation.period
    moves = hist.moves(period, hist.previous(period))
    sentences = brief.change_sentences()
    assert len(sentences) == 3
    assert f"kabupaten: {moves['naik']} naik, {moves['turun']} turun" in sentences[0]
    never = len(hist.dormant_spells(period))
    assert f"(kabupaten: {never})" in sentences[1]


def test_brief_table_shows_previous_class_arrow_and_strip(brief, sample_evaluation):
    frame = brief.table_frame()
    rank = {c: i for i, c in enumerate(CLASSES)}
    for row in frame.itertuples():
        then, now = row.kelas_sebelumnya, str(row.kelas)
        expected = (
            "↑" if rank[now] > rank[then] else "↓" if rank[now] < rank[then] else "="
        )
        assert row.arah == expected
        assert len(row.jejak_kelas) == 12
    letters = {
        "T": "tidak_bergerak",
        "A": "administratif",
        "K": "aktif",
        "B": "berdampak",
    }
    # the strip's last letter is the class now
    assert all(
        letters[strip[-1]] == str(kelas)
        for strip, kelas in zip(frame["jejak_kelas"], frame["kelas"], strict=True)
    )


def test_brief_json_carries_change_for_machines(brief):
    change = brief.to_json()["perubahan"]
    assert change["sejak"] == brief.since
    assert set(change["perpindahan"]) == set(CLASSES)
    strips = change["jejak_kelas"]
    assert len(strips["periode"]) == 12
    assert set(strips["koperasi"]) == set(brief.cooperatives["koperasi_id"])
    assert all(len(v) == 12 for v in strips["koperasi"].values())


def _with_class(evaluation, koperasi_id: str, period: str, kelas: str):
    """A copy of ``evaluation`` whose history says ``koperasi_id`` was ``kelas``
    at ``period``."""
    changed = copy.copy(evaluation)
    panel = evaluation.history.panel.copy()
    at = (panel["koperasi_id"] == koperasi_id) & (panel["periode"] == period)
    panel.loc[at, "kelas"] = kelas
    changed.history = dataclasses.replace(evaluation.history, panel=panel)
    changed._memo = {}
    return changed


def test_brief_key_changes_with_its_previous_window_and_only_then(
    brief, sample_evaluation
):
    before = brief.fingerprint()
    since = brief.since
    own = brief.cooperatives["koperasi_id"].iloc[0]
    old = str(sample_evaluation.history.kelas_at(since)[own])
    other = next(c for c in CLASSES if c != old)
    moved = BriefContent(_with_class(sample_evaluation, own, since, other), KEC)
    assert moved.fingerprint() != before
    # a figure of its history the brief does not show (an index) leaves it alone
    quiet = copy.copy(sample_evaluation)
    panel = sample_evaluation.history.panel
    quiet.history = dataclasses.replace(
        sample_evaluation.history,
        panel=panel.assign(indeks_output=panel["indeks_output"] + 0.01),
    )
    quiet._memo = {}
    assert BriefContent(quiet, KEC).fingerprint() == before


def test_summary_change(sample_evaluation):
    content = SummaryContent(sample_evaluation)
    better = content.improvement()
    assert len(better) == 20
    assert better["perubahan"].is_monotonic_decreasing
    hist, period = sample_evaluation.history, sample_evaluation.period
    spells = hist.dormant_spells(period)
    durations = content.dormant_durations()
    assert durations["jumlah"].sum() == len(spells)
    data = content.to_json()["perubahan"]
    assert data["gerak"] == hist.moves(period, hist.previous(period))
    assert sum(data["tanpa_gerak"].values()) == len(spells)
    sentences = content.change_sentences()
    assert len(sentences) == 3
    assert str(len(spells)) in sentences[2]


def test_no_previous_window_is_said_not_invented(sample_dataset):
    from kmp_analysis.evaluation import evaluate

    first = sample_dataset.first_month
    early = evaluate(sample_dataset, period=first)
    brief = BriefContent(early, KEC)
    assert brief.since is None
    sentences = brief.change_sentences()
    assert first in sentences[0]
    assert brief.to_json()["perubahan"]["perpindahan"] is None
    assert SummaryContent(early).improvement().empty
    assert "kelas_sebelumnya" not in brief.table_frame()
    assert isinstance(brief.table_frame(), pd.DataFrame)


def test_class_shares_svg_draws_each_share_to_scale():
    import xml.etree.ElementTree as ET

    from kmp_analysis.report.trends import class_shares_svg

    shares = pd.DataFrame(
        {
            "tidak_bergerak": [0.5, 0.0],
            "administratif": [0.25, 0.0],
            "aktif": [0.25, 0.5],
            "berdampak": [0.0, 0.5],
        },
        index=["2026-09", "2026-10"],
    )
    svg = class_shares_svg(shares, pd.Series([0.2, 0.4], index=shares.index), "alt <&>")
    root = ET.fromstring(svg)  # well-formed, names escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "alt <&>"
    # plot height 130: a share of 0.5 is 65 high, 0.25 is 32.5 (legend swatches: 10)
    heights = sorted(
        float(r.get("height"))
        for r in root.iter(f"{ns}rect")
        if r.get("fill", "")[:1] == "#" and float(r.get("height")) > 10
    )
    assert heights == [32.5, 32.5, 65.0, 65.0, 65.0]
    (line,) = root.iter(f"{ns}polyline")
    ys = [float(p.split(",")[1]) for p in line.get("points").split()]
    assert ys == [8 + 130 * 0.8, 8 + 130 * 0.6]


def test_kecamatan_trends_svg_one_black_line_per_kecamatan():
    import xml.etree.ElementTree as ET

    from kmp_analysis.report.trends import kecamatan_trends_svg

    trend = pd.DataFrame(
        {"A": [0.0, 0.5], "B": [0.1, 0.2], "C": [1.0, 1.0]},
        index=["2026-09", "2026-10"],
    )
    names = pd.Series({"A": "Satu", "B": "Dua", "C": "Tiga"})
    root = ET.fromstring(kecamatan_trends_svg(trend, names, trend.mean(axis=1), "alt"))
    lines = list(root.iter("{http://www.w3.org/2000/svg}polyline"))
    assert [ln.get("stroke") for ln in lines].count("black") == 3
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"Satu", "Dua", "Tiga"} <= set(texts)


def test_svg_hatches_are_lines_cut_to_the_swatch_not_patterns():
    """Chromium prints an SVG <pattern> as a bitmap (a brief's PDF was 1.3 MB): the
    hatches are plain lines and dots, placed as the 6-unit pattern placed them."""
    from kmp_analysis.report.trends import _grid, _hatch_lines, _svg_swatch

    assert _hatch_lines("/", 0, 0, 6, 6) == [(0, 6, 6, 0)]
    assert _hatch_lines("\\", 0, 0, 6, 6) == [(0, 0, 6, 6)]
    assert _hatch_lines("/", 0, 0, 12, 6) == [(0, 6, 6, 0), (6, 6, 12, 0)]
    # a swatch off the grid: every line starts and ends on its edges
    for xa, ya, xb, yb in _hatch_lines("/", 1.5, 2.0, 14, 10):
        assert 1.5 <= xa < xb <= 15.5 and 2.0 <= yb < ya <= 12.0
        assert xa + ya == pytest.approx(xb + yb)
    assert _grid(0, 6) == [3.0] and _grid(0, 13) == [3.0, 9.0]
    hatched = _svg_swatch("tidak_bergerak", 0, 0, 12, 12)
    assert "<pattern" not in hatched and "url(#" not in hatched
    assert hatched.count("M") == 6  # x + y = 6, 12, 18 and x − y = −6, 0, 6
    assert "<path" not in _svg_swatch("berdampak", 0, 0, 12, 12)
