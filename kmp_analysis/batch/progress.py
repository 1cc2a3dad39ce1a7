"""One progress display over all briefs of a run: a bar on a terminal, a line per
brief elsewhere (CI, a log file).
"""

from __future__ import annotations

import sys
from collections import Counter

from kmp_analysis.batch.jobs import BriefResult, CacheState, Status
from kmp_analysis.i18n import label


class Progress:
    """One progress display over all briefs (a bar on a terminal, lines elsewhere)."""

    def __init__(
        self, total: int, reused: int = 0, enabled: bool = True, lang: str = "id"
    ) -> None:
        from tqdm import tqdm

        self.counts = Counter({CacheState.REUSED: reused})
        self.enabled = enabled
        self.lang = lang
        self.tty = enabled and sys.stderr.isatty()
        self.bar = tqdm(total=total, unit="brief", desc="Brief", disable=not self.tty)

    def update(self, result: BriefResult, running: list[str] | None = None) -> None:
        """Count ``result``; on a terminal, show the kecamatan now ``running`` (or,
        when the caller does not know them, the one just finished)."""
        self.counts[result.outcome] += 1
        counts = label(
            "progress_counts",
            self.lang,
            reused=self.counts[CacheState.REUSED],
            written=self.counts[CacheState.BUILT],
            failed=self.counts[Status.FAILED],
        )
        if self.tty:
            names = ", ".join(running) if running is not None else result.shown_name
            self.bar.set_postfix_str(f"{names} · {counts}", refresh=False)
            self.bar.update(1)
        elif self.enabled:
            done = self.counts[CacheState.BUILT] + self.counts[Status.FAILED]
            status = "progress_ok" if result.ok else "progress_failed"
            line = label(
                "progress_line",
                self.lang,
                done=done,
                total=self.bar.total,
                nama=result.shown_name,
                status=label(status, self.lang),
                seconds=f"{result.duration_s:.1f}",
                counts=counts,
            )
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        self.bar.close()
