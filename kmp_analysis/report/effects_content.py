"""What the summary says about the effects of support, in plain words (DESIGN §7b).

Reads the JSON form of :func:`kmp_analysis.effects.effects_to_json` (what
``kmp effects`` writes and :attr:`Evaluation.effects` holds) and turns each effort's
effect on participation into one sentence a planner can repeat: the effect with its
range and what it means in members, or "belum dapat disimpulkan" when the range
includes zero, or "data belum cukup" under the minimum of treated cooperatives.
A table gives every outcome; the caveats are two lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from kmp_analysis.effects import (
    EFFORTS,
    ESTIMATED,
    NO_CONTROLS,
    NO_DATA,
    OUTCOMES,
    TOO_FEW,
)
from kmp_analysis.i18n import fmt_int, fmt_num, fmt_rupiah, label

#: The outcome each effort's sentence is about.
HEADLINE_OUTCOME = "partisipasi"
#: Below this p-value the months before the effort already differ: said.
PRE_TREND_ALARM = 0.05


def _points(share: float, lang: str) -> str:
    """A share as percentage points, whole from 2 points, else one decimal."""
    value = 100 * share
    return fmt_num(value, lang, 0 if abs(value) >= 2 else 1)


def p_value(p: float | None, lang: str) -> str:
    """A p-value as a reader takes it: two decimals, "< 0,01" below that.

    Examples
    --------
    >>> p_value(0.3871, "id"), p_value(0.0047, "id"), p_value(0.0047, "en")
    ('0,39', '< 0,01', '< 0.01')
    """
    if p is None:
        return "–"
    if p < 0.01:
        return f"< {fmt_num(0.01, lang, 2)}"
    return fmt_num(p, lang, 2)


def effect_value(outcome: str, value: float, lang: str) -> str:
    """One estimate in its outcome's unit: points, or rupiah per member."""
    if outcome == "omzet_per_anggota":
        return fmt_rupiah(value, lang)
    return _points(value, lang)


def conclusive(entry: Mapping[str, Any]) -> bool:
    """An estimate whose 95% range excludes zero."""
    ci = entry.get("ci")
    return entry.get("status") == ESTIMATED and bool(ci) and (ci[0] > 0 or ci[1] < 0)


def effect_sentence(
    effort: str, entry: Mapping[str, Any], lang: str, minimum: int
) -> str:
    """One sentence on ``effort``'s effect on participation (see the module doc)."""
    name = label(f"efek_upaya_{effort}", lang)
    status = entry.get("status", NO_DATA)
    if status == NO_DATA:
        return label("efek_belum_ada_data", lang, upaya=name, tabel=effort)
    if status == TOO_FEW:
        return label(
            "efek_data_belum_cukup",
            lang,
            upaya=name,
            n=fmt_int(entry.get("n_treated", 0), lang),
            kena=label(f"efek_kena_{effort}", lang),
            minimum=fmt_int(minimum, lang),
        )
    if status == NO_CONTROLS:
        return label(
            "efek_tanpa_pembanding",
            lang,
            upaya=name,
            kena=label(f"efek_kena_{effort}", lang),
        )
    att, (lo, hi) = entry["att"], entry["ci"]
    common = {
        "upaya": name,
        "nilai": _points(abs(att), lang),
        "lo": _points(lo, lang),
        "hi": _points(hi, lang),
        "setelah": label(f"efek_setelah_{effort}", lang),
        "bulan": fmt_int(entry.get("bulan_setelah") or 0, lang),
        "n_t": fmt_int(entry["n_treated"], lang),
        "n_c": fmt_int(entry["n_control"], lang),
        "kena": label(f"efek_kena_{effort}", lang),
    }
    if conclusive(entry):
        members = entry.get("anggota_median") or 0
        extra = abs(att) * members
        key = "efek_naik" if att > 0 else "efek_turun"
        common["lo"] = _points(min(abs(lo), abs(hi)), lang)
        common["hi"] = _points(max(abs(lo), abs(hi)), lang)
        text = label(
            key,
            lang,
            **common,
            anggota=fmt_int(max(1, round(extra)), lang) if extra >= 0.5 else "<1",
        )
    else:
        text = label(
            "efek_belum_dapat_disimpulkan", lang, **common, arah=_sign(att, lang)
        )
    return " ".join([text, *_warnings(entry, lang)])


def _sign(att: float, lang: str) -> str:
    return label("efek_arah_naik" if att >= 0 else "efek_arah_turun", lang)


