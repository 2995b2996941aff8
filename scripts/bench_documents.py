"""What the documents (权责清单 HTML and PDF, Excel, CSV, calendars, Popolo) add to a build; `make bench` runs it.

For the real district and a synthetic city (``dutydir synth``), in one run: the seconds to write the
documents from the model, to print the lists to PDF from an empty cache (a first build) and again from
the filled cache (a rebuild with unchanged data), and their size. Medians of ``--runs`` runs. Prints a
Markdown table and writes the figures as JSON (``--json``), so the benchmark page can quote them.

The function :func:`measure_site` is what another benchmark calls to include these figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
from pathlib import Path

from dutydir.build import documents
from dutydir.data.units import load_site
from dutydir.tools import synth

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 1, 1)
SEED = 1


def measure_site(data: Path, tmp: Path, runs: int = 3) -> dict[str, float]:
    """Medians over ``runs`` of: writing the documents, printing PDFs from an empty cache, and from a full one."""
    site, _ = load_site(data, AS_OF)
    first, again, written = [], [], []
    for run in range(runs):
        cache = tmp / f"pdf-{run}"
        cold = documents.measure(site, cache)
        warm = documents.measure(site, cache)
        written.append(cold["written"])
        first.append(cold["pdf"])
        again.append(warm["pdf"])
    files = documents.site_documents(site, tmp / "pdf-0")
    return {
        "units": len(site.units),
        "posts": sum(len(u.posts) for u in site.units),
        "pdfs": cold["pdf_count"],
        "write_s": statistics.median(written),
        "pdf_first_s": statistics.median(first),
        "pdf_rebuild_s": statistics.median(again),
        "bytes": sum(len(b) for b in files.values()),
        "pdf_bytes": sum(len(b) for p, b in files.items() if p.endswith(".pdf")),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=12, help="units of the synthetic city (12: about 1,000 pages)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (median)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dutydir-bench-docs-") as folder:
        tmp = Path(folder)
        city = tmp / "city"
        synth.synth(city, args.units, SEED)
        results = {
            "真实网站（区）": measure_site(ROOT / "data" / "leaders.yaml", tmp / "district", args.runs),
            f"合成网站（{args.units} 个单位）": measure_site(city, tmp / "synthetic", args.runs),
        }
    lines = [
        "| 网站 | 单位 | 领导职务 | PDF | 写文档 | 打印PDF（首次生成） | 打印PDF（重新生成，数据未变） | 文档大小 | 其中PDF |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['units']:.0f} | {r['posts']:.0f} | {r['pdfs']:.0f} | {r['write_s']:.2f} s "
            f"| {r['pdf_first_s']:.1f} s | {r['pdf_rebuild_s']:.2f} s | {r['bytes'] / 1e6:.1f} MB | {r['pdf_bytes'] / 1e6:.1f} MB |"
        )
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
