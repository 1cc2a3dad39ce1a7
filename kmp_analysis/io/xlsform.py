"""The phone form of the monthly report (``kmp form``): an XLSForm for ODK Collect
and KoboToolbox, written from the same table definitions the reader checks.

Every number of :data:`~kmp_analysis.schema.TABLES` ``["laporan_bulanan"]`` becomes a
question: ``int`` columns integers, ``money`` columns decimals (rupiah can pass the
32-bit integer of ODK Collect), each with the validator's rules as constraints
(never negative; :data:`~kmp_analysis.schema.NOT_ABOVE`: ``anggota_aktif`` not
above ``anggota_terdaftar``…) and required where the column is. The village is a
cascading choice (kecamatan, then its villages, official codes from
:mod:`kmp_analysis.reference`); the cooperative follows from the village
(``KMP-`` and the village's 10-digit code, as the sample and the template name
them). The form's ``version`` is a digest of all this, so it changes whenever the
table definitions, the rules or the villages do, and ODK Central and
KoboToolbox see a new version.

Field names are the table's column names, so an export of the form reads back as
the ``laporan_bulanan`` table (:mod:`kmp_analysis.io.exports`), whatever group
prefix the server puts before them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from kmp_analysis import reference
from kmp_analysis.config import check_lang
from kmp_analysis.i18n import LANGS, TEMPLATE_NOTES, label
from kmp_analysis.safeio import atomic_path
from kmp_analysis.schema import NOT_ABOVE, TABLES, UNITS, Col

TABLE = "laporan_bulanan"
FORM_ID = "kmp_laporan_bulanan"
#: Groups of the form; exports prefix the fields inside with them.
GROUP_PLACE = "grp_lokasi"
GROUP_FIGURES = "grp_angka"
#: Questions of the form that are no column of the table (the reader ignores them).
FORM_ONLY_FIELDS = ("kecamatan", "kode_desa", "unit_beroperasi", "catatan", "foto_buku")
#: Raise this when the form changes in a way the table definitions do not show.
FORM_REVISION = 1
#: The form's languages, as XLSForm names them (``label::Bahasa Indonesia (id)``).
LANGUAGE_NAMES = {"id": "Bahasa Indonesia (id)", "en": "English (en)"}

#: The XLSForm question type of each kind of column of the table.
_QUESTION_TYPE = {"int": "integer", "money": "decimal"}


def koperasi_id_of(kode_desa: str) -> str:
    """The cooperative of a village, as the form computes it.

    >>> koperasi_id_of("64.02.01.2001")
    'KMP-6402012001'
    """
    return "KMP-" + kode_desa.replace(".", "")


def form_version() -> str:
    """A digest of what the form is built from: the table's definition, the rules
    across columns, the units and the official villages (12 hex digits)."""
    villages = reference.villages()[["kode_desa", "nama_desa", "kode_kec", "nama_kec"]]
    parts = [
        repr(TABLES[TABLE]),
        repr(sorted((k, v) for k, v in NOT_ABOVE.items() if v[0] == TABLE)),
        repr(UNITS),
        villages.to_csv(index=False),
        str(FORM_REVISION),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def build_form(lang: str = "id") -> dict[str, pd.DataFrame]:
    """The XLSForm's sheets (``survey``, ``choices``, ``settings``) as frames.

    ``lang`` is the form's default language; both languages are always in it.
    """
    check_lang(lang)
    rows: list[dict[str, str]] = [
        {"type": "start", "name": "start"},
        {"type": "end", "name": "end"},
        _begin(GROUP_PLACE, "form_group_place"),
        {
            **_question("select_one kecamatan", "kecamatan", "form_q_kecamatan"),
            **_required(),
        },
        {
            **_question("select_one desa", "kode_desa", "form_q_desa"),
            **_required(),
            "choice_filter": "kecamatan=${kecamatan}",
        },
    ]
    spec = TABLES[TABLE]
    figures: list[dict[str, str]] = []
    for col in spec.columns:
        if col.kind == "id":
            rows.append(
                {
                    "type": "calculate",
                    "name": col.name,
                    "calculation": "instance('desa')/root/item"
                    "[name=${kode_desa}]/koperasi_id",
                }
            )
            rows.append(
                {
                    "type": "note",
                    "name": "koperasi_info",
                    **_labels("label", "form_q_koperasi", ref="${koperasi_id}"),
                }
            )
        elif col.kind == "month":
            rows.append(_month(col))
        elif col.kind in _QUESTION_TYPE:
            figures.append(_figure(col))
        else:  # a new kind of column: the form must learn it, not skip it
            raise ValueError(f"no form question for column kind {col.kind!r}")
    rows.append({"type": "end_group", "name": ""})
    rows.append(_begin(GROUP_FIGURES, "form_group_figures"))
    rows.extend(figures)
    rows.append({"type": "end_group", "name": ""})
    rows.append(
        _question("select_multiple unit", "unit_beroperasi", "form_q_units", hint=True)
    )
    rows.append(_question("text", "catatan", "form_q_note"))
    photo = _question("image", "foto_buku", "form_q_photo", hint=True)
    rows.append({**photo, "parameters": "max-pixels=1600"})  # smaller uploads
    survey = pd.DataFrame(rows).fillna("")
    settings = pd.DataFrame(
        [
            {
                "form_title": label("form_title", lang),
                "form_id": FORM_ID,
                "version": form_version(),
                "default_language": LANGUAGE_NAMES[lang],
                "instance_name": "concat(${koperasi_id}, ' ', ${bulan})",
            }
        ]
    )
    return {"survey": survey, "choices": _choices(), "settings": settings}


def write_form(out: str | Path, lang: str = "id") -> Path:
    """Write the XLSForm to ``out`` (``.xlsx``), atomically, and return its path."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValueError(f"the form must be an .xlsx file, not {out.name!r}")
    sheets = build_form(lang)
    with atomic_path(out) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return out


