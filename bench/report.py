"""One way to write a benchmark's result: a markdown table of timings, as ratios to the bare
program's."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

Series = tuple[str, list[float]]


def ratio_rows(bare: Series, *ours: Series) -> list[str]:
    rows = [
        "| what | median s | min s | max s | ratio to bare |",
        "|---|---|---|---|---|",
    ]
    base = statistics.median(bare[1])
    for name, values in (bare, *ours):
        middle = statistics.median(values)
        rows.append(
            f"| {name} | {middle:.3f} | {min(values):.3f} | {max(values):.3f} "
            f"| {middle / base:.2f} |"
        )
    return rows


def write_result(out: Path, text: str, raw: object) -> str:
    """Write ``out`` (markdown) and ``out`` .json (the raw figures); return the markdown."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")
    out.with_suffix(".json").write_text(json.dumps(raw))
    return text


def write_ratio_table(
    out: Path, title: str, how: str, bare: Series, *ours: Series, extra: str = ""
) -> str:
    """Write ``out`` (markdown) and ``out`` .json (the raw seconds); return the markdown."""
    text = "\n".join([f"# {title}", "", how, "", *ratio_rows(bare, *ours), "", extra]).rstrip()
    return write_result(out, text, dict([bare, *ours]))
