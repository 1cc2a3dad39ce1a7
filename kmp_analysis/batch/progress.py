"""One progress display over all briefs of a run: a bar on a terminal, a line per
brief elsewhere (CI, a log file).
"""

from __future__ import annotations

import sys

from kmp_analysis.batch.jobs import BriefResult


class Progress:
    """One progress display over all briefs (a bar on a terminal, lines elsewhere)."""

    def __init__(self, total: int, reused: int = 0, enabled: bool = True) -> None:
        from tqdm import tqdm

        self.counts = {"dipakai_ulang": reused, "ditulis": 0, "gagal": 0}
        self.enabled = enabled
        self.tty = enabled and sys.stderr.isatty()
        self.bar = tqdm(total=total, unit="brief", desc="Brief", disable=not self.tty)

    def update(self, result: BriefResult, running: list[str] | None = None) -> None:
        """Count ``result``; on a terminal, show the kecamatan now ``running`` (or,
        when the caller does not know them, the one just finished)."""
        key = "gagal" if result.status != "ok" else result.cache
        self.counts[key] += 1
        counts = (
            f"ulang {self.counts['dipakai_ulang']} · ditulis {self.counts['ditulis']}"
            f" · gagal {self.counts['gagal']}"
        )
        if self.tty:
            names = ", ".join(running) if running is not None else result.nama_kec
            self.bar.set_postfix_str(f"{names} · {counts}", refresh=False)
            self.bar.update(1)
        elif self.enabled:
            done = self.counts["ditulis"] + self.counts["gagal"]
            print(
                f"[{done}/{self.bar.total}] {result.nama_kec}: {result.status} "
                f"({result.duration_s:.1f} s) — {counts}",
                file=sys.stderr,
                flush=True,
            )

    def close(self) -> None:
        self.bar.close()