def question_count(sheets: dict[str, pd.DataFrame]) -> int:
    """Questions a person answers (not groups, notes, calculations or metadata)."""
    kinds = sheets["survey"]["type"].str.split().str[0]
    shown = {"integer", "decimal", "text", "date", "image", "select_one"}
    return int(kinds.isin(shown | {"select_multiple"}).sum())


# ------------------------------------------------------------------ rows


def _labels(column: str, key: str, **params: str) -> dict[str, str]:
    return {
        f"{column}::{LANGUAGE_NAMES[lang]}": label(key, lang, **params)
        for lang in LANGS
    }


def _begin(name: str, key: str) -> dict[str, str]:
    return {"type": "begin_group", "name": name, **_labels("label", key)}


def _question(kind: str, name: str, key: str, hint: bool = False) -> dict[str, str]:
    row = {"type": kind, "name": name, **_labels("label", key)}
    if hint:
        row.update(_labels("hint", f"{key}_hint"))
    return row


def _required() -> dict[str, str]:
    return {"required": "yes", **_labels("required_message", "form_required")}


def _column_hint(col: Col) -> dict[str, str]:
    note = TEMPLATE_NOTES.get(TABLE, {}).get(col.name)
    if not note:
        return {}
    return {f"hint::{LANGUAGE_NAMES[lang]}": note[i] for i, lang in enumerate(LANGS)}


def _month(col: Col) -> dict[str, str]:
    return {
        **_question("date", col.name, "form_q_bulan"),
        **_column_hint(col),
        **(_required() if col.required else {}),
        "appearance": "month-year",
        "constraint": ". <= today()",
        **_labels("constraint_message", "form_c_month_future"),
    }


def _figure(col: Col) -> dict[str, str]:
    """A number of the report: its type, its rules, its messages."""
    rules = [". >= 0"]
    keys = ["form_c_negative"]
    for where, column, limit in NOT_ABOVE.values():
        if where == TABLE and column == col.name:
            limit_col = TABLES[TABLE].col(limit)
            if limit_col.required:
                rules.append(f". <= ${{{limit}}}")
            else:  # an empty limit limits nothing, as in the reader
                rules.append(f"(${{{limit}}} = '' or . <= ${{{limit}}})")
            keys.append(f"form_c_not_above_{limit}")
    messages = {
        f"constraint_message::{LANGUAGE_NAMES[lang]}": " ".join(
            label(key, lang) for key in keys
        )
        for lang in LANGS
    }
    return {
        "type": _QUESTION_TYPE[col.kind],
        "name": col.name,
        **_labels("label", f"form_q_{col.name}"),
        **_column_hint(col),
        **(_required() if col.required else {}),
        "constraint": " and ".join(rules),
        **messages,
    }


def _choices() -> pd.DataFrame:
    villages = reference.villages()
    kecamatan = villages[["kode_kec", "nama_kec"]].drop_duplicates("kode_kec")
    rows: list[dict[str, str]] = []
    for code, name in kecamatan.itertuples(index=False):
        rows.append({"list_name": "kecamatan", "name": code, **_same(name)})
    for row in villages.itertuples(index=False):
        rows.append(
            {
                "list_name": "desa",
                "name": row.kode_desa,
                **_same(row.nama_desa),
                "kecamatan": row.kode_kec,
                "koperasi_id": koperasi_id_of(row.kode_desa),
            }
        )
    for unit in UNITS:
        rows.append(
            {"list_name": "unit", "name": unit, **_labels("label", f"form_unit_{unit}")}
        )
    return pd.DataFrame(rows).fillna("")


def _same(text: str) -> dict[str, str]:
    """A proper name: the same label in every language."""
    return {f"label::{LANGUAGE_NAMES[lang]}": text for lang in LANGS}
