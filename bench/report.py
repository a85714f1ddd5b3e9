"""One way to write a benchmark's result: a markdown table of two timings, as a ratio."""

from __future__ import annotations

import json
import statistics
from pathlib import Path


def write_ratio_table(
    out: Path, title: str, how: str, bare: tuple[str, list[float]], ours: tuple[str, list[float]]
) -> str:
    """Write ``out`` (markdown) and ``out`` .json (the raw seconds); return the markdown."""
    rows = []
    base = statistics.median(bare[1])
    for name, values in (bare, ours):
        middle = statistics.median(values)
        rows.append(
            f"| {name} | {middle:.3f} | {min(values):.3f} | {max(values):.3f} "
            f"| {middle / base:.2f} |"
        )
    text = "\n".join(
        [
            f"# {title}",
            "",
            how,
            "",
            "| what | median s | min s | max s | ratio to bare |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    out.with_suffix(".json").write_text(json.dumps({bare[0]: bare[1], ours[0]: ours[1]}))
    return text