def _warnings(entry: Mapping[str, Any], lang: str) -> list[str]:
    """What weakens this estimate: months before the effort that already differ,
    a second method that disagrees."""
    out = []
    p = entry.get("pre_trend_p")
    if p is not None and p < PRE_TREND_ALARM:
        shown = (
            f"p < {fmt_num(0.001, lang, 3)}"
            if p < 0.001
            else f"p = {fmt_num(p, lang, 3)}"
        )
        out.append(label("efek_pra_tren", lang, p=shown))
    check = entry.get("cek_silang") or {}
    ci = entry.get("ci")
    other = check.get("att")
    if other is not None and ci and not (ci[0] <= other <= ci[1]):
        out.append(label("efek_cek_silang_beda", lang, nilai=_points(other, lang)))
    return out


def effect_sentences(
    effects: Mapping[str, Mapping[str, Any]], lang: str, minimum: int
) -> list[str]:
    """One sentence per effort, about participation."""
    return [
        effect_sentence(
            effort, effects.get(effort, {}).get(HEADLINE_OUTCOME, {}), lang, minimum
        )
        for effort in EFFORTS
    ]


def effect_table(effects: Mapping[str, Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """Every effort × outcome: the estimate with its range, the pre-trend check,
    treated and comparison cooperatives, or why there is no estimate."""
    rows = []
    for effort in EFFORTS:
        for outcome in OUTCOMES:
            entry = effects.get(effort, {}).get(outcome, {})
            status = entry.get("status", NO_DATA)
            if status == ESTIMATED:
                lo, hi = entry["ci"]
                shown = label(
                    "efek_sel",
                    lang,
                    nilai=effect_value(outcome, entry["att"], lang),
                    lo=effect_value(outcome, lo, lang),
                    hi=effect_value(outcome, hi, lang),
                )
                verdict = label(
                    "efek_vonis_ya" if conclusive(entry) else "efek_vonis_belum", lang
                )
                pre = p_value(entry.get("pre_trend_p"), lang)
            else:
                shown, verdict, pre = "–", label(f"efek_status_{status}", lang), "–"
            rows.append(
                {
                    "upaya": label(f"efek_upaya_{effort}", lang),
                    "hasil": label(f"efek_hasil_{outcome}", lang),
                    "perkiraan": shown,
                    "kesimpulan": verdict,
                    "pra_tren_p": pre,
                    "n_diperlakukan": fmt_int(entry.get("n_treated", 0), lang),
                    "n_pembanding": fmt_int(entry.get("n_control", 0), lang),
                }
            )
    return pd.DataFrame(rows)


def caveats(lang: str) -> list[str]:
    """The two lines every reader of an effect must see."""
    return [label("efek_catatan_1", lang), label("efek_catatan_2", lang)]


def any_estimate(effects: Mapping[str, Mapping[str, Any]]) -> bool:
    return any(
        entry.get("status") == ESTIMATED
        for by_outcome in effects.values()
        for entry in by_outcome.values()
    )


def effects_workbook(
    effects: Mapping[str, Mapping[str, Any]], lang: str
) -> dict[str, pd.DataFrame]:
    """The sheets of ``kmp effects --out FILE.xlsx``: ``efek`` (one row per effort
    and outcome) and ``studi_peristiwa`` (one row per month since the effort)."""
    summary, events = [], []
    for effort in EFFORTS:
        for outcome in OUTCOMES:
            entry = effects.get(effort, {}).get(outcome, {})
            status = entry.get("status", NO_DATA)
            ci = entry.get("ci") or [None, None]
            names = {
                "upaya": label(f"efek_upaya_{effort}", lang),
                "hasil": label(f"efek_hasil_{outcome}", lang),
            }
            summary.append(
                {
                    **names,
                    "status": label(
                        ("efek_vonis_ya" if conclusive(entry) else "efek_vonis_belum")
                        if status == ESTIMATED
                        else f"efek_status_{status}",
                        lang,
                    ),
                    "efek_att": entry.get("att"),
                    "batas_bawah": ci[0],
                    "batas_atas": ci[1],
                    "pra_tren_p": entry.get("pre_trend_p"),
                    "n_diperlakukan": entry.get("n_treated", 0),
                    "n_pembanding": entry.get("n_control", 0),
                    "n_kecamatan": entry.get("n_kecamatan"),
                    "cek_silang_att": (entry.get("cek_silang") or {}).get("att"),
                    "anggota_median": entry.get("anggota_median"),
                    "bulan_setelah": entry.get("bulan_setelah"),
                }
            )
            for row in entry.get("event_study", []):
                events.append(
                    {
                        **names,
                        "bulan_sejak": row["e"],
                        "efek_att": row["att"],
                        "batas_bawah": row["lo"],
                        "batas_atas": row["hi"],
                    }
                )
    columns = ["upaya", "hasil", "bulan_sejak", "efek_att", "batas_bawah", "batas_atas"]
    return {
        "efek": pd.DataFrame(summary),
        "studi_peristiwa": pd.DataFrame(events, columns=columns),
    }
