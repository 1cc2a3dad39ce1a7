"""The record of a run: ``manifest.json`` (per brief: parameters, status, duration,
error, cache state; input hashes, config, versions) and ``index.html``, the run's
front page; and reading them back (the previous run's results, an unchanged run).
"""

from __future__ import annotations

import html
import json
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmp_analysis import __version__
from kmp_analysis.batch import cache
from kmp_analysis.batch.jobs import BatchReport, BriefResult, CacheState, Status
from kmp_analysis.i18n import fmt_dec, fmt_int, label
from kmp_analysis.safeio import atomic_write_text

if TYPE_CHECKING:
    from kmp_analysis.evaluation import Evaluation

MANIFEST = "manifest.json"
#: What the kernels and workers of a run printed (kept out of the terminal).
LOG_FILE = "batch.log"


def unchanged_report(
    run_dir: Path, manifest: dict[str, Any], started: float, notes: list[str]
) -> BatchReport:
    """The report of a run whose inputs did not change: every brief reused as it is.

    Only the manifest is rewritten (reused, with the time of this run); the briefs,
    their keys and ``index.html`` stay untouched.
    """

    def reused(entry: dict[str, Any]) -> BriefResult:
        result = BriefResult.from_manifest(entry)
        return replace(result, cache=CacheState.REUSED, duration_s=0.0, alasan_build=[])

    results = [reused(e) for e in manifest.get("briefs") or []]
    summary = manifest.get("ringkasan")
    report = BatchReport(
        run_dir=run_dir,
        period=str(manifest.get("period")),
        results=results,
        duration_s=time.perf_counter() - started,
        summary=reused(summary) if summary else None,
        notes=notes,
        cards=[reused(e) for e in manifest.get("rapor") or []],
        bundles=dict(manifest.get("bundel") or {}),
    )
    manifest.update(_run_fields(report))
    _save_manifest(run_dir, manifest)
    return report


def read_manifest(run_dir: Path) -> dict[str, Any] | None:
    """The manifest of the run in ``run_dir``; None when there is none (or it
    cannot be read)."""
    try:
        manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def unchanged_run(briefs_dir: Path, key: str) -> tuple[Path, dict] | None:
    """The run folder and manifest of a finished run with key ``key`` whose briefs
    all succeeded and whose files and keys are all in place; else None."""
    for manifest_path in sorted(briefs_dir.glob(f"*/{MANIFEST}")):
        manifest = read_manifest(manifest_path.parent)
        if manifest is None or manifest.get("run_key") != key:
            continue
        run_dir = manifest_path.parent
        if _complete(run_dir, manifest):
            return run_dir, manifest
    return None


def _complete(run_dir: Path, manifest: dict) -> bool:
    entries = [
        *(manifest.get("briefs") or []),
        manifest.get("ringkasan"),
        *(manifest.get("rapor") or []),
    ]
    for entry in entries:
        if entry is None:
            continue
        if not isinstance(entry, dict) or entry.get("status") != Status.OK:
            return False
        files = [run_dir / f for f in entry.get("files") or []]
        if not files or not all(f.is_file() for f in files):
            return False
        folder = files[0].parent
        stem = files[0].name.split(".")[0]
        if cache.read_key(folder, stem) is None:
            return False
    bundles = (manifest.get("bundel") or {}).values()
    if not all((run_dir / name).is_file() for name in bundles):
        return False
    return (run_dir / "index.html").is_file()


def previous_results(run_dir: Path) -> dict[str, BriefResult]:
    """The results of the last run in ``run_dir`` (empty when there is none), by
    what names them (:attr:`BriefResult.ident`): briefs, summary and cards."""
    manifest = read_manifest(run_dir)
    if manifest is None:
        return {}
    entries = [*(manifest.get("briefs") or []), *(manifest.get("rapor") or [])]
    if manifest.get("ringkasan"):
        entries.append(manifest["ringkasan"])
    results = {}
    for entry in entries:
        try:
            result = BriefResult.from_manifest(entry)
        except TypeError:
            continue
        results[result.ident] = result
    return results


def write_manifest(
    report: BatchReport,
    evaluation: Evaluation,
    data_path: Path,
    lang: str,
    run_key: str,
) -> None:
    manifest = {
        "run_key": run_key,
        "period": report.period,
        "window": evaluation.window,
        "data": str(data_path.resolve()),
        "synthetic": evaluation.synthetic,
        "input_hashes": evaluation.file_hashes,
        "config": evaluation.config.to_dict(),
        "lang": lang,
        "package_version": __version__,
        "python": sys.version.split()[0],
        **_run_fields(report),
    }
    _save_manifest(report.run_dir, manifest)


def _run_fields(report: BatchReport) -> dict[str, Any]:
    """What a manifest says of this run: when, how long, and every brief's result."""
    return {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(report.duration_s, 2),
        "summary": _tally(report.results),
        "notes": report.notes,
        "ringkasan": report.summary.to_manifest() if report.summary else None,
        "briefs": [r.to_manifest() for r in report.results],
        "rapor_ringkas": _tally(report.cards),
        "rapor": [r.to_manifest() for r in report.cards],
        "bundel": report.bundles,
    }


