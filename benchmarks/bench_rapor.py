"""Report-card benchmark (issue 13): the whole run a newcomer's ``make briefs`` does,
and what PDFs cost.

On the shipped sample, 2 workers by default (the machine's cores), prints

(a) ``kmp briefs --rapor --format html,pdf --force``: 20 briefs, the summary and 237
    report cards with their PDFs and 20 kecamatan bundles, cold (target < 90 s);
(b) the same again with nothing changed (target b/a < 0.05);
(c) ``kmp briefs --force``, 20 briefs + summary, HTML only;
(d) ``kmp briefs --format html,pdf --force``, the same with PDFs (target d/c <= 1.5);

and the size of a card's PDF, median and largest (target < 200 KB: they travel by
WhatsApp), and of the largest bundle. Nothing is asserted: these machines are shared
and noisy.

    .venv/bin/python benchmarks/bench_rapor.py      (make bench)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from measure import forget_effects, timed

from kmp_analysis.report.pdf import find_chromium


def main() -> None:
    if find_chromium() is None:
        print("Chromium not found: nothing to measure (PDFs need it).")
        return
    kmp = [sys.executable, "-m", "kmp_analysis", "briefs", "--no-progress"]
    with tempfile.TemporaryDirectory(prefix="kmp-bench-rapor-") as tmp:
        root = Path(tmp)
        full = [*kmp, "--rapor", "--format", "html,pdf", "--out", str(root / "all")]
        forget_effects()
        a, a_peak = timed([*full, "--force"])
        b, _ = timed(full)
        forget_effects()
        c, _ = timed([*kmp, "--out", str(root / "html"), "--force"])
        forget_effects()
        d, _ = timed(
            [*kmp, "--format", "html,pdf", "--out", str(root / "pdf"), "--force"]
        )
        run = next((root / "all" / "briefs").iterdir())
        manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
        sizes = [
            (run / e["folder"] / "rapor.pdf").stat().st_size for e in manifest["rapor"]
        ]
        pages = {e["pdf_pages"] for e in manifest["rapor"]}
        bundles = [(run / f).stat().st_size for f in manifest["bundel"].values()]
    print(
        f"(a) briefs + summary + {len(sizes)} cards, HTML + PDF, cold: {a:.1f} s "
        f"(target < 90 s); peak memory of the kmp command {a_peak / 2**30:.2f} GiB"
    )
    print(f"(b) the same again, nothing changed: {b:.2f} s; b/a = {b / a:.3f} (< 0.05)")
    print(f"(c) 20 briefs + summary, HTML only, cold: {c:.1f} s")
    print(
        f"(d) 20 briefs + summary, HTML + PDF, cold: {d:.1f} s; "
        f"d/c = {d / c:.2f} (<= 1.5)"
    )
    print(
        f"card PDF: median {statistics.median(sizes) / 1000:.0f} KB, largest "
        f"{max(sizes) / 1000:.0f} KB (target < 200 KB); "
        f"pages per card {sorted(pages)}; "
        f"{len(bundles)} bundles, largest {max(bundles) / 1000:.0f} KB"
    )


if __name__ == "__main__":
    main()
