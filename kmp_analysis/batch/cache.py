"""Which briefs need rebuilding: cache keys over exactly what a brief depends on.

A brief depends on its notebook, its parameters, the evaluated rows of its own kecamatan
and the input rows its recommendations read, the regency figures it quotes (as shown,
see :meth:`kmp_analysis.report.brief.Brief.regency_quotes`), the config and the package
version. Each part is hashed on its own, so a rebuilt brief can say why. The regency
summary depends on the whole evaluation. The batch hands the data over as text
(:func:`key_parts`): this module only hashes and compares. A key is written next to a
brief's files only after they are all in place; a brief without one (never built,
failed, or killed half-way) is built again.

Above the briefs' keys sits the run's key (:func:`run_key`): the bytes of the input
files, the notebooks and the config, the request (kecamatan, formats, language…) and
the package version. When it equals the key of a finished run whose briefs all
succeeded and are all still there (:func:`kmp_analysis.batch.manifest.unchanged_run`),
nothing needs reading or evaluating: the run is answered from its manifest in a
fraction of a second. This module imports no data library, so that answer comes
before pandas is loaded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kmp_analysis import __version__
from kmp_analysis.paths import REFERENCE_DIR
from kmp_analysis.safeio import atomic_write_text

KEY_SUFFIX = ".key.json"

#: The parts of a brief's key; when one changes the brief is rebuilt, and says why
#: with the label ``rebuild_<part>`` (:mod:`kmp_analysis.i18n`).
PARTS = (
    "notebook",
    "parameter",
    "konfigurasi",
    "versi",
    "data_kecamatan",
    "angka_kabupaten",
    "data_kabupaten",
    "data_koperasi",
)


@lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a hash of the package's code and reference data.

    Part of every key: a brief made by other code is rebuilt, also in a development
    checkout where the version number stays the same while the code changes
    (≈ 2 MB hashed once per process, a few milliseconds).
    """
    package = Path(__file__).resolve().parents[1]  # kmp_analysis/
    files = sorted(package.rglob("*.py"))
    if REFERENCE_DIR.is_dir():
        files += sorted(p for p in REFERENCE_DIR.iterdir() if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def key_parts(
    notebook: Path,
    parameters: dict[str, str],
    formats: tuple[str, ...],
    config: dict[str, Any],
    data: dict[str, str],
) -> dict[str, str]:
    """The hashed parts of one brief's key.

    ``data`` holds, by part name (one of :data:`PARTS`), the text of the data
    the brief is made of: for a kecamatan brief its own rows (``data_kecamatan``)
    and the regency figures it quotes (``angka_kabupaten``); for the regency summary
    the whole evaluation (``data_kabupaten``); for a report card the digest of what
    it shows (``data_koperasi``).
    """
    parts = {
        "notebook": _sha(notebook.read_bytes()),
        "parameter": _sha(
            json.dumps({"p": parameters, "f": sorted(formats)}, sort_keys=True)
        ),
        "konfigurasi": _sha(json.dumps(config, sort_keys=True)),
        "versi": code_version(),
    }
    parts.update({name: _sha(text) for name, text in data.items()})
    return parts


def combined(parts: dict[str, str]) -> str:
    return _sha(json.dumps(parts, sort_keys=True))


#: Why a brief is built: a label key (``rebuild_…``) and its parameters.
Reason = tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Decision:
    """Reuse a brief as it is, or build it, and why (label keys, so the run can say
    it in its own language)."""

    reuse: bool
    reasons: tuple[Reason, ...]


def decide(
    folder: Path, stem: str, parts: dict[str, str], expected: list[str], force: bool
) -> Decision:
    """Compare the stored key with ``parts`` and check the files are all there."""
    if force:
        return Decision(False, (("rebuild_force", {}),))
    stored = read_key(folder, stem)
    if stored is None:
        return Decision(False, (("rebuild_new", {}),))
    missing = [name for name in expected if not (folder / name).is_file()]
    if missing:
        return Decision(False, (("rebuild_missing", {"files": ", ".join(missing)}),))
    old = stored.get("parts", {})
    changed = [(f"rebuild_{p}", {}) for p in parts if old.get(p) != parts[p]]
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


# --------------------------------------------------------------------------- run key


def file_sha256(path: Path) -> str:
    """sha256 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def input_files(data: Path) -> list[Path]:
    """The files data can be read from: the workbook, or every visible file directly
    in the folder (a superset of the tables :func:`kmp_analysis.io.read_dataset`
    reads, so no change to an input is missed)."""
    if data.is_file():
        return [data]
    if not data.is_dir():
        return []
    return sorted(
        p for p in data.iterdir() if p.is_file() and not p.name.startswith(".")
    )


def run_key(data: Path, files: list[Path], request: dict[str, Any]) -> str:
    """Key of a whole run: the input files, ``files`` (notebooks, config), the
    request and the package version."""
    inputs = {p.name: file_sha256(p) for p in input_files(data)}
    others = {str(p): file_sha256(p) for p in files if p.is_file()}
    payload = {
        "data": str(data.resolve()),
        "inputs": inputs,
        "files": others,
        "request": request,
        "versi": code_version(),
    }
    return _sha(json.dumps(payload, sort_keys=True, default=str))
