"""The report card's lines on its pengurus' training, its pendamping and its
financing (issue 15), rapor.json's "dukungan", and the card's cache key."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest

from kmp_analysis.report.rapor import Rapor
from kmp_analysis.report.rapor_content import RaporContent, card_inputs
from kmp_analysis.schema import empty_table
from kmp_analysis.support import SUPPORT_TABLES

END = pd.Timestamp("2026-10-31")  # the sample's period, 2026-10
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def cooperative_where(ev, condition) -> str:
    support = ev.support
    return str(support.loc[condition(support), "koperasi_id"].iloc[0])


def test_the_training_line_counts_its_pengurus(sample_evaluation):
    kid = "KMP-6402061004"
    people = sample_evaluation.tables["pengurus"]
    tiers = people.loc[people["koperasi_id"] == kid, "jenjang_pelatihan"].astype(str)
    counts = tiers.value_counts()
    trained = len(tiers) - counts.get("belum", 0)
    line = RaporContent(sample_evaluation, kid).support_lines()[0]
    assert line.startswith(f"Pengurus terlatih: {trained} dari {len(tiers)} (")
    for tier in ("dasar", "menengah", "lanjut"):
        shown = f"{tier} {counts.get(tier, 0)}" in line
        assert shown == (counts.get(tier, 0) > 0)
    assert f"{counts['belum']} orang ke dasar" in line
    training = RaporContent(sample_evaluation, kid).training()
    assert training["terlatih"] == trained and training["pengurus"] == len(tiers)


def test_a_pendamping_now_since_its_first_arrival(sample_evaluation):
    ev = sample_evaluation
    kid = cooperative_where(ev, lambda s: s["ada_pendamping"].fillna(False))
    rows = ev.tables["pendampingan"]
    own = rows[(rows["koperasi_id"] == kid) & (rows["tanggal_mulai"] <= END)]
    first = own["tanggal_mulai"].min()
    months = (2026 * 12 + 10) - (first.year * 12 + first.month)
    current = own[own["tanggal_selesai"].isna() | (own["tanggal_selesai"] > END)]
    lines = RaporContent(ev, kid).support_lines()
    (line,) = [x for x in lines if x.startswith("Pendamping:")]
    assert line == (
        f"Pendamping: {current['pendamping_id'].iloc[0]}; didampingi sejak "
        f"{MONTHS[first.month - 1]} {first.year} ({months} bulan)."
    )
    data = RaporContent(ev, kid).to_json()["dukungan"]["pendampingan"]
    assert data["ada"] is True and data["bulan"] == months


def test_a_pendamping_who_left_and_none_yet(sample_evaluation):
    ev = sample_evaluation
    left = cooperative_where(
        ev,
        lambda s: ~s["ada_pendamping"].fillna(True) & s["pendamping_pertama"].notna(),
    )
    lines = RaporContent(ev, left).support_lines()
    assert any(
        x.startswith("Pendamping: tidak ada sekarang (didampingi ") for x in lines
    )
    never = cooperative_where(ev, lambda s: s["pendamping_pertama"].isna())
    assert (
        "Pendamping: belum ada pendamping." in RaporContent(ev, never).support_lines()
    )
    assert "Facilitator: none yet." in RaporContent(ev, never, "en").support_lines()


def test_financing_only_where_disbursed(sample_evaluation):
    ev = sample_evaluation
    paid = ev.tables["pembiayaan"]
    paid = paid[paid["tanggal_cair"] <= END]
    twice = paid["koperasi_id"].value_counts()
    kid = str(twice.index[0])
    assert twice.iloc[0] > 1
    total = paid.loc[paid["koperasi_id"] == kid, "jumlah"].sum()
    lines = RaporContent(ev, kid).support_lines()
    (line,) = [x for x in lines if x.startswith("Pembiayaan:")]
    shown = f"{int(total):,}".replace(",", ".")
    assert line.startswith(f"Pembiayaan: Rp {shown} dalam {twice.iloc[0]} pencairan")
    data = RaporContent(ev, kid).to_json()["dukungan"]["pembiayaan"]
    assert data["dibiayai"] is True and data["jumlah"] == total
    never = cooperative_where(ev, lambda s: ~s["dibiayai"].fillna(True))
    lines = RaporContent(ev, never).support_lines()
    assert not any(x.startswith("Pembiayaan") for x in lines)


@pytest.mark.parametrize("empty", [False, True], ids=["absent", "empty"])
def test_without_the_optional_tables(sample_evaluation, empty):
    tables = dict(sample_evaluation.tables)
    for name in SUPPORT_TABLES:
        if empty:
            tables[name] = empty_table(name)
        else:
            tables.pop(name)
    ev = dataclasses.replace(sample_evaluation, tables=tables)
    card = Rapor(ev, "KMP-6402022009")
    lines = card.support_lines()
    assert lines[0].startswith("Pengurus terlatih: 2 dari 8 (dasar 2)")
    assert "Pelatihan terakhir" not in lines[0]
    assert lines[1:] == ["Pendamping: belum ada data pendampingan."]
    data = json.loads(json.dumps(card.to_json(), allow_nan=False))["dukungan"]
    assert data["ada_data"] == dict.fromkeys(SUPPORT_TABLES, False)
    assert data["pendampingan"]["ada"] is None and data["pembiayaan"]["jumlah"] is None
    assert "belum ada data pendampingan" in card.around().data


def test_the_card_shows_its_support_lines(sample_evaluation):
    card = Rapor(sample_evaluation, "KMP-6402022009", lang="en")
    text = card.around().data
    for line in card.support_lines():
        assert line.split(";")[0] in text
    assert "Financing: Rp 1,875,000,000 in 2 disbursements" in text


def test_a_card_is_rebuilt_when_its_pendampingan_or_pembiayaan_changes(
    sample_evaluation,
):
    before = card_inputs(sample_evaluation)
    for name, column, value in (
        ("pendampingan", "pendamping_id", "PD-BARU"),
        ("pembiayaan", "jumlah", 1.0),
        ("pelatihan", "penyelenggara", "Penyelenggara lain"),
    ):
        tables = dict(sample_evaluation.tables)
        changed = tables[name].copy()
        kid = changed["koperasi_id"].iloc[0]
        changed.loc[changed.index[0], column] = value
        tables[name] = changed
        ev = dataclasses.replace(sample_evaluation, tables=tables)
        after = card_inputs(ev)
        assert {k for k in after if after[k] != before[k]} == {kid}, name
