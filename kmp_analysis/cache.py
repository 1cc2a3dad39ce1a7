"""Which briefs need rebuilding: cache keys over exactly what a brief depends on.

A brief depends on its notebook, its parameters, the evaluated rows of its own
kecamatan and the input rows its recommendations read, the regency figures it quotes
(as shown, see :meth:`kmp_analysis.briefs.Brief.regency_quotes`), the config and the
package version. Each part is hashed on its own, so a rebuilt brief can say why. The
regency summary depends on the whole evaluation. A key is written next to a brief's
files only after they are all in place; a brief without one (never built, failed, or
killed half-way) is built again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from kmp_analysis import __version__
from kmp_analysis.evaluate import Evaluation
from kmp_analysis.safeio import atomic_write_text

KEY_SUFFIX = ".key.json"

#: Why a brief is rebuilt, by the part of its key that changed (Bahasa Indonesia,
#: as the manifest is read by planners too).
REASONS = {
    "notebook": "notebook berubah",
    "parameter": "parameter berubah",
    "konfigurasi": "konfigurasi berubah",
    "versi": "versi kmp-analysis berubah",
    "data_kecamatan": "data kecamatan berubah",
    "angka_kabupaten": "angka kabupaten yang dikutip berubah",
    "data_kabupaten": "data kabupaten berubah",
}


def _sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def key_parts(
    notebook: Path,
    parameters: dict[str, str],
    formats: tuple[str, ...],
    evaluation: Evaluation,
    kode_kec: str | None,
    lang: str = "id",
) -> dict[str, str]:
    """The hashed parts of one brief's key (``kode_kec`` None: the regency summary)."""
    parts = {
        "notebook": _sha(notebook.read_bytes()),
        "parameter": _sha(
            json.dumps({"p": parameters, "f": sorted(formats)}, sort_keys=True)
        ),
        "konfigurasi": _sha(json.dumps(evaluation.config.to_dict(), sort_keys=True)),
        "versi": __version__,
    }
    if kode_kec is None:
        parts["data_kabupaten"] = _sha(_regency_text(evaluation))
        return parts
    from kmp_analysis.briefs import Brief

    own = Brief(evaluation, kode_kec, lang=lang).data_parts()
    quotes = own.pop("kabupaten")
    parts["data_kecamatan"] = _sha(json.dumps(own, sort_keys=True))
    parts["angka_kabupaten"] = _sha(quotes)
    return parts


def _regency_text(evaluation: Evaluation) -> str:
    texts = [evaluation.cooperatives.to_csv(index=False)]
    if evaluation.kecamatan is not None:
        texts.append(evaluation.kecamatan.to_csv(index=False))
    for name, table in sorted((evaluation.tables or {}).items()):
        texts.append(name + table.to_csv(index=False))
    return "\n".join(texts)


def combined(parts: dict[str, str]) -> str:
    return _sha(json.dumps(parts, sort_keys=True))


@dataclass(frozen=True)
class Decision:
    """Reuse a brief as it is, or build it, and why."""

    reuse: bool
    reasons: tuple[str, ...]


def decide(
    folder: Path, stem: str, parts: dict[str, str], expected: list[str], force: bool
) -> Decision:
    """Compare the stored key with ``parts`` and check the files are all there."""
    if force:
        return Decision(False, ("--force",))
    stored = read_key(folder, stem)
    if stored is None:
        return Decision(False, ("belum pernah dibuat",))
    missing = [name for name in expected if not (folder / name).is_file()]
    if missing:
        return Decision(False, ("berkas hilang: " + ", ".join(missing),))
    old = stored.get("parts", {})
    changed = [REASONS.get(p, p) for p in parts if old.get(p) != parts[p]]
    if changed:
        return Decision(False, tuple(changed))
    return Decision(True, ())


def read_key(folder: Path, stem: str) -> dict | None:
    path = folder / f"{stem}{KEY_SUFFIX}"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) else None


def write_key(folder: Path, stem: str, parts: dict[str, str]) -> None:
    """Record the key once the brief's files are in place (atomic)."""
    atomic_write_text(
        folder / f"{stem}{KEY_SUFFIX}",
        json.dumps({"key": combined(parts), "parts": parts}, indent=1, sort_keys=True),
    )


def remove_key(folder: Path, stem: str) -> None:
    """Forget a brief's key before rebuilding it (a killed rebuild is not reused)."""
    (folder / f"{stem}{KEY_SUFFIX}").unlink(missing_ok=True)