def _tally(results: list[BriefResult]) -> dict[str, int]:
    return {
        "total": len(results),
        "ok": sum(r.ok for r in results),
        "gagal": sum(not r.ok for r in results),
    }


def _save_manifest(run_dir: Path, manifest: dict[str, Any]) -> None:
    atomic_write_text(
        run_dir / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False)
    )


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
    """The run's front page: the regency summary, then every brief with its headline
    figures, status and links to its HTML and PDF."""
    from kmp_analysis.classify import CLASSES

    title = label("index_title", lang, period=report.period)
    head = [
        label("kecamatan", lang),
        label("headline_koperasi", lang),
        *(label(c, lang) for c in CLASSES),
        label("headline_berisiko", lang),
        label("index_pdf", lang),
        label("index_cards", lang),
        label("status", lang),
        label("duration", lang),
    ]
    cards_of: dict[str, list[BriefResult]] = {}
    for card in report.cards:
        cards_of.setdefault(card.kode_kec, []).append(card)
    rows = []
    for r in report.results:
        h = r.headline
        name = html.escape(f"{r.nama_kec} ({r.kode_kec})")
        name_cell, pdf_cell = name, ""
        if r.ok:
            link = html.escape(f"{r.folder}/brief.html", quote=True)
            name_cell = f'<a href="{link}">{name}</a>'
            status = html.escape(label("status_ok", lang))
            if r.pdf_pages:
                pdf = html.escape(f"{r.folder}/brief.pdf", quote=True)
                pages = html.escape(
                    label("index_pages", lang, n=fmt_int(r.pdf_pages, lang))
                )
                pdf_cell = f'<a href="{pdf}">PDF</a> ({pages})'
        else:
            status = (
                f'<span class="gagal" title="{html.escape(r.error or "", quote=True)}">'
                f"{html.escape(label('status_failed', lang))}</span>"
            )
        counts = "".join(f"<td>{fmt_int(h['kelas'][c], lang)}</td>" for c in CLASSES)
        cards_cell = ""
        if r.kode_kec in cards_of:
            n = len(cards_of[r.kode_kec])
            anchor = html.escape(f"#rapor-{r.kode_kec}", quote=True)
            cards_cell = f'<a href="{anchor}">{fmt_int(n, lang)}</a>'
        rows.append(
            f'<tr><td class="name">{name_cell}</td><td>{fmt_int(h["n"], lang)}</td>'
            f"{counts}<td>{fmt_int(h['berisiko'], lang)}</td><td>{pdf_cell}</td>"
            f"<td>{cards_cell}</td><td>{status}</td>"
            f"<td>{fmt_dec(r.duration_s, lang, 1)}</td></tr>"
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
    summary = ""
    s = report.summary
    if s is not None:
        text = html.escape(label("index_summary", lang))
        if s.ok:
            link = html.escape(f"{s.folder}/ringkasan.html", quote=True)
            summary = f'<p><a href="{link}"><b>{text}</b></a>'
            if s.pdf_pages:
                pdf = html.escape(f"{s.folder}/ringkasan.pdf", quote=True)
                summary += f' · <a href="{pdf}">PDF</a>'
            summary += "</p>"
        else:
            failed = html.escape(label("status_failed", lang))
            summary = f'<p>{text}: <span class="gagal">{failed}</span></p>'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_INDEX_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{notice}{summary}"
        f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{_cards_section(cards_of, report.bundles, lang)}</body></html>\n"
    )


def _cards_section(
    cards_of: dict[str, list[BriefResult]], bundles: dict[str, str], lang: str
) -> str:
    """Every report card, under its kecamatan (in the order of the brief's table),
    with the kecamatan's bundle of cards in one PDF."""
    if not cards_of:
        return ""
    parts = [f"<h2>{html.escape(label('index_cards_title', lang))}</h2>"]
    for code, cards in cards_of.items():
        name = html.escape(f"{cards[0].nama_kec} ({code})")
        bundle = ""
        if code in bundles:
            link = html.escape(bundles[code], quote=True)
            text = html.escape(label("index_bundle", lang, n=fmt_int(len(cards), lang)))
            bundle = f' · <a href="{link}">{text}</a>'
        items = []
        for card in cards:
            title = html.escape(card.nama_koperasi or card.koperasi_id)
            kelas = card.headline.get("kelas")
            shown = f" — {html.escape(label(kelas, lang))}" if kelas else ""
            desa = card.headline.get("desa")
            where = f", {html.escape(desa)}" if desa else ""
            if card.ok:
                link = html.escape(f"{card.folder}/rapor.html", quote=True)
                entry = f'<a href="{link}">{title}</a>{where}{shown}'
                if card.pdf_pages:
                    pdf = html.escape(f"{card.folder}/rapor.pdf", quote=True)
                    entry += f' · <a href="{pdf}">PDF</a>'
            else:
                failed = html.escape(label("status_failed", lang))
                reason = html.escape(card.error or "", quote=True)
                entry = (
                    f'{title}{where}: <span class="gagal" title="{reason}">'
                    f"{failed}</span>"
                )
            items.append(f"<li>{entry}</li>")
        parts.append(
            f'<details id="rapor-{html.escape(code, quote=True)}"><summary>'
            f"<b>{name}</b>{bundle}</summary><ol>{''.join(items)}</ol></details>"
        )
    return "".join(parts)
